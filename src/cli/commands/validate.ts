import { guessDocumentKind, wrongKindError } from '../../io/documents/document-kind.js';
import { readDocument } from '../../io/read/files.js';
import { loadQuestionnaire } from '../../io/documents/questionnaire.js';
import { parseYaml } from '../../io/documents/yaml.js';
import { maxScore } from '../../core/questionnaire/rules.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';

/** `crm-audit validate FILE`: loads a questionnaire through the same schema and rules as `audit`. */
export async function run(opts: { args: string[] }, ctx: CliContext): Promise<number> {
  const file = opts.args[0]!;
  await refuseOtherKinds(file, ctx);
  const { questionnaire: q } = await loadQuestionnaire(file, ctx.cwd, ctx.stdin);
  const questions = q.sections.reduce((n, s) => n + s.questions.length, 0);
  ctx.stderr.write(`${file}: valid — ${q.sections.length} sections, ${questions} questions, ${maxScore(q)} points, ${q.bands.length} bands, languages ${q.languages.join(', ')}\n`);
  return EXIT.ok;
}

/** An answers file or an export given to validate says what it is instead of failing the schema. */
async function refuseOtherKinds(file: string, ctx: CliContext): Promise<void> {
  if (file === '-' || /^[a-z0-9][a-z0-9._-]*$/.test(file) && !/\.[a-z]+$/i.test(file)) return;
  const hints: Record<string, string> = {
    answers: `validate checks questionnaires; audit the answers with: crm-audit audit --answers ${file}`,
    export: `validate checks questionnaires; see how an export is read with: crm-audit inspect ${file}`,
    'audit-result': `validate checks questionnaires; compare with a saved result with: crm-audit audit --baseline ${file}`,
  };
  if (/\.(csv|tsv|xlsx?)$/i.test(file)) throw wrongKindError(file, 'export', 'a questionnaire', hints.export!)!;
  const text = await readDocument(file, ctx.cwd, ctx.stdin);
  let doc: unknown;
  try {
    doc = parseYaml(text, file);
  } catch {
    doc = undefined;
  }
  const kind = guessDocumentKind(file, doc, text);
  if (kind !== 'questionnaire' && hints[kind]) throw wrongKindError(file, kind, 'a questionnaire', hints[kind]!)!;
}
