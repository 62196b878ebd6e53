// Call statistics of Russian telephony providers' APIs saved as tables (a tester's T25):
// - Beeline Cloud PBX (portal API statistics): read only with a three-line --map (the manager, the time
//   and the milliseconds), and its status PLACED was proposed as missed;
// - Zadarma's overall statistics (/v1/statistics/): `from` and `to` were read as nothing, so no call
//   linked to a deal, and «needs a deal id, client or phone column» was said of a file with one;
// - Zadarma's incoming calls (/v1/statistics/incoming-calls/): the same names the other way round.
// Each is recognised by its profile, read from a CSV (the byte path) and from a workbook (the text path).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../src/core/records.js';
import { guessKind } from '../../../src/io/map/inspect.js';
import { importActivities } from '../../../src/io/map/import.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-telephony-api-'));

/** Writes the rows as a CSV or as a workbook (digits as numbers, as a script's export writes them). */
async function write(name: string, rows: string[][]): Promise<void> {
  if (name.endsWith('.csv')) {
    writeFileSync(path.join(dir, name), rows.map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\n'));
    return;
  }
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('stats').addRows(rows.map((r) => r.map((c) => (/^\d{1,15}$/.test(c) ? Number(c) : c))));
  writeFileSync(path.join(dir, name), Buffer.from(await wb.xlsx.writeBuffer()));
}

/** Reads a file's kind, its profile, the field of each named column and its activities (`kind direction [missed] duration manager client time`). */
async function read(name: string, rows: string[][], columns: string[] = []) {
  await write(name, rows);
  const opts = { cwd: dir, stdin: process.stdin };
  const kind = await guessKind(name, opts);
  let profile: string | undefined;
  let fields: Array<string | undefined> = [];
  const list: Activity[] = [];
  await importActivities(name, { ...opts, onHeader: (m) => ((profile = m.profile?.profile.id), (fields = columns.map((h) => m.columns[rows[0]!.indexOf(h)]!.field))) }, (a) => list.push(a));
  const out = list.map((a) => [a.kind, a.direction || '-', ...(a.missed ? ['missed'] : []), a.duration_s ?? '-', a.manager, a.client || '-', new Date(a.at).toISOString().slice(0, 16)].join(' '));
  return { kind, profile, fields, rows: out };
}

describe.each(['csv', 'xlsx'])('telephony API statistics as a table (.%s)', (ext) => {
  // 1740985200000 ms is 2025-03-03 07:00 UTC; the durations are milliseconds (95000 is 95 s).
  it('Beeline: the line as the manager, INBOUND/OUTBOUND, PLACED answered and MISSED missed, milliseconds, the client\'s phone', async () => {
    const r = await read(`beeline.${ext}`, [
      ['startDate', 'direction', 'status', 'phone', 'duration', 'abonent.userId', 'abonent.phone', 'abonent.firstName', 'abonent.lastName', 'abonent.extension'],
      ['1740985200000', 'INBOUND', 'PLACED', '+7 916 111-11-11', '95000', 'u201@beeline.ru', '74950000201', 'Олег', 'Кузнецов', '201'],
      ['1740987000000', 'INBOUND', 'MISSED', '79162222222', '0', 'u202@beeline.ru', '74950000202', 'Мария', 'Смирнова', '202'],
      ['1740988800000', 'OUTBOUND', 'PLACED', '89162222222', '61500', 'u202@beeline.ru', '74950000202', 'Мария', 'Смирнова', '202'],
      ['1740989400000', 'OUTBOUND', 'MISSED', '79163333333', '12000', 'u201@beeline.ru', '74950000201', 'Олег', 'Кузнецов', '201'],
    ], ['abonent.phone', 'abonent.extension']);
    expect([r.kind, r.profile, r.fields]).toEqual(['activities', 'beeline-api', [undefined, 'manager']]);
    // An outgoing call nobody answered is no missed call, and its ringing (12 s) no talk.
    expect(r.rows).toEqual([
      'call in 95 201 79161111111 2025-03-03T07:00',
      'call in missed 0 202 79162222222 2025-03-03T07:30',
      'call out 61.5 202 79162222222 2025-03-03T08:00',
      'call out 0 201 79163333333 2025-03-03T08:10',
    ]);
  });

  it('Beeline v2: the client is phone_from of an incoming call and phone_to of an outgoing one; the user id where no line is', async () => {
    const r = await read(`beeline-v2.${ext}`, [
      ['startDate', 'direction', 'status', 'duration', 'phone_from', 'phone_to', 'abonent.userId', 'abonent.phone', 'abonent.lastName'],
      ['1740985200000', 'INBOUND', 'PLACED', '30000', '79164444444', '74950000201', 'u201@beeline.ru', '74950000201', 'Кузнецов'],
      ['1740987000000', 'OUTBOUND', 'PLACED', '45000', '74950000201', '79165555555', 'u201@beeline.ru', '74950000201', 'Кузнецов'],
    ]);
    expect(r.profile).toBe('beeline-api');
    expect(r.rows).toEqual(['call in 30 u201@beeline.ru 79164444444 2025-03-03T07:00', 'call out 45 u201@beeline.ru 79165555555 2025-03-03T07:30']);
  });

  it('Zadarma /v1/statistics/: `to` is the client\'s phone, `from` the company\'s number, not read', async () => {
    const r = await read(`zadarma-statistics.${ext}`, [
      ['id', 'sip', 'callstart', 'description', 'disposition', 'billseconds', 'cost', 'billcost', 'currency', 'from', 'to'],
      ['155112201', '201', '2025-03-03 10:00:00', 'Russia, Mobile', 'answered', '75', '0.0450', '0.0563', 'USD', '74951234567', '+79161111111'],
      ['155112202', '202', '2025-03-03 10:05:00', 'Russia, Mobile', 'no answer', '0', '0.0450', '0.0000', 'USD', '74951234567', '89162222222'],
    ], ['from', 'to']);
    expect([r.kind, r.profile, r.fields]).toEqual(['activities', 'zadarma-statistics', [undefined, 'phone']]);
    // No column says a direction: the calls are neither in nor out (an unanswered one is no missed call), yet each names its client.
    expect(r.rows).toEqual(['call - 75 201 79161111111 2025-03-03T10:00', 'call - 0 202 79162222222 2025-03-03T10:05']);
  });

  it('Zadarma /v1/statistics/incoming-calls/: `from` is the client\'s phone, `to` the company\'s number', async () => {
    const r = await read(`zadarma-incoming.${ext}`, [
      ['id', 'sip', 'callstart', 'from', 'to', 'billseconds', 'disposition', 'description'],
      ['155112301', '201', '2025-03-03 11:00:00', '79163333333', '74951234567', '40', 'answered', 'Russia, Moscow'],
      ['155112302', '202', '2025-03-03 11:10:00', '+7 (916) 444-44-44', '74951234567', '0', 'busy', 'Russia, Moscow'],
    ], ['from', 'to']);
    expect([r.kind, r.profile, r.fields]).toEqual(['activities', 'zadarma-incoming', ['phone', undefined]]);
    expect(r.rows).toEqual(['call - 40 201 79163333333 2025-03-03T11:00', 'call - 0 202 79164444444 2025-03-03T11:10']);
  });
});
