import { PassThrough } from 'node:stream';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliContext } from '../../../src/cli/context.js';
import { parseAnswers } from '../../../src/core/audit/answers.js';
import { scoreAudit } from '../../../src/core/audit/score.js';
import { parseYaml } from '../../../src/io/documents/yaml.js';
import { readOptionWords } from '../../../src/cli/input-options.js';
import { builtIn, customWithChoices } from '../../helpers/questionnaire.js';

const script: Array<string | boolean> = [];
vi.mock('../../../src/cli/prompts.js', () => {
  const next = () => {
    if (script.length === 0) throw new Error('the flow asked more than the script answers');
    return Promise.resolve(script.shift());
  };
  return { askSelect: vi.fn(next), askInput: vi.fn(next), askConfirm: vi.fn(next), askPath: vi.fn(next) };
});

const { runInteractiveAudit } = await import('../../../src/cli/commands/audit-interactive.js');
const prompts = await import('../../../src/cli/prompts.js');

function context(cwd: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const ctx: CliContext = { stdout, stderr, stdin: new PassThrough(), env: { NO_COLOR: '1' }, cwd, debug: false };
  return { ctx, out: () => out, err: () => err };
}

/** The consultant declined the check: the exports are never read. */
const noExports = () => Promise.reject(new Error('the exports were read without being asked for'));

