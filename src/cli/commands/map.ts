import { tr } from '../../core/i18n.js';
import { undecidedStages } from '../../core/undecided-stages.js';
import { loadOverrides } from '../../io/documents/map-file.js';
import { stagesSnippet } from '../../io/map/import.js';
import { guessKind, inspectFile } from '../../io/map/inspect.js';
import { askColumns, askStages, columnsYaml } from '../ask-stages.js';
import { ColumnsMissing } from '../../io/map/mapping.js';
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
  const read = (columns: Record<string, string | string[]> | undefined) => inspectFile(file, kind, { ...base, valueMaps: overrides.valueMaps, mapFile: overrides.file, columns, listAmbiguous: false });
  // First the columns no rule finds (asked on a terminal; without one the error and its snippet stand), then the stages.
  let columns: Record<string, string> | undefined;
  const report = await read(overrides.columns[kind]).catch(async (error: unknown) => {
    if (!(error instanceof ColumnsMissing)) throw error;
    columns = await askColumns(ctx, error, o.lang, false);
    if (!columns) throw error;
    return read({ ...overrides.columns[kind], ...columns });
  });
  const stages = undecidedStages(report);
  if (stages.length === 0 && !columns) {
    ctx.stderr.write(`${tr(o.lang, `${file}: решать нечего — каждая колонка найдена, каждый этап известен или выглядит открытым.`, `${file}: nothing to decide: every column is found, every stage is known or looks open.`)}\n`);
    return EXIT.ok;
  }
  const chosen = stages.length > 0 ? await askStages(ctx, { where: { file }, stages }, o.lang, false) : {};
  if (!chosen) ctx.stderr.write(`${tr(o.lang, 'Нет терминала: записано предложение, проверьте каждое значение.', 'No terminal: this is a proposal, check each value.')}\n`);
  await writeOutput(ctx, mapYaml(kind, columns, stages.length > 0 ? stagesSnippet(stages, chosen, o.lang) : ''), o.output, [file], o.output ? o.lang : undefined);
  return EXIT.ok;
}

/** One --map document: the columns chosen (for the file's kind) and the stages' statuses (deals). */
function mapYaml(kind: string, columns: Record<string, string> | undefined, stages: string): string {
  const cols = columns ? columnsYaml(columns) : '';
  if (!stages) return `${kind}:\n${cols}`;
  // The stage snippet starts with its own "deals:" line: the columns go under the same key.
  return stages.replace(/^deals:\n/, `deals:\n${cols}`);
}
