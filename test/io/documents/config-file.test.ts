import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeUserError, UserError, type UserErrors } from '../../../src/core/errors.js';
import { loadConfig } from '../../../src/io/documents/config-file.js';

const dir = mkdtempSync(path.join(tmpdir(), 'config-file-'));
const put = (text: string) => (writeFileSync(path.join(dir, 'ci.yaml'), text), 'ci.yaml');

// A tester: compare.targets refused "0.2" and –25% as the targets file did.
describe("a report config's compare.targets", () => {
  it('reads targets written as text as a targets file does', async () => {
    const { config } = await loadConfig(put('compare:\n  cutover: 01.03.2024\n  targets:\n    conversion: "0.2"\n    leads_per_month: –25%\n    missed_share: "−0,3"\n'), dir, process.stdin);
    expect(config.compare?.targets).toEqual({ conversion: 0.2, leads_per_month: -0.25, missed_share: -0.3 });
  });

  it('says a row label used as a key with its id, and the other errors beside it', async () => {
    const error = (await loadConfig(put('compare:\n  targets:\n    Лидов в месяц: 0.1\n    conversion: много\n'), dir, process.stdin).catch((e: unknown) => e)) as UserErrors;
    expect(error.errors.map((e) => e.code)).toEqual(['E_CONFIG', 'E_CONFIG']);
    expect(error.errors.map((e) => describeUserError(e, 'ru').split('\n')[0])).toEqual([
      'ci.yaml, строка 3, символ 5, в compare.targets.Лидов в месяц: нет такого показателя: «Лидов в месяц»; возможно, вы имели в виду «leads_per_month»',
      'ci.yaml, строка 4, символ 5, в compare.targets.conversion: цель — доля (например, 0.2) или проценты (например, «+20%»); получено: «много»',
    ]);
  });
});

// A tester: `--assert 'предупреждение:…'` was read, but a config's `{expr, level: предупреждение}` was refused.
describe("a report config's assert levels", () => {
  it('take the words --assert takes (warning, and the Russian words the report prints), in any case', async () => {
    const { config } = await loadConfig(put('assert:\n  - { expr: "total.conversion>=0.2", level: предупреждение }\n  - { expr: "total.won>=1", level: Ошибка }\n  - { expr: "total.leads>=1", level: warning }\n'), dir, process.stdin);
    expect(config.assert).toEqual([
      { expr: 'total.conversion>=0.2', level: 'warn' },
      { expr: 'total.won>=1', level: 'error' },
      { expr: 'total.leads>=1', level: 'warn' },
    ]);
    const error = (await loadConfig(put('assert:\n  - { expr: "total.won>=1", level: fatal }\n'), dir, process.stdin).catch((e: unknown) => e)) as UserErrors;
    expect(error.errors.map((e) => e.code)).toEqual(['E_CONFIG']);
  });
});

// A tester: three bad assert: entries took three runs (report parsed them one by one and stopped at the first), with no line.
describe("a report config's assert syntax", () => {
  it('is checked as the config is read: every bad entry at once, each at its line', async () => {
    const text = "kpi: { deals: d.csv }\nassert:\n  - 'total.conversion>=abc'\n  - 'total.conversion >= 0.2; rm -rf /'\n  - total.won>=1\n  - { expr: 'total.revenue==NaN', level: warn }\n  - { expr: 'warn:total.won>=1', level: error }\n";
    const error = (await loadConfig(put(text), dir, process.stdin).catch((e: unknown) => e)) as UserErrors;
    expect(error.errors.map((e) => e.code)).toEqual(['E_ASSERT_SYNTAX', 'E_ASSERT_SYNTAX', 'E_ASSERT_SYNTAX', 'E_ASSERT_SYNTAX']);
    expect(error.errors.map((e) => describeUserError(e, 'en').split('\n')[0])).toEqual([
      'ci.yaml, at line 3, column 5, at assert[0]: expected a number, true, false, null or a quoted string at character 19:',
      'ci.yaml, at line 4, column 5, at assert[1]: unexpected text after the value: "; rm -rf /"; conditions are not joined: write each as an assertion of its own (another --assert, or another line under assert: in the config) at character 24:',
      'ci.yaml, at line 6, column 5, at assert[3]: expected a number, true, false, null or a quoted string at character 16:',
      'ci.yaml, at line 7, column 5, at assert[4]: the assertion starts with "warn:" but its level is error',
    ]);
  });

  it('is said beside the schema\'s errors, and good entries pass', async () => {
    const error = (await loadConfig(put("lang: fr\nassert:\n  - 'total.won>=x'\n"), dir, process.stdin).catch((e: unknown) => e)) as UserErrors;
    expect(error.errors.map((e) => [e.code, e.where.path, e.where.at?.line])).toEqual([
      ['E_CONFIG', 'lang', 1],
      ['E_ASSERT_SYNTAX', 'assert[0]', 3],
    ]);
    const { config } = await loadConfig(put("assert:\n  - 'total.won>=1'\n  - { expr: 'warn:total.won>=1', level: warn }\n"), dir, process.stdin);
    expect(config.assert).toHaveLength(2);
  });
});

