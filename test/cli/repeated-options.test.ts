import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// `kpi -d a.csv -d b.csv` read b.csv alone, without a word: a user exporting two pipelines lost one.
describe('an option of one value given twice', () => {
  it('exits 2 naming the option, in both languages, whichever of its names was used', () => {
    const ru = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '--deals', 'samples/before-after/before-deals.csv', '--lang', 'ru']);
    expect(ru.code).toBe(2);
    expect(ru.stderr).toMatch(/^ошибка: --deals указан больше одного раза, а берётся один файл\n {2}подсказка: оставьте один --deals; две выгрузки/);
    const en = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '--from', '2024-01-01', '--from', '2024-02-01']);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/--from is given more than once, and takes one value\n {2}hint: keep one --from\n/);
    expect(en.stdout).toBe('');
  });

  // A tester: a second -o got the hint of a second -d («две выгрузки одного вида сначала объедините»).
  it('-o twice is told to keep one -o, not to join two exports', () => {
    const ru = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '-o', 'a.json', '-o', 'b.json', '--lang', 'ru']);
    expect(ru.code).toBe(2);
    expect(ru.stderr).toBe('ошибка: -o указан больше одного раза, а результат пишется в один файл\n  подсказка: оставьте один -o\n');
    const en = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '-o', 'a.json', '--output', 'b.json']);
    expect(en.stderr).toBe('error: -o is given more than once, and the result goes to one file\n  hint: keep one -o\n');
    const generate = runCli(['generate', '-o', 'x', '-o', 'y', '--lang', 'ru']);
    expect(generate.stderr).toBe('ошибка: -o указан больше одного раза, а результат пишется в одну папку\n  подсказка: оставьте один -o\n');
  });

  // Tester T68 M2: HubSpot exports calls, e-mails and meetings apart; joined into one file they were read as calls.
  it('-a twice is told how activities of several kinds go in one export', () => {
    const ru = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '-a', 'calls.csv', '--activities', 'emails.csv', '--lang', 'ru']);
    expect(ru.code).toBe(2);
    expect(ru.stderr).toBe('ошибка: --activities указан больше одного раза, а берётся один файл\n  подсказка: оставьте один --activities. Звонки, письма и встречи, выгруженные из CRM порознь (как у HubSpot), выгрузите одним списком действий всех типов, с колонкой типа действия; два журнала звонков сначала объедините в один файл\n');
    const en = runCli(['compare', '--before-deals', 'samples/amocrm-deals.csv', '--before-activities', 'a.csv', '--before-activities', 'b.csv', '--after-deals', 'samples/amocrm-deals.csv']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('hint: keep one --before-activities. Calls, e-mails and meetings exported apart');
  });

  it('options made to repeat still collect every value', () => {
    const run = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '--by', 'source', '--by', 'month', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).groupBy).toEqual([['source'], ['month']]);
  });
});

describe('an export given as an argument instead of an option', () => {
  it('is said in Russian without English words, with the options that take files', () => {
    const run = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', 'samples/payments.csv', '--lang', 'ru']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('ошибка: kpi: лишний аргумент «samples/payments.csv»\n  подсказка: файлы передают через параметры: -d, -a, -p, --spend, --plan, --map\n');
    // A command of one argument: a second file is said to be one too many.
    const inspect = runCli(['inspect', 'samples/amocrm-deals.csv', 'samples/payments.csv', '--lang', 'ru']);
    expect(inspect.stderr).toBe('ошибка: inspect: лишний аргумент «samples/payments.csv»: команда читает один файл\n  подсказка: запустите crm-audit inspect для каждого файла отдельно\n');
    expect(run.stderr.replace(/«[^»]*»/g, '').replace(/--?[a-z-]+/g, '')).not.toMatch(/[A-Za-z]{4,}/);
  });
});
