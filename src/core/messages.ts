/**
 * The catalogue of what the product says to a person when something goes wrong: each message has an
 * id and a Russian and an English template with named parameters (`{file}`, `{value}`). Errors carry
 * the id and the parameters; the CLI renders them in the run's language, while `Error.message` and the
 * JSON keep the English text (the programmatic contract).
 */
import { countText, plural, pluralEn } from './i18n.js';
import { COMMAND_MESSAGES, OUTPUT_WRITE_HINT } from './messages/commands.js';
import { DOCUMENT_MESSAGES } from './messages/documents.js';
import { READ_MESSAGES } from './messages/read.js';
import { FIRST_YEAR, LAST_YEAR, TOO_LARGE_TEXT } from './value-limits.js';

/** The fix for a document given as a device or an empty pipe: a file, or stdin. */
const DOCUMENT_TO_FILE_HINT = {
  ru: 'сохраните документ YAML в файл и укажите путь к нему, или передайте его через стандартный ввод: «-» вместо пути и «< файл»',
  en: "save the YAML document to a file and pass its path, or pass it on stdin: '-' for the path and '< file'",
};

/** A template in both languages; `{name}` is replaced by the parameter of that name. */
export interface Template {
  ru: string;
  en: string;
}

export interface MessageDef extends Template {
  hint?: Template;
}

export type Params = Readonly<Record<string, string | number>>;

/**
 * The hint of a file with no header row the importer knows: its first rows, and a --map snippet naming
 * the columns by number; `kind` adds to the words introducing the snippet, `ask` asks whether the file
 * is of the kind it was given as.
 */
function noHeaderHint(kind: string, kindRu: string, ask: boolean): Template {
  return {
    ru: `${ask ? 'это точно {fileRu}? Первые строки' : 'первые строки'}:\n{firstRu}\nЕсли строки заголовка в файле нет (или в ней незнакомые названия), назовите колонки номерами в файле --map и передайте его через --map: первая строка с данными тогда читается как данные. Вот готовый фрагмент${kindRu}, проверьте каждую колонку:\n{snippetRu}\n\nЕсли колонки разбиты неверно, проверьте разделитель (--delimiter).`,
    en: `${ask ? 'is this {fileEn}? The first rows' : 'the first rows'}:\n{first}\nIf the file has no header row (or one with names the product does not know), name the columns by number in a --map file and pass it with --map: a first row of data is then read as data. This one is ready to paste${kind}, check each column:\n{snippet}\n\nIf the columns are split wrongly, check the delimiter (--delimiter).`,
  };
}

