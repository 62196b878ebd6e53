import { tr } from '../core/i18n.js';
import { importNote, KIND_RU, rowReason } from '../core/messages.js';
import { undecidedStages } from '../core/undecided-stages.js';
import type { ImportReport } from '../io/map/import.js';
import { fileFormatText } from './format.js';
import { colors, type RenderOptions } from './text.js';

const show = (s: string) => JSON.stringify(s);

/** What the importer saw in a file, for a person deciding whether the mapping is right (in `opts.lang`). */
export function renderInspect(r: ImportReport, opts: RenderOptions): string {
  const c = colors(opts.color);
  const t = r.table;
  const L = (ru: string, en: string) => tr(opts.lang, ru, en);
  const kind = opts.lang === 'ru' ? KIND_RU[r.kind] ?? r.kind : r.kind;
  const format = [
    fileFormatText(t.type, opts.lang),
    ...(t.encoding ? [t.encoding] : []),
    ...(t.delimiter !== undefined ? [`${L('разделитель', 'delimiter')} ${t.delimiter === '\t' ? L('табуляция', 'tab') : show(t.delimiter)}`] : []),
    ...(t.sheet ? [L(`лист ${show(t.sheet)} из ${t.sheets?.length}`, `sheet ${show(t.sheet)} of ${t.sheets?.length}`)] : []),
  ].join(', ');
  const crm = r.profile
    ? L(
        `${r.profile.crm} (профиль ${r.profile.id}, узнан по ${r.profile.matched.length} своим заголовкам: ${r.profile.matched.map(show).join(', ')})`,
        `${r.profile.crm} (profile ${r.profile.id}, recognised by ${r.profile.matched.length} of its headers: ${r.profile.matched.map(show).join(', ')})`,
      )
    : L('не узнана: колонки найдены по общим названиям', 'not recognised: columns found by the generic names');
  const lines = [
    c.bold(r.file),
    `  ${L('вид:        ', 'kind:       ')}${kind}`,
    `  ${L('формат:     ', 'format:     ')}${format}`,
    ...(t.encodingWhy ? [`  ${L('кодировка:  ', 'encoding:   ')}${t.encoding}: ${importNote(t.encodingWhy, opts.lang)}`] : []),
    ...(t.nulBytes ? [L(`  NUL-байты:  удалено ${t.nulBytes}`, `  NUL bytes:  ${t.nulBytes} removed`)] : []),
    `  ${L('заголовок:  ', 'header row: ')}${r.headerRow === 0 ? L('нет: колонки по номерам из --map, каждая строка — данные', 'none: columns by number from --map, every row is data') : L(`строка ${r.headerRow}`, String(r.headerRow))}`,
    `  ${L('CRM:        ', 'CRM:        ')}${crm}`,
  ];
  if (r.unknownStage) {
    lines.push(`  ${L('этапы:      ', 'stages:     ')}${r.unknownStage === 'ask'
      ? L('эта CRM позволяет свободно переименовывать этапы: этап, который не знает ни одно правило, нужно назвать, когда его сделки закрыты', 'this CRM renames stages freely: a stage no rule knows must be named when its deals are closed')
      : L('этап, который не знает ни одно правило, считается открытым', 'a stage no rule knows is open')}`);
  }
  lines.push('', c.bold(L('Колонки', 'Columns')));
  for (const col of r.columns) {
    if (col.header === '' && !col.field) continue;
    lines.push(`  ${String(col.index + 1).padStart(3)}. ${show(col.header).padEnd(36)} ${columnNote(col, opts.lang, c, r.columns)}`);
  }
  for (const [field, values] of Object.entries(r.values)) {
    lines.push('', c.bold(L(`Значения ${field}`, `Values of ${field}`)));
    for (const v of values.slice(0, 30)) lines.push(`  ${show(v.value).padEnd(40)} -> ${importNote(v.mapped, opts.lang)} (${v.count})`);
    if (values.length > 30) lines.push(L(`  … ещё ${values.length - 30}`, `  … ${values.length - 30} more`));
  }
  const stages = Object.entries(r.stages ?? {});
  if (stages.length > 0) {
    const undecided = new Set(undecidedStages(r).map(([name]) => name));
    lines.push('', c.bold(L('Этапы, которых не знает ни одно правило', 'Stages no rule knows')));
    for (const [name, s] of stages.sort((a, b) => b[1].deals - a[1].deals).slice(0, 30)) {
      const verdict = undecided.has(name)
        ? c.yellow(L('не решено: укажите в файле --map, выигран этап, проигран или открыт', 'undecided: say in a --map file whether it is won, lost or open'))
        : c.dim(r.unknownStage === 'ask' ? L('открыт (его сделки выглядят открытыми)', 'open (its deals look open)') : L('открыт', 'open'));
      const evidence = r.stagesBlind
        ? L(`сделок: ${s.deals}, закрыты ли — не известно (нет признака закрытия), с суммой: ${s.amount}`, `${s.deals} ${s.deals === 1 ? 'deal' : 'deals'}, whether closed unknown (nothing marks a deal closed), ${s.amount} with an amount`)
        : L(
            `сделок: ${s.deals}, закрыто по флагу: ${s.closedFlag}, с датой закрытия: ${s.closeDate}, с вероятностью 100 %: ${s.certain}, с суммой: ${s.amount}`,
            `${s.deals} ${s.deals === 1 ? 'deal' : 'deals'}, ${s.closedFlag} closed by the flag, ${s.closeDate} with a close date, ${s.certain} at a probability of 100%, ${s.amount} with an amount`,
          );
      lines.push(`  ${show(name).padEnd(36)} ${evidence} -> ${verdict}`);
    }
  }
  lines.push(
    '',
    c.bold(L('Строки', 'Rows')),
    `  ${L('прочитано:      ', 'read:      ')}${r.rowsRead}`,
    `  ${L('записей:        ', 'records:   ')}${r.records}`,
    `  ${L('не прочитано:   ', 'unreadable: ')}${r.skippedCount}`,
  );
  // The reason, then the count: «2 строка итогов» had no plural.
  for (const [reason, n] of Object.entries(r.dropped)) lines.push(`  ${L('отброшено:      ', 'dropped:   ')}${rowReason(reason, opts.lang)}: ${n}`);
  const d = r.repeatedIdsDiffer;
  if (d) lines.push(c.yellow(L(`  из них с другим менеджером или статусом: ${d.rows} (например, id ${d.id}); учтена первая строка id`, `  of them with another manager or status: ${d.rows} (id ${d.id}, say); the first row of the id counts`)));
  if (r.skipped.length > 0) {
    lines.push('', c.bold(L('Непрочитанные строки', 'Unreadable rows')));
    for (const s of r.skipped) lines.push(`  ${L(`строка ${s.row}`, `row ${s.row}`)}${s.column ? L(`, колонка ${show(s.column)}`, `, column ${show(s.column)}`) : ''}: ${rowReason(s.reason, opts.lang)}`);
    if (r.skippedCount > r.skipped.length) lines.push(L(`  … и ещё ${r.skippedCount - r.skipped.length}`, `  … and ${r.skippedCount - r.skipped.length} more`));
  }
  return `${lines.join('\n')}\n`;
}

