// Tester T54 F2, F3, F9: call logs in German, Polish and Turkish. The German one given as -a was called
// a deals export («pass it as --deals»): only its «Status» was a known name. With the columns mapped,
// «Eingehend»/«Ausgehend» were no direction (0 calls in and out) and «Verpasst» no missed call.
// Worked out by hand: 2 calls in, 2 out; one incoming missed, called back 30 minutes later.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-foreign-calls-'));
writeFileSync(path.join(dir, 'deals.csv'), 'ID,Manager,Created,Status,Amount,Client\n1,Jürgen Müller,2025-03-01 09:00:00,won,100,+49 30 111111\n');

const logs: Record<string, string> = {
  'de.csv': ['Datum;Mitarbeiter;Richtung;Status;Dauer;Kunde', '03.03.2025 10:00:00;Jürgen Müller;Eingehend;Angenommen;120;+49 30 111111', '04.03.2025 10:00:00;Jürgen Müller;Eingehend;Verpasst;0;+49 30 222222', '04.03.2025 10:30:00;Jürgen Müller;Ausgehend;Angenommen;60;+49 30 222222', '05.03.2025 11:00:00;Jürgen Müller;Ausgehend;Unbeantwortet;0;+49 30 333333'].join('\n'),
  'pl.csv': ['Data;Pracownik;Kierunek;Status;Czas trwania;Klient', '03.03.2025 10:00:00;Jürgen Müller;Przychodzące;Odebrane;120;+49 30 111111', '04.03.2025 10:00:00;Jürgen Müller;Przychodzące;Nieodebrane;0;+49 30 222222', '04.03.2025 10:30:00;Jürgen Müller;Wychodzące;Odebrane;60;+49 30 222222', '05.03.2025 11:00:00;Jürgen Müller;Wychodzące;Brak odpowiedzi;0;+49 30 333333'].join('\n'),
  'tr.csv': ['Tarih;Temsilci;Yön;Durum;Süre;Müşteri', '03.03.2025 10:00:00;Jürgen Müller;Gelen;Cevaplandı;120;+49 30 111111', '04.03.2025 10:00:00;Jürgen Müller;Gelen;Cevapsız;0;+49 30 222222', '04.03.2025 10:30:00;Jürgen Müller;Giden;Cevaplandı;60;+49 30 222222', '05.03.2025 11:00:00;Jürgen Müller;Giden;Meşgul;0;+49 30 333333'].join('\n'),
};
for (const [name, text] of Object.entries(logs)) writeFileSync(path.join(dir, name), `${text}\n`);

describe('call logs written in German, Polish and Turkish, read without a map', () => {
  it.each(Object.keys(logs))('%s: directions, missed calls and the callback as written', (name) => {
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', name, '--format', 'json', '--lang', 'en', '--now', '2025-04-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('not recognised');
    const total = JSON.parse(run.stdout).total;
    expect([total.calls_in, total.calls_out, total.calls_missed, total.missed_share, total.callback_rate]).toEqual([2, 2, 1, 0.5, 1]);
  });
});