/** Every error message and its hint. */
export const MESSAGES = {
  ...READ_MESSAGES,
  ...DOCUMENT_MESSAGES,
  ...COMMAND_MESSAGES,
  'file.missing': {
    ru: 'файл не найден', en: 'no such file',
    hint: { ru: 'проверьте путь (относительный путь считается от текущей папки)', en: 'check the path (relative paths start from the current folder)' },
  },
  // A path with a folder (absolute, typed with one, or a config file's path from the working folder): which folder is missing,
  // or that the folder holds no such file. The hint spoke of a config file, which a path typed on the command line has none of.
  'file.missingAbsolute': {
    ru: 'файл не найден', en: 'no such file',
    hint: { ru: 'в папке «{dir}» нет файла «{name}»: проверьте имя', en: 'the folder "{dir}" holds no file "{name}": check the name' },
  },
  'file.missingFolder': {
    ru: 'файл не найден', en: 'no such file',
    hint: { ru: 'папки «{dir}» нет: проверьте путь', en: 'there is no folder "{dir}": check the path' },
  },
  // «deals.csv » (a space copied with the name, a path typed in quotes): the file without the space is there.
  'file.missingSpaced': {
    ru: 'файл не найден: в имени пробел в начале или в конце', en: 'no such file: the name begins or ends with a space',
    hint: { ru: 'файл «{name}» есть: уберите пробел из пути', en: 'the file "{name}" exists: remove the space from the path' },
  },
  'file.folder': {
    ru: 'это папка, а не файл', en: 'this is a folder, not a file',
    hint: { ru: 'укажите путь к файлу в этой папке', en: 'pass the path of a file in it' },
  },
  'file.changed': {
    ru: 'файл изменился, пока его читали (был {before} байт, стал {after}): в него ещё пишут — выгрузка не докачана или копируется', en: 'the file changed while it was read ({before} bytes, then {after}): something is still writing it (a download or a copy not finished)',
    hint: { ru: 'дождитесь, когда файл будет готов, и запустите снова', en: 'wait until the file is complete and run again' },
  },
  'file.rewritten': {
    ru: 'файл переписали, пока его читали (размер тот же, время изменения другое)', en: 'the file was written over while it was read (the same size, another time of change)',
    hint: { ru: 'дождитесь, когда файл будет готов, и запустите снова', en: 'wait until the file is complete and run again' },
  },
  'file.folderBare': {
    ru: 'это папка, а не файл', en: 'this is a folder, not a file',
    hint: { ru: 'передайте файл, а не папку: «- < папка/выгрузка.csv», или путь к файлу в этой папке', en: 'pass a file, not a folder: "- < folder/export.csv", or the path of a file in it' },
  },
  'file.notRegular': {
    ru: 'это не обычный файл (канал или устройство: его нельзя прочитать дважды)', en: 'this is not a regular file (a pipe or a device, which cannot be read twice)',
    // Any option's or argument's file (inspect's, --before-deals'): «-» in its place, not «-d -» alone (a tester).
    hint: { ru: 'передайте данные через стандартный ввод: «-» вместо пути и «< файл» (например, -d - < файл или crm-audit inspect - < файл), или … | crm-audit … -', en: 'pass the data on stdin instead: "-" for the path and "< file" (e.g. -d - < file, or crm-audit inspect - < file), or … | crm-audit … -' },
  },
  'file.permission': {
    ru: 'файл нельзя прочитать (нет прав доступа)', en: 'the file cannot be read (permission denied)',
    hint: { ru: 'проверьте права доступа к файлу', en: 'check the file permissions' },
  },
  'file.io': {
    ru: 'файл нельзя прочитать (ошибка ввода-вывода)', en: 'the file cannot be read (input/output error)',
    hint: { ru: 'скопируйте файл на локальный диск и попробуйте снова', en: 'copy the file to a local disk and try again' },
  },
  'file.unreadable': {
    ru: 'файл нельзя прочитать: {reasonRu}', en: 'the file cannot be read: {reason}',
    hint: { ru: 'проверьте путь и права доступа к файлу', en: 'check the path and the file permissions' },
  },
  'file.tooLarge': { ru: 'размер файла в байтах — {size}, а для документов этого вида предел — {max}', en: 'the file is {size} bytes; documents of this kind are limited to {max} bytes' },
  'input.tooLarge': { ru: 'входные данные больше {max} байт', en: 'the input is larger than {max} bytes' },
  'doc.workbook': {
    ru: 'это книга Excel (XLSX) — вероятно, выгрузка CRM, а не текстовый документ YAML', en: 'this is an Excel workbook (XLSX), probably a CRM export, not a YAML text document',
    hint: { ru: 'выгрузки передаются через --deals, --activities (-a) и --payments; здесь нужен файл YAML', en: 'pass exports with --deals, --activities (-a) and --payments; this option takes a YAML file' },
  },
  'doc.notRegular': {
    ru: 'это не обычный файл и не канал, а устройство', en: 'this is not a regular file nor a pipe but a device',
    hint: DOCUMENT_TO_FILE_HINT,
  },
  'doc.pipeEmpty': {
    ru: 'это канал, и в нём ничего нет: за {seconds} с в него никто не начал писать (или записали пустоту)', en: 'this is a pipe with nothing in it: nothing started writing to it in {seconds} s (or it was written empty)',
    hint: DOCUMENT_TO_FILE_HINT,
  },
  'doc.notText': {
    ru: 'это не текстовый файл: в нём двоичные байты (байт {offset})', en: 'this is not a text file: it holds binary bytes (byte {offset})',
    hint: { ru: 'ответы, анкеты, настройки и файлы --map — это текст YAML; проверьте, тот ли файл указан', en: 'answers, questionnaires, configs and --map files are YAML text; check that this is the file you meant' },
  },
  'import.noRows': {
    ru: 'в файле нет ни одной строки', en: 'the file holds no rows',
    hint: { ru: 'выгрузите данные ещё раз', en: 'export the data again' },
  },
  'import.noHeaderRow': {
    ru: 'в первых {rows} строках нет строки заголовка с известными колонками ({kindRu}): ни одна строка не называет колонки, поэтому ни одна не взята за заголовок',
    en: 'no header row with known {kind} columns in the first {rows} rows: no row names the columns of {fileEn}, so none is taken for the header',
    hint: noHeaderHint('', '', true),
  },
  'inspect.noHeaderRow': {
    ru: 'в первых {rows} строках нет строки заголовка: ни одна строка не называет колонки сделок, звонков и действий, платежей, расходов или плана, поэтому ни одна не взята за заголовок',
    en: 'no header row in the first {rows} rows: no row names deal, activity, payment, spend or plan columns, so none is taken for the header',
    hint: noHeaderHint(
      ' (for a deals export; for another kind of file, pass --kind and put the columns under activities:, payments:, spend: or plan:)',
      ' (для выгрузки сделок; для файла другого вида укажите --kind и перенесите колонки под activities:, payments:, spend: или plan:)',
      false,
    ),
  },
  'import.badRowsAll': {
    ru: 'ни одну из {rows} {rowsOfRu} не удалось прочитать:\n{examplesRu}', en: 'none of the {rows} {rowsWord} can be read:\n{examples}',
    hint: { ru: '{causeRu}', en: '{cause}' },
  },
  'import.badRowsSome': {
    ru: 'не удалось прочитать {skipped} из {rows} {rows:строки|строк|строк} — больше, чем допускает --max-bad-rows ({max}):\n{examplesRu}',
    en: '{skipped} of {rows} rows cannot be read, more than the {max} allowed by --max-bad-rows:\n{examples}',
    hint: { ru: 'исправьте эти строки, сопоставьте колонки через --map или поднимите предел: --max-bad-rows {skipped} прочитает остальные строки', en: 'fix those rows, map the columns with --map, or raise the limit: --max-bad-rows {skipped} reads the other rows' },
  },
  'import.swallowedRows': {
    ru: 'ячейка в кавычках, открытая в строке {line}, захватила строки, похожие на целые записи ({lines}): вероятно, в ячейке непарная кавычка, и эти строки не прочитаны; всего не прочитано строк: {bad} — больше, чем {max}, допустимых по --max-bad-rows',
    en: 'a quoted cell opened at line {line} runs over lines that look like whole rows ({lines}): a quote in the cell is probably unbalanced, and those rows are not read; {bad} rows unreadable in all, more than the {max} allowed by --max-bad-rows',
    hint: { ru: 'проверьте строку {line} выгрузки (кавычку внутри ячейки пишут двумя: "") или поднимите предел: --max-bad-rows {bad}', en: 'check line {line} of the export (a quote inside a cell is written twice: "") or raise the limit: --max-bad-rows {bad}' },
  },
  'usage.notADay': {
    ru: '{name}: «{value}» — не дата; нужна {formsRu}', en: '{name} must be a date, {formsEn}; got "{value}"',
  },
  // --sheet names the sheet of every workbook of a run (tester T49 F9: deals and calls in one workbook, --sheet Звонки).
  'input.wrongKindSheet': {
    ru: '{option}: на листе «{sheet}» (--sheet) — {seenNomRu}, а не {kindNomRu}', en: '{option}: the sheet "{sheet}" (--sheet) holds {article} {seen} export, not {kind}',
    hint: { ru: '--sheet берёт этот лист в каждой книге запуска; уберите --sheet — тогда в каждой книге будет прочитан лист того вида, который нужен её параметру', en: '--sheet takes that sheet of every workbook of the run; drop it, and each workbook is read on the sheet of the kind its option needs' },
  },
  'input.wrongKind': {
    ru: '{option}: это похоже на {seenRu}, а не на {kindRu}', en: '{option} looks like {article} {seen} export, not {kind}',
    hint: { ru: 'передайте этот файл как {better}{othersRu}', en: 'pass it as {better}{others}' },
  },
  // crm-audit's own CSV/XLSX report given as an export (own-report.ts): kpi's was called a sales plan and sent to --plan.
  'input.ownReport': {
    ru: '{option}: это отчёт самого crm-audit (crm-audit {command}), а не {kindRu}', en: '{option} is a report crm-audit wrote (crm-audit {command}), not {kindEn}',
    hint: {
      ru: 'передайте в {option} исходный файл ({kindRu}), а не отчёт по нему; чтобы сравнить с прошлым запуском, сохраните его результат в JSON (crm-audit report … --format json -o прошлый.json) и передайте этот файл в --baseline',
      en: 'pass as {option} the file the report was made from ({kindEn}), not the report; to compare with an earlier run, save its result as JSON (crm-audit report … --format json -o previous.json) and pass that file to --baseline',
    },
  },
  // An audit's answers file given as an export (audit -d answers.yaml): named, with the option that takes it.
  'input.answersFile': {
    ru: '{option}: это файл ответов аудита, а не {kindRu}', en: '{option} is an audit answers file, not {kindEn}',
    hint: { ru: 'ответы передаются так: crm-audit audit --answers {file}; в {option} нужна выгрузка из CRM', en: 'answers are passed as crm-audit audit --answers {file}; {option} takes an export of the CRM' },
  },
  // A YAML document of one kind given where another is read (document-kind's otherDocument).
  'doc.otherDocument': {
    ru: 'это {givenRu}, а не {expectedRu}', en: 'this is {givenEn}, not {expectedEn}',
    hint: { ru: '{givenRu} передают так: {how}', en: 'pass {givenEn} as {how}' },
  },
  // A YAML document given as an export (yamlGivenAsExport).
  'input.yamlDocument': {
    ru: 'это документ YAML (файл --map, целей или настроек report), а не выгрузка CRM', en: 'this is a YAML document (a --map file, targets or a report config), not a CRM export',
    hint: {
      ru: 'выгрузку из CRM передают файлом CSV, XLSX или HTML; документы YAML — через --map, --targets, -c или --answers',
      en: 'pass an export of the CRM as a CSV, XLSX or HTML file; YAML documents go to --map, --targets, -c or --answers',
    },
  },
  // The audit's own workbook given as an export: an audit is compared with an earlier one through audit --baseline.
  'input.ownAudit': {
    ru: '{option}: это отчёт аудита самого crm-audit (crm-audit audit), а не {kindRu}', en: '{option} is an audit report crm-audit wrote (crm-audit audit), not {kindEn}',
    hint: {
      ru: 'передайте в {option} выгрузку из CRM; чтобы сравнить аудит с прошлым, сохраните прошлый в JSON (crm-audit audit … --format json -o прошлый.json) и передайте его в crm-audit audit --baseline',
      en: 'pass as {option} an export of the CRM; to compare an audit with an earlier one, save the earlier one as JSON (crm-audit audit … --format json -o previous.json) and pass it to crm-audit audit --baseline',
    },
  },
  // inspect or map of a report crm-audit wrote, no --kind given: they show how an export is read, and a report is none.
  'inspect.ownReport': {
    ru: 'это отчёт самого crm-audit (crm-audit {command}), а не выгрузка из CRM', en: 'this is a report crm-audit wrote (crm-audit {command}), not an export of a CRM',
    hint: {
      ru: 'crm-audit inspect читает выгрузки из CRM: передайте файл, из которого сделан отчёт (или укажите вид через --kind, если это всё же выгрузка)',
      en: 'crm-audit inspect reads exports of a CRM: pass the file the report was made from (or say its kind with --kind if it is an export after all)',
    },
  },
  // map takes no --kind: it asks what it cannot tell.
  'map.ownReport': {
    ru: 'это отчёт самого crm-audit (crm-audit {command}), а не выгрузка из CRM', en: 'this is a report crm-audit wrote (crm-audit {command}), not an export of a CRM',
    hint: { ru: 'crm-audit map читает выгрузки из CRM: передайте файл, из которого сделан отчёт', en: 'crm-audit map reads exports of a CRM: pass the file the report was made from' },
  },
  'assert.levelConflict': {
    ru: 'проверка начинается с «{prefix}:», а её уровень (level) — {level}', en: 'the assertion starts with "{prefix}:" but its level is {level}',
    hint: { ru: 'оставьте что-то одно: префикс или level', en: 'keep one of them: the prefix or level' },
  },
  'assert.syntax': {
    ru: '{whatRu}: символ {pos}:\n    {source}\n    {caret}^', en: '{what} at character {pos}:\n    {source}\n    {caret}^',
    hint: {
      ru: 'пишите [УРОВЕНЬ:]ПУТЬ ОПЕРАТОР ЗНАЧЕНИЕ, например total.conversion>=0.2, warn:total.conversion>=0.2 или managers.*.response_min_median<=30',
      en: 'write [LEVEL:]PATH OP VALUE, e.g. total.conversion>=0.2, warn:total.conversion>=0.2 or managers.*.response_min_median<=30',
    },
  },
  'import.noIdRows': {
    ru: 'в {count} из {rows} {rows:строки|строк|строк} нет ID сделки — больше, чем строк, которые файл может потерять (--max-bad-rows)',
    en: '{count} of {rows} rows have no deal id, more than the rows a file may lose (--max-bad-rows)',
    hint: { ru: 'вероятно, колонка ID прочитана не та: crm-audit inspect покажет колонки, файл --map назовёт нужную; или поднимите предел: --max-bad-rows {count}', en: 'the id column is probably misread: crm-audit inspect lists the columns, a --map file names the right one; or raise the limit: --max-bad-rows {count}' },
  },
  'import.noDealRows': {
    ru: 'в файле сделок есть заголовок, но нет строк с данными', en: 'the deals file has a header but no data rows',
    hint: { ru: 'выгрузите сделки ещё раз: возможно, выгрузка была отфильтрована до пустой', en: 'export the deals again: the export may have been filtered to nothing' },
  },
  'import.onlyTotals': {
    ru: 'в файле сделок нет строк сделок: только {rows} {rows:строка|строки|строк} итогов или примечаний', en: 'the deals file has no deal rows: only {rows} totals or note {rows:row|rows}',
    hint: { ru: 'выгрузите сделки ещё раз: возможно, выгрузка была отфильтрована до пустой', en: 'export the deals again: the export may have been filtered to nothing' },
  },
  'import.idColumnEmpty': {
    ru: 'в файле сделок {rows} {rows:строка|строки|строк}, но колонка ID «{column}» пуста во всех: без ID строка не считается сделкой', en: 'the deals file has {rows} {rows:row|rows}, but its id column "{column}" is empty in every one: a row without an id is no deal',
    hint: { ru: 'выгрузите сделки из CRM вместе с ID; если ID в другой колонке, назовите её в файле --map (deals: columns: id: «…»)', en: 'export the deals from the CRM with their ids; if the id is in another column, name it in a --map file (deals: columns: id: "…")' },
  },
  'import.noReadableDeal': {
    ru: 'в файле сделок {rows} {rows:строка|строки|строк}, но ни одна не читается как сделка', en: 'the deals file has {rows} {rows:row|rows} but none of them is a readable deal',
    hint: { ru: 'crm-audit inspect покажет, почему не прочиталась каждая строка', en: 'crm-audit inspect shows why each row could not be read' },
  },
  'import.onlyBlankLines': {
    ru: 'в файле только пустые строки: нет ни заголовка, ни данных', en: 'the file holds only empty lines: no header and no data',
    hint: { ru: 'выгрузите данные из CRM ещё раз: файл, вероятно, сохранён не до конца или отфильтрован до пустого', en: 'export the data from the CRM again: the file was probably cut short or filtered to nothing' },
  },
  'import.headerReordered': {
    ru: 'здесь снова строка заголовка, но колонки в ней в другом порядке (колонка {column}: в заголовке файла «{was}», здесь «{now}»): файл склеен из выгрузок с разным порядком колонок, и строки после неё прочитались бы не в тех колонках',
    en: 'the header row appears again here with its columns in another order (column {column}: "{was}" in the file\'s header, "{now}" here): the file joins exports whose columns are in different orders, and the rows after it would be read in the wrong columns',
    hint: {
      ru: 'выгрузите данные заново одним файлом; или разделите файл на два по строке {line} и расставьте колонки второй части в порядке первой (или прочитайте каждую часть отдельным запуском)',
      en: 'export the data again as one file; or split the file in two at row {line} and put the columns of the second part in the first part\'s order (or read each part in a run of its own)',
    },
  },
  'import.noRecords': {
    ru: 'в файле ({kindRu}) нет ни одной строки с данными (прочитано строк: {rows})', en: 'the file ({kind}) has no row with data ({rows} rows read)',
    hint: { ru: 'crm-audit inspect покажет, как читается каждая строка', en: 'crm-audit inspect shows how each row is read' },
  },
  'inspect.columnsMissing': {
    ru: 'не {count:найдена колонка|найдены колонки|найдены колонки} для {linesRu}', en: 'cannot find the {count:column|columns} for {lines}',
    hint: {
      ru: 'колонки файла: {columnsRu}. Назовите нужную в файле --map и передайте его через --map; вот готовый фрагмент:\n{snippetRu}',
      en: "the file's columns: {columns}. Name the right one in a --map file and pass it with --map; this one is ready to paste:\n{snippet}",
    },
  },
  'inspect.columnsUnknown': {
    ru: 'не {count:найдена колонка|найдены колонки|найдены колонки} для {linesRu}: ни одно название колонки не знакомо', en: 'cannot find the {count:column|columns} for {lines}: no column name is one known',
    hint: {
      ru: 'это точно {fileRu}? Колонки файла: {columnsRu}. Если да, назовите нужные в файле --map и передайте его через --map; вот готовый фрагмент:\n{snippetRu}',
      en: "is this {fileEn}? The file's columns: {columns}. If so, name the right ones in a --map file and pass it with --map; this one is ready to paste:\n{snippet}",
    },
  },
  'map.columnsAmbiguous': {
    ru: '{whatRu} могут содержать несколько колонок с разными значениями: {columnsRu}',
    en: '{what} could be in more than one column, and their values differ: {columns}',
    hint: {
      ru: 'назовите нужную в файле --map и передайте его через --map ({inspect} покажет значения колонок); вот готовый фрагмент:\n{snippetRu}',
      en: 'name the right one in a --map file and pass it with --map ({inspect} shows the values of each column); this one is ready to paste:\n{snippet}',
    },
  },
  // What map.columnsAmbiguous calls the field two columns could feed ({what} / {whatRu}), by the file's kind and the field.
  'map.ambiguous.manager': { ru: 'ответственного менеджера', en: 'the manager' },
  'map.ambiguous.deals.amount': { ru: 'сумму сделки', en: 'the deal amount' },
  'map.ambiguous.spend.amount': { ru: 'сумму расходов', en: 'the spend' },
  'map.ambiguous.payments.invoiced': { ru: 'выставленную сумму', en: 'the invoiced amount' },
  'map.ambiguous.payments.paid': { ru: 'оплаченную сумму', en: 'the paid amount' },
  'map.ambiguous.plan.revenue': { ru: 'план по выручке', en: 'the revenue target' },
  // `map` on a file whose column for a field is the empty one of two of its name: the filled one is proposed, by number.
  'map.emptyTwinNote': {
    ru: 'колонка {used} «{header}» пуста в первых строках, колонка {filled} того же названия заполнена: проверьте',
    en: 'column {used} "{header}" is empty in the first rows, column {filled} of the same name is filled: check',
  },
  'map.typeUndecided': {
    ru: 'по значениям колонки «{header}» не понять, вид это активности или направление звонка: {valuesRu}',
    en: 'the values of the column "{header}" do not say whether it is the activity\'s kind or the call\'s direction: {values}',
    hint: {
      ru: 'укажите в файле --map, что в ней, и передайте его через --map ({inspect} покажет её значения); вот готовый фрагмент, оставьте одну строку:\n{snippetRu}',
      en: 'say in a --map file what it holds and pass it with --map ({inspect} shows its values); this one is ready to paste, keep one line:\n{snippet}',
    },
  },
  'map.columnsMissing': {
    ru: 'не {count:найдена колонка|найдены колонки|найдены колонки} для {linesRu}', en: 'cannot find the {count:column|columns} for {lines}',
    hint: {
      // Said of one missing column or of several alike (no pronoun to agree with {count}): «назовите её» of two was a tester's slip.
      ru: 'укажите в файле --map, из какой колонки брать недостающее, и передайте его через --map ({inspect} покажет все колонки); вот готовый фрагмент:\n{snippetRu}',
      en: 'say in a --map file which column holds what is missing, and pass it with --map ({inspect} shows every column); this one is ready to paste:\n{snippet}',
    },
  },
  'map.columnsUnknown': {
    ru: 'не {count:найдена колонка|найдены колонки|найдены колонки} для {linesRu}: ни одно название колонки не знакомо', en: 'cannot find the {count:column|columns} for {lines}: no column name is one known',
    hint: {
      ru: 'это точно {fileRu}? Если да, назовите колонки в файле --map и передайте его через --map ({inspect} покажет все колонки); вот готовый фрагмент:\n{snippetRu}',
      en: 'is this {fileEn}? If so, name the columns in a --map file and pass it with --map ({inspect} shows every column); this one is ready to paste:\n{snippet}',
    },
  },
  'import.stagesUndecided': {
    ru: '{stagesHeadRu} ни как выигрыш, ни как проигрыш{countRu}: {stagesRu}',
    en: '{count} stage{plural} of closed deals {verb} not known as won or lost: {stages}',
    hint: {
      ru: 'укажите в файле --map, что значит каждый (won — выигрыш, lost — проигрыш, open — открыт), и передайте его через --map; вот готовый фрагмент с догадкой для каждого этапа, проверьте её:\n{snippetRu}',
      en: 'say what each one means in a --map file (won, lost or open) and pass it with --map; this one is ready to paste, with a guess to check for each stage:\n{snippet}',
    },
  },
  // A status column's values no rule knows, beside stages no rule knows either (deal-reader's unknownIsStatus).
  'import.statusesUndecided': {
    ru: '{statusHeadRu} ни как выигрыш, ни как проигрыш, а этап сделки этого не говорит{countRu}: {stagesRu}',
    en: '{count} value{plural} of the status column {verb} not known as won or lost, and the deal\'s stage does not say it either: {stages}',
    hint: {
      ru: 'укажите в файле --map, что значит каждое значение (won — выигрыш, lost — проигрыш, open — в работе), и передайте его через --map; вот готовый фрагмент с догадкой для каждого значения, проверьте её:\n{snippetRu}',
      en: 'say what each value means in a --map file (won, lost or open) and pass it with --map; this one is ready to paste, with a guess to check for each value:\n{snippet}',
    },
  },
  // Both: some deals' status column holds a value no rule knows, others' blank status leaves a stage no rule knows (review R47 F5).
  'import.stagesStatusesUndecided': {
    ru: 'этапы и значения колонки статуса закрытых сделок не известны ни как выигрыш, ни как проигрыш ({count}): {stagesRu}',
    en: '{count} stages and status values of closed deals are not known as won or lost: {stages}',
    hint: {
      ru: 'укажите в файле --map, что значит каждое значение (won — выигрыш, lost — проигрыш, open — в работе), и передайте его через --map; вот готовый фрагмент с догадкой для каждого значения, проверьте её:\n{snippetRu}',
      en: 'say what each value means in a --map file (won, lost or open) and pass it with --map; this one is ready to paste, with a guess to check for each value:\n{snippet}',
    },
  },
  // Why a stage is proposed open (byCloseDate): in the stage question of a terminal (ask-stages.ts), as the snippet says it.
  'import.stageByCloseDate': {
    ru: 'дата закрытия может быть ожидаемой датой открытой сделки',
    en: "a close date may be an open deal's expected close",
  },
  // The end of such a stage's line in a --map snippet, after its counts: the stage is the user's to decide.
  'import.stageByCloseDateSnippet': {
    ru: 'дата закрытия может быть ожидаемой датой открытой сделки: won, lost или open — решите сами',
    en: "a close date may be an open deal's expected close: won, lost or open is yours to say",
  },
  'import.leadStatusesUndecided': {
    ru: '{leadsHeadRu} ни как сконвертированный лид, ни как некачественный{countRu}, а в выгрузке лидов о закрытии говорит только статус: {stagesRu}',
    en: '{count} lead status{plural2} {verb} not known as converted or junk, and in a leads export only the status says whether a lead is closed: {stages}',
    hint: {
      ru: 'укажите в файле --map, что значит каждый (won — лид сконвертирован в сделку, lost — некачественный, open — в работе), и передайте его через --map; вот готовый фрагмент, проверьте каждое значение:\n{snippetRu}',
      en: 'say what each one means in a --map file (won: converted into a deal, lost: junk, open: in work) and pass it with --map; this one is ready to paste, check each value:\n{snippet}',
    },
  },
  'import.stagesBlind': {
    ru: '{blindHeadRu} ни как выигрыш, ни как проигрыш{countRu}, а в выгрузке нет признака закрытой сделки (колонки вроде «Is Deal Closed?» или вероятности; Close Date здесь — ожидаемая дата): {stagesRu}',
    en: '{count} stage{plural} {verb} not known as won or lost, and the export has nothing that marks a deal closed (a column such as "Is Deal Closed?" or a probability; its Close Date is the expected one): {stages}',
    hint: {
      ru: 'добавьте в выгрузку такую колонку («Is Deal Closed?» в HubSpot, «Probability (%)» в отчёте Salesforce) или укажите в файле --map, что значит каждый этап (won — выигрыш, lost — проигрыш, open — открыт), и передайте его через --map; вот готовый фрагмент, проверьте каждое значение:\n{snippetRu}',
      en: 'add such a column to the export ("Is Deal Closed?" in HubSpot, "Probability (%)" in a Salesforce report), or say what each stage means in a --map file (won, lost or open) and pass it with --map; this one is ready to paste, check each value:\n{snippet}',
    },
  },
  'output.write': {
    ru: 'не удалось записать файл результата: {reasonRu}', en: 'cannot write the output file: {reason}',
    hint: OUTPUT_WRITE_HINT,
  },
  // Of what no -o writes (--help, the demo's lines, inspect): the disk alone.
  'output.stdout': {
    ru: 'не удалось записать результат в стандартный вывод: {reasonRu}', en: 'cannot write the result to standard output: {reason}',
    hint: { ru: 'проверьте, что на диске, куда перенаправлен вывод, есть место', en: 'check that the disk the output is redirected to has space' },
  },
  // Of a report: -o with the extension of the run's format (a JSON run was told «-o отчёт.xlsx»).
  'output.stdoutReport': {
    ru: 'не удалось записать результат в стандартный вывод: {reasonRu}', en: 'cannot write the result to standard output: {reason}',
    hint: { ru: 'проверьте, что на диске, куда перенаправлен вывод, есть место, или запишите результат файлом: -o {fileRu}', en: 'check that the disk the output is redirected to has space, or write the result to a file: -o {file}' },
  },
  'output.emptyPath': {
    ru: 'путь результата пуст: после -o нужно имя файла', en: 'the output path is empty: -o needs a file name',
    hint: { ru: 'например, -o отчёт.xlsx; пустой путь бывает, когда переменная оболочки не задана', en: 'e.g. -o report.xlsx; an empty path comes from a shell variable that is not set' },
  },
  'output.isInput': {
    ru: 'файл результата — один из входных файлов; перезаписывать входной файл нельзя', en: 'the output file is one of the input files; refusing to overwrite an input',
    hint: { ru: 'укажите другой путь в -o', en: 'choose another -o path' },
  },
  'output.stdoutIsInput': {
    ru: 'стандартный вывод направлен в один из входных файлов (> или >> в него): результат дописался бы к выгрузке', en: 'standard output is redirected into one of the input files (> or >> onto it): the result would be written into the export',
    hint: { ru: 'направьте вывод в другой файл (или укажите его в -o)', en: 'redirect it to another file (or give one with -o)' },
  },
  'output.noFolder': {
    ru: 'папки «{folder}» нет', en: 'the folder "{folder}" does not exist',
    hint: { ru: 'сначала создайте папку или укажите другой путь в -o', en: 'create the folder first or choose another -o path' },
  },
  'output.folderIsFile': {
    ru: '«{folder}» — файл, а не папка', en: '"{folder}" is a file, not a folder',
    hint: { ru: 'укажите в -o путь в существующей папке', en: 'choose an -o path in an existing folder' },
  },
  'output.makeFolder': {
    ru: 'не удалось создать папку «{folder}»: {reasonRu}', en: 'cannot create the folder "{folder}": {reason}',
    hint: { ru: 'проверьте, что в папку выше можно писать, или укажите другой путь в -o', en: 'check that the folder above it is writable, or choose another -o path' },
  },
  // A file kept read-only (chmod 444, Windows' read-only attribute) was replaced by the rename, where the shell's `>` refuses (a tester).
  'output.readOnly': {
    ru: 'файл результата только для чтения: перезаписывать его нельзя', en: 'the output file is read-only: refusing to replace it',
    hint: { ru: 'снимите с него защиту от записи (chmod u+w) или укажите другой путь в -o', en: 'make it writable (chmod u+w) or choose another -o path' },
  },
  'output.isFolder': {
    ru: 'путь результата — это папка', en: 'the output path is a folder',
    hint: { ru: 'укажите имя файла, например -o отчёт.xlsx', en: 'give a file name, e.g. -o report.xlsx' },
  },
  'usage.count': { ru: '{name}: нужно целое положительное число; получено «{value}»', en: '{name} must be a positive whole number, got "{value}"' },
  'usage.xlsxOnTerminal': {
    ru: 'книгу XLSX нельзя вывести в терминал', en: 'an XLSX workbook cannot be printed on a terminal',
    hint: { ru: 'добавьте -o отчёт.xlsx или перенаправьте стандартный вывод в файл', en: 'add -o report.xlsx, or redirect stdout to a file' },
  },
  'usage.now': {
    ru: '--now: «{value}» — не дата', en: '--now: "{value}" is not a date',
    hint: { ru: 'укажите день (2025-01-31 или 31.01.2025) или момент ISO (2025-01-31T09:00:00Z)', en: 'give a day (2025-01-31 or 31.01.2025) or an ISO moment (2025-01-31T09:00:00Z)' },
  },
  'usage.nowRange': {
    ru: '--now: «{value}» — дата вне 1970–9999 годов', en: '--now: "{value}" is a date outside the years 1970-9999',
    hint: { ru: 'дата отчёта — день, на который считаются показатели (2025-01-31); так же читается SOURCE_DATE_EPOCH', en: 'the report date is the day the figures are counted at (2025-01-31); SOURCE_DATE_EPOCH is read in the same range' },
  },
  'usage.sourceDateEpoch': {
    ru: 'SOURCE_DATE_EPOCH: «{value}» — не целое число секунд с 01.01.1970 (и не позже конца 9999 года)', en: 'SOURCE_DATE_EPOCH: "{value}" is not a whole number of seconds since 1970-01-01 (up to the end of the year 9999)',
    hint: { ru: 'задайте целое число секунд с 01.01.1970 (UTC), например 1735689600, или уберите переменную', en: 'set whole seconds since 1970-01-01 UTC, such as 1735689600, or unset it' },
  },
  'usage.timeOffset': { ru: '--time-offset: нужно число часов не больше 26 (минуты — до 59), например -3, +2 или +5:30; получено «{value}»', en: '--time-offset must be hours up to 26 (minutes up to 59) such as -3, +2 or +5:30, got "{value}"' },
  'usage.encoding': { ru: '--encoding: неизвестная кодировка «{value}»; возможны utf-8, cp1251, cp1252, cp1250, cp1254, koi8-r, cp866, utf-16le, utf-16be', en: '--encoding: unknown encoding "{value}"; use utf-8, cp1251, cp1252, cp1250, cp1254, koi8-r, cp866, utf-16le or utf-16be' },
  'usage.delimiter': { ru: '--delimiter: нужен один символ ASCII (или «tab»); получено «{value}»', en: '--delimiter must be one ASCII character (or "tab"), got "{value}"' },
  'usage.maxBadRows': { ru: '--max-bad-rows: нужно целое число строк (например, 10) или доля до 100% (например, 5%); получено «{value}»', en: '--max-bad-rows must be a whole count of rows (e.g. 10) or a share up to 100% (e.g. 5%), got "{value}"' },
  'usage.callbackWindow': { ru: '--callback-window: нужна длительность с единицей (ч или h — часы, мин или m — минуты, д или d — дни), например 24ч, 90мин или 2д; получено «{value}»', en: '--callback-window must be a duration with its unit (h hours, m minutes, d days) such as 24h, 90m or 2d, got "{value}"' },
  'format.extensionMismatch': {
    ru: '--format {format} нельзя записать в файл «.{ext}»', en: '--format {format} cannot be written to a ".{ext}" file',
    hint: { ru: 'назовите файл {name} или выберите другой --format: {formats}', en: 'name the file {name}, or choose another --format: {formats}' },
  },
  'format.unknownExtension': {
    ru: 'файл «.{ext}» записать нельзя', en: 'cannot write a ".{ext}" file',
    hint: { ru: 'эта команда пишет {formats}; дайте -o одно из этих расширений', en: 'this command writes {formats}; give -o one of those extensions' },
  },
  'usage.fromAfterTo': { ru: '--from {fromRu} позже --to {toRu}', en: '--from {from} is after --to {to}' },
  'usage.touchNorm': { ru: '--touch-norm: нужно число касаний, 0 или больше (например, 5); получено «{value}»', en: '--touch-norm must be a number of touches, 0 or more (e.g. 5), got "{value}"' },
  'usage.unknownGroupBy': {
    ru: '--by: «{value}» — не группировка{nearRu}', en: '--by: "{value}" is not a grouping{near}',
    hint: { ru: 'можно: manager, source, pipeline, stage, month; через запятую для сводной таблицы (--by source,month), несколько --by для нескольких таблиц', en: 'use manager, source, pipeline, stage or month; comma-separated for a pivot (--by source,month), several --by for several tables' },
  },
  'usage.repeatedGroupBy': { ru: '--by {value}: «{dim}» повторяется', en: '--by {value}: "{dim}" is repeated' },
  'usage.unknownMetric': {
    ru: 'неизвестный показатель: {metricsRu}{nearRu}', en: 'unknown metric {metrics}{near}',
    hint: { ru: 'показатели: {known}', en: 'metrics: {known}' },
  },
  'usage.oneStdin': {
    ru: 'со стандартного ввода (-) можно читать только один файл', en: 'only one input can be read from standard input (-)',
    hint: { ru: 'передайте остальные файлы путями: {exampleRu}', en: 'pass the other files by path: {example}' },
  },
  'usage.noMetrics': {
    ru: '--metrics: список показателей пуст', en: '--metrics: the list of metrics is empty',
    hint: { ru: 'перечислите показатели через запятую ({known}) или уберите --metrics, чтобы показать все', en: 'list metrics separated by commas ({known}), or drop --metrics to show them all' },
  },
  'compare.bothWays': { ru: 'укажите либо --deals с --cutover, либо --before-deals и --after-deals, но не то и другое', en: 'give either --deals with --cutover, or --before-deals and --after-deals, not both' },
  'compare.cutoverNeedsDeals': { ru: 'для --cutover нужен файл сделок --deals (и, если есть, --activities, --payments)', en: '--cutover needs --deals (and optionally --activities, --payments)' },
  'compare.dealsNeedCutover': {
    ru: 'с --deals команде compare нужна дата внедрения: --cutover ДАТА', en: '--deals in compare needs --cutover DATE: the day the CRM went in',
    hint: { ru: 'или дайте два набора файлов: --before-deals и --after-deals', en: 'or give two sets of files with --before-deals and --after-deals' },
  },
  'compare.howToSplit': {
    ru: 'не указано, как разделить периоды', en: 'say how to split the periods',
    hint: { ru: 'crm-audit compare --deals all.csv --cutover 01.01.2025 или --before-deals old.csv --after-deals new.csv', en: 'crm-audit compare --deals all.csv --cutover 2025-01-01, or --before-deals old.csv --after-deals new.csv' },
  },
  'compare.looseFile': {
    ru: '{option} относится к одному набору файлов с --deals и --cutover; у двух наборов файлы каждого периода свои', en: '{option} goes with --deals and --cutover; with two sets of files each period has its own',
    hint: { ru: 'передайте файл как {before} или {after}', en: 'pass the file as {before} or {after}' },
  },
  'compare.setNeedsDeals': {
    ru: 'нет {missing}: когда периоды даны двумя наборами файлов, у каждого свой файл сделок', en: '{missing} is missing: with two sets of files, each period needs its deals file',
    hint: { ru: 'crm-audit compare --before-deals old.csv --after-deals new.csv', en: 'crm-audit compare --before-deals old.csv --after-deals new.csv' },
  },
  'compare.noDatesPeriod': { ru: 'в файлах периода «{whichRu}» нет записей с датами', en: 'the {which} files hold no dated records' },
  'compare.noDates': { ru: 'в файлах нет записей с датами', en: 'the files hold no dated records' },
  'compare.cutoverOutside': {
    ru: 'дата внедрения {cutoverRu} вне данных: они идут с {firstRu} по {lastRu}', en: 'the cutover {cutover} is outside the data, which runs from {first} to {last}',
    hint: { ru: 'выберите дату после {firstRu} и не позже {lastRu}', en: 'choose a cutover after {first} and no later than {last}' },
  },
  // report --from/--to with a cutover: the comparison runs within the period, so the cutover must fall inside it.
  'compare.cutoverOutsidePeriod': {
    ru: 'дата внедрения {cutoverRu} не делит период отчёта ({spanRu}, --from/--to) на «до» и «после»: сравнение считается внутри этого периода, и один из них был бы пуст',
    en: 'the cutover {cutover} does not split the report period ({span}, --from/--to) into before and after: the comparison is computed within that period, and one of them would be empty',
    hint: { ru: 'выберите дату внедрения внутри периода, после первого дня со сделками, или расширьте --from/--to', en: 'choose a cutover inside the period, after its first day with deals, or widen --from/--to' },
  },
  'compare.filesOutsidePeriod': {
    ru: 'сделки периода «{whichRu}» ({firstRu} — {lastRu}) лежат вне периода отчёта ({spanRu}, --from/--to): сравнение считается внутри этого периода', en: 'the {which} deals ({first} to {last}) lie outside the report period ({span}, --from/--to): the comparison is computed within that period',
    hint: { ru: 'расширьте --from/--to или уберите их', en: 'widen --from/--to, or leave them out' },
  },
  'compare.cutoverAtStart': {
    ru: 'до даты внедрения {cutoverRu} нет ни одной сделки: данные идут с {firstRu} по {lastRu}, и период «до» был бы пуст', en: 'no deal was created before the cutover {cutover}: the data runs from {first} to {last}, so the before period would be empty',
    hint: { ru: 'выберите дату после {firstRu} и не позже {lastRu}', en: 'choose a cutover after {first} and no later than {last}' },
  },
  'compare.sameFile': {
    ru: 'файл сделок «до» и «после» — один и тот же ({file}): все изменения были бы нулевыми', en: 'the before and after deals are the same file ({file}): every change would be zero',
    hint: { ru: 'дайте выгрузки двух периодов или один файл с --cutover', en: 'give the exports of two periods, or one file with --cutover' },
  },
  'compare.sameFileOf': {
    ru: '{option} и {other} — один и тот же файл ({file}): сделки каждого периода связались бы и с {whatRu} другого периода, и каждый период учёл бы их все',
    en: "{option} and {other} are the same file ({file}): each period's deals would be linked to the other period's {what} too, and each period would count all of them",
    hint: { ru: 'дайте для каждого периода свою выгрузку {whatRuGen} за даты его сделок или один набор файлов с --cutover', en: 'give each period its own export of {what} for the dates of its deals, or one set of files with --cutover' },
  },
  'compare.periodsReversed': {
    ru: 'период «после» ({afterFromRu} — {afterToRu}) раньше периода «до» ({beforeFromRu} — {beforeToRu})', en: 'the after period ({afterFrom} to {afterTo}) comes before the before period ({beforeFrom} to {beforeTo})',
    hint: { ru: 'похоже, файлы перепутаны: поменяйте местами --before-* и --after-*', en: 'the files look swapped: exchange --before-* and --after-*' },
  },
  'compare.oneDay': {
    ru: 'все сделки созданы в один день ({firstRu}): сравнивать «до» и «после» не на чем', en: 'every deal was created on one day ({first}): there is no before and after to compare',
    hint: { ru: 'выгрузите сделки за период, в который попадает дата внедрения (сейчас {cutoverRu})', en: 'export the deals of a period the cutover (now {cutover}) falls inside' },
  },
  'compare.emptyPeriodCutover': {
    ru: 'в периоде «{whichRu}» ({fromRu} — {toRu}) нет сделок', en: 'the {which} period ({from} to {to}) has no deals',
    hint: { ru: 'сдвиньте дату внедрения (сейчас {cutoverRu}), чтобы в обоих периодах были сделки', en: 'move the cutover (now {cutover}) so that both periods have deals' },
  },
  'compare.emptyPeriod': {
    ru: 'в периоде «{whichRu}» ({fromRu} — {toRu}) нет сделок', en: 'the {which} period ({from} to {to}) has no deals',
    hint: { ru: 'проверьте файл сделок периода «{whichRu}»', en: 'check the {which} deals file' },
  },
  // A periods' error beside deal rows not read (T39 F5): «все сделки созданы в один день» sent the user to export another period, while the rows were there, unreadable.
  'compare.withUnread': {
    ru: '{messageRu}; при этом не {skipped:прочитана|прочитаны|прочитаны} {skipped} из {rows} {rows:строки|строк|строк} сделок, и в них могут быть сделки, которых не хватает:\n{examplesRu}',
    en: '{message}; and {skipped} of {rows} deal rows could not be read, which may hold the deals it lacks:\n{examples}',
    hint: { ru: 'исправьте эти ячейки (или назовите колонки в файле --map) и запустите снова; если дело не в них: {hintRu}', en: 'fix those cells (or name the columns in a --map file) and run again; if they are not the cause: {hint}' },
  },
} as const satisfies Record<string, MessageDef>;

