import { guessKind, inspectFile } from '../../io/map/inspect.js';
import type { RecordKind } from '../../io/map/fields.js';
import { loadOverrides } from '../../io/documents/map-file.js';
import { renderInspect } from '../../render/inspect.js';
import { renderJson } from '../../render/text.js';
import { useColor, type CliContext } from '../context.js';
import { messageLang } from '../message-lang.js';
import { EXIT } from '../exit-codes.js';
import { importOptionsFromCli, type ImportCliOptions } from '../input-options.js';
import { writeOutput } from '../output.js';

export interface InspectOptions extends ImportCliOptions {
  args: string[];
  kind?: RecordKind;
  format?: 'text' | 'json';
  lang?: 'ru' | 'en';
}

/** `crm-audit inspect FILE`: what the importer sees, column by column. */
export async function run(o: InspectOptions, ctx: CliContext): Promise<number> {
  const file = o.args[0]!;
  const overrides = await loadOverrides(o.map, ctx.cwd, ctx.stdin);
  const base = importOptionsFromCli(o, ctx);
  // The map's columns of the kind the file holds apply, whether --kind says it or the header does.
  const kind = o.kind ?? (file === '-' ? undefined : await guessKind(file, base));
  const report = await inspectFile(file, kind, { ...base, valueMaps: overrides.valueMaps, mapFile: overrides.file, columns: kind ? overrides.columns[kind] : undefined });
  await writeOutput(ctx, o.format === 'json' ? renderJson(report) : renderInspect(report, { lang: messageLang(ctx, o.lang), color: useColor(ctx) }), undefined);
  return EXIT.ok;
}
