// Tester T71 (M4): a Salesforce report from a German or Spanish org: its probability column was not read,
// so past planned close dates stopped the run with a snippet guessing a 90% negotiation «won», and its
// localised «Grand Totals» row was an unreadable row. Expectations are worked out by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sf-localised-'));

const REPORTS: Record<string, string[]> = {
  'de.csv': [
    '"Opportunity-Inhaber";"Accountname";"Phase";"Betrag";"Wahrscheinlichkeit (%)";"Schlusstermin";"Erstelldatum"',
    '"Anna Schmidt";"Acme GmbH";"Geschlossen und gewonnen";"12.500,50 EUR";"100";"15.01.2024";"05.01.2024"',
    '"Anna Schmidt";"Globex AG";"Geschlossen und verloren";"8.000,00 EUR";"0";"01.02.2024";"12.01.2024"',
    '"Anna Schmidt";"Initech";"Verhandlung/Überprüfung";"5.000,00 EUR";"90";"30.04.2024";"03.02.2024"',
    '"Bernd Müller";"Umbrella";"Geschlossen und gewonnen";"1.000,00 EUR";"100";"13.03.2024";"08.03.2024"',
    '"Bernd Müller";"Stark";"Interessent";"";"10";"01.07.2024";"01.03.2024"',
    '"Gesamtsummen (5 Datensätze)";"";"";"26.500,50 EUR";"";"";""',
  ],
  'es.csv': [
    '"Propietario de la oportunidad";"Nombre de la cuenta";"Etapa";"Importe";"Probabilidad (%)";"Fecha de cierre";"Fecha de creación"',
    '"Ana García";"Acme";"Cerrada ganada";"12.500,50";"100";"15/01/2024";"05/01/2024"',
    '"Ana García";"Globex";"Cerrada perdida";"8.000,00";"0";"01/02/2024";"12/01/2024"',
    '"Ana García";"Initech";"Negociación/Revisión";"5.000,00";"90";"30/04/2024";"03/02/2024"',
    '"Bruno Díaz";"Umbrella";"Cerrada ganada";"1.000,00";"100";"13/03/2024";"08/03/2024"',
    '"Bruno Díaz";"Stark";"Prospección";"";"10";"01/07/2024";"01/03/2024"',
    '"Totales generales (5 registros)";"";"";"26.500,50";"";"";""',
  ],
};

describe('a Salesforce report of a German or Spanish org', () => {
  it.each(Object.keys(REPORTS))('%s: an open stage under a 100 per cent probability stays open past its planned date; the grand totals row is dropped', (file) => {
    writeFileSync(path.join(dir, file), REPORTS[file]!.join('\n'));
    const run = runCli(['kpi', '-d', file, '--format', 'json', '--lang', 'en', '--now', '2026-01-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { total: Record<string, number>; dataQuality: { rowsSkippedCount: number; files: Array<{ dropped: Record<string, number> }> } };
    // Won 12 500,50 + 1 000; lost 1; open: the 90% negotiation and the 10% prospect.
    expect(result.total).toMatchObject({ leads: 5, won: 2, lost: 1, open: 2, revenue: 13_500.5 });
    expect(result.dataQuality.rowsSkippedCount).toBe(0);
    expect(result.dataQuality.files[0]!.dropped['totals row']).toBe(1);
  });
});
