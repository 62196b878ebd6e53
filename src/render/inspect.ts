import type { ImportReport } from '../io/map/import.js';
import { colors, type RenderOptions } from './text.js';

const show = (s: string) => JSON.stringify(s);

/** What the importer saw in a file, for a person deciding whether the mapping is right. */
export function renderInspect(r: ImportReport, opts: RenderOptions): string {
  const c = colors(opts.color);
  const t = r.table;
  const lines = [
    c.bold(r.file),
    `  kind:       ${r.kind}`,
    `  format:     ${t.type}${t.encoding ? `, ${t.encoding}` : ''}${t.delimiter !== undefined ? `, delimiter ${t.delimiter === '\t' ? 'tab' : show(t.delimiter)}` : ''}${t.sheet ? `, sheet ${show(t.sheet)} of ${t.sheets?.length}` : ''}`,
    ...(t.encodingWhy ? [`  encoding:   ${t.encoding}: ${t.encodingWhy}`] : []),
    ...(t.nulBytes ? [`  NUL bytes:  ${t.nulBytes} removed`] : []),
    `  header row: ${r.headerRow}`,
    '',
    c.bold('Columns'),
  ];
  for (const col of r.columns) {
    if (col.header === '' && !col.field) continue;
    const what = col.field ? c.green(`-> ${col.field}`) : col.passedOverFor ? c.yellow(`passed over (${col.passedOverFor} comes from an earlier column)`) : c.dim('unmapped');
    lines.push(`  ${String(col.index + 1).padStart(3)}. ${show(col.header).padEnd(36)} ${what}`);
  }
  for (const [field, values] of Object.entries(r.values)) {
    lines.push('', c.bold(`Values of ${field}`));
    for (const v of values.slice(0, 30)) lines.push(`  ${show(v.value).padEnd(40)} -> ${v.mapped} (${v.count})`);
    if (values.length > 30) lines.push(`  … ${values.length - 30} more`);
  }
  lines.push('', c.bold('Rows'), `  read:      ${r.rowsRead}`, `  records:   ${r.records}`, `  unreadable: ${r.skippedCount}`);
  for (const [reason, n] of Object.entries(r.dropped)) lines.push(`  dropped:   ${n} ${reason}`);
  if (r.skipped.length > 0) {
    lines.push('', c.bold('Unreadable rows'));
    for (const s of r.skipped) lines.push(`  row ${s.row}${s.column ? `, column ${show(s.column)}` : ''}: ${s.reason}`);
    if (r.skippedCount > r.skipped.length) lines.push(`  … and ${r.skippedCount - r.skipped.length} more`);
  }
  return `${lines.join('\n')}\n`;
}
