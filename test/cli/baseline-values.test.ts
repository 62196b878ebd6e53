import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

// Tester T66 M3, M4: a baseline edited by hand to values no run writes was compared as it was: a total of
// 1e308 or −5, a section scored 99 of 2, «Before (NaN-NaN-NaN)», a conversion of 1e308 said «Infinity pp»
// and one of −3 a change of +324.7 pp that passed its gate. Each is refused at its path, and says why.
const S = (f: string) => path.join(ROOT, 'samples', f);
const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-baseline-values-'));
const at = (f: string) => path.join(dir, f);
const NOW = ['--now', '2025-07-01T00:00:00Z'];

/** A result as JSON: edited by hand, any key. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

/** A copy of a JSON result with one value changed. */
function edited(from: string, name: string, change: (doc: Doc) => void): string {
  const doc = JSON.parse(readFileSync(at(from), 'utf8')) as Doc;
  change(doc);
  writeFileSync(at(name), JSON.stringify(doc));
  return at(name);
}

describe('a baseline whose values no run writes', () => {
  beforeAll(() => {
    expect(runCli(['audit', '--answers', S('answers/not-started.yaml'), '--format', 'json', '-o', at('audit.json'), '--now', '2025-01-01T00:00:00Z']).code).toBe(0);
    writeFileSync(at('config.yaml'), `kpi: { deals: ${JSON.stringify(S('amocrm-deals.csv'))} }\nassert:\n  - "total.conversion>=0"\n`);
    expect(runCli(['report', '-c', at('config.yaml'), '--format', 'json', '-o', at('report.json'), ...NOW]).code).toBe(0);
  });

  it('audit --baseline: a total, a section score or a maximum out of range, or a date that is none, refused at its key', () => {
    const cases: Array<[string, (d: Doc) => void, string]> = [
      ['total', (d) => (d.total = 1e308), 'total: the value 1e+308 cannot stand in an audit result: a score from 0 to'],
      ['negative', (d) => (d.total = -5), 'total: the value -5 cannot stand'],
      ['section', (d) => (d.sections[0].score = 99), 'sections[0].score: the value 99 cannot stand'],
      ['max', (d) => (d.max = 0), 'max: the value 0 cannot stand in an audit result: a maximum score above 0'],
      ['date', (d) => (d.answeredAt = 'yesterday'), 'answeredAt: the value "yesterday" cannot stand'],
    ];
    for (const [name, change, said] of cases) {
      const run = runCli(['audit', '--answers', S('answers/leader.yaml'), '--baseline', edited('audit.json', `a-${name}.json`, change), '--lang', 'en', ...NOW]);
      expect(run.code, name).toBe(2);
      expect(run.stderr, name).toContain(said);
      expect(run.stdout, name).not.toContain('NaN');
    }
    const ru = runCli(['audit', '--answers', S('answers/leader.yaml'), '--baseline', at('a-negative.json'), '--lang', 'ru', ...NOW]);
    expect(ru.stderr).toContain('в total: значение -5 не может стоять в результате аудита: балл от 0 до');
    // As written by the run, it is read.
    expect(runCli(['audit', '--answers', S('answers/leader.yaml'), '--baseline', at('audit.json'), '--lang', 'en', ...NOW]).code).toBe(0);
  });

  it('report --baseline: a share outside 0-1 or a negative count refused at its path; a paid share may pass 1', () => {
    const refused = (name: string, change: (d: Doc) => void) => runCli(['report', '-c', at('config.yaml'), '--baseline', edited('report.json', `r-${name}.json`, change), '--format', 'md', '--lang', 'en', ...NOW]);
    const huge = refused('huge', (d) => (d.kpi.total.conversion = 1e308));
    expect(huge.code).toBe(2);
    expect(huge.stderr).toContain('at kpi.total.conversion: expected a number of at most 1; got 1e+308');
    expect(huge.stdout).not.toContain('Infinity');
    expect(refused('negative', (d) => (d.kpi.total.conversion = -3)).stderr).toContain('at kpi.total.conversion: expected a number of at least 0; got -3');
    expect(refused('count', (d) => (d.kpi.managers[0].won = -1)).stderr).toContain('at kpi.managers[0].won: expected a number of at least 0; got -1');
    // Refunds above the payments make money and the paid share negative, as a run writes them (review R51).
    expect(refused('paid', (d) => (d.kpi.total.paid_share = 1.2)).code).toBe(0);
    expect(refused('refunds', (d) => Object.assign(d.kpi.managers[0], { paid_share: -0.5, paid: -1000, revenue: -1000 })).code).toBe(0);
    const above = refused('above', (d) => (d.audit = { total: 12, max: 10, band: { id: 'leader' } }));
    expect(above.code).toBe(2);
    expect(above.stderr).toContain('at audit.total: the value 12 cannot stand in an audit result: a score from 0 to 10');
    expect(refused('unchanged', () => undefined).code).toBe(0);
  });
});
