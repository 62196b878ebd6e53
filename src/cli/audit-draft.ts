import { constants, copyFileSync, linkSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Answer } from '../core/audit/answers.js';
import { PRINTER, say } from '../core/messages.js';
import { shellWord } from '../core/inspect-command.js';
import { pick, plural, pluralEn } from '../core/i18n.js';
import type { Questionnaire } from '../core/questionnaire/schema.js';
import { tempNameFor } from './temps.js';

/**
 * The answers of an interview under way: an interview stopped at a question (Ctrl+C, the terminal
 * closed, SIGTERM) saves those given so far as a draft, which `audit --answers draft.yaml` on a
 * terminal takes up where it stopped (tester T36 F5: a consultant at question 6 of 7 started over).
 */
export interface InterviewDraft {
  questionnaire: Questionnaire;
  /** How the draft names its questionnaire (its id, or the path of a questionnaire read from a file). */
  ref: string;
  company: string | undefined;
  /** The answers so far, filled as they are given. */
  answers: ReadonlyMap<string, Answer>;
  /** The answers read from a draft this interview took up: a stop with nothing new saves no new draft. */
  given: number;
  cwd: string;
  /** The command-line words that read the same way again (`--lang en`), put after the file in the command. */
  again: readonly string[];
}

/** The interview under way, if any: set while its questions are asked. */
export const interview: { draft?: InterviewDraft } = {};

const NAME = 'audit-answers-draft';

/**
 * Saves the interview's answers so far, when it has new ones, beside the run (never over a file: the
 * first free name of audit-answers-draft.yaml, -2, -3…), and says where and how to go on; undefined
 * when there was nothing to save; where the folder takes no file, the answers are printed with the reason.
 */
export function saveInterviewDraft(lang: string): string | undefined {
  const d = interview.draft;
  interview.draft = undefined;
  if (!d || d.answers.size <= d.given) return undefined;
  const questions = d.questionnaire.sections.flatMap((s) => s.questions);
  const answered = questions.filter((x) => d.answers.has(x.id));
  // Written by hand, not by the YAML library: start-up loads no more than commander (a signal handler saves the draft, and cannot wait for an import).
  const lines = [
    `# ${pick(d.questionnaire.title, lang).replace(/\s+/g, ' ')}: ${answered.length} / ${questions.length}`,
    `questionnaire: ${scalar(d.ref)}`,
    ...(d.company ? [`company: ${scalar(d.company)}`] : []),
    'answers:',
    ...answered.map((x) => `  ${scalar(x.id)}: ${scalar(d.answers.get(x.id)!)}`),
  ];
  const text = `${lines.join('\n')}\n`;
  const total = questions.length;
  const words = (file: string, command: string) => ({ answered: String(answered.length), total: String(total), questions: lang === 'en' ? pluralEn(total, 'question', 'questions') : plural(total, 'вопроса', 'вопросов', 'вопросов'), file, command, why: '', text: '' });
  const fill = (template: string, w: Record<string, string>) => template.replace(/\{(answered|total|questions|file|command|why|text)\}/g, (_, k: string) => w[k]!);
  let refused: string | undefined;
  for (let n = 1; n < 100; n++) {
    const name = `${NAME}${n === 1 ? '' : `-${n}`}.yaml`;
    const file = path.join(d.cwd, name);
    const temp = tempNameFor(file);
    try {
      writeFileSync(temp, text, { flag: 'wx' });
      // A link is made only where no file is: an earlier draft (or any file of the name) is never written over.
      // A file system with no hard links (exFAT, some network shares) takes an exclusive copy instead.
      try {
        linkSync(temp, file);
      } catch (error) {
        if (!NO_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
        copyFileSync(temp, file, constants.COPYFILE_EXCL);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      refused = (error as NodeJS.ErrnoException).code ?? 'EIO';
      break;
    } finally {
      // A path that is no folder throws even with force (ENOTDIR): the temp file was never made there.
      try {
        rmSync(temp, { force: true });
      } catch {
        // nothing to remove
      }
    }
    return fill(say(PRINTER.interruptedDraft, lang), words(name, ['crm-audit audit --answers', shellWord(name), ...d.again].join(' ')));
  }
  // The folder takes no file (read-only, full, no right to write): the answers are printed, never lost in silence.
  const command = ['crm-audit audit --answers', `${NAME}.yaml`, ...d.again].join(' ');
  return fill(say(PRINTER.interruptedDraftUnsaved, lang), { ...words(`${NAME}.yaml`, command), why: reasonWords(refused ?? 'EEXIST', lang), text: text.trimEnd() });
}

/** Errors of a link where the file system has no hard links. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/** Why a folder took no file, in words, with the system's code after them. */
function reasonWords(code: string, lang: string): string {
  const words: Record<string, [string, string]> = {
    EACCES: ['нет права записи в папку', 'no right to write in the folder'],
    EPERM: ['нет права записи в папку', 'no right to write in the folder'],
    EROFS: ['папка только для чтения', 'the folder is read-only'],
    ENOSPC: ['на диске нет места', 'the disk is full'],
    EDQUOT: ['исчерпана квота на диске', 'the disk quota is used up'],
    ENOTDIR: ['папки запуска нет: это не папка', 'the run\'s folder is not a folder'],
    ENOENT: ['папки запуска больше нет', 'the run\'s folder is gone'],
    EEXIST: ['все 99 имён черновика заняты', 'all 99 draft names are taken'],
  };
  const said = words[code];
  return said ? `${lang === 'en' ? said[1] : said[0]}, ${code}` : code;
}

/** A YAML scalar: an id or an answer as it is (lead.concept, yes), anything else double-quoted (a JSON string is one). */
function scalar(value: string): string {
  return /^[a-z][\w.-]*$/i.test(value) && !/^(?:true|false|null|y|n|on|off)$/i.test(value) ? value : JSON.stringify(value);
}
