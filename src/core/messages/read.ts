import type { MessageDef, Template } from '../messages.js';

/** The hint of slash dates no order settles when the deals file read before showed one, but another CRM may have written it. */
const ORDER_ELSEWHERE = {
  ru: 'в {other} даты идут так: {orderRu} (--date-format {format}), но не видно, что оба файла записала одна CRM, поэтому этот порядок здесь не предполагается; если этот файл сохранён так же, укажите --date-format {format}, иначе другой порядок',
  en: '{other} reads {order} (--date-format {format}), but nothing shows that one CRM wrote both files, so that order is not assumed here; if this file was saved the same way, pass --date-format {format}, else the other order',
};

/**
 * Slash dates no order settles in a file that also writes dates with dots: those are day first, but
 * they do not decide the slash dates, which another program wrote (Excel with US settings re-saves the
 * dates it can parse as M/D/YYYY and leaves the others as they were): only a slash date can.
 */
const DOTTED_AMBIGUOUS = {
  ru: 'даты через косую черту в {inColumnsRu} читаются и с днём впереди, и с месяцем впереди: ни в одной из прочитанных дат через косую черту нет дня больше 12{ampmRu}. Даты через точку (в колонке «{dottedColumn}»: «{dottedValue}») всегда с днём впереди, но порядок дат через косую черту они не решают: два способа записи дат в одном файле — след другой программы или правки вручную (Excel с американскими настройками пересохраняет даты через косую черту с месяцем впереди)',
  en: 'the dates written with slashes in {inColumns} can be read day-first or month-first: none of the slash dates read has a day above 12{ampm}. The dates written with dots (in column "{dottedColumn}": "{dottedValue}") are always day first, but they do not settle the slash dates: two ways of writing dates in one file are the mark of another program or of hand edits (Excel with US settings re-saves slash dates month first)',
};

/** What to do with a column of both day-month orders. */
const DATES_MIXED_HINT = { ru: 'исправьте колонку или укажите --date-format DD/MM/YYYY либо MM/DD/YYYY', en: 'fix the column, or pass --date-format DD/MM/YYYY or MM/DD/YYYY' };

/** What to do with a damaged workbook: Excel and LibreOffice repair what they can when they open it. */
const DAMAGED = {
  ru: 'откройте её в Excel или LibreOffice и сохраните заново или выгрузите файл ещё раз',
  en: 'open it in Excel or LibreOffice and save it again, or export it again',
};

/**
 * A mapped column none of whose filled values can be read as what its field holds (a date column of
 * `TBD`): the message names the column, what was expected and the first values; the hint, the fixes
 * (`other`: the fix particular to the kind of value). Said whatever --max-bad-rows allows.
 */
function unreadable(expected: { ru: string; en: string }, other: { ru: string; en: string }) {
  return {
    ru: `в колонке «{column}» ни одно из {count} {count:заполненного значения|заполненных значений|заполненных значений} не читается как ${expected.ru}: {valuesRu}. Строки с ними были бы пропущены целиком, и отчёт посчитан без них`,
    en: `none of the {count} filled values of the column "{column}" can be read as ${expected.en}: {values}. The rows holding them would be skipped whole, and the report counted without them`,
    hint: {
      ru: `если нужные значения в другой колонке, назовите её через --map ({kind}: columns: { {field}: "Колонка" }; crm-audit inspect покажет колонки); ${other.ru}; иначе исправьте значения в CRM и выгрузите файл заново. --max-bad-rows эту остановку не снимает: колонка прочитана не та или не так`,
      en: `if the values are in another column, name it with --map ({kind}: columns: { {field}: "Column" }; crm-audit inspect lists the columns); ${other.en}; otherwise correct the values in the CRM and export the file again. --max-bad-rows does not lift this stop: the column is the wrong one or read the wrong way`,
    },
  };
}

/** What to do with a text encoded twice (read.utf8Twice), with or without a word shown as meant. */
const TWICE_HINT = {
  ru: 'так бывает, когда CSV открывают в Excel двойным щелчком и сохраняют; передайте исходную выгрузку из CRM, не пересохраняя её, или в Excel откройте файл через «Данные → Из текстового/CSV-файла» с кодировкой UTF-8',
  en: 'this happens when a CSV is opened in Excel by a double click and saved; pass the CRM\'s export as downloaded, not re-saved, or open it in Excel through Data → From Text/CSV with the UTF-8 encoding',
};

/**
 * What the readers say when a file cannot be read as a table (io/read, io/map): the byte level
 * (empty, zip, binary, encoding), CSV, HTML and XLSX structure, the limits, and the mapping of
 * columns and dates. Part of the catalogue in core/messages.ts.
 */
