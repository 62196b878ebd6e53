import { UserError } from '../../core/errors.js';
import { guessDocumentKind, wrongKindError } from '../../io/documents/document-kind.js';
import { readDocument } from '../../io/read/files.js';
import { loadQuestionnaire } from '../../io/documents/questionnaire.js';
import { parseYaml } from '../../io/documents/yaml.js';
import { maxScore, questionCount } from '../../core/questionnaire/rules.js';
import type { CliContext } from '../context.js';
import { stderrLine } from '../wrap.js';
import { EXIT } from '../exit-codes.js';
import { renderMessage, WHERE_WORDS } from '../../core/messages.js';
import { pick, pluralEn } from '../../core/i18n.js';
import { messageLang } from '../message-lang.js';

/** `crm-audit validate FILE`: loads a questionnaire through the same schema and rules as `audit`. */
export async function run(opts: { args: string[]; lang?: string }, ctx: CliContext): Promise<number> {
  const file = opts.args[0]!;
  await refuseOtherKinds(file, ctx);
  const { questionnaire: q } = await loadQuestionnaire(file, ctx.cwd, ctx.stdin);
  const questions = questionCount(q);
  const counts = { sections: q.sections.length, questions, points: maxScore(q), bands: q.bands.length };
  // «1 section», not «1 sections» (a tester): each English count with its noun's form.
  const en = (n: number, noun: string) => `${n} ${pluralEn(n, noun, `${noun}s`)}`;
  const lang = messageLang(ctx, opts.lang);
  // stdin in words, as errors name it («-: анкета верна» read as a file named «-»).
  const name = file === '-' ? pick(WHERE_WORDS.stdin, lang) : file;
  const params = { file: name, ...counts, sectionsEn: en(counts.sections, 'section'), questionsEn: en(questions, 'question'), pointsEn: en(counts.points, 'point'), bandsEn: en(counts.bands, 'band'), languages: q.languages.join(', ') };
  stderrLine(ctx, renderMessage('validate.valid', params, lang));
  return EXIT.ok;
}

/** An answers file or an export given to validate says what it is instead of failing the schema. */
async function refuseOtherKinds(file: string, ctx: CliContext): Promise<void> {
  if (file === '-' || /^[a-z0-9][a-z0-9._-]*$/.test(file) && !/\.[a-z]+$/i.test(file)) return;
  if (/\.xlsx?$/i.test(file)) throw wrongKindError(file, 'export', 'questionnaire')!;
  const text = await readDocument(file, ctx.cwd, ctx.stdin);
  // An empty file would be looked up as a built-in questionnaire's id (its name is not a .yaml path).
  if (text.trim() === '') throw UserError.of('E_EMPTY', 'doc.empty', {}, { file });
  let doc: unknown;
  try {
    doc = parseYaml(text, file);
  } catch {
    doc = undefined;
  }
  const kind = guessDocumentKind(file, doc, text);
  const wrong = wrongKindError(file, kind, 'questionnaire');
  if (wrong) throw wrong;
}