export type MessageId = keyof typeof MESSAGES;

/**
 * Fills `{name}` placeholders, and `{name:one|few|many}` (Russian) or `{name:one|other}` (English) with
 * the word the number `name` takes («{rows} {rows:строка|строки|строк}»); a name without a parameter
 * stays as written.
 */
export function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)(?::([^{}|]+)\|([^{}|]+)(?:\|([^{}|]+))?)?\}/g, (whole, name: string, one?: string, few?: string, many?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (one === undefined) return String(value);
    // A Russian number may come grouped («12 345»: groupedRu).
    const n = Number(String(value).replace(/\s/g, ''));
    return many === undefined ? pluralEn(n, one, few!) : plural(n, one, few!, many);
  });
}

/** The message `id` in `lang` (English unless Russian is asked for). */
export function renderMessage(id: MessageId, params: Params, lang: string): string {
  const def: MessageDef = MESSAGES[id];
  return lang === 'ru' ? fill(def.ru, groupedRu(def.ru, params)) : fill(def.en, params);
}

/** The hint of message `id` in `lang`, if it has one. */
export function renderHint(id: MessageId, params: Params, lang: string): string | undefined {
  const def: MessageDef = MESSAGES[id];
  if (!def.hint) return undefined;
  return lang === 'ru' ? fill(def.hint.ru, groupedRu(def.hint.ru, params)) : fill(def.hint.en, params);
}

