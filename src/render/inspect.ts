import { plural, tr } from '../core/i18n.js';
import { crmName, importNote, KIND_RU, rowAt, rowReason } from '../core/messages.js';
import { describeAlert, timedAtAlert } from '../core/kpi/alerts.js';
import { looksLost, undecidedStages } from '../core/undecided-stages.js';
import type { ImportReport } from '../io/map/import.js';
import { EMPTY_ROW } from '../core/kpi/types.js';
import { fileFormatText, formatCount } from './format.js';
import { colors, type RenderOptions } from './text.js';

/** A header or value of the file, quoted as the reader's language quotes («…» in Russian, "…" in English), its control characters escaped. */
function quote(s: string, lang: string): string {
  if (lang !== 'ru') return JSON.stringify(s);
  // eslint-disable-next-line no-control-regex -- the control characters are what is escaped, as JSON.stringify does in English
  return `«${s.replace(/[\u0000-\u001f\u007f]/g, (ch) => JSON.stringify(ch).slice(1, -1))}»`;
}

/** The helpers every part of the listing writes with: colours, the language, a quoted value, a count. */
function words(opts: RenderOptions) {
  return { c: colors(opts.color), L: (ru: string, en: string) => tr(opts.lang, ru, en), show: (s: string) => quote(s, opts.lang), n: (count: number) => formatCount(count, opts.lang) };
}

/** What the importer saw in a file, for a person deciding whether the mapping is right (in `opts.lang`). */
export function renderInspect(r: ImportReport, opts: RenderOptions): string {
  const { c, L, show, n } = words(opts);
  const lines = fileLines(r, opts);
  if (r.unknownStage) {
    lines.push(`  ${L('этапы:      ', 'stages:     ')}${r.unknownStage === 'open'
      ? L('этап, который не знает ни одно правило, считается открытым', 'a stage no rule knows is open')
      : r.profile
      ? L('эта CRM позволяет свободно переименовывать этапы: этап, который не знает ни одно правило, нужно назвать, когда его сделки закрыты', 'this CRM renames stages freely: a stage no rule knows must be named when its deals are closed')
      // A file no profile recognises: its CRM is not known, nor whether it renames stages.
      : L('CRM не узнана: этап, который не знает ни одно правило, нужно назвать, когда его сделки закрыты', 'the CRM is not recognised: a stage no rule knows must be named when its deals are closed')}`);
  }
  lines.push('', c.bold(L('Колонки', 'Columns')));
  for (const col of r.columns) {
    if (col.header === '' && !col.field) continue;
    lines.push(`  ${String(col.index + 1).padStart(3)}. ${show(col.header).padEnd(36)} ${columnNote(col, opts.lang, c, r.columns)}`);
  }
  // A stage the run stops on is shown so among the values too, not as the open its deals were read as
  // one by one (a Salesforce report's stage at 100% read «open (stage not known)» beside «undecided»).
  const undecided = new Set(undecidedStages(r).map(([name]) => name));
  const shown = (field: string, v: { value: string; mapped: string }) => (field === 'stage' && undecided.has(v.value) && v.mapped === OPEN_UNKNOWN ? UNDECIDED_UNKNOWN : v.mapped);
  // The column read is the empty one of two of its name: the other is chosen by number.
  for (const t of r.emptyTwins ?? []) {
    const h = quote(t.header, opts.lang);
    lines.push(c.yellow(L(
      `  ${t.field} берётся из колонки ${t.used + 1} ${h}, а она пуста в первых строках; колонка ${t.filled + 1} того же названия заполнена: --map ${r.kind}: columns: ${t.field}: "#${t.filled + 1}"`,
      `  ${t.field} comes from column ${t.used + 1} ${h}, empty in the first rows; column ${t.filled + 1} of the same name is filled: --map ${r.kind}: columns: ${t.field}: "#${t.filled + 1}"`,
    )));
  }
  // `at` read from a column with times, not the dates alone its name matched: said as kpi says it, with the --map line that undoes it.
  if (r.timedAt) lines.push(c.yellow(`  ${describeAlert(timedAtAlert(r.file, r.timedAt), opts.lang)}`));
  for (const [field, values] of Object.entries(r.values)) {
    lines.push('', c.bold(L(`Значения поля ${field}${VALUES_RU[field] ? ` (${VALUES_RU[field]})` : ''}`, `Values of ${field}${VALUES_EN[field] ? ` (${VALUES_EN[field]})` : ''}`)));
    for (const v of values.slice(0, 30)) lines.push(`  ${show(v.value).padEnd(40)} -> ${importNote(shown(field, v), opts.lang)} (${n(v.count)})`);
    if (values.length > 30) lines.push(L(`  … ещё ${n(values.length - 30)}`, `  … ${n(values.length - 30)} more`));
  }
  const sides = r.directionBySides;
  if (sides) {
    lines.push('', c.bold(L('Направление по сторонам звонка (строк; какая сторона — внутренний номер)', 'Direction by the sides of a call (rows; which side is a line)')));
    lines.push(L(`  входящих: ${n(sides.in)}, исходящих: ${n(sides.out)}, между сотрудниками: ${n(sides.internal)}, без направления: ${n(sides.none)}`, `  incoming: ${n(sides.in)}, outgoing: ${n(sides.out)}, between employees: ${n(sides.internal)}, no direction: ${n(sides.none)}`));
  }
  lines.push(...stageLines(r, opts), ...rowLines(r, opts));
  return `${lines.join('\n')}\n`;
}

