import { PassThrough } from 'node:stream';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliContext } from '../../../src/cli/context.js';
import { parseAnswers } from '../../../src/core/audit/answers.js';
import { scoreAudit } from '../../../src/core/audit/score.js';
import { parseYaml } from '../../../src/io/documents/yaml.js';
import { builtIn } from '../../helpers/questionnaire.js';

const script: Array<string | boolean> = [];
vi.mock('../../../src/cli/prompts.js', () => {
  const next = () => {
    if (script.length === 0) throw new Error('the flow asked more than the script answers');
    return Promise.resolve(script.shift());
  };
  return { askSelect: vi.fn(next), askInput: vi.fn(next), askConfirm: vi.fn(next) };
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

describe('interactive audit (mocked prompts)', () => {
  beforeEach(() => vi.clearAllMocks());
  const now = new Date('2025-02-01T12:00:00Z');
  const answers = ['yes', 'no', 'yes', 'skip', 'no', 'yes', 'yes'];

  it('asks company then every question in order, and gives the same result as an answers file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    script.push('Acme', ...answers, true, 'saved.yaml', false);
    const { ctx, out, err } = context(dir);
    const result = await runInteractiveAudit(ctx, builtIn(), { lang: 'en', now, format: 'table', inputs: [] });
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
    script.push('', ...answers, false, true, 'отчёт.md');
    const { ctx, err } = context(dir);
    await runInteractiveAudit(ctx, builtIn(), { lang: 'ru', now, format: 'table', inputs: [] });
    const call = vi.mocked(prompts.askInput).mock.calls.find((c) => String(c[1]).startsWith('Файл отчёта'))!;
    const validate = call[3]!;
    expect(validate('отчёт.pdf')).toBe('Можно сохранить только .xlsx, .md или .json');
    expect(validate('out.xls')).toMatch(/только/);
    expect(validate('отчёт.xlsx')).toBe(true);
    expect(readFileSync(path.join(dir, 'отчёт.md'), 'utf8')).toMatch(/^# /);
    expect(err()).toContain('Отчёт сохранён: отчёт.md');
  });

  it('offers declared choices between yes and no', async () => {
    script.push('', ...answers, false, false);
    const { ctx } = context(mkdtempSync(path.join(tmpdir(), 'crm-audit-')));
    await runInteractiveAudit(ctx, builtIn(), { lang: 'ru', now, format: 'table', inputs: [] });
    const choices = vi.mocked(prompts.askSelect).mock.calls[0]![2].map((c) => c.value);
    expect(choices).toEqual(['yes', 'no', 'skip']);
  });
});