/**
 * Whole numbers from 10 000 on grouped as a Russian reader writes them (8 388 608 байт), except a
 * value typed after an option (`--seed {seed}`). English keeps the digits: `Error.message` is the contract.
 */
function groupedRu(template: string, params: Params): Params {
  let out: Record<string, string | number> | undefined;
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) < 10_000) continue;
    if (new RegExp(`--[\\w-]+ \\{${name}\\}`).test(template)) continue;
    out ??= { ...params };
    out[name] = countText(value, 'ru');
  }
  return out ?? params;
}

/** Words for where a problem is, in both languages. */
export const WHERE_WORDS = {
  row: { ru: 'строка {row}', en: 'row {row}' },
  column: { ru: 'колонка «{column}»', en: 'column "{column}"' },
  path: { ru: 'в {path}', en: 'at {path}' },
  at: { ru: 'строка {line}, символ {column}', en: 'at line {line}, column {column}' },
  topLevel: { ru: 'на верхнем уровне документа', en: 'at (top level)' },
  hint: { ru: 'подсказка', en: 'hint' },
  stdin: { ru: 'стандартный ввод (-)', en: 'standard input (-)' },
  // A row of delimited text below a quoted cell with line breaks: its row as a spreadsheet shows it, and its line in the text.
  rowLine: { ru: 'строка {row} (строка файла {line})', en: 'row {row} (line {line} of the file)' },
} as const satisfies Record<string, Template>;