/** What each field whose values inspect lists holds, in Russian: the key stays, a --map file names the field by it. */
const VALUES_RU: Readonly<Record<string, string>> = {
  stage: 'этап',
  status: 'статус',
  currency: 'валюта',
  closed_at: 'дата закрытия',
  won: 'выиграна ли',
  // Listed with the column that decides with it (`true / 0.0`: closed at 0 %; `0 / Дорого`: a reason at 0 %), a tester read it as the probability alone.
  probability: 'вероятность; через «/» — с колонкой, которая решает вместе с ней',
  // Odoo's «Активно»: an archived opportunity is False (a tester's Odoo list showed «Значения поля active» and no word of it).
  active: 'активна ли: не в архиве',
  // Odoo's loss reason, where it alone says a deal is lost (a profile's lostByReason): each is shown with its stage.
  loss_reason: 'причина проигрыша',
  kind: 'тип действия',
  direction: 'направление',
  missed: 'пропущен ли звонок',
  owner_type: 'к чему привязано действие',
  done: 'выполнено ли',
};

/** What a field whose values inspect lists as pairs holds, in English (VALUES_RU says every field's). */
const VALUES_EN: Readonly<Record<string, string>> = { probability: 'each with the column that decides with it, after "/"' };

/** How the deals reader notes a stage no rule knows whose deal it read as open; and how inspect shows it where the run stops on the stage. */
const OPEN_UNKNOWN = 'open (stage not known)';
const UNDECIDED_UNKNOWN = 'undecided (stage not known: to be named)';

/** A file whose required column no rule finds, as inspect shows it (ColumnsMissing): its header, what became of each column, the fields missing. */
export interface ColumnsMissingView {
  file: string;
  kind: ImportReport['kind'];
  /** The CRM whose profile the header matched. */
  crm?: string;
  /** Each column of the header, what it feeds, and its first values. */
  columns: Array<ImportReport['columns'][number] & { samples: string[] }>;
  /** The fields missing with the columns proposed, as the error says them; and the --map snippet. */
  lines: string;
  linesRu: string;
  snippet: string;
  snippetRu: string;
  /** How many fields are missing. */
  missing: number;
  /** No column name is one the kind knows: perhaps another kind of file (fileRu / fileEn name the kind's). */
  unknown?: { fileRu: string; fileEn: string };
}

