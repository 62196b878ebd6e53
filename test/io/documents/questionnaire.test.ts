import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { describeUserError, UserError } from '../../../src/core/errors.js';
import { loadQuestionnaire, QUESTIONNAIRES_DIR } from '../../../src/io/documents/questionnaire.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-questionnaire-'));
// The built-in questionnaire declared in Russian only: every text keeps its en too, which a ru-only file may.
writeFileSync(path.join(dir, 'ru.yaml'), readFileSync(path.join(QUESTIONNAIRES_DIR, 'crm-maturity.yaml'), 'utf8').replace(/^languages: .*$/m, 'languages: [ru]'));

describe('loadQuestionnaire with the run language', () => {
  it('refuses a language the file does not declare, before anything is asked', async () => {
    const error = await loadQuestionnaire('ru.yaml', dir, new PassThrough(), 'en').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('E_QUESTIONNAIRE_LANG');
    expect((error as UserError).where).toEqual({ file: 'ru.yaml', path: 'languages' });
  });

  it('loads it in a declared language, and without one as before', async () => {
    expect((await loadQuestionnaire('ru.yaml', dir, new PassThrough(), 'ru')).questionnaire.languages).toEqual(['ru']);
    expect((await loadQuestionnaire('ru.yaml', dir, new PassThrough())).questionnaire.languages).toEqual(['ru']);
    expect((await loadQuestionnaire('crm-maturity', dir, new PassThrough(), 'en')).questionnaire.id).toBe('crm-maturity');
  });
});

// A tester: an answers file's `questionnaire: ../../etc/passwd` printed the whole of /etc/passwd as the value «получено».
describe('a file named as a questionnaire that holds a text or a list', () => {
  it('is said not to be one, without a word of what it holds', async () => {
    writeFileSync(path.join(dir, 'passwd'), 'root:x:0:0:root:/root:/bin/bash\nsecret:x:1000:1000::/home/secret:/bin/sh\n');
    writeFileSync(path.join(dir, 'list.yaml'), '- a\n- b\n');
    const error = (await loadQuestionnaire('./passwd', dir, new PassThrough()).catch((e: unknown) => e)) as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.code).toBe('E_QUESTIONNAIRE_SCHEMA');
    expect(describeUserError(error, 'ru')).toBe('./passwd: это не анкета: в файле текст, а анкета — набор «ключ: значение» с разделами (sections) и уровнями (bands)\n  подсказка: проверьте путь к анкете; встроенные: crm-maturity');
    expect(describeUserError(error, 'en')).not.toMatch(/root|secret/);
    const list = (await loadQuestionnaire('list.yaml', dir, new PassThrough()).catch((e: unknown) => e)) as UserError;
    expect(describeUserError(list, 'en')).toBe('list.yaml: this is not a questionnaire: the file holds a list, and a questionnaire is a "key: value" map with sections and bands\n  hint: check the questionnaire\'s path; built-in: crm-maturity');
  });
});

// T40 F12: a questionnaire's errors had no line («q1.yaml, в sections[0].questions[0].points: …») where a map's,
// an answers file's and a config's have one; an empty value was «получено null».
describe("a questionnaire's errors", () => {
  it('are said at their lines, an empty value in words', async () => {
    const text = readFileSync(path.join(QUESTIONNAIRES_DIR, 'crm-maturity.yaml'), 'utf8').replace(/^version: .*$/m, 'version:').replace(/points: \d+/, 'points: two');
    writeFileSync(path.join(dir, 'lines.yaml'), text);
    const error = await loadQuestionnaire('lines.yaml', dir, new PassThrough()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const lineOf = (needle: RegExp) => text.split('\n').findIndex((l) => needle.test(l)) + 1;
    const said = describeUserError(error as UserError, 'ru');
    expect(said).toContain(`lines.yaml, строка ${lineOf(/^version:$/)}, символ 1, в version: ожидалось: число или текст; получено: пустое значение (null)`);
    expect(said).toMatch(new RegExp(`lines\\.yaml, строка ${lineOf(/points: two/)}, символ \\d+, в sections\\[0\\]\\.questions\\[0\\]\\.points: ожидалось: число; получено: «two»`));
  });
});