/**
 * Why a row was skipped or dropped. The English text is the contract (`dataQuality.rowsSkipped[].reason`
 * in the JSON); the Russian one is what a Russian reader sees on stderr and in the reports.
 */
export const ROW_REASONS: readonly Template[] = [
  { en: '"{value}" is not a date', ru: '«{value}» — не дата' },
  { en: '"{value}" is a zero date, not a date', ru: '«{value}» — нулевая дата, а не дата' },
  { en: '"{value}" is an Excel formula error, not a value', ru: '«{value}» — ошибка формулы Excel, а не значение: исправьте формулу в файле' },
  { en: '"{value}" is not a number', ru: '«{value}» — не число' },
  { en: `"{value}" is too large a number (${TOO_LARGE_TEXT} or more)`, ru: `«{value}» — слишком большое число (${TOO_LARGE_TEXT} и больше)` },
  { en: `"{value}" is a date outside the years ${FIRST_YEAR}-${LAST_YEAR}`, ru: `«{value}» — дата вне ${FIRST_YEAR}–${LAST_YEAR} годов` },
  { en: '"{value}" is not a time of day', ru: '«{value}» — не время суток' },
  { en: '"{value}" is not a duration', ru: '«{value}» — не длительность' },
  { en: '"{value}" is a day or longer: not the length of a call; in milliseconds it is {seconds} s: --map activities: units: { "{column}": ms } (units: s, ms, min, hhmm, day)', ru: '«{value}» — сутки и дольше: это не длительность звонка; в миллисекундах это {seconds} с: --map activities: units: { "{column}": ms } (единицы: s, ms, min, hhmm, day)' },
  { en: '"{value}" is a day or longer: not the length of a call', ru: '«{value}» — сутки и дольше: это не длительность звонка' },
  { en: 'unknown status "{value}"', ru: 'неизвестный статус «{value}»' },
  { en: '"{value}" is neither a yes nor a no', ru: '«{value}» — не «да» и не «нет»' },
  { en: 'no manager', ru: 'нет менеджера' },
  { en: 'the row has {cells} cells, the header {columns}: a value holds the delimiter unquoted (a decimal comma?), and the values after it moved', ru: 'ячеек в строке — {cells}, в заголовке — {columns}: в каком-то значении разделитель без кавычек (десятичная запятая?), и значения после него сдвинулись' },
  { en: 'no manager (a missed incoming call)', ru: 'нет менеджера (пропущенный входящий звонок)' },
  { en: 'no manager (a deal assigned to no one)', ru: 'нет менеджера (сделка ни на кого не назначена)' },
  { en: 'a quoted cell takes in the next lines, which look like whole rows (lines: {lines}): a quote left open; the record mixes several rows\' values, and none of them is read', ru: 'ячейка в кавычках захватила следующие строки, похожие на целые записи (строк: {lines}): кавычка не закрыта; в записи смешаны значения нескольких строк, и ни одна из них не прочитана' },
  { en: 'row without a deal id', ru: 'строка без ID сделки' },
  { en: 'a payment needs a deal id or a manager', ru: 'у платежа нет ни ID сделки, ни менеджера' },
  { en: 'neither an invoiced nor a paid amount', ru: 'нет ни выставленной, ни оплаченной суммы' },
  { en: 'deleted deal (Pipedrive status "deleted")', ru: 'удалённая сделка (статус Pipedrive «deleted»)' },
  { en: 'deleted record (IsDeleted: in the recycle bin)', ru: 'удалённая запись (IsDeleted: в корзине)' },
  { en: 'planned activity, not done', ru: 'запланированное действие, ещё не выполнено' },
  { en: 'planned activity: the export is a list of scheduled activities, which holds no done one', ru: 'запланированное действие: выгрузка — список запланированных действий, выполненных в нём нет' },
  { en: 'planned activity: a calendar entry dated after the report day', ru: 'запланированное действие: запись календаря позже дня отчёта' },
  { en: 'an event of the CRM, not an activity (a stage or a field changed, a note or a task added)', ru: 'событие CRM, а не действие (смена этапа, правка поля, примечание или задача)' },
  { en: 'activity called off (cancelled or not attended)', ru: 'действие отменено или не состоялось' },
  { en: 'e-mail not delivered (bounced or failed)', ru: 'письмо не доставлено (вернулось или не отправилось)' },
  { en: "an automation's action (a robot), not a manager's", ru: 'действие автоматизации (робота), а не менеджера' },
  { en: 'internal call (between employees)', ru: 'внутренний звонок (между сотрудниками)' },
  { en: 'another leg of a call already counted (the same call id)', ru: 'ещё одно плечо уже учтённого звонка (тот же ID звонка)' },
  { en: 'another leg of a call already counted (the same calling channel, at the same time)', ru: 'ещё одно плечо уже учтённого звонка (тот же вызывающий канал в то же время)' },
  { en: 'a missed call no line took (hung up in an IVR or a queue)', ru: 'пропущенный звонок, не дошедший ни до одного внутреннего номера (положили трубку в голосовом меню или очереди)' },
  { en: 'a call no line took (an IVR, an announcement, a forward outside)', ru: 'звонок, который не принял ни один внутренний номер (голосовое меню, автоответ, переадресация наружу)' },
  { en: 'empty row', ru: 'пустая строка' },
  { en: 'totals row', ru: 'строка итогов' },
  { en: 'footer or note row', ru: 'строка-примечание или подвал' },
  { en: 'one cell holds a whole row, its values split by "{delimiter}" ({count} times): the row was written with another delimiter than the file\'s, or quoted whole', ru: 'в одной ячейке целая строка, её значения разделены «{delimiter}» (таких разделителей — {count}): строка записана с другим разделителем, чем файл, или целиком взята в кавычки' },
  { en: 'repeated header row', ru: 'повторённая строка заголовка' },
  { en: '"{value}" is not a month', ru: '«{value}» — не месяц' },
  { en: '"{value}" is negative', ru: '«{value}» — отрицательное число' },
  { en: 'a spend row without an amount', ru: 'строка расходов без суммы' },
  { en: 'a plan row without targets', ru: 'строка плана без целей' },
  { en: 'a rejected or cancelled invoice', ru: 'отклонённый или отменённый счёт' },
  { en: 'a plan with months across is read as revenue targets, and these look like counts (leads or deals): keep such a plan long, a row per month with leads and won columns', ru: 'план с месяцами по столбцам читается как цели по выручке, а эти числа похожи на количества (лиды или сделки): такой план ведите длинным — строка на месяц, с колонками лидов и сделок' },
  // Required dates by their field, so that a Russian reader sees no field name (the column is named beside).
  { en: 'no created_at', ru: 'нет даты создания' },
  { en: 'no at', ru: 'нет даты' },
  { en: 'no {field}', ru: 'нет поля {field}' },
  { en: 'product rows merged into their deal', ru: 'строки товаров, объединённые со своей сделкой' },
  { en: "product rows merged into their deal (each repeats the deal's total, counted once)", ru: 'строки товаров, объединённые со своей сделкой (в каждой повторена сумма сделки, учтена один раз)' },
  { en: 'rows repeating a deal id (first row kept)', ru: 'строки с повторённым ID сделки (оставлена первая)' },
];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Recognises English texts made from `templates` and rewrites them in Russian (`{field}` matches one word). */
function translator(templates: readonly Template[], field: (value: string) => string = (value) => value): (text: string) => string {
  const patterns = templates.map((t) => {
    const names: string[] = [];
    const source = t.en.split(/(\{\w+\})/).map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (!m) return escapeRe(part);
      names.push(m[1]!);
      return m[1] === 'field' ? '(\\w+)' : '(.*?)';
    }).join('');
    return { re: new RegExp(`^${source}$`, 's'), names, template: t };
  });
  return (text) => {
    for (const p of patterns) {
      const m = p.re.exec(text);
      if (!m) continue;
      const params: Record<string, string> = {};
      p.names.forEach((name, i) => (params[name] = name === 'field' ? field(m[i + 1]!) : m[i + 1]!));
      return fill(p.template.ru, params);
    }
    return text;
  };
}