/**
 * inspect of a file whose required column no rule finds: the file's columns, what became of each and
 * their first values, then the fields missing and a --map snippet. kpi stops on such a file and sends
 * the user to inspect to see every column; inspect refused with the same error (a tester).
 */
export function renderColumnsMissing(v: ColumnsMissingView, opts: RenderOptions): string {
  const { c, L, show } = words(opts);
  const kind = opts.lang === 'ru' ? KIND_RU[v.kind] ?? v.kind : v.kind;
  const lines = [c.bold(v.file), `  ${L('вид:        ', 'kind:       ')}${kind}`];
  if (v.crm) lines.push(`  ${L('CRM:        ', 'CRM:        ')}${crmName(v.crm, opts.lang)}`);
  lines.push('', c.bold(L('Колонки (первые значения)', 'Columns (first values)')));
  for (const col of v.columns) {
    if (col.header === '' && !col.field) continue;
    const samples = col.samples.length > 0 ? `  ${c.dim(col.samples.slice(0, 2).map(show).join(', '))}` : '';
    lines.push(`  ${String(col.index + 1).padStart(3)}. ${show(col.header).padEnd(36)} ${columnNote(col, opts.lang, c, v.columns)}${samples}`);
  }
  lines.push('', c.bold(c.yellow(v.missing > 1 ? L('Не найдены обязательные колонки', 'Required columns not found') : L('Не найдена обязательная колонка', 'A required column not found'))));
  lines.push(`  ${L(v.linesRu, v.lines)}`);
  if (v.unknown) lines.push(`  ${L(`ни одно название колонки не знакомо: это точно ${v.unknown.fileRu}?`, `no column name is one known: is this ${v.unknown.fileEn}?`)}`);
  lines.push(
    `  ${v.missing > 1
      ? L('kpi не прочитает файл, пока колонки не названы в файле --map (его запишет crm-audit map); вот готовый фрагмент, проверьте его:', 'kpi cannot read the file until the columns are named in a --map file (crm-audit map writes one); this snippet is ready, check it:')
      : L('kpi не прочитает файл, пока колонка не названа в файле --map (его запишет crm-audit map); вот готовый фрагмент, проверьте его:', 'kpi cannot read the file until the column is named in a --map file (crm-audit map writes one); this snippet is ready, check it:')}`,
    L(v.snippetRu, v.snippet),
  );
  return `${lines.join('\n')}\n`;
}

