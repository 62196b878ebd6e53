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
    expect(run.stderr).toContain('ошибка: у команды kpi лишние аргументы: ожидалось 0, получено 1');
    // A command of one argument: commander says «argument», not «arguments».
    const inspect = runCli(['inspect', 'samples/amocrm-deals.csv', 'samples/payments.csv', '--lang', 'ru']);
    expect(inspect.stderr).toContain('ошибка: у команды inspect лишние аргументы: ожидался 1, получено 2');
    expect(run.stderr.replace(/--?[a-z-]+/g, '')).not.toMatch(/[A-Za-z]{4,}/);
  });
});