export const READ_MESSAGES = {
  'import.unreadable.date': unreadable({ ru: 'дата', en: 'a date' }, { ru: 'если это даты, записанные с днём и месяцем в другом порядке, укажите --date-format DD/MM/YYYY или MM/DD/YYYY', en: 'if they are dates with the day and month the other way round, pass --date-format DD/MM/YYYY or MM/DD/YYYY' }),
  'import.unreadable.number': unreadable({ ru: 'число', en: 'a number' }, { ru: 'число читается так: 1000, 1 000,50, $1,000.00, 10000|RUB', en: 'a number reads as 1000, 1 000,50, $1,000.00 or 10000|RUB' }),
  'import.unreadable.month': unreadable({ ru: 'месяц', en: 'a month' }, { ru: 'месяц читается так: 2025-03, 03.2025, март 2025', en: 'a month reads as 2025-03, 03.2025 or March 2025' }),
  'import.unreadable.time': unreadable({ ru: 'время суток', en: 'a time of day' }, { ru: 'время читается так: 14:05 или 14:05:30', en: 'a time reads as 14:05 or 14:05:30' }),
  'import.unreadable.duration': unreadable({ ru: 'длительность', en: 'a duration' }, { ru: 'длительность читается в секундах (125) или как 2:05; другие единицы задаёт --map (activities: units: { "Колонка": ms })', en: 'a duration reads in seconds (125) or as 2:05; a --map file gives other units (activities: units: { "Column": ms })' }),
  'read.empty': {
    ru: 'файл пуст (0 байт)', en: 'the file is empty (0 bytes)',
    hint: { ru: 'выгрузите данные ещё раз: возможно, загрузка не удалась', en: 'export the data again; the download may have failed' },
  },
  // stdin with nothing in it (`-d - < /dev/null`, stdin closed): nobody passed data, no download failed (tester T44).
  'read.emptyStdin': {
    ru: 'данных нет: ничего не пришло (0 байт)', en: 'no data: nothing came in (0 bytes)',
    hint: { ru: 'передайте файл так: «- < выгрузка.csv», или … | crm-audit … -', en: 'pass the file so: "- < export.csv", or … | crm-audit … -' },
  },
  'read.zip': {
    ru: 'это ZIP-архив, но не книга, которую можно прочитать (пустой или разбитый на части архив)', en: 'this is a zip archive but not a readable workbook (empty or split archive)',
    hint: { ru: 'откройте его в Excel и сохраните как .xlsx или .csv', en: 'open it in Excel and save it as .xlsx or .csv' },
  },
  // An OLE compound file, by the streams it holds (sniff.ts cfbError).
  'read.oleUnknown': {
    ru: 'это старая двоичная книга .xls или .xlsx с паролем; такие прочитать нельзя', en: 'this is a legacy binary .xls workbook or a password-protected .xlsx, which cannot be read',
    hint: { ru: 'откройте её в Excel или LibreOffice, снимите пароль, если он есть, и сохраните как .xlsx или CSV (UTF-8)', en: 'open it in Excel or LibreOffice, remove any password, and save it as .xlsx or as CSV (UTF-8)' },
  },
  'read.legacyXls': {
    ru: 'это книга в старом двоичном формате Excel 97–2003 (.xls); такой формат не читается', en: 'this is a workbook in the legacy binary Excel 97-2003 format (.xls), which cannot be read',
    hint: { ru: 'откройте её в Excel или LibreOffice и сохраните как .xlsx или CSV (UTF-8), или выгрузите список из CRM в .xlsx или CSV', en: 'open it in Excel or LibreOffice and save it as .xlsx or as CSV (UTF-8), or export the list from the CRM as .xlsx or CSV' },
  },
  'read.encryptedXlsx': {
    ru: 'файл защищён паролем (зашифрован): без пароля его прочитать нельзя', en: 'the file is protected with a password (encrypted) and cannot be read without it',
    hint: { ru: 'откройте его в Excel с паролем, снимите пароль (Файл → Сведения → Защитить книгу → Зашифровать с использованием пароля: очистите поле) и сохраните, или выгрузите список из CRM заново', en: 'open it in Excel with the password, remove the password (File → Info → Protect Workbook → Encrypt with Password: clear the field) and save, or export the list from the CRM again' },
  },
  'read.oleDocument': {
    ru: 'это документ {what} (старый двоичный формат Office), а не таблица с выгрузкой', en: 'this is a {what} document (the legacy binary Office format), not a table of an export',
    hint: { ru: 'передайте выгрузку из CRM: CSV, .xlsx или .xls, который CRM сохраняет как HTML', en: 'pass an export of the CRM: CSV, .xlsx, or the .xls a CRM saves as HTML' },
  },
  'read.mixedUtf8': {
    ru: 'текст начинался как UTF-8, но после байта {offset} перестал им быть (кодировки смешаны)', en: 'the text is not valid UTF-8 after byte {offset} although it started as UTF-8 (mixed encodings)',
    hint: { ru: 'сохраните выгрузку заново как CSV UTF-8 или целиком в Windows-1251; если это UTF-8 с немногими испорченными байтами (CRM обрезала текст посреди буквы), прочитайте его с --encoding utf-8: такие байты станут «�» и будут посчитаны', en: 'save the export again as CSV UTF-8, or as Windows-1251 throughout; if it is UTF-8 with a few broken bytes (the CRM cut a text inside a letter), read it with --encoding utf-8: such bytes become "�" and are counted' },
  },
  'read.utf8Twice': {
    ru: 'текст файла закодирован дважды: UTF-8 прочитали как Windows-1251 и снова сохранили в UTF-8, и каждая русская буква стала двумя («{seen}» — это «{meant}»)',
    en: 'the file\'s text was encoded twice: its UTF-8 was read as Windows-1251 and saved as UTF-8 again, each Russian letter becoming two («{seen}» is «{meant}»)',
    hint: TWICE_HINT,
  },
  'read.utf8TwiceNoExample': {
    ru: 'текст файла закодирован дважды: UTF-8 прочитали как Windows-1251 и снова сохранили в UTF-8, и каждая русская буква стала двумя («{seen}»)',
    en: 'the file\'s text was encoded twice: its UTF-8 was read as Windows-1251 and saved as UTF-8 again, each Russian letter becoming two («{seen}»)',
    hint: TWICE_HINT,
  },
  'read.bomNotUtf8': {
    ru: 'в начале файла метка UTF-8 (BOM), но текст не в UTF-8: по буквам — {encoding}', en: 'the file begins with a UTF-8 byte order mark, but its text is not UTF-8: by its letters, {encoding}',
    hint: { ru: 'прочитайте его с --encoding {option}: кодировка, названная явно, важнее метки', en: 'read it with --encoding {option}: an encoding named outright wins over the mark' },
  },
  'read.givenUtf8Not': {
    ru: 'файл не в UTF-8, как сказано в --encoding: уже {bytes} байт не читаются как UTF-8, и их больше, чем букв UTF-8', en: 'the file is not UTF-8 as --encoding says: {bytes} bytes already are not UTF-8, more than its UTF-8 letters',
    hint: { ru: 'уберите --encoding (кодировку определит программа) или назовите настоящую (cp1251, koi8-r…)', en: 'drop --encoding (the encoding is found by itself) or name the real one (cp1251, koi8-r…)' },
  },
  'read.mixedPage': {
    ru: 'текст начинался в кодировке {encoding}, но с байта {offset} в нём идёт UTF-8 (кодировки смешаны): «{sample}» в {encoding} читается как «{garbled}»',
    en: 'the text started as {encoding} but is UTF-8 from byte {offset} on (mixed encodings): "{sample}" reads as "{garbled}" in {encoding}',
    hint: { ru: 'сохраните выгрузку заново целиком в одной кодировке: как CSV UTF-8 (или вся в {encoding})', en: 'save the export again in one encoding throughout: as CSV UTF-8 (or all of it in {encoding})' },
  },
  'read.cutUtf8': {
    ru: 'файл обрезан: он кончается посреди символа (начало символа в UTF-8 есть, конца нет), то есть загружен не до конца', en: 'the file is cut short: it ends in the middle of a character (a UTF-8 sequence with no end), so it was not downloaded in full',
    hint: { ru: 'скачайте или выгрузите его ещё раз', en: 'download or export it again' },
  },
  'read.binaryAt': {
    ru: 'это не текстовая выгрузка: в ней есть двоичные байты (первый — байт {offset}), не являющиеся текстом ни в UTF-8, ни в Windows-1251/1252',
    en: 'this is not a text export: it holds binary bytes (first at byte {offset}) that are neither UTF-8 nor Windows-1251/1252 text',
    hint: { ru: 'выгрузите данные из CRM ещё раз как CSV или XLSX', en: 'export the data again as CSV or XLSX from the CRM' },
  },
  'read.binary': {
    ru: 'это не текстовая выгрузка: в ней есть двоичные байты, не являющиеся текстом ни в UTF-8, ни в Windows-1251/1252',
    en: 'this is not a text export: it holds binary bytes that are neither UTF-8 nor Windows-1251/1252 text',
    hint: { ru: 'выгрузите данные из CRM ещё раз как CSV или XLSX', en: 'export the data again as CSV or XLSX from the CRM' },
  },
  'read.badDelimiter': {
    ru: 'разделитель {delimiter} не подходит: нужен один символ ASCII, но не кавычка и не перевод строки', en: 'the delimiter {delimiter} cannot be used: it must be one ASCII character other than a quote or a line break',
    hint: { ru: 'укажите --delimiter: ; , | или «tab»', en: 'pass --delimiter with one of ; , | or tab' },
  },
  'read.sepContradicted': {
    ru: 'первая строка «sep={sep}» задаёт разделитель {sepNameRu}, но строки файла разделены {actualByRu}: ни в одной из первых строк нет разделителя {sepNameRu}',
    en: 'the first line "sep={sep}" sets the delimiter {sepName}, but the file\'s lines are split by {actualName}: none of the first lines has a {sepName} in it',
    hint: { ru: 'удалите строку sep= из файла или укажите --delimiter {actualArg}', en: 'remove the sep= line from the file, or pass --delimiter {actualArg}' },
  },
  'read.delimiterAbsent': {
    ru: 'с --delimiter {givenArg} каждая строка — одна колонка: в первых строках файла нет разделителя {givenNameRu}, они разделены {actualByRu}',
    en: 'with --delimiter {givenArg} every line is one column: none of the file\'s first lines holds {givenName}, they are split by {actualName}',
    hint: { ru: 'уберите --delimiter (разделитель определится сам) или укажите --delimiter {actualArg}', en: 'drop --delimiter (the delimiter is found by itself) or pass --delimiter {actualArg}' },
  },
  'csv.runaway': {
    ru: 'запись, начатая в строке {line}, длиннее {bytes} байт (восемь раз по --max-cell-size {max}) и на этом не заканчивается: в этом месте нет перевода строки, кавычка не закрыта или в записи ячейка длиннее предела',
    en: 'a record starting at line {line} runs over {bytes} bytes (eight times --max-cell-size {max}) without ending: no line break there, a quote not closed, or a cell longer than the limit',
    hint: {
      ru: 'выгрузите файл ещё раз (переводы строк могли потеряться при копировании) и проверьте кавычки около этой строки; если запись настоящая, поднимите --max-cell-size',
      en: 'export the file again (line breaks may have been lost in a copy) and check the quotes around that line; if the record is genuine, raise --max-cell-size',
    },
  },
  'csv.unclosedQuote': {
    ru: 'кавычка, открытая в строке {line}, так и не закрыта', en: 'a quoted field opened at line {line} is never closed',
    hint: { ru: 'файл обрезан или в нём непарная кавычка; выгрузите его ещё раз', en: 'the file is cut short or has an unbalanced quote; export it again' },
  },
  'csv.tooManyColumns': {
    ru: 'колонок {count}, а предел — {max}', en: '{count} columns, over the limit of {max}',
    hint: { ru: 'проверьте разделитель (--delimiter) или поднимите --max-columns', en: 'check the delimiter (--delimiter), or raise --max-columns' },
  },
  'csv.cellTooLong': {
    ru: 'ячейка в колонке {column} по счёту длиннее {max} символов', en: 'a cell in column {column} counted from the left is longer than {max} characters',
    hint: { ru: 'если файл настоящий, поднимите --max-cell-size', en: 'raise --max-cell-size if the file is genuine' },
  },
  'csv.cellTooLongNamed': {
    ru: 'ячейка в колонке «{header}» ({column}-я по счёту) длиннее {max} символов', en: 'a cell in column "{header}" (column {column} from the left) is longer than {max} characters',
    hint: { ru: 'если файл настоящий, поднимите --max-cell-size', en: 'raise --max-cell-size if the file is genuine' },
  },
  'html.noTable': {
    ru: 'в этом HTML-файле нет таблицы', en: 'this HTML file holds no table',
    hint: { ru: 'выгрузите список из CRM ещё раз («Экспорт в Excel» или CSV)', en: 'export the list again from the CRM ("Export to Excel" or CSV)' },
  },
  'html.loginPage': {
    ru: 'это не выгрузка, а страница входа в CRM (поля логина и пароля): файл скачан, когда сеанс в CRM уже закончился', en: 'this is no export but the CRM\'s sign-in page (login and password fields): the file was downloaded after the CRM session had ended',
    hint: { ru: 'войдите в CRM и выгрузите список заново', en: 'sign in to the CRM and export the list again' },
  },
  'html.ownReport': {
    ru: 'это HTML-отчёт самого crm-audit, а не выгрузка из CRM', en: 'this is an HTML report crm-audit wrote, not an export of a CRM',
    hint: {
      ru: 'передайте исходную выгрузку из CRM, по которой сделан отчёт; чтобы сравнить с прошлым запуском, сохраните его результат в JSON (crm-audit report … --format json -o прошлый.json) и передайте этот файл в --baseline',
      en: 'pass the CRM export the report was made from; to compare with an earlier run, save its result as JSON (crm-audit report … --format json -o previous.json) and pass that file to --baseline',
    },
  },
  'html.oneColumn': {
    ru: 'в первых 200 строках HTML-таблицы по одной колонке: таблицы с данными нет', en: 'the first 200 rows of the HTML table have one column each: no data table found',
    hint: { ru: 'выгрузите список из CRM ещё раз («Экспорт в Excel» или CSV)', en: 'export the list again from the CRM ("Export to Excel" or CSV)' },
  },
  'html.cellTooLong': {
    ru: 'ячейка в строке таблицы {row} длиннее {max} символов', en: 'a cell in table row {row} is longer than {max} characters',
    hint: { ru: 'если файл настоящий, поднимите --max-cell-size', en: 'raise --max-cell-size if the file is genuine' },
  },
  'html.tooManyColumns': {
    ru: 'в строке таблицы {row} больше {max} колонок', en: 'table row {row} has more than {max} columns',
    hint: { ru: 'если файл настоящий, поднимите --max-columns', en: 'raise --max-columns if the file is genuine' },
  },
  'html.tooDeep': {
    ru: 'элементы HTML вложены глубже {max} уровней (предел): такого нет ни в одной выгрузке CRM, файл испорчен или собран не CRM', en: 'HTML elements are nested more than {max} deep (the limit): no CRM export nests so deep, the file is damaged or not written by a CRM',
    hint: { ru: 'выгрузите список из CRM ещё раз («Экспорт в Excel» или CSV)', en: 'export the list again from the CRM ("Export to Excel" or CSV)' },
  },
  'xlsx.archive': {
    ru: 'это ZIP-архив с файлами ({names}), а не книга Excel', en: 'this is a zip archive of files ({names}), not an Excel workbook',
    hint: { ru: 'распакуйте архив и передайте сам файл выгрузки', en: 'unzip it and pass the export file itself' },
  },
  'read.givenNotUtf8': {
    ru: 'файл в кодировке UTF-8, а не {encoding}, как сказано в --encoding', en: 'the file is UTF-8, not {encoding} as --encoding says',
    hint: { ru: 'уберите --encoding (кодировка определяется сама) или укажите --encoding utf-8', en: 'drop --encoding (the encoding is detected) or give --encoding utf-8' },
  },
  'read.pdf': {
    ru: 'это PDF-документ (отчёт для печати), а не выгрузка: таблицу из него не прочитать', en: 'this is a PDF document (a report for print), not an export: no table can be read from it',
    hint: { ru: 'выгрузите данные из CRM в CSV или Excel (XLSX)', en: 'export the data from the CRM as CSV or Excel (XLSX)' },
  },
  'read.image': {
    ru: 'это изображение ({format}), а не выгрузка: таблицу из него не прочитать', en: 'this is an image ({format}), not an export: no table can be read from it',
    hint: { ru: 'выгрузите данные из CRM в CSV или Excel (XLSX)', en: 'export the data from the CRM as CSV or Excel (XLSX)' },
  },
  'read.xml': {
    ru: 'это XML-документ (ответ API CRM, обмен с 1С), а не таблица выгрузки', en: 'this is an XML document (a CRM API response, a 1C exchange file), not an export table',
    hint: {
      ru: 'выгрузите данные из интерфейса CRM в CSV или Excel (XLSX); из XML-форматов читается только «Таблица XML 2003» Excel',
      en: 'export the data from the CRM as CSV or Excel (XLSX); of XML formats only Excel\'s «XML Spreadsheet 2003» is read',
    },
  },
  'read.json': {
    ru: 'это JSON (ответ API CRM или результат crm-audit --format json), а не таблица выгрузки', en: 'this is JSON (a CRM API response or a crm-audit --format json result), not an export table',
    hint: {
      ru: 'выгрузите данные из интерфейса CRM в CSV или Excel (XLSX); результат аудита передают в --baseline',
      en: 'export the data from the CRM as CSV or Excel (XLSX); an audit result goes to --baseline',
    },
  },
  'read.gzip': {
    ru: 'это сжатый файл (gzip), а не выгрузка', en: 'this is a compressed (gzip) file, not an export',
    hint: { ru: 'распакуйте его (gunzip ФАЙЛ) или передайте через стандартный ввод: zcat ФАЙЛ | crm-audit … -d -', en: 'decompress it (gunzip FILE) or pass it on stdin: zcat FILE | crm-audit … -d -' },
  },
  'xlsx.ods': {
    ru: 'это таблица OpenDocument (.ods, формат LibreOffice и МойОфис), а не книга Excel', en: 'this is an OpenDocument spreadsheet (.ods, the LibreOffice format), not an Excel workbook',
    hint: { ru: 'откройте её в LibreOffice или МойОфис и сохраните как .xlsx или CSV (UTF-8)', en: 'open it in LibreOffice and save it as .xlsx or as CSV (UTF-8)' },
  },
  'xlsx.openDocument': {
    ru: 'это документ OpenDocument (LibreOffice или МойОфис), а не таблица выгрузки', en: 'this is an OpenDocument file (LibreOffice), not an export table',
    hint: { ru: 'выгрузите данные из CRM в CSV или Excel (XLSX)', en: 'export the data from the CRM as CSV or Excel (XLSX)' },
  },
  'xlsx.xlsb': {
    ru: 'это двоичная книга Excel (.xlsb); такие прочитать нельзя', en: 'this is an Excel binary workbook (.xlsb), which cannot be read',
    hint: { ru: 'откройте её в Excel и сохраните как .xlsx или CSV (UTF-8)', en: 'open it in Excel and save it as .xlsx or as CSV (UTF-8)' },
  },
  'xlsx.notWorkbook': {
    ru: 'этот ZIP-файл — не книга Excel (в нём нет xl/workbook.xml)', en: 'this zip file is not an Excel workbook (no xl/workbook.xml)',
    hint: { ru: 'откройте его в Excel и сохраните как .xlsx или .csv', en: 'open it in Excel and save it as .xlsx or .csv' },
  },
  'xlsx.noSheets': {
    ru: 'в книге нет ни одного листа', en: 'the workbook has no sheets',
    hint: { ru: 'выгрузите данные ещё раз', en: 'export the data again' },
  },
  'xml2003.malformed': {
    ru: 'книга Excel XML 2003 (SpreadsheetML) повреждена: {whatRu}', en: 'the Excel XML 2003 (SpreadsheetML) workbook is damaged: {what}',
    hint: { ru: 'откройте её в Excel или LibreOffice и сохраните как .xlsx или выгрузите файл ещё раз', en: 'open it in Excel or LibreOffice and save it as .xlsx, or export it again' },
  },
  'xml2003.noSheets': {
    ru: 'в книге Excel XML 2003 (SpreadsheetML) нет ни одного листа (<Worksheet>)', en: 'the Excel XML 2003 (SpreadsheetML) workbook has no sheet (<Worksheet>)',
    hint: { ru: 'выгрузите данные ещё раз', en: 'export the data again' },
  },
  'xml2003.unknownEncoding': {
    ru: 'книга Excel XML 2003 объявляет кодировку «{encoding}», которая не читается', en: 'the Excel XML 2003 workbook declares the encoding "{encoding}", which cannot be read',
    hint: { ru: 'откройте её в Excel и сохраните как .xlsx или укажите --encoding', en: 'open it in Excel and save it as .xlsx, or pass --encoding' },
  },
  'xml2003.badEncoding': {
    ru: 'книга Excel XML 2003 не читается в кодировке {encoding}, которую она объявляет (или которая указана)', en: 'the Excel XML 2003 workbook is not valid {encoding}, the encoding it declares (or that was given)',
    hint: { ru: 'откройте её в Excel и сохраните как .xlsx или укажите верную кодировку в --encoding', en: 'open it in Excel and save it as .xlsx, or pass the right --encoding' },
  },
  'xml2003.dtd': {
    ru: 'книга Excel XML 2003 объявляет DTD или сущности, чего настоящая выгрузка никогда не делает; читать её небезопасно', en: 'the Excel XML 2003 workbook declares a DTD or entities, which a real export never does; refusing to read it',
    hint: { ru: 'откройте файл в Excel и сохраните заново как .xlsx', en: 'open the file in Excel and save it again as .xlsx' },
  },
  'xlsx.noSuchSheet': {
    ru: 'листа «{sheet}» нет', en: 'there is no sheet "{sheet}"',
    hint: { ru: 'листы: {sheetsRu}', en: 'sheets: {sheets}' },
  },
  'xlsx.sheetEmpty': {
    ru: 'лист «{sheet}» пуст', en: 'sheet "{sheet}" is empty',
    hint: { ru: 'выгрузите данные ещё раз', en: 'export the data again' },
  },
  'xlsx.sheetEmptyOthers': {
    ru: 'лист «{sheet}» пуст', en: 'sheet "{sheet}" is empty',
    hint: { ru: 'укажите в --sheet лист с данными: {sheetsRu}', en: 'pass --sheet a sheet with data: {sheets}' },
  },
  'xlsx.allSheetsEmpty': {
    ru: 'все листы книги пусты', en: 'every sheet of the workbook is empty',
    hint: { ru: 'выгрузите данные ещё раз', en: 'export the data again' },
  },
  'xlsx.rowTooLarge': {
    ru: 'строка листа длиннее {max} символов', en: 'a row of the sheet is larger than {max} characters',
    hint: { ru: 'если файл настоящий, поднимите --max-cell-size', en: 'raise --max-cell-size if the file is genuine' },
  },
  'xlsx.tooManyColumns': {
    ru: 'в строке {row} листа «{sheet}» больше {max} заполненных ячеек (ячейка «{cell}» — сверх предела)', en: 'row {row} of sheet "{sheet}" has more than {max} filled cells (cell {cell} is past the limit)',
    hint: { ru: 'если файл настоящий, поднимите --max-columns', en: 'raise --max-columns if the file is genuine' },
  },
  'xlsx.cellTooLong': {
    ru: 'ячейка в строке {row} длиннее {max} символов', en: 'a cell in row {row} is longer than {max} characters',
    hint: { ru: 'если файл настоящий, поднимите --max-cell-size', en: 'raise --max-cell-size if the file is genuine' },
  },
  'xlsx.tooManyParts': { ru: 'в книге больше 10 000 частей', en: 'the workbook has more than 10,000 parts' },
  'xlsx.encrypted': {
    ru: 'книга зашифрована', en: 'the workbook is encrypted',
    hint: { ru: 'снимите пароль в Excel и сохраните книгу ещё раз', en: 'remove the password in Excel and save it again' },
  },
  'xlsx.partTooLarge': {
    ru: 'часть книги {part} распаковывается в {size} байт, больше предела {max}', en: 'the workbook part {part} inflates to {size} bytes, over the limit of {max}',
    hint: { ru: 'если файл настоящий, поднимите --max-inflated-size', en: 'raise --max-inflated-size if the file is genuine' },
  },
  'xlsx.partTooLargeStream': {
    ru: 'часть книги {part} распаковывается больше чем в {max} байт', en: 'the workbook part {part} inflates past {max} bytes',
    hint: { ru: 'если файл настоящий, поднимите --max-inflated-size', en: 'raise --max-inflated-size if the file is genuine' },
  },
  'xlsx.bomb': {
    ru: 'книга распаковывается больше чем в {max} байт (ZIP-бомба или выгрузка намного больше ожидаемой)', en: 'the workbook inflates to more than {max} bytes (a zip bomb, or a far larger export than expected)',
    hint: { ru: 'если файл настоящий, поднимите --max-inflated-size', en: 'raise --max-inflated-size if the file is genuine' },
  },
  // The zip library's own words (English only) are not the reader's: a damaged archive is said alike in both languages.
  'xlsx.corrupt': {
    ru: 'книга повреждена и не читается: её ZIP-архив испорчен', en: 'the workbook is damaged and cannot be read: its zip archive is broken',
    // A download cut short is the usual cause, and no office suite opens it (tester T49 F6): downloading again comes first.
    hint: { ru: 'скачайте или выгрузите файл из CRM ещё раз: вероятно, загрузка оборвалась; если он открывается в Excel или LibreOffice, можно и сохранить его там заново как .xlsx', en: 'download or export the file from the CRM again: the download was probably cut short; if Excel or LibreOffice opens it, saving it there again as .xlsx also works' },
  },
  'xlsx.missingPart': {
    ru: 'книга повреждена и не читается: в ней нет части {part}, которую называет её оглавление', en: 'the workbook is damaged and cannot be read: it lacks the part {part} its table of contents names',
    hint: { ru: 'откройте её в Excel или LibreOffice и сохраните заново как .xlsx', en: 'open it in Excel or LibreOffice and save it again as .xlsx' },
  },
  'xlsx.twoParts': {
    ru: 'книга повреждена и не читается: в ней две части с именем {part}, и какую из них прочитал бы Excel, не угадать', en: 'the workbook is damaged and cannot be read: it has two parts named {part}, and which one Excel would read is not to be guessed',
    hint: { ru: 'откройте её в Excel или LibreOffice и сохраните заново как .xlsx', en: 'open it in Excel or LibreOffice and save it again as .xlsx' },
  },
  'xlsx.truncated': {
    ru: 'книга записана не до конца: часть {part} обрывается (после строки {row})', en: 'the workbook was not written to the end: its part {part} is cut short (after row {row})',
    hint: { ru: 'выгрузите файл из CRM заново или откройте его в Excel и сохраните как .xlsx', en: 'export the file from the CRM again, or open it in Excel and save it as .xlsx' },
  },
  'xlsx.malformedSheet': {
    ru: 'книга повреждена: разметка листа «{sheet}» ({part}) испорчена: {whatRu}', en: 'the workbook is damaged: the XML of sheet "{sheet}" ({part}) is broken: {what}',
    hint: DAMAGED,
  },
  'xlsx.malformedPart': {
    ru: 'книга повреждена: разметка её части {part} испорчена: {whatRu}', en: 'the workbook is damaged: the XML of its part {part} is broken: {what}',
    hint: DAMAGED,
  },
  'xlsx.checksumSheet': {
    ru: 'книга повреждена: данные листа «{sheet}» ({part}) не сходятся с контрольной суммой, записанной в архиве; файл испорчен при загрузке или копировании',
    en: 'the workbook is damaged: the data of sheet "{sheet}" ({part}) does not match the archive\'s checksum (CRC-32); the file was corrupted in a download or a copy',
    hint: DAMAGED,
  },
  'xlsx.checksumPart': {
    ru: 'книга повреждена: её часть {part} не сходится с контрольной суммой, записанной в архиве; файл испорчен при загрузке или копировании',
    en: 'the workbook is damaged: its part {part} does not match the archive\'s checksum (CRC-32); the file was corrupted in a download or a copy',
    hint: DAMAGED,
  },
  'xlsx.pastLastColumn': {
    ru: 'книга повреждена: ячейка «{cell}» листа «{sheet}» правее последней колонки листа («XFD»)', en: 'the workbook is damaged: cell {cell} of sheet "{sheet}" is right of a sheet\'s last column (XFD)',
    hint: DAMAGED,
  },
  'xlsx.pastLastRow': {
    ru: 'книга повреждена: у строки листа «{sheet}» номер «{row}», а на листе Excel строки только с 1-й по 1 048 576-ю', en: 'the workbook is damaged: a row of sheet "{sheet}" is numbered {row}, and an Excel sheet has rows 1 to 1,048,576 only',
    hint: DAMAGED,
  },
  'xlsx.badSharedString': {
    ru: 'книга повреждена: ячейка «{cell}» листа «{sheet}» ссылается на строку №{index} общей таблицы строк, а в ней строк {count}', en: 'the workbook is damaged: cell {cell} of sheet "{sheet}" refers to shared string {index}, and there are {count}',
    hint: DAMAGED,
  },
  'xlsx.formulaNoValue': {
    ru: 'в ячейке «{cell}» листа «{sheet}» формула «={formula}» без вычисленного значения: книгу записала программа, которая формулы не вычисляет',
    en: 'cell {cell} of sheet "{sheet}" holds the formula ={formula} with no computed value: the workbook was written by a program that does not calculate formulas',
    hint: { ru: 'откройте файл в Excel или LibreOffice и сохраните его: значения формул будут вычислены и сохранены', en: 'open the file in Excel or LibreOffice and save it: the formulas\' values are then calculated and saved' },
  },
  'xlsx.dtd': {
    ru: 'часть книги {part} объявляет DTD или сущности, чего настоящая выгрузка никогда не делает; читать её небезопасно', en: 'the workbook part {part} declares a DTD or entities, which a real export never does; refusing to read it',
    hint: { ru: 'откройте файл в Excel и сохраните заново как .xlsx', en: 'open the file in Excel and save it again as .xlsx' },
  },
  'map.datesMixed': {
    ru: 'в колонке «{column}» смешаны даты с днём впереди и с месяцем впереди: строка {dayRow}: «{dayValue}» — день впереди; строка {monthRow}: «{monthValue}» — месяц впереди',
    en: 'column "{column}" mixes day-first and month-first dates: row {dayRow}: "{dayValue}", day first; row {monthRow}: "{monthValue}", month first',
    hint: DATES_MIXED_HINT,
  },
  'map.datesMixedFile': {
    ru: 'в колонке «{column}» дата в другом порядке, чем в остальных колонках дат файла (одна система пишет все даты выгрузки в одном порядке): строка {dayRow}, колонка «{dayColumn}»: «{dayValue}» — день впереди; строка {monthRow}, колонка «{monthColumn}»: «{monthValue}» — месяц впереди',
    en: 'column "{column}" holds a date in the other order than the file\'s other date columns (one system writes every date of an export in one order): row {dayRow}, column "{dayColumn}": "{dayValue}", day first; row {monthRow}, column "{monthColumn}": "{monthValue}", month first',
    hint: DATES_MIXED_HINT,
  },
  'map.datesMixedBorrowed': {
    ru: 'даты колонки «{column}» прочитаны как {format}, как в {from}, но в строке {row} дата «{value}» в другом порядке',
    en: 'the dates of column "{column}" were read as {format}, as in {from}, but row {row} holds "{value}", in the other order',
    hint: DATES_MIXED_HINT,
  },
  'map.datesAmbiguousHead': {
    ru: 'даты в {inColumnsRu} читаются и с днём впереди, и с месяцем впереди: в первых {rows} строках ни в одной прочитанной колонке дат нет даты через косую черту с днём больше 12{ampmRu}',
    en: 'the dates in {inColumns} can be read day-first or month-first: no date written with slashes in the first {rows} rows of the date columns read has a day above 12{ampm}',
    hint: { ru: 'укажите --date-format DD/MM/YYYY (день впереди) или --date-format MM/DD/YYYY (месяц впереди)', en: 'pass --date-format DD/MM/YYYY (day first) or --date-format MM/DD/YYYY (month first)' },
  },
  'map.datesAmbiguous': {
    ru: 'даты в {inColumnsRu} читаются и с днём впереди, и с месяцем впереди: ни в одной прочитанной колонке дат нет даты через косую черту с днём больше 12{ampmRu}',
    en: 'the dates in {inColumns} can be read day-first or month-first: no date written with slashes in the date columns read has a day above 12{ampm}',
    hint: { ru: 'укажите --date-format DD/MM/YYYY (день впереди) или --date-format MM/DD/YYYY (месяц впереди)', en: 'pass --date-format DD/MM/YYYY (day first) or --date-format MM/DD/YYYY (month first)' },
  },
  'map.datesAmbiguousHeadElsewhere': {
    ru: 'даты в {inColumnsRu} читаются и с днём впереди, и с месяцем впереди: в первых {rows} строках ни в одной прочитанной колонке дат нет даты через косую черту с днём больше 12{ampmRu}',
    en: 'the dates in {inColumns} can be read day-first or month-first: no date written with slashes in the first {rows} rows of the date columns read has a day above 12{ampm}',
    hint: ORDER_ELSEWHERE,
  },
  'map.datesAmbiguousElsewhere': {
    ru: 'даты в {inColumnsRu} читаются и с днём впереди, и с месяцем впереди: ни в одной прочитанной колонке дат нет даты через косую черту с днём больше 12{ampmRu}',
    en: 'the dates in {inColumns} can be read day-first or month-first: no date written with slashes in the date columns read has a day above 12{ampm}',
    hint: ORDER_ELSEWHERE,
  },
  // The same where the file also holds dates written with dots, which are day first and no evidence for its slash dates (DateOrders.dotted).
  'map.datesAmbiguousDotted': {
    ru: DOTTED_AMBIGUOUS.ru,
    en: DOTTED_AMBIGUOUS.en,
    hint: { ru: 'укажите --date-format DD/MM/YYYY (день впереди) или --date-format MM/DD/YYYY (месяц впереди)', en: 'pass --date-format DD/MM/YYYY (day first) or --date-format MM/DD/YYYY (month first)' },
  },
  'map.datesAmbiguousDottedElsewhere': {
    ru: DOTTED_AMBIGUOUS.ru,
    en: DOTTED_AMBIGUOUS.en,
    hint: ORDER_ELSEWHERE,
  },
  // A duration column of no stated unit in milliseconds by its answered calls, some of whose rows were refused as a day or longer (import.ts millisecondsColumn).
  'import.durationMs': {
    ru: 'длительности в колонке «{column}» — миллисекунды: {long} из {calls} {calls:отвеченного звонка|отвеченных звонков|отвеченных звонков} {long:длится|длятся|длятся} час и дольше, если читать их в секундах, а {count} {count:строка пропущена|строки пропущены|строк пропущено} как «сутки и дольше» ({secondsRu}). Прочитанный в секундах, журнал сложил бы остальные звонки в разы длиннее, чем они были, а эти потерял бы целиком',
    en: 'the durations in column "{column}" are milliseconds: {long} of {calls} answered calls last an hour or more read as seconds, and {count} {count:row was|rows were} refused as "a day or longer" ({seconds}). Read in seconds, the log would sum its other calls many times longer than they were, and lose these whole',
    hint: {
      ru: 'назовите единицу колонки в файле --map: {snippet} (единица — s, ms, min или hhmm); если колонка всё же в секундах, так и укажите: units: { "{column}": s }. --max-bad-rows эту остановку не снимает',
      en: 'name the column\'s unit in a --map file: {snippet} (the unit: s, ms, min or hhmm); if the column is in seconds after all, say so: units: { "{column}": s }. --max-bad-rows does not lift this stop',
    },
  },
  // A call log from stdin whose client column, blank on its first rows, is filled later: the whole file decides whether it names clients, and stdin cannot be read again.
  'map.clientFilledStdin': {
    ru: 'колонка клиента «{column}» пуста в первых строках и заполнена дальше: такие звонки нужно прочитать заново с этой колонкой, а стандартный ввод второй раз не прочитать',
    en: 'the client column "{column}" is empty on the first rows and filled further on: the calls must be read again with it, and stdin cannot be read twice',
    hint: {
      ru: 'укажите путь к файлу вместо стандартного ввода (-), или назовите колонку в --map: activities: columns: { client: "{column}" } (пустая ячейка — номер, которого CRM не знает)',
      en: 'give the file by its path instead of stdin, or name the column in --map: activities: columns: { client: "{column}" } (an empty cell is then a number the CRM does not know)',
    },
  },
  // importFile (the programmatic API) met a call log's client column filled after its blank first rows, with no way to take back the records given: read with it from the start, or let importFile read again.
  'map.clientFilledLate': {
    ru: 'колонка клиента «{column}» пуста в первых строках и заполнена дальше: звонки до этой строки уже отданы без неё, и второй раз их не отдать — файл нужно прочитать заново с этой колонкой',
    en: 'the client column "{column}" is empty on the first rows and filled further on: the calls before this row were already given without it, and are not given twice: the file must be read again with it',
    hint: {
      ru: 'передайте importFile clientColumn: "kept" (колонка читается, какими бы ни были первые строки) или onReadAgain (он выбрасывает отданные записи, и файл читается заново сам), либо назовите колонку в --map: activities: columns: { client: "{column}" }',
      en: 'pass importFile clientColumn: "kept" (the column is read whatever its first rows) or onReadAgain (it throws away the records given, and the file is read again by itself), or name the column in --map: activities: columns: { client: "{column}" }',
    },
  },
  'map.partNumber': { ru: 'для «{value}» нужен десятичный разделитель его колонки', en: '"{value}" needs the decimal mark of its column' },
  'map.unknownField': {
    ru: '«{field}» — не поле раздела {kind}{nearRu}', en: '"{field}" is not a field of {kind}{near}',
    hint: { ru: 'поля: {fields}', en: 'fields: {fields}' },
  },
  'map.monthsWithoutYear': {
    ru: 'заголовки колонок похожи на месяцы без года ({monthsRu}): по ним не понять, какого они года, а колонки месяца в файле нет',
    en: 'the column headers look like months without a year ({months}): they do not say which year, and the file has no month column',
    hint: { ru: 'допишите год в заголовки месяцев — «{example}»', en: 'add the year to the month headers: "{example}"' },
  },
  'map.columnTwice': {
    ru: 'колонка «{column}» указана и для {first}, и для {second}', en: 'the column "{column}" is named for both {first} and {second}',
    hint: { ru: 'одна колонка питает одно поле: укажите для {second} другую колонку или уберите одну из строк', en: 'a column feeds one field: name another column for {second}, or remove one of the lines' },
  },
  'map.noColumn': {
    ru: 'колонки «{column}» для {field} в файле нет', en: 'no column "{column}" in the file for {field}',
    hint: { ru: 'колонки: {columnsRu}', en: 'columns: {columns}' },
  },
  // A number no header is (`manager: 04`): a column's place is written «#4» (review R47 F8).
  'map.noColumnPlace': {
    ru: 'колонки «{column}» для {field} в файле нет', en: 'no column "{column}" in the file for {field}',
    hint: { ru: 'чтобы указать колонку по её месту, напишите "#{place}" (колонка {place} — «{header}»); колонки: {columnsRu}', en: 'to name a column by its place, write "#{place}" (column {place} is "{header}"); columns: {columns}' },
  },
  // A header line split by one delimiter and the data rows by another (a half re-saved export): no --map snippet by number, which cannot read it.
  'import.mixedDelimiters': {
    ru: 'заголовок и строки с данными разделены по-разному: строка {row} (заголовок) делится {delimiterRu} на {columns} {columns:колонку|колонки|колонок}, а строки с данными — другим разделителем (в строке {dataRow} столько же колонок); так бывает, когда файл пересохранили не целиком',
    en: 'the header and the data rows use different delimiters: row {row} (the header) splits by {delimiter} into {columns} columns, and the data rows by another delimiter (row {dataRow} has as many); this happens when only part of a file was re-saved',
    hint: {
      ru: 'сохраните файл заново с одним разделителем: откройте выгрузку в Excel или LibreOffice и сохраните её целиком как CSV, или выгрузите её из CRM ещё раз; ни --delimiter, ни --map этого не исправят: у файла один разделитель',
      en: 'save the file again with one delimiter: open the export in Excel or LibreOffice and save it whole as CSV, or export it from the CRM again; neither --delimiter nor --map can fix it, as a file is read with one delimiter',
    },
  },
  'sheet.noHeaderOthers': {
    ru: '{causeRu} на листе «{sheet}»', en: '{cause} on sheet "{sheet}"',
    hint: { ru: 'данные могут быть на другом листе: укажите --sheet, один из: {sheetsRu}', en: 'the data may be on another sheet: pass --sheet with one of {sheets}' },
  },
  'sheet.noHeader': { ru: '{causeRu} на листе «{sheet}»', en: '{cause} on sheet "{sheet}"', hint: { ru: '{causeHintRu}', en: '{causeHint}' } },
  'sheet.noHeaderBare': { ru: '{causeRu} на листе «{sheet}»', en: '{cause} on sheet "{sheet}"' },
  // inspect without --kind, of a file whose header says no kind (guessKindSaid): read as deals, said on stderr with the command for another kind.
  'inspect.kindUnsaid': {
    ru: '{file}: заголовок не говорит, что в файле (нет ни признаков выгрузки CRM, ни двух известных названий колонок, ни названия, которое есть только у одного вида файлов), поэтому файл прочитан как выгрузка сделок. Если в нём другое, укажите вид через --kind (activities, payments, spend или plan), например: {inspect}',
    en: '{file}: the header does not say what the file holds (no CRM export\'s signature, no two known column names, no name only one kind of file has), so it is read as a deals export. If it holds something else, say what with --kind (activities, payments, spend or plan), e.g. {inspect}',
  },
  'inspect.stdinNeedsKind': {
    ru: 'данные идут со стандартного ввода (-): укажите через --kind, что в них', en: 'with stdin (-), say what the file holds with --kind',
    hint: { ru: 'например: crm-audit inspect - --kind deals < deals.csv', en: 'e.g. crm-audit inspect - --kind deals < deals.csv' },
  },
} as const satisfies Record<string, MessageDef>;