const rowReasonRu = translator(ROW_REASONS);

/**
 * A row's reason in `lang`: the English reason the importer recorded, recognised against the catalogue
 * and rewritten in Russian; a reason the catalogue does not know is shown as recorded.
 */
export function rowReason(reason: string, lang: string): string {
  return lang === 'ru' ? rowReasonRu(reason) : (ROW_REASONS_EN[reason] ?? reason);
}

/** The recorded reasons that name a field by its id, as an English reader says them (the JSON keeps the id). */
const ROW_REASONS_EN: Readonly<Record<string, string>> = { 'no created_at': 'no creation date', 'no at': 'no date' };

/** The argument parser's (commander's) own errors, which it writes in English. */
export const COMMANDER_ERRORS: readonly Template[] = [
  { en: "error: unknown option '{option}'{rest}", ru: 'ошибка: неизвестный параметр «{option}»{rest}' },
  { en: "error: required option '{option}' not specified", ru: 'ошибка: не указан обязательный параметр «{option}»' },
  { en: "error: missing required argument '{name}'", ru: 'ошибка: не указан обязательный аргумент «{name}»' },
  { en: "error: option '{option}' argument missing", ru: 'ошибка: у параметра «{option}» нет значения' },
  { en: "error: option '{option}' argument '{value}' is invalid. Allowed choices are {choices}.", ru: 'ошибка: у параметра «{option}» недопустимое значение «{value}». Допустимые значения: {choices}.' },
  { en: "error: unknown command '{name}'{rest}", ru: 'ошибка: неизвестная команда «{name}»{rest}' },
  { en: "error: too many arguments for '{name}'. Expected {n} arguments but got {got}.", ru: 'ошибка: у команды {name} лишние аргументы: ожидалось {n}, получено {got}' },
  { en: "error: too many arguments for '{name}'. Expected {n} argument but got {got}.", ru: 'ошибка: у команды {name} лишние аргументы: ожидался {n}, получено {got}' },
  { en: "error: too many arguments{rest}", ru: 'ошибка: лишние аргументы{rest}' },
  { en: '(Did you mean {option}?)', ru: '(может быть, {option}?)' },
  { en: '(add --help for usage)', ru: '(справка: --help)' },
];

const commanderRu = translator(COMMANDER_ERRORS);

/** One of commander's error lines in `lang`; a line it does not know stays English. */
export function commanderMessage(text: string, lang: string): string {
  if (lang !== 'ru') return text;
  return text.split('\n').map(commanderRu).join('\n');
}

/** A record kind as a Russian reader names the export that holds it. */
export const KIND_RU: Readonly<Record<string, string>> = { deals: 'сделки', activities: 'звонки и действия', payments: 'платежи', spend: 'расходы на маркетинг', plan: 'план продаж' };

/** Each kind of file as the object of «похоже на …» (accusative). */
export const KIND_FILE_ACC_RU: Readonly<Record<string, string>> = { deals: 'выгрузку сделок', activities: 'журнал звонков и действий', payments: 'выгрузку платежей', spend: 'таблицу расходов на маркетинг', plan: 'план продаж' };

/** Each kind of file as a reader names it («это точно журнал звонков и действий?», "is this a call log?"). */
export const KIND_FILE_RU: Readonly<Record<string, string>> = { deals: 'выгрузка сделок', activities: 'журнал звонков и действий', payments: 'выгрузка платежей', spend: 'таблица расходов на маркетинг', plan: 'план продаж' };
export const KIND_FILE_EN: Readonly<Record<string, string>> = { deals: 'a deals export', activities: 'a call and activity log', payments: 'a payments export', spend: 'a marketing spend table', plan: 'a sales plan' };

/** A delimiter as a line is said to be split by it («разделён запятыми», "split by commas"): import.mixedDelimiters. */
export const DELIMITER_BY_RU: Readonly<Record<string, string>> = { ',': 'запятыми («,»)', ';': 'точками с запятой («;»)', '\t': 'табуляциями', '|': 'вертикальными чертами («|»)' };
export const DELIMITER_BY_EN: Readonly<Record<string, string>> = { ',': 'commas (",")', ';': 'semicolons (";")', '\t': 'tabs', '|': 'vertical bars ("|")' };

/**
 * input.wrongKind's hint after «pass it as {better}»: a call log given as the deals leaves the deals to
 * find (the metrics are counted over them); a period's files (compare's --before-…/--after-…) may be
 * swapped among themselves, so the others are worth a look. `{option}` is the option the file was given as.
 */
export const WRONG_KIND_MORE = {
  deals: { ru: ', а в {option} — выгрузку сделок: показатели считаются по сделкам', en: ', and a deals export as {option}: the metrics are counted over deals' },
  period: { ru: ' и проверьте остальные файлы этого периода', en: ', and check the other files of that period' },
} as const;

/** The error printer's own words. */
export const PRINTER = {
  error: { ru: 'ошибка', en: 'error' },
  internal: { ru: 'внутренняя ошибка', en: 'internal error' },
  interrupted: { ru: 'Прервано; ничего не сохранено.', en: 'Interrupted; nothing was saved.' },
  interruptedAfterSaving: { ru: 'Прервано; ответы сохранены в {file}, отчёт не записан.', en: 'Interrupted; the answers were saved to {file}, the report was not written.' },
  interruptedAfterReport: { ru: 'Прервано; отчёт записан в {report}, ответы не сохранены.', en: 'Interrupted; the report was written to {report}, the answers were not saved.' },
  interruptedAfterBoth: { ru: 'Прервано; ответы сохранены в {file}, отчёт записан в {report}.', en: 'Interrupted; the answers were saved to {file} and the report written to {report}.' },
  /** An interview stopped at a question: its answers so far saved as a draft, and the command that goes on from there (on a line of its own). */
  interruptedDraft: {
    ru: 'Прервано; ответы на {answered} из {total} {questions} сохранены в {file}. Продолжить с того же места:\n    {command}',
    en: 'Interrupted; the answers to {answered} of {total} {questions} were saved to {file}. To go on from there:\n    {command}',
  },
  /** The same, where the run's folder takes no file (read-only, full): the draft is printed, to be saved by hand. */
  interruptedDraftUnsaved: {
    ru: 'Прервано; ответы на {answered} из {total} {questions} не удалось сохранить в папку запуска ({why}). Вот они: сохраните их в файл {file} там, где запись разрешена, и продолжите с того же места:\n    {command}\n\n{text}',
    en: 'Interrupted; the answers to {answered} of {total} {questions} could not be saved in the run\'s folder ({why}). Here they are: save them as {file} where files can be written, and go on from there:\n    {command}\n\n{text}',
  },
  /** A signal (Ctrl+C, SIGTERM, SIGHUP) after the run had written files into place: they are named, never «nothing was saved». */
  interruptedAfterWriting: { ru: 'Прервано; уже записано: {files}.', en: 'Interrupted; already written: {files}.' },
  /** An input named `-` read from a terminal (announceStdin): said once, so that the run is not a silent wait. */
  stdinTerminal: {
    ru: 'Чтение со стандартного ввода (-) с терминала: вставьте данные и нажмите Ctrl+D в начале строки (в Windows — Ctrl+Z и Enter), чтобы закончить, или Ctrl+C, чтобы отменить. Файл передают так: … - < файл.',
    en: 'Reading standard input (-) from the terminal: paste the data, then press Ctrl+D at the start of a line (Ctrl+Z, Enter on Windows) to end it, or Ctrl+C to cancel. To read a file: … - < file.',
  },
  debug: { ru: 'Запустите снова с --debug, чтобы увидеть стек, и сообщите о ней, приложив команду, которую запускали.', en: 'Run again with --debug to see the stack, and report it with the command you ran.' },
} as const satisfies Record<string, Template>;