/** The file's lines: its kind, format, encoding, header row and CRM. */
function fileLines(r: ImportReport, opts: RenderOptions): string[] {
  const { c, L, show, n } = words(opts);
  const t = r.table;
  const kind = opts.lang === 'ru' ? KIND_RU[r.kind] ?? r.kind : r.kind;
  const format = [
    fileFormatText(t.type, opts.lang),
    ...(t.encoding ? [t.encoding] : []),
    ...(t.delimiter !== undefined ? [`${L('разделитель', 'delimiter')} ${t.delimiter === '\t' ? L('табуляция', 'tab') : show(t.delimiter)}`] : []),
    ...(t.sheet ? [L(`лист ${show(t.sheet)} из ${t.sheets?.length}`, `sheet ${show(t.sheet)} of ${t.sheets?.length}`)] : []),
  ].join(', ');
  const crm = r.profile && r.layout
    ? L(
        // No header to recognise: the file's values in their places gave the layout (a reviewer: «узнан по 15 своим заголовкам» of a file without one).
        `${crmName(r.profile.crm, 'ru')} (профиль ${r.profile.id}, узнан по значениям в столбцах Master.csv: состояние звонка, флаг AMA, время начала)`,
        `${crmName(r.profile.crm, 'en')} (profile ${r.profile.id}, recognised by the values in Master.csv's columns: the disposition, the AMA flag, the start time)`,
      )
    : r.profile
    ? L(
        `${crmName(r.profile.crm, 'ru')} (профиль ${r.profile.id}, узнан по ${r.profile.matched.length} своим заголовкам: ${r.profile.matched.map(show).join(', ')})`,
        `${crmName(r.profile.crm, 'en')} (profile ${r.profile.id}, recognised by ${r.profile.matched.length} of its headers: ${r.profile.matched.map(show).join(', ')})`,
      )
    : L('не узнана: колонки найдены по общим названиям', 'not recognised: columns found by the generic names');
  return [
    c.bold(r.file),
    `  ${L('вид:        ', 'kind:       ')}${kind}`,
    `  ${L('формат:     ', 'format:     ')}${format}`,
    // A workbook's other sheets of the same kind, not read: said as kpi says them.
    ...(t.otherSheets ? [`  ${c.yellow(describeAlert({ code: 'other-sheets', file: r.file, sheet: t.sheet ?? '', sheets: t.otherSheets }, opts.lang))}`] : []),
    // Rows a filter hides are read as the others are: said as kpi says it (tester T49 F4).
    ...(t.hiddenRows ? [`  ${c.yellow(describeAlert({ code: 'hidden-rows', file: r.file, sheet: t.sheet ?? '', rows: t.hiddenRows }, opts.lang))}`] : []),
    ...(t.encodingWhy ? [`  ${L('кодировка:  ', 'encoding:   ')}${t.encoding}: ${importNote(t.encodingWhy, opts.lang)}`] : []),
    ...(t.encodingDoubt ? [L(`              не наверняка: мало букв; «${t.encodingDoubt.read}» в ${t.encodingDoubt.other} читается «${t.encodingDoubt.otherRead}» (--encoding задаст кодировку)`, `              not sure: few letters; "${t.encodingDoubt.read}" reads "${t.encodingDoubt.otherRead}" in ${t.encodingDoubt.other} (--encoding sets the encoding)`)] : []),
    ...(t.nulBytes ? [L(`  NUL-байты:  удалено ${n(t.nulBytes)}`, `  NUL bytes:  ${n(t.nulBytes)} removed`)] : []),
    ...(t.invalidUtf8Bytes ? [L(`  не UTF-8:   ${n(t.invalidUtf8Bytes)} ${plural(t.invalidUtf8Bytes, 'байт прочитан', 'байта прочитаны', 'байтов прочитаны')} как «�»`, `  not UTF-8:  ${n(t.invalidUtf8Bytes)} bytes read as "�"`)] : []),
    `  ${L('заголовок:  ', 'header row: ')}${r.headerRow === 0 ? (r.layout ? L('нет: колонки по порядку Master.csv (Asterisk, модуль cdr_csv), каждая строка — данные', "none: columns in Master.csv's order (Asterisk's cdr_csv), every row is data") : L('нет: колонки по номерам из --map, каждая строка — данные', 'none: columns by number from --map, every row is data')) : L(`строка ${r.headerRow}`, String(r.headerRow))}`,
    `  ${L('CRM:        ', 'CRM:        ')}${crm}`,
  ];
}

