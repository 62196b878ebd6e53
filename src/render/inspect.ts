import { undecidedStages } from '../core/undecided-stages.js';
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
    `  CRM:        ${r.profile ? `${r.profile.crm} (profile ${r.profile.id}, recognised by ${r.profile.matched.length} of its headers: ${r.profile.matched.map(show).join(', ')})` : 'not recognised: columns found by the generic names'}`,
  ];
  if (r.unknownStage) lines.push(`  stages:     ${r.unknownStage === 'ask' ? 'this CRM renames stages freely: a stage no rule knows must be named when its deals are closed' : 'a stage no rule knows is open'}`);
  lines.push('', c.bold('Columns'));
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
  const stages = Object.entries(r.stages ?? {});
  if (stages.length > 0) {
    const undecided = new Set(undecidedStages(r).map(([name]) => name));
    lines.push('', c.bold('Stages no rule knows'));
    for (const [name, s] of stages.sort((a, b) => b[1].deals - a[1].deals).slice(0, 30)) {
      const verdict = undecided.has(name) ? c.yellow('undecided: say in a --map file whether it is won, lost or open') : c.dim(r.unknownStage === 'ask' ? 'open (its deals look open)' : 'open');
      lines.push(`  ${show(name).padEnd(36)} ${s.deals} deals, ${s.closedFlag} closed by the flag, ${s.closeDate} with a close date, ${s.amount} with an amount -> ${verdict}`);
    }
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