/**
 * The verdict on a before/after row's change (spec Before / after, the «better» column): the head of
 * its column and its words, the same in the terminal, Markdown, CSV, HTML and XLSX.
 */
export const COMPARE_VERDICT = {
  head: { ru: 'Оценка', en: 'Verdict' },
  better: { ru: 'лучше', en: 'better' },
  worse: { ru: 'хуже', en: 'worse' },
  same: { ru: 'без изменений', en: 'no change' },
} as const satisfies Record<string, Template>;

/**
 * A `warn` assertion not judged in a run (AssertionResult.skipped): its word («пропущена», as a report
 * says «пройдена») and why, in the report's assertions, JUnit's <skipped> and the closing count.
 */
export const ASSERT_SKIPPED = {
  word: { ru: 'пропущена', en: 'skipped' },
  no_baseline: { ru: 'нет прошлого результата для delta.*: дайте --baseline previous.json — вывод report --format json прошлого запуска', en: "no previous result for delta.*: give --baseline previous.json, the last run's report --format json" },
} as const satisfies Record<string, Template>;

/**
 * The inputs payback and ROI are computed from (spec Before / after, Payback), as every format lists
 * them above the gain: without the margin a reader cannot get from the revenue row to the gain.
 */
export const PAYBACK_INPUTS = {
  cost: { ru: 'Разовые затраты на внедрение', en: 'One-off implementation cost' },
  monthlyCost: { ru: 'Затраты в месяц', en: 'Running cost per month' },
  margin: { ru: 'Доля маржи', en: 'Gross margin share' },
} as const satisfies Record<string, Template>;

/** Options given that change nothing without another (said on stderr, the run goes on). */
export const UNUSED_OPTION = {
  hourlyCost: { ru: '--hourly-cost ни на что не влияет без --managers: деньги рекомендаций — это часы × число менеджеров × стоимость часа', en: '--hourly-cost changes nothing without --managers: a recommendation\'s money is hours × managers × the hourly cost' },
  // report read audit.hourlyCost from its config, and --hourly-cost, with no managers, and said nothing (a tester).
  hourlyCostConfig: { ru: 'audit.hourlyCost в конфиге ни на что не влияет без audit.managers (или --managers): деньги рекомендаций — это часы × число менеджеров × стоимость часа', en: 'audit.hourlyCost in the config changes nothing without audit.managers (or --managers): a recommendation\'s money is hours × managers × the hourly cost' },
  monthlyCost: { ru: '--monthly-cost ни на что не влияет без --cost: окупаемость и ROI считаются от разовых затрат на внедрение', en: '--monthly-cost changes nothing without --cost: payback and ROI are computed from the one-off implementation cost' },
  margin: { ru: '--margin ни на что не влияет без --cost: доля маржи нужна только окупаемости и ROI', en: '--margin changes nothing without --cost: the margin share only goes into payback and ROI' },
  // report read compare.monthlyCost and compare.margin from its config with no cost, and said nothing (a tester): payback null, no word why.
  monthlyCostConfig: { ru: 'compare.monthlyCost в конфиге ни на что не влияет без compare.cost (или --cost): окупаемость и ROI считаются от разовых затрат на внедрение', en: 'compare.monthlyCost in the config changes nothing without compare.cost (or --cost): payback and ROI are computed from the one-off implementation cost' },
  marginConfig: { ru: 'compare.margin в конфиге ни на что не влияет без compare.cost (или --cost): доля маржи нужна только окупаемости и ROI', en: 'compare.margin in the config changes nothing without compare.cost (or --cost): the margin share only goes into payback and ROI' },
  metrics: { ru: '--metrics выбирает столбцы таблицы в терминале и в Markdown; JSON, CSV, XLSX и HTML содержат все показатели', en: '--metrics picks the columns of the terminal and Markdown tables; JSON, CSV, XLSX and HTML hold every metric' },
  sheet: { ru: '--sheet ни на что не влияет: листы есть только у книг XLSX, а ни один из прочитанных файлов не книга', en: '--sheet changes nothing: only XLSX workbooks have sheets, and none of the files read is one' },
  // kpi took them in silence (a tester), as compare and audit do not.
  spendMargin: { ru: '--margin ни на что не влияет без --spend: доля маржи нужна только ROMI и LTV', en: '--margin changes nothing without --spend: the margin share only goes into ROMI and LTV' },
} as const satisfies Record<string, Template>;

/**
 * Options given with no file for them to act on ({options}: `--from, --touch-norm`): those that read exports or compute
 * from them, with no export given (`audit --answers a.yaml --from …`); those of the KPIs, with no deals export.
 */
export const UNUSED_WITHOUT = {
  exports: {
    one: { ru: '{options} ни на что не влияет без выгрузок (--deals …): этот параметр — о чтении выгрузок и показателях по ним', en: '{options} changes nothing without exports (--deals …): it is about reading exports and the metrics computed from them' },
    many: { ru: '{options} ни на что не влияют без выгрузок (--deals …): эти параметры — о чтении выгрузок и показателях по ним', en: '{options} change nothing without exports (--deals …): they are about reading exports and the metrics computed from them' },
  },
  // report: the comparison's options, or a config's compare section, with no cutover and no before/after files.
  compare: {
    one: { ru: '{options} ни на что не влияет без сравнения: нужна дата внедрения (--cutover) или файлы «до» и «после» (--before-deals, --after-deals)', en: '{options} changes nothing without a comparison: it needs a cutover (--cutover) or before and after files (--before-deals, --after-deals)' },
    many: { ru: '{options} ни на что не влияют без сравнения: нужна дата внедрения (--cutover) или файлы «до» и «после» (--before-deals, --after-deals)', en: '{options} change nothing without a comparison: they need a cutover (--cutover) or before and after files (--before-deals, --after-deals)' },
  },
  compareConfig: {
    one: { ru: 'раздел compare в конфиге ничего не сравнивает: в нём нет ни даты внедрения (cutover), ни файлов «до» и «после» (before, after)', en: 'the compare section of the config compares nothing: it has no cutover and no before and after files (before, after)' },
    many: { ru: 'раздел compare в конфиге ничего не сравнивает: в нём нет ни даты внедрения (cutover), ни файлов «до» и «после» (before, after)', en: 'the compare section of the config compares nothing: it has no cutover and no before and after files (before, after)' },
  },
  // kpi took them in silence (a tester), as compare and audit do not.
  activities: {
    one: { ru: '{options} ни на что не влияет без файла звонков и действий (--activities): этот параметр — о них', en: '{options} changes nothing without the activities file (--activities): it is about the calls and activities' },
    many: { ru: '{options} ни на что не влияют без файла звонков и действий (--activities): эти параметры — о них', en: '{options} change nothing without the activities file (--activities): they are about the calls and activities' },
  },
  deals: {
    one: { ru: '{options} ни на что не влияет без выгрузки сделок (--deals): этот параметр — о показателях по ней', en: '{options} changes nothing without the deals export (--deals): it is about the metrics computed from it' },
    many: { ru: '{options} ни на что не влияют без выгрузки сделок (--deals): эти параметры — о показателях по ней', en: '{options} change nothing without the deals export (--deals): they are about the metrics computed from it' },
  },
} as const satisfies Record<string, Record<'one' | 'many', Template>>;

/** A printer word in `lang`. */
export function say(t: Template, lang: string): string {
  return lang === 'ru' ? t.ru : t.en;
}

/** What is wrong in an assertion's syntax (the part before "at character N"). */
export const ASSERT_SYNTAX = {
  unclosedQuote: { ru: 'незакрытая кавычка', en: 'unclosed quote' },
  expectedRoot: { ru: 'ожидалось имя, например total, managers, audit или compare', en: 'expected a name such as total, managers, audit or compare' },
  expectedName: { ru: 'после «.» ожидалось имя или *', en: 'expected a name or * after "."' },
  expectedOperator: { ru: 'ожидался оператор (>=, <=, >, <, ==, !=)', en: 'expected an operator (>=, <=, >, <, ==, !=)' },
  unknownLevel: { ru: 'нет уровня «{level}» (уровни — error и warn, или ошибка и предупреждение)', en: 'no level "{level}" (the levels are error and warn)' },
  unknownLevelNear: { ru: 'нет уровня «{level}» (уровни — error и warn, или ошибка и предупреждение; возможно, вы имели в виду {near})', en: 'no level "{level}" (the levels are error and warn; did you mean {near}?)' },
  operatorNear: { ru: '«{found}» — не оператор; пишите {op}', en: '"{found}" is not an operator; write {op}' },
  unquotedName: { ru: 'имя с пробелом («{name}») пишут в кавычках: {example}', en: 'a name with a space ("{name}") is written in quotes: {example}' },
  afterValue: { ru: 'лишний текст после значения: «{junk}»', en: 'unexpected text after the value: "{junk}"' },
  joinedConditions: {
    ru: 'лишний текст после значения: «{junk}»; условия не объединяют — каждое пишут отдельной проверкой (ещё один --assert или ещё одна строка в assert: файла настроек)',
    en: 'unexpected text after the value: "{junk}"; conditions are not joined: write each as an assertion of its own (another --assert, or another line under assert: in the config)',
  },
  spacedDigits: { ru: 'пробел между цифрами: число пишут без пробелов, {value}', en: 'a space between digits: write the number without spaces, {value}' },
  expectedValue: { ru: 'ожидалось значение', en: 'expected a value' },
  expectedLiteral: { ru: 'ожидалось число, true, false, null или строка в кавычках', en: 'expected a number, true, false, null or a quoted string' },
  needsNumber: { ru: '{op}: нужно число', en: '{op} needs a number' },
  tooLarge: { ru: '«{value}» — число вне пределов, которые можно сравнить', en: '"{value}" is a number beyond what can be compared' },
  ambiguousComma: {
    ru: '«{value}»: запятая или точка перед тремя цифрами может отделять и дробную часть, и тысячи; напишите {decimalRu} (дробное число) или {whole} (целое)',
    en: '"{value}": a comma or dot before three digits may be a decimal mark or a thousands separator; write {decimal} (a decimal) or {whole} (a whole number)',
  },
} as const satisfies Record<string, Template>;

