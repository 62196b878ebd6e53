import { PRESETS } from '../core/presets.js';
import { DEFAULT_LIMITS } from '../io/read/limits.js';
import { countText } from '../core/i18n.js';

/**
 * `--help` in Russian, gettext-style: the English text written in program.ts (a command's or an
 * option's description, an example's comment, commander's own words) is the key, the Russian its
 * translation. A description without an entry prints in English, and test/cli/help.test.ts fails on
 * it, so a new option is added here in the same change as in program.ts.
 */
export const HELP_RU: Readonly<Record<string, string>> = {
  // commander's own words
  'Usage:': 'Использование:',
  'Options:': 'Параметры:',
  'Commands:': 'Команды:',
  'Arguments:': 'Аргументы:',
  'Global Options:': 'Общие параметры:',
  'Examples:': 'Примеры:',
  choices: 'варианты',
  default: 'по умолчанию',
  preset: 'без значения',
  'display help for command': 'показать справку по команде',
  'output the version number': 'показать номер версии',

  // crm-audit
  'How deeply a company really uses its CRM, and what that changed in numbers.': 'Насколько глубоко компания на самом деле пользуется CRM и что это изменило в цифрах.',
  'show stack traces for internal errors': 'показывать стек вызовов при внутренних ошибках',
  'the audit and the KPIs of the bundled samples': 'аудит и показатели на примерах, которые идут с программой',
  'run the maturity audit interactively': 'аудит зрелости в диалоге',
  'KPIs per manager from CRM exports': 'показатели по менеджерам из выгрузок CRM',
  'see how an export is read and mapped': 'посмотреть, как читается выгрузка и какие колонки чему соответствуют',

  // options shared by the reporting commands
  'output format (default: from -o extension, else table)': 'формат вывода (по умолчанию — по расширению файла в -o, иначе таблица)',
  'write to FILE atomically instead of stdout': 'записать в файл (целиком или никак) вместо стандартного вывода',
  'report language (default: from the locale, else ru)': 'язык отчёта (по умолчанию — по локали, иначе русский)',
  'fix the report date (or set SOURCE_DATE_EPOCH) for reproducible output': 'зафиксировать дату отчёта (или задать SOURCE_DATE_EPOCH), чтобы вывод повторялся байт в байт',
  'calls / activities export or telephony call log': 'выгрузка звонков и действий или журнал звонков телефонии',
  'invoices and payments export': 'выгрузка счетов и оплат',
  'first day of the period, DD.MM.YYYY or YYYY-MM-DD (deals by creation, activities by date)': 'первый день периода, ДД.ММ.ГГГГ или ГГГГ-ММ-ДД (сделки — по дате создания, действия — по своей дате)',
  'last day of the period, DD.MM.YYYY or YYYY-MM-DD, inclusive': 'последний день периода включительно, ДД.ММ.ГГГГ или ГГГГ-ММ-ДД',
  'touches a won deal should have had': 'сколько касаний должно быть у выигранной сделки',
  'how soon a missed call must be called back: 24h, 90m, 2d (or 24ч, 90мин, 2д)': 'за какое время нужно перезвонить на пропущенный звонок: 24ч, 90мин, 2д (или 24h, 90m, 2d)',
  'column assignments and value maps for unusual exports': 'соответствие колонок и значений для необычных выгрузок',
  'delimiter of CSV files (default: detected; "tab" for a tab)': 'разделитель в CSV (по умолчанию определяется сам; «tab» — табуляция)',
  'encoding of text files without a byte order mark (default: detected): utf-8, cp1251, cp1252, cp1250, cp1254, koi8-r, cp866, utf-16le, utf-16be': 'кодировка текстовых файлов без метки порядка байтов (по умолчанию определяется сама): utf-8, cp1251, cp1252, cp1250, cp1254, koi8-r, cp866, utf-16le, utf-16be',
  'XLSX sheet (default: the first non-empty one)': 'лист XLSX (по умолчанию — первый непустой)',
  'order of ambiguous slash dates': 'порядок дня и месяца в неоднозначных датах через косую черту',
  'shift activity times by this many hours (e.g. -3, +2:30)': 'сдвинуть время действий на столько часов (например, -3 или +2:30)',
  'unreadable rows tolerated per file (default 1% or 5 rows, whichever is larger)': 'сколько нечитаемых строк допустимо в файле (по умолчанию 1% или 5 строк, что больше)',
  [`longest cell accepted (default ${DEFAULT_LIMITS.maxCellChars})`]: `самая длинная допустимая ячейка, в символах (по умолчанию ${countText(DEFAULT_LIMITS.maxCellChars, 'ru')})`,
  [`most columns accepted (default ${DEFAULT_LIMITS.maxColumns})`]: `наибольшее число колонок (по умолчанию ${countText(DEFAULT_LIMITS.maxColumns, 'ru')})`,
  [`most bytes an XLSX may inflate to (default ${DEFAULT_LIMITS.maxInflatedBytes})`]: `до скольких байт может распаковаться XLSX (по умолчанию ${countText(DEFAULT_LIMITS.maxInflatedBytes, 'ru')})`,
  'company name for the report heading': 'название компании для заголовка отчёта',
  'also group by manager, source, pipeline, stage (open deals) or month; comma-separated for a pivot (source,month); repeatable': 'сгруппировать ещё и по менеджеру, источнику, воронке, этапу (открытые сделки) или месяцу: manager, source, pipeline, stage, month; через запятую — сводная таблица (source,month); можно несколько раз',
  'marketing spend by month and source (CSV/XLSX): spend, CAC, cost per lead, ROMI, LTV': 'расходы на маркетинг по месяцам и источникам (CSV или XLSX): расходы, CAC, цена лида, ROMI, LTV',
  'targets by manager or source and month (leads, won, revenue): plan vs fact': 'план по менеджерам или источникам и месяцам (лиды, выигранные, выручка): план и факт',
  'share of revenue that is margin, for ROMI and LTV (0.35, 35%); default 100%': 'доля маржи в выручке — для ROMI и LTV (0,35, 0.35 или 35%); по умолчанию 100%',
  'also group the KPIs (as kpi --by; repeatable)': 'сгруппировать показатели ещё и так (как kpi --by; можно несколько раз)',
  'marketing spend by month and source: CAC, ROMI, LTV (as kpi --spend)': 'расходы на маркетинг по месяцам и источникам: CAC, ROMI, LTV (как kpi --spend)',
  'targets by manager or source and month: plan vs fact, and plan.* assertions': 'план по менеджерам или источникам и месяцам: план и факт, проверки plan.*',
  'by source and month, with spend, CAC, ROMI and LTV/CAC': 'по источникам и месяцам, с расходами, CAC, ROMI и LTV/CAC',
  'where open deals stall: count and median age per stage': 'где застревают открытые сделки: число и медианный возраст на каждом этапе',
  'plan vs fact per manager and month': 'план и факт по менеджерам и месяцам',

  // audit
  'Run the CRM maturity audit: interactively, or from a saved answers file; with exports, each answer is checked against them': 'Аудит зрелости CRM: в диалоге или по сохранённому файлу ответов; с выгрузками каждый ответ сверяется с данными',
  'built-in questionnaire id or a YAML file (default: the one the answers file names, else crm-maturity)': 'код встроенной анкеты или файл YAML (по умолчанию — названная в файле ответов, иначе crm-maturity)',
  'answers file(s) (YAML or JSON, - for stdin); no prompts; several give a result each': 'файлы ответов (YAML или JSON, «-» — стандартный ввод); без вопросов; по результату на каждый файл',
  'deals export, to check the answers against its data': 'выгрузка сделок, чтобы сверить ответы с её данными',
  'treat questions missing from the answers file as skipped': 'считать вопросы, которых нет в файле ответов, пропущенными',
  'company name shown in the report': 'название компании в отчёте',
  'a previous audit result (JSON) to compare with': 'прошлый результат аудита (JSON) для сравнения',
  'number of sales managers, to put hours on the recommendations': 'число менеджеров по продажам, чтобы оценить рекомендации в часах',
  "what a manager's hour costs (roubles), to put money on those hours": 'стоимость часа менеджера в рублях, чтобы оценить эти часы в деньгах',
  'interactive audit in English': 'аудит в диалоге на английском',
  'the same audit from a saved answers file (CI)': 'тот же аудит по сохранённому файлу ответов (для CI)',
  'several answers files: a JSON array of results': 'несколько файлов ответов: массив результатов в JSON',
  'an XLSX report, with recommendations costed for 8 managers': 'отчёт XLSX с рекомендациями, оценёнными для 8 менеджеров',
  "before/after against last year's result": 'до и после в сравнении с прошлогодним результатом',
  'each answer checked against the exports: confirmed, contradicted…': 'каждый ответ сверяется с выгрузками: подтверждён, опровергнут…',

  // validate
  'Check a custom questionnaire file against the format and its rules': 'Проверить свою анкету: формат и правила',
  'questionnaire YAML file': 'файл анкеты YAML',
  'exit 0 when valid; every problem listed with its path otherwise': 'код выхода 0, если анкета верна; иначе — список всех ошибок с путями',

  // kpi
  'Sales KPIs per manager from CRM exports (CSV, XLSX, HTML .xls; any encoding)': 'Показатели продаж по менеджерам из выгрузок CRM (CSV, XLSX, HTML .xls; любая кодировка)',
  'deals or leads export (- for stdin); required': 'выгрузка сделок или лидов («-» — стандартный ввод); обязательно',
  'only these metrics, comma-separated (e.g. conversion,response_min_median)': 'только эти показатели, через запятую (например, conversion,response_min_median)',
  'loss reasons listed before the rest go under "other" (table, md, csv, html; JSON and XLSX keep all)': 'сколько причин отказа показать, прежде чем остальные уйдут в «прочие» (таблица, md, csv, html; в JSON и XLSX — все)',
  'funnel, money and cycle per manager from a deals export': 'воронка, деньги и цикл сделки по менеджерам из выгрузки сделок',
  'every metric for one quarter': 'все показатели за квартал',
  'the JSON contract, for CI or another tool': 'результат в JSON — для CI или другой программы',
  'just three metrics': 'только три показателя',
  'read the deals from stdin': 'сделки со стандартного ввода',
  'CSV for a spreadsheet (; and a decimal comma; --lang en for , and a dot)': 'CSV для электронной таблицы («;» и десятичная запятая; с --lang en — «,» и точка)',

  // inspect
  'Show how an export is read: format, encoding, header, column mapping, values, bad rows': 'Показать, как читается выгрузка: формат, кодировка, заголовок, колонки, значения, плохие строки',
  'what the file holds (default: the kind its header says, else deals)': 'что в файле (по умолчанию — вид, который называет заголовок, иначе deals)',
  'output format': 'формат вывода',
  'language of the text output (default: from the locale, else ru)': 'язык текста (по умолчанию — по локали, иначе русский)',
  'language of the messages (default: from the locale, else ru)': 'язык сообщений (по умолчанию — по локали, иначе русский)',
  'an export file (- for stdin, with --kind)': 'файл выгрузки («-» — стандартный ввод, вместе с --kind)',
  'which column became which field, and which rows could not be read': 'какая колонка стала каким полем и какие строки не прочитались',
  'check a mapping file against an export': 'проверить файл соответствий на выгрузке',

  // map
  'Ask what an export cannot say (a column no rule finds, closed stages no rule knows, the names of managers given as user ids) and write the answers as a --map file': 'Спросить то, чего не скажет выгрузка (колонку, которую не нашло ни одно правило, закрытые этапы, которых не знает ни одно правило, имена менеджеров, заданных кодами), и записать ответы файлом для --map',
  'write the map to FILE atomically instead of stdout': 'записать файл соответствий (целиком или никак) вместо стандартного вывода',
  'language of the questions (default: from the locale, else ru)': 'язык вопросов (по умолчанию — по локали, иначе русский)',
  'an export: deals, calls and activities, payments, spend or plan (- for stdin)': 'выгрузка: сделки, звонки и действия, оплаты, расходы или план («-» — стандартный ввод)',
  'answer the questions once, then: crm-audit kpi -d deals.csv --map map.yaml': 'ответить на вопросы один раз, а затем: crm-audit kpi -d deals.csv --map map.yaml',
  'only what the old map does not answer yet': 'только то, на что старый файл соответствий ещё не отвечает',

  // compare
  'Before/after tables: KPIs before and after the CRM went in, targets, payback and ROI': 'До и после: показатели до и после внедрения CRM, цели, окупаемость и возврат вложений',
  'deals of both periods, split at --cutover': 'сделки обоих периодов, делятся по --cutover',
  'activities of both periods': 'действия обоих периодов',
  'payments of both periods': 'платежи обоих периодов',
  'the day the CRM went in (DD.MM.YYYY or YYYY-MM-DD): earlier records are "before"': 'день внедрения CRM (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД): всё, что раньше, — «до»',
  'deals before (instead of --cutover)': 'сделки «до» (вместо --cutover)',
  'activities before': 'действия «до»',
  'payments before': 'платежи «до»',
  'deals after': 'сделки «после»',
  'activities after': 'действия «после»',
  'payments after': 'платежи «после»',
  'relative targets per row (default: conversion +20%, median response -30%)': 'относительные цели по строкам (по умолчанию: конверсия +20%, медиана реакции −30%)',
  'one-off implementation cost, for payback and ROI (1500000, "1 500 000", 1.5e6)': 'разовая стоимость внедрения — для окупаемости и возврата вложений (1500000, «1 500 000», 1,5e6)',
  'running cost per month (licences, support)': 'текущие расходы в месяц (лицензии, поддержка)',
  'gross margin share of revenue (0.35, 0,35 or 35%; default 1)': 'доля валовой маржи в выручке (0.35, 0,35 или 35%; по умолчанию 1)',
  "each manager's before and after for conversion, response and touches": 'до и после по каждому менеджеру: конверсия, реакция и касания',
  'one set of exports split at the go-live date': 'один набор выгрузок, разделённый по дате запуска',
  'two years, with payback and ROI': 'два года, с окупаемостью и возвратом вложений',
  'own targets, per manager, as a workbook': 'свои цели, по менеджерам, книгой XLSX',

  // report
  'The CI report: audit, KPIs and before/after in one XLSX (or JSON, Markdown, HTML, JUnit), with assertions and exit codes': 'Отчёт для CI: аудит, показатели и «до и после» в одной книге XLSX (или JSON, md, HTML, JUnit), с проверками и кодами выхода',
  'config file (default: ./crm-audit.config.yaml when present)': 'файл настроек (по умолчанию — ./crm-audit.config.yaml, если он есть)',
  'audit answers file': 'файл ответов аудита',
  'questionnaire of the answers': 'анкета, на которую даны ответы',
  'number of sales managers, to put hours on the audit recommendations': 'число менеджеров по продажам, чтобы оценить рекомендации аудита в часах',
  'company name for the report': 'название компании для отчёта',
  'deals export': 'выгрузка сделок',
  'activities export or call log': 'выгрузка действий или журнал звонков',
  'payments export': 'выгрузка платежей',
  'first day of the period of the KPIs and of the before/after, DD.MM.YYYY or YYYY-MM-DD': 'первый день периода показателей и сравнения «до и после», ДД.ММ.ГГГГ или ГГГГ-ММ-ДД',
  'last day of that period, inclusive, DD.MM.YYYY or YYYY-MM-DD': 'последний день этого периода включительно, ДД.ММ.ГГГГ или ГГГГ-ММ-ДД',
  "touches a won deal should have had (default: the config's, else 5)": 'сколько касаний должно быть у выигранной сделки (по умолчанию — из конфигурации, иначе 5)',
  "how soon a missed call must be called back: 24h, 90m, 2d (or 24ч, 90мин, 2д; default: the config's, else 24h)": 'за какое время нужно перезвонить на пропущенный звонок: 24ч, 90мин, 2д (или 24h, 90m, 2d; по умолчанию — из конфигурации, иначе 24ч)',
  "a check such as 'total.conversion>=0.2', or 'warn:…' to only warn (repeatable); exit 1 when an error-level one fails": 'проверка вроде «total.conversion>=0.2» или «warn:…», чтобы только предупредить (можно несколько); код выхода 1, если не прошла проверка уровня «error»',
  [`a built-in set of checks: ${Object.entries(PRESETS).map(([k, p]) => `${k} (${p.description.en})`).join('; ')}`]: `встроенный набор проверок: ${Object.entries(PRESETS).map(([k, p]) => `${k} (${p.description.ru})`).join('; ')}`,
  'a previous report --format json result: adds the change of every KPI (delta.*)': 'прошлый результат report --format json: добавляет изменение каждого показателя (delta.*)',
  'exit 0 even when an assertion fails (dashboards)': 'код выхода 0, даже если проверка не прошла (для дашбордов)',
  'output format (default: from the -o extension, .xml = junit; else md)': 'формат вывода (по умолчанию — по расширению в -o: .xml — «junit»; иначе md)',
  'write to FILE atomically': 'записать в файл (целиком или никак)',
  // The order the run follows (report.ts: --lang, the config's lang, the locale, else ru), not «ru or the config».
  "report language (default: the config's, else from the locale, else ru)": 'язык отчёта (по умолчанию — из файла настроек, иначе по локали, иначе русский)',
  'everything crm-audit.config.yaml in this folder asks for': 'всё, что задано в crm-audit.config.yaml в этой папке',
  'a client document with charts (HTML, prints on A4)': 'документ для клиента с графиками (HTML, печатается на листах А4)',
  'audit and KPIs, failing the job below the lines': 'аудит и показатели; задание CI падает, если они ниже порогов',
  'a CI job summary page': 'страница итогов задания CI',
  'report every slow manager without failing': 'показать каждого медленного менеджера, не роняя задание',
  "the seeds' targets as a JUnit report (GitLab)": 'цели из исходных материалов — отчётом JUnit (для GitLab)',
  'fail on a conversion drop of more than 2 p.p. since the last run': 'упасть, если конверсия с прошлого запуска снизилась больше чем на 2 п. п.',

  // generate
  'Write deterministic synthetic exports (deals, activities, payments) for demos and benchmarks': 'Записать воспроизводимые синтетические выгрузки (сделки, действия, платежи) для демонстраций и замеров скорости',
  'folder to write deals.csv, activities.csv and payments.csv into; required': 'папка, в которую записать deals.csv, activities.csv и payments.csv; обязательно',
  'number of deals, at most 50,000,000': 'число сделок, не больше 50 000 000',
  'number of activities, at most 250,000,000': 'число действий, не больше 250 000 000',
  'random seed: the same seed gives the same files': 'зерно случайных чисел: одно и то же зерно даёт одни и те же файлы',
  'first creation date': 'первая дата создания',
  'last creation date': 'последняя дата создания',
  'deals from this date behave as after a CRM roll-out (better conversion, faster response)': 'сделки с этой даты ведут себя как после внедрения CRM (выше конверсия, быстрее реакция)',
  'replace deals.csv, activities.csv and payments.csv already in the folder (else the run is refused)': 'заменить deals.csv, activities.csv и payments.csv, уже лежащие в папке (иначе запуск отклоняется)',
  'a small data set in ./data': 'небольшой набор данных в ./data',
  'the benchmark data set': 'набор данных для замеров скорости',

  // demo
  'Run every capability on the bundled samples and write demo-report.html here (what `npm start` does)': 'Показать все возможности на примерах из комплекта и записать demo-report.html в текущую папку (то же, что «npm start»)',
  'the demo in English': 'демонстрация на английском',
};

/** Placeholders of option and argument terms (`--deals <file>`), in Russian. */
export const PLACEHOLDERS_RU: Readonly<Record<string, string>> = {
  file: 'файл', files: 'файлы', format: 'формат', lang: 'язык', iso: 'дата', date: 'дата', n: 'число', duration: 'срок',
  'id|file': 'код|файл', name: 'имя', 'result.json': 'результат.json', amount: 'сумма', list: 'список', kind: 'вид', share: 'доля',
  'file.yaml': 'файл.yaml', expr: 'проверка', 'report.json': 'отчёт.json', dir: 'папка', char: 'символ', 'name|n': 'имя|номер',
  hours: 'часы', 'n|n%': 'число|доля%', chars: 'символы', bytes: 'байты', command: 'команда', options: 'параметры', dims: 'разрезы',
};