/** What became of a column: its field, a generic «Тип» its values decided or did not, or why it was passed over. */
function columnNote(col: ImportReport['columns'][number], lang: string, c: ReturnType<typeof colors>, all: ImportReport['columns']): string {
  const L = (ru: string, en: string) => tr(lang, ru, en);
  const values = (v: string[]) => v.map((x) => (lang === 'ru' ? `«${x}»` : show(x))).join(', ');
  if (col.undecided) {
    return c.yellow(L(
      `-> ${col.field ?? '?'} (не решено: по значениям ${values(col.undecided)} не понять, вид это или направление; укажите в файле --map: kind или direction)`,
      `-> ${col.field ?? '?'} (undecided: its values ${values(col.undecided)} say neither kind nor direction; name it in a --map file: kind or direction)`,
    ));
  }
  if (col.field) return c.green(col.byValues ? L(`-> ${col.field} (по значениям: ${values(col.byValues)})`, `-> ${col.field} (by its values: ${values(col.byValues)})`) : `-> ${col.field}`);
  if (col.byValues) {
    return c.yellow(L(
      `пропущена (по значениям ${values(col.byValues)} это ${col.passedOverFor}, а он берётся из другой колонки)`,
      `passed over (its values ${values(col.byValues)} make it ${col.passedOverFor}, which comes from another column)`,
    ));
  }
  if (col.passedOverFor) {
    // The column the field is read from: a profile may prefer one to the right (Salesforce's Owner.Name over OwnerId).
    const used = all.find((o) => o.field === col.passedOverFor);
    if (!used) return c.yellow(L(`пропущена (${col.passedOverFor} берётся из другой колонки)`, `passed over (${col.passedOverFor} comes from another column)`));
    const name = lang === 'ru' ? `${used.index + 1} «${used.header}»` : `${used.index + 1} ${show(used.header)}`;
    return c.yellow(L(`пропущена (${col.passedOverFor} берётся из колонки ${name})`, `passed over (${col.passedOverFor} comes from column ${name})`));
  }
  return c.dim(L('не сопоставлена', 'unmapped'));
}