/** The stages no rule knows, with what their deals say and what became of each. */
function stageLines(r: ImportReport, opts: RenderOptions): string[] {
  const { c, L, show, n } = words(opts);
  const lines: string[] = [];
  const stages = Object.entries(r.stages ?? {});
  if (stages.length === 0) return lines;
  const undecided = new Set(undecidedStages(r).map(([name]) => name));
  lines.push('', c.bold(L('Этапы, которых не знает ни одно правило', 'Stages no rule knows')));
  for (const [name, s] of stages.sort((a, b) => b[1].deals - a[1].deals).slice(0, 30)) {
    // As kpi reads it: undecided stops the run; a stage most of whose deals are at 0% is open, and kpi warns that it looks lost (unknown-stages-closed).
    const verdict = undecided.has(name)
      ? c.yellow(L('не решено: укажите в файле --map, выигран этап (won), проигран (lost) или открыт (open)', 'undecided: say in a --map file whether it is won, lost or open'))
      : looksLost(s)
      ? c.yellow(L('открыт, хотя большинство его сделок с вероятностью 0%: если он проигран, назовите его в файле --map (lost)', 'open, though most of its deals are at a probability of 0%: if it is lost, name it in a --map file (lost)'))
      : c.dim(r.unknownStage === 'ask' ? L('открыт (его сделки выглядят открытыми)', 'open (its deals look open)') : L('открыт', 'open'));
    const zero =
      (s.zero > 0 ? L(`, с вероятностью 0%: ${n(s.zero)}`, `, ${n(s.zero)} at a probability of 0%`) : '') +
      // At a probability between 0% and 100% a deal is open, whatever its date: that date is not counted closed.
      (s.planned ? L(`, с вероятностью ниже 100% (открыты): ${n(s.planned)}`, `, ${n(s.planned)} at a probability below 100% (open)`) : '');
    // Where no close date can show a deal closed (none in the file, or the expected one), it is not said: a tester
    // read «с датой закрытия: 0» of a Bitrix24 stage whose every deal has a (planned) CLOSEDATE.
    const dated = r.noCloseDate ? '' : L(` с датой закрытия: ${n(s.closeDate)},`, ` ${n(s.closeDate)} with a close date,`);
    const evidence = r.stagesBlind
      ? L(`сделок: ${n(s.deals)}, закрыты ли — не известно (нет признака закрытия), с суммой: ${n(s.amount)}`, `${n(s.deals)} ${s.deals === 1 ? 'deal' : 'deals'}, whether closed unknown (nothing marks a deal closed), ${n(s.amount)} with an amount`)
      : L(
          `сделок: ${n(s.deals)}, закрыто по флагу: ${n(s.closedFlag)},${dated} с вероятностью 100%: ${n(s.certain)}${zero}, с суммой: ${n(s.amount)}`,
          `${n(s.deals)} ${s.deals === 1 ? 'deal' : 'deals'}, ${n(s.closedFlag)} closed by the flag,${dated} ${n(s.certain)} at a probability of 100%${zero}, ${n(s.amount)} with an amount`,
        );
    lines.push(`  ${show(name).padEnd(36)} ${evidence} -> ${verdict}`);
  }
  return lines;
}

