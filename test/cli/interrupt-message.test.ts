import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { handleError, interruptedLine } from '../../src/cli/execute.js';

/** The prompt library's Ctrl+C. */
const ctrlC = () => Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' });

function said(saved: CliContext['savedBeforeInterrupt'], lang: 'ru' | 'en' = 'ru') {
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (d) => (err += d));
  const ctx: CliContext = { stdout: new PassThrough(), stderr, stdin: new PassThrough(), env: { NO_COLOR: '1' }, cwd: '/', debug: false, messageLang: lang, savedBeforeInterrupt: saved };
  expect(handleError(ctrlC(), ctx)).toBe(130);
  return err.trim();
}

// Ctrl+C at «Сохранить ответы» after -o i11.xlsx was written said «Прервано; ничего не сохранено.».
describe('Ctrl+C says what the run had written', () => {
  it('nothing, the answers, the report, or both', () => {
    expect(said(undefined)).toBe('Прервано; ничего не сохранено.');
    expect(said({})).toBe('Прервано; ничего не сохранено.');
    expect(said({ answers: 'a.yaml' })).toBe('Прервано; ответы сохранены в a.yaml, отчёт не записан.');
    expect(said({ report: 'i11.xlsx' })).toBe('Прервано; отчёт записан в i11.xlsx, ответы не сохранены.');
    expect(said({ answers: 'a $&.yaml', report: 'r.md' })).toBe('Прервано; ответы сохранены в a $&.yaml, отчёт записан в r.md.');
    expect(said({ report: 'r.xlsx' }, 'en')).toBe('Interrupted; the report was written to r.xlsx, the answers were not saved.');
  });
});

// A signal after generate had put its files in place said «Прервано; ничего не сохранено.».
describe('a signal says what the run had written into place', () => {
  it('nothing, or the files', () => {
    expect(interruptedLine('ru', [])).toBe('Прервано; ничего не сохранено.');
    expect(interruptedLine('en', [])).toBe('Interrupted; nothing was saved.');
    expect(interruptedLine('ru', ['data/deals.csv', 'data/activities.csv', 'data/payments.csv'])).toBe('Прервано; уже записано: data/deals.csv, data/activities.csv, data/payments.csv.');
    expect(interruptedLine('en', ['r $&.xlsx'])).toBe('Interrupted; already written: r $&.xlsx.');
  });
});
