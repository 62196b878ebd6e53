import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteKeys } from '../../../src/core/kpi/byte-keys.js';
import { DealStore } from '../../../src/core/kpi/deal-store.js';
import { KeyBatch } from '../../../src/core/kpi/key-batch.js';
import { ActivityLinker, type LinkedActivity } from '../../../src/core/kpi/link.js';

/** A store of deals whose clients are `Клиент 0` to `Клиент n - 1`. */
function storeWithClients(n: number): DealStore {
  const store = new DealStore();
  for (let i = 0; i < n; i++) store.add({ id: String(100 + i), manager: 'Иванов Иван', client: `Клиент ${i}`, created_at: Date.UTC(2024, 0, 1), closed_at: null, status: 'open', amount: null, loss_reason: '', source: '', pipeline: '', stage: '', name: '' });
  return store;
}

const activity = (client: number, i: number): LinkedActivity => ({ manager: 0, at: Date.UTC(2024, 0, 2) + i * 1000, kind: 'call', direction: 'out', missed: false, duration_s: i, deal: -1, client });

describe('HeldActivities: activities whose client waits in a batch', () => {
  it('gives every activity on once, each with the key interning its client one by one gives, across batches', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 60 }).map((i) => `Клиент ${i}`), fc.constant('')), { maxLength: 3 * KeyBatch.SIZE + 7 }), (clients) => {
        const store = storeWithClients(20);
        const linker = new ActivityLinker(store);
        const expected = ByteKeys.from(store.clients.data());
        const given: Array<{ client: string; duration: number | null }> = [];
        const held = linker.hold((a) => given.push({ client: a.client === 0 ? '' : store.clients.text(a.client), duration: a.duration_s }));
        clients.forEach((c, i) => {
          // As a reader does: a blank client is no key, another goes to the linker's clients (a placeholder now).
          const key = c === '' ? 0 : linker.clients.internText(c);
          if (c !== '') expect(key).toBeGreaterThanOrEqual(KeyBatch.LATER);
          held.add(activity(key, i));
          if (c !== '') expected.internText(c);
        });
        held.flush();
        linker.release();
        expect(given.length).toBe(clients.length);
        // Held ones come later, but each once and with its own client.
        expect([...given].sort((a, b) => a.duration! - b.duration!)).toEqual(clients.map((client, i) => ({ client, duration: i })));
        expect(store.clients.size).toBe(expected.size);
        for (let k = 0; k < expected.size; k++) expect(store.clients.text(k)).toBe(expected.text(k));
        expect(linker.clients).toBe(store.clients);
      }),
      { numRuns: 40 },
    );
  });

  it('gives an activity with a key on at once, and holds one with a placeholder until its batch is full', () => {
    const store = storeWithClients(3);
    const linker = new ActivityLinker(store);
    const given: number[] = [];
    const held = linker.hold((a) => given.push(a.duration_s!));
    held.add(activity(1, 0));
    expect(given).toEqual([0]);
    for (let i = 1; i < KeyBatch.SIZE; i++) held.add(activity(linker.clients.internText(`Новый ${i}`), i));
    expect(given).toEqual([0]);
    held.add(activity(linker.clients.internText('Новый последний'), KeyBatch.SIZE));
    expect(given.length).toBe(KeyBatch.SIZE + 1);
    linker.release();
  });

  it('release() interns the clients still held and gives nothing on; a second hold() at once is refused', () => {
    const store = storeWithClients(2);
    const linker = new ActivityLinker(store);
    const given: LinkedActivity[] = [];
    const held = linker.hold((a) => given.push(a));
    expect(() => linker.hold(() => {})).toThrow();
    held.add(activity(linker.clients.internText('Клиент 7'), 0));
    linker.release();
    expect(given).toEqual([]);
    expect(store.clients.findText('Клиент 7')).toBe(3);
    expect(linker.clients).toBe(store.clients);
    linker.hold(() => {});
    linker.release();
  });
});