// A tester: every kind of document that is a text or a list is refused at once, for what it is (a targets file was walked as a map).
describe('a config that is a text or a list', () => {
  it('is refused at once, its text quoted by its start only', async () => {
    const error = await loadConfig(put(`${'lorem ipsum '.repeat(10_000)}\n`), dir, process.stdin).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(describeUserError(error as UserError, 'ru')).toBe('ci.yaml, на верхнем уровне документа: ожидалось: набор «ключ: значение»; получено: текст из 119 999 символов: «lorem ipsum lorem ipsum lorem ipsum lore…»');
    const list = await loadConfig(put('- kpi\n- assert\n'), dir, process.stdin).catch((e: unknown) => e);
    expect(describeUserError(list as UserError, 'en')).toBe('ci.yaml, at (top level): expected a "key: value" map; got a list');
  });

  it('a long value its schema refuses is quoted by its start too', async () => {
    const error = (await loadConfig(put(`kpi:\n  deals: d.csv\n  from: ${'1'.repeat(5000)}x\n`), dir, process.stdin).catch((e: unknown) => e)) as UserErrors;
    const said = describeUserError(error, 'ru');
    expect(said).toBe(`ci.yaml, строка 3, символ 3, в kpi.from: «${'1'.repeat(40)}…» — не дата; нужна ДД.ММ.ГГГГ или ГГГГ-ММ-ДД, например 01.02.2025 или 2025-02-01`);
  });
});

// T42 F4: paths made absolute put the consultant's folders from / into the workbook handed to a client.
describe('the paths of a config', () => {
  it('are from the working folder, as typed on the command line would be: a file named «-» is no stdin', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'config-paths-'));
    mkdirSync(path.join(root, 'job'));
    writeFileSync(path.join(root, 'job', 'c.yaml'), 'kpi:\n  deals: ../data/deals.csv\n  activities: calls.xls\n  payments: "-"\nmap: ./-\n');
    const { config } = await loadConfig('job/c.yaml', root, process.stdin);
    expect(config.kpi).toMatchObject({ deals: path.join('data', 'deals.csv'), activities: path.join('job', 'calls.xls'), payments: '-' });
    expect(config.map).toBe(path.join('job', '-'));
    const { config: here } = await loadConfig(path.join(root, 'job', 'c.yaml'), path.join(root, 'job'), process.stdin);
    expect(here.kpi?.activities).toBe('calls.xls');
    expect(here.map).toBe(`.${path.sep}-`);
    // A questionnaire's path keeps a folder in it: `my-q` alone would name a built-in one (a reviewer).
    writeFileSync(path.join(root, 'job', 'q.yaml'), 'audit:\n  answers: a.yaml\n  questionnaire: ./crm-maturity\n');
    const { config: q } = await loadConfig('q.yaml', path.join(root, 'job'), process.stdin);
    expect(q.audit?.questionnaire).toBe(`.${path.sep}crm-maturity`);
  });
});

// Tester T56 H1: a config's unquoted `1.500` was YAML's 1.5 (payback 0 months, ROI +901 223 420 %), where the command line refuses it.
describe('a config number written with a thousands dot', () => {
  it('is refused at its line, as --cost 1.500 is, not read as 1.5', async () => {
    const error = (await loadConfig(put('deals: d.csv\ncompare:\n  cutover: 01.03.2024\n  cost: 1.500\naudit:\n  answers: a.yaml\n  managers: 1.000\n'), dir, process.stdin).catch((e: unknown) => e)) as UserErrors;
    const lines = (error.errors ?? [error]).map((e) => describeUserError(e as UserError, 'en').split('\n')[0] ?? '');
    expect(lines.some((l) => l.includes('line 4') && l.includes('compare.cost') && l.includes('1.500'))).toBe(true);
    expect(lines.some((l) => l.includes('audit.managers') && l.includes('1.000'))).toBe(true);
  });

  // Tester T56: a cost with a dollar mark, or a thousands dot, got the forms of an amount and no word of why.
  it('says a cost\'s two readings, or its currency, as --cost does, in both languages', async () => {
    const said = async (cost: string, lang: string) => {
      const error = (await loadConfig(put(`deals: d.csv\ncompare:\n  cutover: 01.03.2024\n  cost: ${cost}\n`), dir, process.stdin).catch((e: unknown) => e)) as UserErrors;
      return (error.errors ?? [error]).map((e) => describeUserError(e as UserError, lang).split('\n')[0] ?? '');
    };
    expect(await said('1.500', 'ru')).toContain('ci.yaml, строка 4, символ 3, в compare.cost: «1.500» можно прочитать и как 1,5, и как 1500; напишите сумму без запятой и точки (1500 или «1 500») или с десятичной частью не из трёх цифр');
    expect(await said('"1 500 000 $"', 'en')).toContain("ci.yaml, at line 4, column 3, at compare.cost: \"1 500 000 $\" is an amount in another currency; a cost is written as a number in the deals' currency: if the deals are in that currency, write 1500000, else convert the amount");
    expect(await said('"1 500 000 $"', 'ru')).toContain('ci.yaml, строка 4, символ 3, в compare.cost: «1 500 000 $» — сумма в другой валюте; сумма затрат пишется числом в валюте сделок: если сделки в этой валюте, напишите 1500000, иначе переведите сумму в валюту сделок');
    expect(await said('много', 'en')).toContain('ci.yaml, at line 4, column 3, at compare.cost: not a sum of 0 or more: "много"; write a number: 1500000, 1 500 000, 1 500 000,50, 1 500 000 ₽, 1500000 руб., 1,5 млн (million), 800 тыс. (thousand), 1.5e6 or 1,5e6');
  });
});

// Tester T56: a config's kpi.from after its kpi.to was said as «--from … позже --to …», options nobody typed.
describe("a config's kpi.from after its kpi.to", () => {
  it('is said at kpi.from, in the config\'s words', async () => {
    const error = (await loadConfig(put('kpi: { deals: d.csv, from: 2025-06-01, to: 2025-01-01 }\n'), dir, process.stdin).catch((e: unknown) => e)) as UserError;
    const lines = ((error as UserErrors).errors ?? [error]).map((e) => describeUserError(e, 'ru').split('\n')[0] ?? '');
    expect(lines, lines.join('\n')).toContain('ci.yaml, строка 1, символ 22, в kpi.from: 01.06.2025 позже kpi.to 01.01.2025');
  });
});
