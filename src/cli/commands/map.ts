import { tr } from '../../core/i18n.js';
import { undecidedStages } from '../../core/undecided-stages.js';
import { loadOverrides } from '../../io/documents/map-file.js';
import { stagesSnippet } from '../../io/map/import.js';
import { guessKind, inspectFile } from '../../io/map/inspect.js';
import { askStages } from '../ask-stages.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { importOptionsFromCli, type ImportCliOptions } from '../input-options.js';
import { writeOutput } from '../output.js';

export interface MapOptions extends ImportCliOptions {
  args: string[];
  output?: string;
  lang: 'ru' | 'en';
}

/**
 * `crm-audit map FILE`: the questions a run would ask about a deals export, on their own. On a
 * terminal each closed stage no rule knows is asked about and the answers are written as a --map
 * file; without one the proposal is written, each guess marked to check.
 */
export async function run(o: MapOptions, ctx: CliContext): Promise<number> {
  const file = o.args[0]!;
  const overrides = await loadOverrides(o.map, ctx.cwd, ctx.stdin);
  const base = importOptionsFromCli(o, ctx);
  const kind = await guessKind(file, base);
  const report = await inspectFile(file, kind, { ...base, valueMaps: overrides.valueMaps, mapFile: overrides.file, columns: overrides.columns[kind] });
  const stages = undecidedStages(report);
  if (stages.length === 0) {
    ctx.stderr.write(`${tr(o.lang, `${file}: решать нечего — каждый этап известен или выглядит открытым.`, `${file}: nothing to decide: every stage is known or looks open.`)}\n`);
    return EXIT.ok;
  }
  const chosen = await askStages(ctx, { where: { file }, stages }, o.lang, false);
  if (!chosen) ctx.stderr.write(`${tr(o.lang, 'Нет терминала: записано предложение, проверьте каждое значение.', 'No terminal: this is a proposal, check each value.')}\n`);
  await writeOutput(ctx, stagesSnippet(stages, chosen), o.output, [file], o.output ? o.lang : undefined);
  return EXIT.ok;
}