/**
 * A PBX log's channel columns proposed for its employees (io/map/channel-proposal.ts): each side's note in
 * the refusal's snippet, to check, and what the refusal says of the manager column it does not need.
 */
export const CHANNEL_TEXT = {
  channelNote: {
    ru: 'по значениям (каналы АТС, сторона звонящего): сотрудник звонка — линия на стороне компании, колонка менеджера не нужна; проверьте',
    en: "by its values (PBX channels, the calling side): a call's employee is the line on the company's side, no manager column is needed; check",
  },
  dstchannelNote: { ru: 'по значениям (каналы АТС, вызываемая сторона): проверьте', en: 'by its values (PBX channels, the called side): check' },
  callerNote: { ru: 'номер звонящего: клиент звонка; проверьте', en: "the number of the caller: the call's client; check" },
  calleeNote: { ru: 'номер вызываемого: клиент звонка; проверьте', en: "the number of the callee: the call's client; check" },
  managerInChannels: { ru: 'похожей колонки нет; сотрудников называют линии в каналах АТС: {named}', en: 'no similar column; the employees are the lines in the PBX channels: {named}' },
} as const satisfies Record<string, Template>;

/**
 * The clause of the slash-date messages above ({ampm}, {ampmRu}) where the undecided dates have AM/PM
 * times, which a reader may take to settle the order; empty where they have none (a tester read it of
 * a file of 24-hour times and was puzzled).
 */
export const AMPM_NO_ORDER = { ru: ' (AM/PM порядок не решает)', en: ' (AM/PM does not settle the order)' } as const satisfies Template;