describe('interactive audit (mocked prompts)', () => {
  beforeEach(() => vi.clearAllMocks());
  const now = new Date('2025-02-01T12:00:00Z');
  const answers = ['yes', 'no', 'yes', 'skip', 'no', 'yes', 'yes'];

  it('asks company then every question in order, and gives the same result as an answers file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    script.push('Acme', '', ...answers, false, true, 'saved.yaml', false);
    const { ctx, out, err } = context(dir);
    const result = await runInteractiveAudit(ctx, builtIn(), { lang: 'en', now, format: 'table', inputs: [], readFacts: noExports });
    expect(script).toHaveLength(0);
    expect(vi.mocked(prompts.askSelect).mock.calls.map((c) => c[1])).toHaveLength(7);
    expect(err()).toContain('Score so far: 2 of 10');
    expect(out()).toContain('Band: Leader (6 / 10)');

    const saved = readFileSync(path.join(dir, 'saved.yaml'), 'utf8');
    const parsed = parseAnswers(parseYaml(saved, 'saved.yaml'), builtIn(), 'saved.yaml', false);
    const fromFile = scoreAudit(builtIn(), parsed.answers, { lang: 'en', now, company: parsed.company });
    expect(JSON.stringify(fromFile)).toBe(JSON.stringify(result));
  });

  it('asks again for a report file name the formats cannot fill (отчёт.pdf)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    script.push('', '', ...answers, false, false, true, 'отчёт.md');
    const { ctx, err } = context(dir);
    await runInteractiveAudit(ctx, builtIn(), { lang: 'ru', now, format: 'table', inputs: [], readFacts: noExports });
    const call = vi.mocked(prompts.askInput).mock.calls.find((c) => String(c[1]).startsWith('Файл отчёта'))!;
    const validate = call[3]!;
    expect(validate('отчёт.pdf')).toBe('Можно сохранить только .xlsx, .md, .json или .html');
    expect(validate('out.xls')).toMatch(/только/);
    expect(validate('отчёт.xlsx')).toBe(true);
    expect(readFileSync(path.join(dir, 'отчёт.md'), 'utf8')).toMatch(/^# /);
    // Said once, with its size, as every -o is.
    expect(err()).toMatch(/Записано: отчёт\.md \(\d+(,\d)? (байт|КБ)\)/);
    expect(err().split('отчёт.md').length - 1).toBe(1);
  });

  it('offers declared choices between yes and no', async () => {
    script.push('', '', ...answers, false, false, false);
    const { ctx } = context(mkdtempSync(path.join(tmpdir(), 'crm-audit-')));
    await runInteractiveAudit(ctx, builtIn(), { lang: 'ru', now, format: 'table', inputs: [], readFacts: noExports });
    const choices = vi.mocked(prompts.askSelect).mock.calls[0]![2].map((c) => c.value);
    expect(choices).toEqual(['yes', 'no', 'skip']);
  });

  it('goes back to change the previous answer, and puts hours and money on the recommendations', async () => {
    // Managers 8, an hour 1 500 ₽; "yes" to the first question, back from the second, "no" instead.
    script.push('Acme', '8', '1 500', 'yes', '\u0000back', 'no', 'no', 'yes', 'yes', 'no', 'yes', 'no', false, false, false);
    const { ctx, out } = context(mkdtempSync(path.join(tmpdir(), 'crm-audit-')));
    const result = await runInteractiveAudit(ctx, builtIn(), { lang: 'ru', now, format: 'table', inputs: [], readFacts: noExports });
    expect(script).toHaveLength(0);
    const selects = vi.mocked(prompts.askSelect).mock.calls;
    expect(selects).toHaveLength(9);
    expect(selects[1]![2].map((c) => c.value)).toContain('\u0000back');
    // The first question is asked again with the earlier answer preselected.
    expect(selects[2]![1]).toBe(selects[0]![1]);
    expect(selects[2]![3]).toBe('yes');
    expect(result.sections[0]!.criteria[0]!.answer).toBe('no');
    const telephony = result.recommendations.find((r) => r.criterion === 'telephony.integrated')!;
    expect(telephony.cost).toMatchObject({ managers: 8, hoursPerMonth: 168, hourlyCost: 1500, costPerMonth: 252000 });
    expect(out()).toContain('при 8 менеджерах — до 8 ч в день, 168 ч в месяц, около 252\u00a0000 ₽ в месяц');
  });

  it('with exports from the command line it does not ask for them, and the result carries the verdicts', async () => {
    const { FACT_IDS } = await import('../../../src/core/kpi/facts.js');
    const values = Object.fromEntries(FACT_IDS.map((id) => [id, null])) as Record<(typeof FACT_IDS)[number], number | null>;
    const facts = { values: { ...values, won_deals: 40, won_with_payment_share: 0.1 }, parts: { won_with_payment_share: { num: 4, den: 40 } }, needs: {} };
    script.push('', '', ...answers, false, false);
    const { ctx, out } = context(mkdtempSync(path.join(tmpdir(), 'crm-audit-')));
    const result = await runInteractiveAudit(ctx, builtIn(), { lang: 'ru', now, format: 'table', inputs: [], facts, readFacts: noExports });
    expect(script).toHaveLength(0);
    expect(vi.mocked(prompts.askConfirm).mock.calls.map((c) => c[1])).not.toContainEqual(expect.stringContaining('Проверить ответы'));
    // answers: erp.payments is "yes" (the sixth), and 10% of won deals have a payment.
    expect(result.evidence!.checks.find((c) => c.criterion === 'erp.payments')).toMatchObject({ verdict: 'contradicted', text: 'Вы ответили «да», но по 90,0% выигранных сделок (36 из 40) нет ни одной оплаты.' });
    expect(out()).toContain('Итог с учётом выгрузок');
  });

  // The re-run printed after a session checked against exports typed at the prompts left out -d/-a/-p:
  // running it gave a result without the evidence the session had.
  it('the re-run command names the exports typed at the prompts, quoted for the shell, and the hours', async () => {
    const { FACT_IDS } = await import('../../../src/core/kpi/facts.js');
    const values = Object.fromEntries(FACT_IDS.map((id) => [id, null])) as Record<(typeof FACT_IDS)[number], number | null>;
    const facts = { values: { ...values, won_deals: 40, won_with_payment_share: 0.1 }, parts: { won_with_payment_share: { num: 4, den: 40 } }, needs: {} };
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    const read: unknown[] = [];
    const readFacts = (files: unknown) => (read.push(files), Promise.resolve(facts));
    script.push('', '1 000', '450,5', ...answers, true, '/tmp/my deals.csv', '', 'pay.csv', true, 'a.yaml', false);
    const { ctx, err } = context(dir);
    await runInteractiveAudit(ctx, builtIn(), { lang: 'ru', now, format: 'table', inputs: [], readFacts });
    expect(script).toHaveLength(0);
    expect(read).toEqual([{ deals: '/tmp/my deals.csv', activities: undefined, payments: 'pay.csv' }]);
    expect(err().replace(/\s+/g, ' ')).toContain("Выгрузки, число менеджеров и цену часа файл ответов не хранит; повторный запуск: crm-audit audit --answers a.yaml -d '/tmp/my deals.csv' -p pay.csv --managers 1000 --hourly-cost 450.5");

    // Without managers the exports alone are said; exports of the command line are named too.
    script.push('', '', ...answers, true, 'b.yaml', false);
    const second = context(dir);
    await runInteractiveAudit(second.ctx, builtIn(), { lang: 'en', now, format: 'table', inputs: [], facts, exports: { deals: 'deals.csv', activities: 'calls.xls' }, readFacts: noExports });
    expect(second.err().replace(/\s+/g, ' ')).toContain('The answers file does not keep the exports; to run it again: crm-audit audit --answers b.yaml -d deals.csv -a calls.xls');

    // How the exports were read (--map, --from…) is repeated too: without the map a re-run read other stages.
    script.push('', '', ...answers, true, 'c.yaml', false);
    const third = context(dir);
    await runInteractiveAudit(third.ctx, builtIn(), { lang: 'en', now, format: 'table', inputs: [], facts, exports: { deals: 'deals.csv' }, readOptions: () => readOptionWords({ map: 'my map.yaml', from: '2025-01-01', optionsGiven: ['--map', '--from'] }), readFacts: noExports });
    expect(third.err().replace(/\s+/g, ' ')).toContain("to run it again: crm-audit audit --answers c.yaml -d deals.csv --map 'my map.yaml' --from 2025-01-01");
  });

  // A tester: the re-run printed after a session that saved its answers about an export as a --map left the map
  // out, and exited 2 on the same question; an English session started with --lang en re-ran in Russian.
  it('the re-run command names the --map the session saved (in place of the one given) and the --lang given', async () => {
    const { FACT_IDS } = await import('../../../src/core/kpi/facts.js');
    const values = Object.fromEntries(FACT_IDS.map((id) => [id, null])) as Record<(typeof FACT_IDS)[number], number | null>;
    const facts = { values: { ...values, won_deals: 40 }, parts: {}, needs: {} };
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    script.push('', '', ...answers, true, 'd.yaml', false);
    const first = context(dir);
    await runInteractiveAudit(first.ctx, builtIn(), { lang: 'en', now, format: 'table', inputs: [], facts, exports: { deals: 'deals.csv' }, readOptions: () => readOptionWords({ map: 'old.yaml', from: '2025-01-01', optionsGiven: ['--map', '--from'] }, 'new map.yaml'), langOption: 'en', readFacts: noExports });
    expect(first.err().replace(/\s+/g, ' ')).toContain("to run it again: crm-audit audit --answers d.yaml -d deals.csv --from 2025-01-01 --map 'new map.yaml' --lang en");

    // Nothing else to repeat: the language alone is said, as the file does not keep it.
    script.push('', '', ...answers, false, true, 'e.yaml', false);
    const second = context(dir);
    await runInteractiveAudit(second.ctx, builtIn(), { lang: 'en', now, format: 'table', inputs: [], langOption: 'en', readFacts: noExports });
    expect(second.err().replace(/\s+/g, ' ')).toContain("The answers file does not keep the report's language; to run it again: crm-audit audit --answers e.yaml --lang en");

    // The language from the locale: the same locale chooses it again, and nothing is printed.
    script.push('', '', ...answers, false, true, 'f.yaml', false);
    const third = context(dir);
    await runInteractiveAudit(third.ctx, builtIn(), { lang: 'en', now, format: 'table', inputs: [], readFacts: noExports });
    expect(third.err()).not.toContain('to run it again');
  });

  // lead «no», journal «yes», management «yes», back twice to the journal, «skip»: «Баллы: 1 из 10» counted
  // the management answer, which was to be asked again.
  it('the running score counts only the answers that stand after going back', async () => {
    script.push('', '', 'no', 'yes', 'yes', '\u0000back', '\u0000back', 'skip', 'no', 'no', 'no', 'no', 'no', false, false, false);
    const { ctx, err } = context(mkdtempSync(path.join(tmpdir(), 'crm-audit-')));
    await runInteractiveAudit(ctx, builtIn(), { lang: 'ru', now, format: 'table', inputs: [], readFacts: noExports });
    expect(script).toHaveLength(0);
    // At the end of each section: lead «no» (0); journal «yes» (1); after the backs, journal skipped: 0,
    // the management «yes» being asked again; then reporting «no», «no»: 0.
    expect(err().match(/Баллы: \d+ из 10/g)?.slice(0, 4)).toEqual(['Баллы: 0 из 10', 'Баллы: 1 из 10', 'Баллы: 0 из 10', 'Баллы: 0 из 10']);
  });

  // A custom questionnaire without evidence: rules asked «Проверить ответы по выгрузкам?» all the same.
  it('does not offer the check against the exports when the questionnaire has no evidence rules', async () => {
    const q = customWithChoices();
    expect(q.sections.flatMap((s) => s.questions).some((x) => x.evidence)).toBe(false);
    script.push('', '', 'half', 'yes', false, false);
    const { ctx } = context(mkdtempSync(path.join(tmpdir(), 'crm-audit-')));
    await runInteractiveAudit(ctx, q, { lang: 'en', now, format: 'table', inputs: [], readFacts: noExports });
    expect(script).toHaveLength(0);
    expect(vi.mocked(prompts.askConfirm).mock.calls.map((c) => c[1])).not.toContainEqual(expect.stringContaining('Check the answers'));
  });

  // An answers file named «n» (no extension) or ev-deals.csv (the export typed a minute before) was written.
  it('the answers file name must end in .yaml, .yml or .json and must not be an input', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    script.push('', '', ...answers, false, true, 'a.json', false);
    const { ctx } = context(dir);
    await runInteractiveAudit(ctx, builtIn(), { lang: 'ru', now, format: 'table', inputs: ['deals.csv', 'base.json'], readFacts: noExports });
    const call = vi.mocked(prompts.askInput).mock.calls.find((c) => String(c[1]).startsWith('Файл ответов'))!;
    const validate = call[3]!;
    expect(validate('n')).toBe('Ответы сохраняются в .yaml, .yml или .json');
    expect(validate('a.csv')).toMatch(/\.yaml/);
    expect(validate('deals.csv')).toMatch(/^deals\.csv — это один из входных файлов/);
    expect(validate('base.json')).toMatch(/один из входных файлов/);
    expect(validate('./base.json')).toMatch(/один из входных файлов/);
    expect(validate('a.yml')).toBe(true);
    // A .json answers file is JSON, as --answers reads it.
    expect(JSON.parse(readFileSync(path.join(dir, 'a.json'), 'utf8'))).toMatchObject({ questionnaire: 'crm-maturity' });
  });

  // With -o (or --format json on stdout) the run ended on «Записано: …»: no summary, band or recommendations.
  it('with -o or a data format the summary, band and recommendations are shown on stderr', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    script.push('', '', ...answers, false, false);
    const toFile = context(dir);
    await runInteractiveAudit(toFile.ctx, builtIn(), { lang: 'en', now, format: 'md', output: 'r.md', inputs: [], readFacts: noExports });
    expect(toFile.err()).toContain('Band: Leader (6 / 10)');
    expect(toFile.err()).toContain('Recommendations:');
    expect(toFile.err()).toMatch(/Written: r\.md/);
    expect(toFile.out()).toBe('');
    script.push('', '', ...answers, false, false, false);
    const toStdout = context(dir);
    await runInteractiveAudit(toStdout.ctx, builtIn(), { lang: 'en', now, format: 'json', inputs: [], readFacts: noExports });
    expect(JSON.parse(toStdout.out())).toMatchObject({ total: 6 });
    expect(toStdout.err()).toContain('Band: Leader (6 / 10)');
    expect(toStdout.err()).toContain('Recommendations:');
  });

  // Saving the report failed at write time: «ошибка: … подсказка: укажите другой путь в -o», exit 2, and
  // the session's answers, declined a moment before, were lost.
  it('a report that cannot be written is said without -o, the answers are offered again, then the report', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    script.push('', '', ...answers, false, false, true, 'no-such-folder/r.md', true, 'a.yaml', true, 'r.md');
    const { ctx, err } = context(dir);
    await runInteractiveAudit(ctx, builtIn(), { lang: 'ru', now, format: 'table', inputs: [], readFacts: noExports });
    expect(script).toHaveLength(0);
    expect(err()).toContain('папки «no-such-folder» нет');
    expect(err()).not.toContain('-o');
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'r.md']);
  });

  it('-o that cannot be written when the run ends: the answers are offered, then another file for the report', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    script.push('', '', ...answers, false, true, 'a.yaml', true, 'r.md');
    const { ctx, err } = context(dir);
    await runInteractiveAudit(ctx, builtIn(), { lang: 'ru', now, format: 'md', output: 'gone/r.md', inputs: [], readFacts: noExports });
    expect(script).toHaveLength(0);
    expect(err()).toContain('Отчёт не записан');
    expect(vi.mocked(prompts.askConfirm).mock.calls.map((c) => c[1])).toContain('Записать отчёт в другой файл?');
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'r.md']);
    // Declined: the answers are saved, and the run says by its exit code that -o was not written.
    script.push('', '', ...answers, false, true, 'b.yaml', false);
    const again = context(dir);
    await expect(runInteractiveAudit(again.ctx, builtIn(), { lang: 'ru', now, format: 'md', output: 'gone/r.md', inputs: [], readFacts: noExports })).rejects.toMatchObject({ code: 2 });
    expect(existsSync(path.join(dir, 'b.yaml'))).toBe(true);
  });
});
