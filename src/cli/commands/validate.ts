import { loadQuestionnaire } from '../../io/documents/questionnaire.js';
import { maxScore } from '../../core/questionnaire/rules.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';

/** `crm-audit validate FILE`: loads a questionnaire through the same schema and rules as `audit`. */
export async function run(opts: { args: string[] }, ctx: CliContext): Promise<number> {
  const file = opts.args[0]!;
  const { questionnaire: q } = await loadQuestionnaire(file, ctx.cwd, ctx.stdin);
  const questions = q.sections.reduce((n, s) => n + s.questions.length, 0);
  ctx.stderr.write(`${file}: valid — ${q.sections.length} sections, ${questions} questions, ${maxScore(q)} points, ${q.bands.length} bands, languages ${q.languages.join(', ')}\n`);
  return EXIT.ok;
}
