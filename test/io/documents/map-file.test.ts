import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserErrors } from '../../../src/core/errors.js';
import { loadOverrides, mapOptions } from '../../../src/io/documents/map-file.js';

describe('loadOverrides', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-map-file-'));

  it('gives a payments section\'s status to the invoice statuses, and a deals section\'s to the deals\' outcomes', async () => {
    writeFileSync(path.join(dir, 'map.yaml'), 'deals:\n  status: { "Договор подписан": won }\npayments:\n  status: { "Закрыт": paid, "Не выставлен": void }\n');
    const { valueMaps } = await loadOverrides('map.yaml', dir, process.stdin);
    expect([valueMaps.invoice.get('закрыт'), valueMaps.invoice.get('не выставлен')]).toEqual(['paid', 'void']);
    expect(valueMaps.status.get('договор подписан')).toBe('won');
    // Neither word is the other's: an invoice word is no deal stage.
    expect(valueMaps.status.has('закрыт')).toBe(false);
    expect(valueMaps.invoice.has('договор подписан')).toBe(false);
  });

  it('gives an activities section\'s rows (the kind of every row) to the activities file only', async () => {
    writeFileSync(path.join(dir, 'rows.yaml'), 'activities:\n  rows: meeting\n  columns: { manager: "Organizer" }\n');
    const overrides = await loadOverrides('rows.yaml', dir, process.stdin);
    expect(mapOptions(overrides, 'activities').rows).toBe('meeting');
    expect(mapOptions(overrides, 'deals').rows).toBeUndefined();
  });

  // Tester T66 M2: the last of two such lines won unsaid, and the lines' order decided 64 won deals.
  it('refuses two keys of one value map that are one value of the file (case and spaces aside) and mean different things, at the second', async () => {
    writeFileSync(path.join(dir, 'clash.yaml'), 'deals:\n  status:\n    "Переговоры": won\n    "Новая": open\n    " ПЕРЕГОВОРЫ": lost\nactivities:\n  direction: { "Вход": in, "вход": out }\n');
    const error = await loadOverrides('clash.yaml', dir, process.stdin).then(
      () => undefined,
      (e: unknown) => e as UserErrors,
    );
    expect(error).toBeInstanceOf(UserErrors);
    expect(error!.errors.map((e) => [e.messageId, e.params, e.where.at?.line])).toEqual([
      ['map.keysOneValue', { first: 'Переговоры', key: ' ПЕРЕГОВОРЫ', firstMeans: 'won', means: 'lost' }, 5],
      ['map.keysOneValue', { first: 'Вход', key: 'вход', firstMeans: 'in', means: 'out' }, 7],
    ]);
    // Across sections too, as they are merged into one map (review R51); a payments section's status is the invoices' own.
    writeFileSync(path.join(dir, 'across.yaml'), 'status: { "Новая": open }\ndeals:\n  status: { "новая": won }\npayments:\n  status: { "Новая": paid }\n');
    const across = await loadOverrides('across.yaml', dir, process.stdin).then(
      () => undefined,
      (e: unknown) => e as UserErrors,
    );
    expect(across!.errors.map((e) => [e.params, e.where.path])).toEqual([[{ first: 'Новая', key: 'новая', firstMeans: 'open', means: 'won' }, 'deals.status["новая"]']]);
    // The same meaning twice changes nothing, and is read.
    writeFileSync(path.join(dir, 'same.yaml'), 'deals:\n  status: { "Переговоры": won, "переговоры": won }\n');
    expect((await loadOverrides('same.yaml', dir, process.stdin)).valueMaps.status.get('переговоры')).toBe('won');
  });
});