/**
 * The canonical values a mapped column reads to (a deal's status, a call's direction and kind, an
 * activity's owner), in Russian; a `--map` file names them by these ids (`status: { …: won }`).
 */
export const VALUE_RU: Readonly<Record<string, string>> = {
  won: 'выиграна', lost: 'проиграна', open: 'открыта', deleted: 'удалена',
  in: 'входящий', out: 'исходящий', internal: 'внутренний',
  call: 'звонок', email: 'письмо', meeting: 'встреча', message: 'сообщение', other: 'другое',
  deal: 'сделка', lead: 'лид', contact: 'контакт', company: 'компания',
};

/** The importer's notes that `inspect` shows (how the encoding was chosen, what a value was read as). */
export const IMPORT_NOTES: readonly Template[] = [
  { en: 'byte order mark', ru: 'метка порядка байтов (BOM)' },
  { en: 'all bytes are ASCII', ru: 'все байты ASCII' },
  { en: 'given', ru: 'задана явно' },
  { en: 'as decided on the first half of the file', ru: 'как решено по первой половине файла' },
  { en: 'UTF-16 byte pattern (every other byte zero)', ru: 'байты UTF-16 (каждый второй байт нулевой)' },
  { en: 'the non-ASCII bytes are valid UTF-8', ru: 'байты вне ASCII — правильный UTF-8' },
  { en: 'given (--encoding)', ru: 'задана (--encoding)' },
  { en: 'given (--encoding), as the byte order mark says', ru: 'задана (--encoding), как и говорит метка порядка байтов (BOM)' },
  { en: 'given (--encoding), over the byte order mark', ru: 'задана (--encoding) вопреки метке порядка байтов (BOM)' },
  { en: 'the XML declaration', ru: 'объявление XML' },
  { en: 'XML without a declared encoding (UTF-8)', ru: 'XML без объявленной кодировки (UTF-8)' },
  { en: 'the XML declaration says UTF-16, but the bytes are 8-bit: UTF-8', ru: 'объявление XML говорит UTF-16, но байты 8-битные: UTF-8' },
  { en: 'not UTF-8; the Cyrillic letters read as Russian text in {page}, not in Windows-1251 (letter frequencies)', ru: 'не UTF-8; кириллица читается как русский текст в {page}, а не в Windows-1251 (по частоте букв)' },
  { en: 'not UTF-8; the Cyrillic letters read as Russian text in {page}, not in Windows-1251 (the case of its words)', ru: 'не UTF-8; кириллица читается как русский текст в {page}, а не в Windows-1251 (по регистру букв в словах)' },
  {
    en: 'not UTF-8; letter runs: {cyr} words of non-ASCII letters only (Cyrillic), {lat} non-ASCII letters inside Latin words (accents)',
    ru: 'не UTF-8; слов только из букв вне ASCII (кириллица): {cyr}, букв вне ASCII внутри латинских слов (диакритика): {lat}',
  },
  {
    en: 'not UTF-8; the accented words read as words in {page}, not in Windows-1252 ({fit} of {words} words against {fit1252})',
    ru: 'не UTF-8; слова с диакритикой читаются как слова языка в {page}, а не в Windows-1252 ({fit} из {words} {words:слова|слов|слов} против {fit1252})',
  },
  {
    en: 'not UTF-8; no letters outside ASCII; euro signs beside numbers: {n1252} as Windows-1252 has it, {n1251} as Windows-1251 has it',
    ru: 'не UTF-8; букв вне ASCII нет; знаков евро у чисел: {n1252} — как в Windows-1252, {n1251} — как в Windows-1251',
  },
  { en: 'lost (closed, stage not known as won)', ru: 'проиграна (закрыта, этап не известен как выигрыш)' },
  { en: 'undecided (closed, stage not known: to be named)', ru: 'не решено (закрыта, этап не известен: его нужно назвать)' },
  { en: 'undecided (stage not known: to be named)', ru: 'не решено (этап не известен: его нужно назвать)' },
  { en: '{field} (stage not known)', ru: '{field} (этап не известен)' },
  { en: '(unknown: stage used)', ru: '(не известно: взят этап)' },
  { en: 'open (no won or lost time)', ru: 'открыта (нет времени выигрыша или проигрыша)' },
  { en: 'answered (unknown value)', ru: 'отвечен (значение не известно)' },
  { en: 'done (unknown value)', ru: 'выполнено (значение не известно)' },
  { en: 'done', ru: 'выполнено' },
  { en: 'not done (planned)', ru: 'не выполнено (запланировано)' },
  { en: 'called off (dropped)', ru: 'отменено (отброшено)' },
  { en: 'not delivered (dropped)', ru: 'не доставлено (отброшено)' },
  { en: 'not answered', ru: 'не отвечен' },
  { en: 'answered', ru: 'отвечен' },
  { en: 'answered when it lasted; missed at 0 s', ru: 'отвечен, если длился; пропущен при 0 с' },
  { en: '(unknown)', ru: '(не известно)' },
  { en: 'in (missed)', ru: 'входящий (пропущенный)' },
  { en: 'internal (dropped)', ru: 'внутренний (отброшен)' },
  { en: 'deal: the owner id is its deal_id', ru: 'сделка: id владельца — id сделки (deal_id)' },
  { en: '{field}: not a deal; the owner is the client', ru: '{field}: не сделка; владелец — клиент' },
];

const importNoteRu = translator(IMPORT_NOTES, (value) => VALUE_RU[value] ?? value);

/** An importer's note in `lang`, a canonical value («won») as a Russian reader says it; a note the catalogue does not know stays as it is. */
export function importNote(text: string, lang: string): string {
  return lang === 'ru' ? VALUE_RU[text] ?? importNoteRu(text) : text;
}

/** What a profile's CRM name adds in parentheses (`Bitrix24 (telephony)`), in Russian. */
const CRM_QUALIFIERS_RU: Readonly<Record<string, string>> = {
  telephony: 'телефония', activities: 'действия', 'scheduled activities': 'запланированные действия', calls: 'звонки', 'e-mails': 'письма',
  meetings: 'встречи', report: 'отчёт', 'API extract': 'выгрузка через API', 'REST API, activities': 'REST API, действия', 'REST API, call statistics': 'REST API, статистика звонков',
  leads: 'лиды', 'REST API, leads': 'REST API, лиды', 'PBX statistics': 'статистика АТС', events: 'события',
  'Virtual PBX, CRM API call history': 'Виртуальная АТС, история звонков CRM API',
};

/**
 * A profile's CRM and export as `inspect` names it: `Bitrix24, телефония` in Russian, `Bitrix24, telephony`
 * in English (the profile writes `Bitrix24 (telephony)`; a qualifier the catalogue does not know stays as written).
 */
export function crmName(crm: string, lang: string): string {
  const m = /^(.*?) \((.+)\)$/.exec(crm);
  const brand = (name: string) => (lang === 'ru' ? CRM_BRANDS_RU[name] ?? name : name);
  if (!m) return brand(crm);
  return `${brand(m[1]!)}, ${lang === 'ru' ? CRM_QUALIFIERS_RU[m[2]!] ?? m[2] : m[2]}`;
}

/** The brands a Russian reader writes in Cyrillic (the others, Bitrix24 and amoCRM among them, are written in Latin in Russian too). */
const CRM_BRANDS_RU: Readonly<Record<string, string>> = { MegaFon: 'МегаФон' };

/**
 * A row said as a spreadsheet shows it, with the line of the file it starts on where that differs (a
 * quoted cell above held line breaks): «строка 8 (строка файла 9)», "row 8 (line 9 of the file)".
 */
export function rowAt(at: { row: number; line?: number }, lang: string): string {
  return fill(say(at.line === undefined ? WHERE_WORDS.row : WHERE_WORDS.rowLine, lang), { row: at.row, line: at.line ?? at.row });
}

/**
 * What a cell that was not read should hold, once for each kind of value among the skipped rows' reasons:
 * ««вчера» — не дата» said what was wrong but not what was expected, nor how to mend it.
 */
const EXPECTED: ReadonlyArray<{ reason: RegExp; ru: string; en: string }> = [
  {
    reason: /^".*" is not a date$/s,
    ru: 'Даты читаются в таких видах: 31.12.2025, 31.12.2025 14:30, 2025-12-31, 2025-12-31T14:30:00Z, 12/31/2025, 31 декабря 2025 или как дата Excel; исправьте ячейку в выгрузке, либо, если прочитана не та колонка, укажите нужную через --map (crm-audit inspect покажет колонки).',
    en: 'A date is read as 31.12.2025, 31.12.2025 14:30, 2025-12-31, 2025-12-31T14:30:00Z, 12/31/2025, 31 December 2025 or an Excel date; mend the cell in the export or, if the wrong column was read, name the right one with --map (crm-audit inspect shows the columns).',
  },
  {
    reason: /^".*" is not a number$/s,
    ru: 'Суммы читаются в таких видах: 1500000, 1 500 000,50, 1,500,000.50, 1 500 000 ₽ или $1,500,000.50; исправьте ячейку в выгрузке, либо, если прочитана не та колонка, укажите нужную через --map (crm-audit inspect покажет колонки).',
    en: 'An amount is read as 1500000, 1 500 000,50, 1,500,000.50, 1 500 000 ₽ or $1,500,000.50; mend the cell in the export or, if the wrong column was read, name the right one with --map (crm-audit inspect shows the columns).',
  },
];

/** The forms expected of the kinds of values the skipped rows failed on, one line for each kind. */
export function expectedForms(skipped: ReadonlyArray<{ reason: string }>, lang: string): string[] {
  return EXPECTED.filter((e) => skipped.some((r) => e.reason.test(r.reason))).map((e) => (lang === 'ru' ? e.ru : e.en));
}

/**
 * A skipped row as every list of them says it: «строка 3, колонка «Дата создания»: «32.01.2025» — не дата»,
 * its file first where the list holds several files' rows (`withFile`). kpi's stderr, a file none of whose
 * rows read and a comparison's periods' error write it so.
 */
export function skippedRowText(s: { row: number; line?: number; column?: string; reason: string; file?: string }, lang: string, withFile = false): string {
  const column = s.column ? `, ${fill(say(WHERE_WORDS.column, lang), { column: s.column })}` : '';
  return `${withFile && s.file ? `${s.file}, ` : ''}${rowAt(s, lang)}${column}: ${rowReason(s.reason, lang)}`;
}
