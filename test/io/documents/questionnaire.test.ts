import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
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