/** The rows read, kept, dropped and skipped, and why. */
function rowLines(r: ImportReport, opts: RenderOptions): string[] {
  const { c, L, show, n } = words(opts);
  const lines = [
    '',
    c.bold(L('Строки', 'Rows')),
    `  ${L('прочитано:      ', 'read:      ')}${n(r.rowsRead)}`,
    `  ${L('записей:        ', 'records:   ')}${n(r.records)}`,
    `  ${L('не прочитано:   ', 'unreadable: ')}${n(r.skippedCount - (r.missedNoManager ?? 0) - (r.dealsNoManager ?? 0))}`,
  ];
  // Missed calls nobody took: skipped by the spec's rule, not unreadable.
  if (r.dealsNoManager) lines.push(`  ${L('без менеджера:  ', 'no manager: ')}${n(r.dealsNoManager)} ${L('(сделки ни на кого не назначены: в отчёт не входят)', '(deals assigned to no one: not counted)')}`);
  if (r.missedNoManager) lines.push(`  ${L('без сотрудника: ', 'no employee: ')}${n(r.missedNoManager)} ${L('(пропущенные входящие, которые никто не принял)', '(missed incoming calls nobody took)')}`);
  // The reason, then the count: «2 строка итогов» had no plural.
  // Empty rows are no rows read (read = records + unreadable + dropped): said apart, not as dropped.
  for (const [reason, count] of Object.entries(r.dropped)) if (reason !== EMPTY_ROW) lines.push(`  ${L('отброшено:      ', 'dropped:   ')}${rowReason(reason, opts.lang)}: ${n(count)}`);
  const empty = r.dropped[EMPTY_ROW];
  if (empty) lines.push(`  ${L('пустых строк:   ', 'empty rows: ')}${n(empty)} ${L('(не входят в прочитанные)', '(not among those read)')}`);
  const d = r.repeatedIdsDiffer;
  if (d) lines.push(c.yellow(L(`  из них с другим менеджером или статусом: ${n(d.rows)} (например, id ${d.id}); учтена первая строка id`, `  of them with another manager or status: ${n(d.rows)} (id ${d.id}, say); the first row of the id counts`)));
  const lost = r.idsLostDigits;
  if (lost) lines.push(c.yellow(L(`  id с потерянными цифрами: ${n(lost.rows)} (например, ${lost.example}, колонка ${show(lost.column)}); каждая такая строка — отдельная сделка`, `  ids that lost their last digits: ${n(lost.rows)} (${lost.example}, say, column ${show(lost.column)}); each such row is a deal of its own`)));
  const sci = r.amountsLostDigits;
  if (sci) lines.push(c.yellow(L(`  сумм в экспоненциальном виде Excel: ${n(sci.count)} (например, ${sci.example}, ${sci.columns.length === 1 ? 'колонка' : 'колонки'} ${sci.columns.map(show).join(', ')}); прочитаны как записаны, могут быть округлены`, `  amounts in Excel's scientific form: ${n(sci.count)} (${sci.example}, say, ${sci.columns.length === 1 ? 'column' : 'columns'} ${sci.columns.map(show).join(', ')}); read as written, maybe rounded`)));
  const phones = r.clientsLostDigits;
  if (phones) lines.push(c.yellow(L(`  номеров без последних цифр (экспоненциальный вид Excel): ${n(phones.count)} (например, ${phones.example}, ${phones.columns.length === 1 ? 'колонка' : 'колонки'} ${phones.columns.map(show).join(', ')}); прочитаны без клиента`, `  numbers that lost their last digits (Excel's scientific form): ${n(phones.count)} (${phones.example}, say, ${phones.columns.length === 1 ? 'column' : 'columns'} ${phones.columns.map(show).join(', ')}); read with no client`)));
  if (r.skipped.length > 0) {
    lines.push('', c.bold(L('Непрочитанные строки', 'Unreadable rows')));
    // With the line of the file where it differs (a quoted cell above held line breaks), as kpi says it.
    for (const s of r.skipped) lines.push(`  ${rowAt(s, opts.lang)}${s.column ? L(`, колонка ${show(s.column)}`, `, column ${show(s.column)}`) : ''}: ${rowReason(s.reason, opts.lang)}`);
    if (r.skippedCount > r.skipped.length) lines.push(L(`  … и ещё ${n(r.skippedCount - r.skipped.length)}`, `  … and ${n(r.skippedCount - r.skipped.length)} more`));
  }
  return lines;
}

/** What became of a column (columnUse), and that the sheet hides it: its values are not shown in Excel. */
function columnNote(col: ImportReport['columns'][number], lang: string, c: ReturnType<typeof colors>, all: ImportReport['columns']): string {
  const use = columnUse(col, lang, c, all);
  if (!col.hidden) return use;
  return `${use} ${c.yellow(tr(lang, col.field ? '(скрыта в Excel: её значений в таблице не видно)' : '(скрыта в Excel)', col.field ? '(hidden in Excel: its values are not shown in the table)' : '(hidden in Excel)'))}`;
}

/**
 * Each field a column can be read as, in Russian: a Russian run's column table names the field so, its
 * key beside it («-> плановая дата закрытия (planned_close)»), as the section headers below it do
 * (tester T40 F17: a sales head read bare `planned_close`, `closed`, `created_at`).
 */
