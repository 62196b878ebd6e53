// T42 F8: a baseline of another client (several clients' results in one folder) was compared in silence,
// its score shown as the client's own «Было». Said on stderr, by audit and report alike; one name however
// written (case, spaces, quotes) is no other company.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { otherCompany } from '../../src/core/delta.js';

const samples = path.resolve('samples');
const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-baseline-company-'));
const answers = (name: string) => path.join(samples, 'answers', name);

describe('a baseline of another company', () => {
  it('is said by audit and report, naming both; the same company however written is not', () => {
    expect(runCli(['audit', '--answers', answers('not-started.yaml'), '--now', '2025-01-01', '--format', 'json', '-o', 'base.json'], { cwd: dir }).code).toBe(0);
    const audit = runCli(['audit', '--answers', answers('leader.yaml'), '--baseline', 'base.json', '--now', '2026-01-15', '--format', 'json', '--lang', 'ru'], { cwd: dir });
    expect(audit.code, audit.stderr).toBe(0);
    expect(audit.stderr).toContain('Внимание: base.json: прошлый результат — компании «ИП Петров», а этот — «ООО «Ромашка»»');
    const same = runCli(['audit', '--answers', answers('leader.yaml'), '--baseline', 'base.json', '--company', 'ип  петров', '--now', '2026-01-15', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(same.stderr).not.toContain('baseline is a result for');

    expect(runCli(['report', '--answers', answers('not-started.yaml'), '--now', '2025-01-01', '--format', 'json', '-o', 'report-base.json'], { cwd: dir }).code).toBe(0);
    const report = runCli(['report', '--answers', answers('leader.yaml'), '--baseline', 'report-base.json', '--now', '2026-01-15', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(report.code, report.stderr).toBe(0);
    expect(report.stderr).toContain('Warning: report-base.json: the baseline is a result for "ИП Петров" and this one is for "ООО «Ромашка»"');
  });

  // Tester T74 (F1): a report config pointed at another client's answers titled that audit with the config's company, without a word.
  it('answers of another company than the report config\'s are said; --company renames them on purpose', () => {
    const config = path.join(dir, 'report.yaml');
    writeFileSync(config, `company: ООО «Лютик»\naudit: { answers: ${JSON.stringify(answers('leader.yaml'))} }\n`);
    const ru = runCli(['report', '-c', config, '--now', '2026-01-15', '--format', 'json', '--lang', 'ru'], { cwd: dir });
    expect(ru.code, ru.stderr).toBe(0);
    expect(ru.stderr).toContain('ответы — компании «ООО «Ромашка»», а в конфигурации указана «ООО «Лютик»»');
    const named = runCli(['report', '-c', config, '--company', 'ООО «Лютик»', '--now', '2026-01-15', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(named.stderr).not.toContain('the answers are for');
  });

  it('is one name whatever its case, spaces and quotes; unnamed on either side, nothing is said', () => {
    expect(otherCompany('ООО «Ромашка»', 'ооо  "Ромашка"')).toBe(false);
    expect(otherCompany('ООО «Ромашка»', 'ООО «Лютик»')).toBe(true);
    expect(otherCompany(undefined, 'ООО «Лютик»')).toBe(false);
    expect(otherCompany('ООО «Ромашка»', undefined)).toBe(false);
  });
});
