import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { interview, saveInterviewDraft } from '../../src/cli/audit-draft.js';
import { loadQuestionnaire } from '../../src/io/documents/questionnaire.js';

// An interview stopped at a question saves its answers beside the run; a folder that takes no file
// (read-only, full, a path that is no folder) once made it say «nothing was saved» and lose them.
async function stoppedIn(cwd: string): Promise<void> {
  const { questionnaire } = await loadQuestionnaire('crm-maturity', cwd, process.stdin);
  interview.draft = { questionnaire, ref: 'crm-maturity', company: 'ООО Ромашка', answers: new Map([['lead.concept', 'yes'], ['journal.interactions', 'no']]), given: 0, cwd, again: ['--managers', '8'] };
}

describe('an interview stopped at a question', () => {
  it('saves its answers as a draft in the run folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'draft-'));
    await stoppedIn(dir);
    expect(saveInterviewDraft('ru')).toContain('сохранены в audit-answers-draft.yaml');
    expect(readdirSync(dir)).toEqual(['audit-answers-draft.yaml']);
  });

  it('prints them, with the reason and the command, where the folder takes no file', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'draft-')), 'not-a-folder');
    writeFileSync(file, '');
    for (const lang of ['ru', 'en']) {
      await stoppedIn(file);
      const said = saveInterviewDraft(lang)!;
      expect(said).toContain(lang === 'ru' ? 'ответы на 2 из 7 вопросов не удалось сохранить в папку запуска (папки запуска нет: это не папка, ENOTDIR)' : 'the answers to 2 of 7 questions could not be saved in the run\'s folder (the run\'s folder is not a folder, ENOTDIR)');
      expect(said).toContain('crm-audit audit --answers audit-answers-draft.yaml --managers 8');
      // The draft itself, as it would have been saved: copied into a file, it is taken up as one.
      expect(said).toContain('questionnaire: crm-maturity\ncompany: "ООО Ромашка"\nanswers:\n  lead.concept: yes\n  journal.interactions: no');
      expect(interview.draft).toBeUndefined();
    }
  });

  it('says nothing of a draft when nothing new was answered', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'draft-'));
    await stoppedIn(dir);
    interview.draft = { ...interview.draft!, given: 2 };
    expect(saveInterviewDraft('ru')).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });
});