const FIELDS_RU: Readonly<Record<string, string>> = {
  id: 'номер сделки', deal_id: 'сделка', manager: 'менеджер', created_at: 'дата создания', closed_at: 'дата закрытия',
  planned_close: 'плановая дата закрытия', closed: 'закрыта ли', won: 'выиграна ли', active: 'активна ли', deleted: 'удалена ли',
  status: 'статус', stage: 'этап', pipeline: 'воронка', source: 'источник', loss_reason: 'причина отказа', probability: 'вероятность',
  amount: 'сумма', currency: 'валюта', converted_currency: 'сумма в валюте отчёта', price: 'цена', quantity: 'количество', product: 'товар',
  client: 'клиент', name: 'название', phone: 'телефон', at: 'дата и время', at_time: 'время', end_at: 'конец звонка',
  answered_at: 'время ответа', answered_by: 'кто ответил', kind: 'тип действия', direction: 'направление', missed: 'пропущен ли звонок',
  duration_s: 'длительность', done: 'выполнено ли', owner_type: 'к чему привязано действие', caller: 'кто звонил', callee: 'кому звонили',
  call_id: 'номер звонка', channel: 'канал', dstchannel: 'канал ответа', invoiced: 'выставлено', paid: 'оплачено', balance: 'остаток',
  invoiced_at: 'дата счёта', paid_at: 'дата оплаты', month: 'месяц', leads: 'лиды', revenue: 'выручка',
};

/** A field as a column table names it: «менеджер (manager)» in Russian, its key in English. */
function fieldShown(field: string, lang: string): string {
  const ru = FIELDS_RU[field];
  return lang === 'ru' && ru ? `${ru} (${field})` : field;
}

/** What became of a column: its field, a generic «Тип» its values decided or did not, or why it was passed over. */
function columnUse(col: ImportReport['columns'][number], lang: string, c: ReturnType<typeof colors>, all: ImportReport['columns']): string {
  const L = (ru: string, en: string) => tr(lang, ru, en);
  const values = (v: string[]) => v.map((x) => quote(x, lang)).join(', ');
  if (col.undecided) {
    return c.yellow(L(
      `-> ${col.field ?? '?'} (не решено: по значениям ${values(col.undecided)} не понять, вид это или направление; укажите в файле --map: kind или direction)`,
      `-> ${col.field ?? '?'} (undecided: its values ${values(col.undecided)} say neither kind nor direction; name it in a --map file: kind or direction)`,
    ));
  }
  // A spend table's month column (months across): its cells are that month's amounts.
  const field = col.field ? fieldShown(col.field, lang) : undefined;
  if (field && col.month) return c.green(L(`-> ${field} за ${col.month} (месяцы по колонкам)`, `-> ${field} of ${col.month} (months across)`));
  if (field) return c.green(col.byValues ? L(`-> ${field} (по значениям: ${values(col.byValues)})`, `-> ${field} (by its values: ${values(col.byValues)})`) : `-> ${field}`);
  if (col.byValues) {
    return c.yellow(L(
      `пропущена (по значениям ${values(col.byValues)} это ${fieldShown(col.passedOverFor ?? '', lang)}, а это поле берётся из другой колонки)`,
      `passed over (its values ${values(col.byValues)} make it ${col.passedOverFor}, which comes from another column)`,
    ));
  }
  if (col.passedOverFor) {
    // The column the field is read from: a profile may prefer one to the right (Salesforce's Owner.Name over OwnerId).
    const used = all.find((o) => o.field === col.passedOverFor);
    if (!used) return c.yellow(L(`пропущена (${fieldShown(col.passedOverFor, lang)} берётся из другой колонки)`, `passed over (${col.passedOverFor} comes from another column)`));
    const name = `${used.index + 1} ${quote(used.header, lang)}`;
    return c.yellow(L(`пропущена (${fieldShown(col.passedOverFor, lang)} берётся из колонки ${name})`, `passed over (${col.passedOverFor} comes from column ${name})`));
  }
  return c.dim(L('не сопоставлена', 'unmapped'));
}
