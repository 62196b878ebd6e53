// A re-audit against a result of an older version of the questionnaire printed «Before (2024-01-01):
// Mid (7 / 12)» for a result out of 10, and compared the two in silence. The earlier total is shown
// out of its own maximum, and the change of version (or maximum) is said: a warning on stderr and a
// note under the comparison in every report.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { myAuditYaml } from '../helpers/questionnaire.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-baseline-version-'));
const write = (name: string, lines: string[]) => writeFileSync(path.join(dir, name), lines.join('\n') + '\n');
const question = (id: string, points: number) => [
  `      - id: ${id}`,
  `        points: ${points}`,
  `        text: { ru: ${id} ru?, en: ${id} en? }`,
  `        recommendation: { ru: Сделайте ${id}, en: Do ${id} }`,
];
/** Version 2: one section of 3 + 2 points; version 3 adds a question of 2 points (max 7). */
const questionnaire = (version: number, extra: boolean) => myAuditYaml(version, [...question('sales.a', 3), ...question('sales.b', 2), ...(extra ? question('sales.c', 2) : [])], extra ? 7 : 5);
write('q2.yaml', questionnaire(2, false));
write('q3.yaml', questionnaire(3, true));
write('q2b.yaml', questionnaire(2, true));
write('a2.yaml', ['questionnaire: q2.yaml', 'answers:', '  sales.a: yes', '  sales.b: no']);
write('a3.yaml', ['questionnaire: q3.yaml', 'answers:', '  sales.a: yes', '  sales.b: yes', '  sales.c: yes']);
write('a2b.yaml', ['questionnaire: q2b.yaml', 'answers:', '  sales.a: yes', '  sales.b: yes', '  sales.c: yes']);

const NOW = ['--now', '2025-01-01'];
const audit = (answers: string, ...args: string[]) => {
  const run = runCli(['audit', '--answers', answers, '--baseline', 'before.json', ...NOW, ...args], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  return run;
};

describe('audit --baseline of another questionnaire version', () => {
  beforeAll(() => {
    expect(runCli(['audit', '--answers', 'a2.yaml', '--now', '2024-01-01', '-o', 'before.json'], { cwd: dir }).code).toBe(0);
  });

  it('shows the earlier total out of its own maximum, and says the versions differ, on stderr and in the report', () => {
    const en = audit('a3.yaml', '--lang', 'en');
    expect(en.stdout).toContain('Before (2024-01-01): High (3 / 5)');
    expect(en.stdout).not.toContain('(3 / 7)');
    expect(en.stdout).toMatch(/Total +│ 7 \/ 7 +│ 3 \/ 5 +│ \+4/);
    const note = 'the earlier audit used version 2 of questionnaire "my-audit" (max 5), this one version 3 (max 7): scores are compared as they are, not rescaled';
    expect(en.stderr).toContain(`Warning: before.json: ${note}`);
    expect(en.stdout.replace(/\n/g, ' ')).toContain(`Warning: ${note}.`);
    const ru = audit('a3.yaml', '--lang', 'ru');
    expect(ru.stdout).toContain('Было (01.01.2024): Высокий (3 / 5)');
    expect(ru.stderr).toContain('Внимание: before.json: прошлый аудит проведён по версии 2 анкеты «my-audit» (максимум 5), этот — по версии 3 (максимум 7): баллы сравниваются как есть, без пересчёта');
    expect(ru.stderr + ru.stdout).not.toMatch(/Warning|earlier|version/);
  });

  it('JSON keeps the earlier maximum and version; Markdown, HTML and the workbook carry the note', async () => {
    const json = JSON.parse(audit('a3.yaml', '--format', 'json').stdout) as { baseline: Record<string, unknown> };
    expect(json.baseline).toMatchObject({ total: 3, max: 5, questionnaireVersion: 2, change: 4 });
    const md = audit('a3.yaml', '--format', 'md', '--lang', 'en').stdout;
    expect(md).toContain('Before (2024-01-01): High (3 / 5).');
    expect(md).toContain('> **Warning:** the earlier audit used version 2');
    expect(md).toMatch(/\| \*\*Total\*\* \| \*\*7\*\* \| 7 \| 3 \/ 5 \| \+4 \|/);
    const html = audit('a3.yaml', '--format', 'html', '--lang', 'ru').stdout;
    expect(html).toContain('Было (01.01.2024): Высокий (3 / 5)');
    expect(html).toContain('Внимание: прошлый аудит проведён по версии 2 анкеты');
    audit('a3.yaml', '-o', path.join(dir, 'r.xlsx'), '--lang', 'ru');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'r.xlsx'));
    const cells: string[] = [];
    wb.getWorksheet('Аудит')!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells.some((c) => c.startsWith('Прошлый аудит проведён по версии 2 анкеты «my-audit» (максимум 5)'))).toBe(true);
  });

  it('the same version out of another maximum is said too; the same version and maximum says nothing', () => {
    const same = audit('a2b.yaml', '--lang', 'en');
    expect(same.stderr).toContain('was out of 5, this one is out of 7, though the version is the same (2)');
    expect(same.stdout).toContain('(3 / 5)');
    write('a2c.yaml', ['questionnaire: q2.yaml', 'answers:', '  sales.a: yes', '  sales.b: yes']);
    const plain = audit('a2c.yaml', '--lang', 'en');
    expect(plain.stderr).not.toContain('Warning');
    expect(plain.stdout).not.toContain('Warning');
    expect(plain.stdout).toContain('Before (2024-01-01): High (3 / 5)');
  });
});
