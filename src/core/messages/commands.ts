import { AMOUNT_FORMS, SHARE_FORMS } from '../option-values.js';
import type { MessageDef, Template } from '../messages.js';

/** What to check when an output file cannot be written: one hint for `-o` and for generate's three files. */
export const OUTPUT_WRITE_HINT: Template = { ru: 'проверьте, что в папку можно писать и на диске есть место, или укажите другой путь в -o', en: 'check that the folder is writable and the disk has space, or choose another -o path' };

/** How an audit with no one to ask gets its answers: said without a terminal and in a CI job alike. */
const ANSWERS_AS_FILE = { ru: 'передайте ответы файлом: crm-audit audit --answers answers.yaml (формат — в samples/answers/)', en: 'pass the answers as a file: crm-audit audit --answers answers.yaml (see samples/answers/ for the format)' } as const satisfies Template;

/** The hint of a quoted value an assertion path never holds: the values it does hold. */
const VALUES_HELD = { ru: 'в {path} — {holdsRu}: {listRu}', en: '{path} holds {holds}: {list}' };

/** An amount with both readings (`1.500`) and how to write it: said of `--cost` and of a config's cost alike. */
const AMBIGUOUS = { ru: '«{value}» можно прочитать и как {decimalRu}, и как {whole}', en: '"{value}" could be {decimal} or {whole}' } as const satisfies Template;
const AMBIGUOUS_FIX = { ru: 'напишите сумму без запятой и точки ({whole} или «{spaced}») или с десятичной частью не из трёх цифр', en: 'write the amount without the comma or dot ({whole}, "{spaced}"), or with a decimal part of other than three digits' } as const satisfies Template;
/** An amount in another currency than the deals': said of `--cost` and of a config's cost alike. */
const OTHER_CURRENCY = { ru: '«{value}» — сумма в другой валюте; сумма затрат пишется числом в валюте сделок', en: '"{value}" is an amount in another currency; a cost is written as a number in the deals\' currency' } as const satisfies Template;

/**
 * What the commands say about their own options and inputs (audit, report, compare, generate,
 * validate), and the one-line notes they print on stderr when they succeed. Part of the catalogue in
 * core/messages.ts.
 */
export const COMMAND_MESSAGES = {
  'usage.amount': { ru: `{name}: «{value}» не читается; нужно ${AMOUNT_FORMS.ru}, не меньше 0`, en: `{name} must be ${AMOUNT_FORMS.en}, of 0 or more; got "{value}"` },
  // T39 F4: «$1500000» was «не читается» with the rouble forms only: the cost is a number in the deals' currency.
  'usage.amountCurrency': {
    ru: `{name}: ${OTHER_CURRENCY.ru} (из знаков валюты читается только рублёвый: ₽, руб., RUB)`,
    en: `{name}: ${OTHER_CURRENCY.en} (of currency marks only the rouble's is read: ₽, руб., RUB)`,
    hint: { ru: 'если сделки в этой валюте, укажите {name} {number}; иначе переведите сумму в валюту сделок', en: 'if the deals are in that currency, give {name} {number}; else convert the amount to the deals\' currency' },
  },
  'usage.amountAmbiguous': { ru: `{name}: ${AMBIGUOUS.ru}`, en: `{name}: ${AMBIGUOUS.en}`, hint: AMBIGUOUS_FIX },
  // A config's cost (compare.cost): its key is the path, and the fix follows the message on its line.
  'doc.amountAmbiguous': { ru: `${AMBIGUOUS.ru}; ${AMBIGUOUS_FIX.ru}`, en: `${AMBIGUOUS.en}; ${AMBIGUOUS_FIX.en}` },
  'doc.amountCurrency': {
    ru: `${OTHER_CURRENCY.ru}: если сделки в этой валюте, напишите {number}, иначе переведите сумму в валюту сделок`,
    en: `${OTHER_CURRENCY.en}: if the deals are in that currency, write {number}, else convert the amount`,
  },
  'usage.hourlyCost': {
    ru: `{name}: «{value}» — нужна цена часа в рублях: число больше 0 и не больше 10 000 000 (1500, 1 500, 1500,50)`,
    en: `{name}: "{value}" is not an hour's cost in roubles: a number above 0 and at most 10,000,000 (1500, 1 500, 1500.50)`,
  },
  'usage.managers': {
    ru: `{name}: «{value}» — нужно число менеджеров по продажам: целое, от 1 до 100 000`,
    en: `{name}: "{value}" is not a number of sales managers: a whole number from 1 to 100,000`,
  },
  'usage.margin': { ru: `--margin: нужна ${SHARE_FORMS.ru}; получено «{value}»`, en: `--margin must be ${SHARE_FORMS.en}; got "{value}"` },
  'usage.repeated': { ru: '{option} указан больше одного раза, а берётся одно значение', en: '{option} is given more than once, and takes one value', hint: { ru: 'оставьте один {option}', en: 'keep one {option}' } },
  'usage.repeatedActivities': {
    ru: '{option} указан больше одного раза, а берётся один файл', en: '{option} is given more than once, and takes one file',
    hint: {
      ru: 'оставьте один {option}. Звонки, письма и встречи, выгруженные из CRM порознь (как у HubSpot), выгрузите одним списком действий всех типов, с колонкой типа действия; два журнала звонков сначала объедините в один файл',
      en: 'keep one {option}. Calls, e-mails and meetings exported apart (as HubSpot exports them) go in one export of the activities of every type, with its activity type column; two call logs are joined into one file first',
    },
  },
  'usage.repeatedFile': { ru: '{option} указан больше одного раза, а берётся один файл', en: '{option} is given more than once, and takes one file', hint: { ru: 'оставьте один {option}; две выгрузки одного вида сначала объедините в один файл', en: 'keep one {option}; join two exports of one kind into one file first' } },
  'usage.repeatedDocument': { ru: '{option} указан больше одного раза, а берётся один файл', en: '{option} is given more than once, and takes one file', hint: { ru: 'оставьте один {option}', en: 'keep one {option}' } },
  'usage.repeatedOutput': { ru: '{option} указан больше одного раза, а результат пишется в {placeRu}', en: '{option} is given more than once, and the result goes to {place}', hint: { ru: 'оставьте один {option}', en: 'keep one {option}' } },
  // `-d ''` (a shell variable not set) read the current folder: «это папка, а не файл», no option named.
  'usage.emptyFile': {
    ru: 'путь к файлу пуст: после {option} нужно имя файла', en: 'the file path is empty: {option} needs a file name',
    hint: { ru: 'пустой путь бывает, когда переменная оболочки не задана', en: 'an empty path comes from a shell variable that is not set' },
  },
  'usage.emptyFileArgument': {
    ru: 'путь к файлу пуст: crm-audit {command} ждёт имя файла', en: 'the file path is empty: crm-audit {command} needs a file name',
    hint: { ru: 'пустой путь бывает, когда переменная оболочки не задана', en: 'an empty path comes from a shell variable that is not set' },
  },
  // An argument a command does not take, named with its fix (commander's «лишние аргументы: ожидалось 0, получено 1» named neither).
  'usage.extraDeals': {
    ru: '{command}: лишний аргумент «{arg}»', en: '{command}: unexpected argument "{arg}"',
    hint: { ru: 'выгрузку сделок передают так: -d {file}', en: 'a deals export is given as -d {file}' },
  },
  'usage.extraAnswers': {
    ru: '{command}: лишний аргумент «{arg}»', en: '{command}: unexpected argument "{arg}"',
    hint: { ru: 'ответы аудита передают так: --answers {file}', en: 'audit answers are given as --answers {file}' },
  },
  'usage.extraConfig': {
    ru: '{command}: лишний аргумент «{arg}»', en: '{command}: unexpected argument "{arg}"',
    hint: { ru: 'файл настроек передают так: -c {file}, а ответы аудита так: --answers {file}', en: 'a config file is given as -c {file}, and audit answers as --answers {file}' },
  },
  'usage.extraFile': {
    ru: '{command}: лишний аргумент «{arg}»', en: '{command}: unexpected argument "{arg}"',
    hint: { ru: 'файлы передают через параметры: {options}', en: 'files are given with options: {options}' },
  },
  'usage.extraFolder': {
    ru: '{command}: лишний аргумент «{arg}»', en: '{command}: unexpected argument "{arg}"',
    hint: { ru: 'папку для файлов передают так: -o {file}', en: 'the folder to write into is given as -o {file}' },
  },
  'usage.extraArgument': {
    ru: '{command}: лишний аргумент «{arg}»', en: '{command}: unexpected argument "{arg}"',
    hint: { ru: 'у команды {command} нет аргументов, только параметры: crm-audit {command} --help', en: '{command} takes no arguments, only options: crm-audit {command} --help' },
  },
  'usage.extraOperand': {
    ru: '{command}: лишний аргумент «{arg}»: команда читает один файл', en: '{command}: unexpected argument "{arg}": the command reads one file',
    hint: { ru: 'запустите crm-audit {command} для каждого файла отдельно', en: 'run crm-audit {command} once per file' },
  },
  // `--cost 1,5 млн`: the shell split the value at its space.
  'usage.unquotedValue': {
    ru: '{command}: лишний аргумент «{arg}» после {option} {value}', en: '{command}: unexpected argument "{arg}" after {option} {value}',
    hint: { ru: 'значение с пробелом берут в кавычки: {option} {quoted}', en: 'quote a value with a space: {option} {quoted}' },
  },
  'usage.wholeNumber': { ru: '{name}: нужно целое число не меньше 0, цифрами; получено «{value}»', en: '{name} must be a whole number of 0 or more, in digits; got "{value}"' },
  'generate.cutoverOutside': {
    ru: '--cutover {cutoverRu} не внутри периода данных {fromRu} — {toRu}: все сделки оказались бы по одну сторону внедрения', en: '--cutover {cutover} is not within the data\'s period {from} to {to}: every deal would fall on one side of it',
    hint: { ru: 'дайте дату внедрения внутри --from … --to или сдвиньте период', en: 'give a cutover within --from … --to, or move the period' },
  },
  'generate.noDeals': {
    ru: '--deals: нужна хотя бы одна сделка; получено «{value}»', en: '--deals must be at least 1, got "{value}"',
    hint: { ru: 'файл сделок без строк crm-audit не прочитает, как и выгрузку, отфильтрованную до пустой', en: 'crm-audit refuses a deals file with no rows, as it refuses an export filtered down to nothing' },
  },
  'generate.tooMany': {
    ru: '{name}: не больше {maxRu}; получено «{value}»', en: '{name} must be at most {max}, got "{value}"',
    hint: {
      ru: 'предел — в 50 раз больше набора для замеров скорости (1 000 000 сделок и 5 000 000 действий); столько заняло бы на диске около 30 ГБ',
      en: 'the limit is 50 times the benchmark set (1,000,000 deals and 5,000,000 activities), about 30 GB of files',
    },
  },
  'generate.outputIsFile': { ru: 'путь результата — файл, а нужна папка', en: 'the output path is a file, not a folder' },
  // `generate -o .` in a folder holding a real export replaced it without a word: the names are generate's, not the user's.
  'generate.wouldReplace': {
    ru: 'в папке уже есть {files}: generate заменил бы их', en: 'the folder already holds {files}, which generate would replace',
    hint: { ru: 'укажите другую папку (-o) или добавьте --force, чтобы заменить эти файлы', en: 'choose another folder (-o), or pass --force to replace these files' },
  },
  // A folder named activities.csv (or a full disk) failed the second rename: a new deals.csv stood beside the old activities.
  'generate.notPlaced': {
    ru: 'не удалось записать файл результата: {reasonRu}; ничего не записано: deals.csv, activities.csv и payments.csv ставятся на место только вместе, и в папке всё как было',
    en: 'cannot write the output file: {reason}; nothing was written: deals.csv, activities.csv and payments.csv go in place together or not at all, and the folder is as it was',
    hint: OUTPUT_WRITE_HINT,
  },
  'generate.partlyPlaced': {
    ru: 'не удалось записать файл результата: {reasonRu}; уже поставленное на место до сбоя вернуть не удалось: {leftRu}',
    en: 'cannot write the output file: {reason}; what was put in place before it could not be undone: {left}',
    hint: { ru: 'проверьте папку: новые файлы стоят в ней рядом с прежними; запустите generate снова, когда в папку можно будет писать', en: 'check the folder: new files stand in it beside earlier ones; run generate again once the folder can be written' },
  },
  'generate.keptAs': { ru: '{file} (прежний файл сохранён как {kept})', en: '{file} (the earlier file is kept as {kept})' },
  'report.unknownPreset': {
    ru: 'нет набора проверок «{preset}»', en: 'no preset "{preset}"',
    hint: { ru: 'есть: {presets}', en: 'presets: {presets}' },
  },
  'report.cutoverAndFiles': {
    ru: 'укажите либо дату внедрения, либо файлы «до» и «после», но не то и другое (дата внедрения — {cutoverFromRu}, файлы — {filesFromRu})',
    en: 'give either a cutover or before/after files, not both (the cutover comes from {cutoverFrom}, the files from {filesFrom})',
  },
  'report.cutoverNeedsDeals': { ru: 'для даты внедрения нужен файл сделок (--deals или kpi.deals в файле настроек)', en: 'a cutover needs the deals file (--deals or kpi.deals in the config)' },
  'report.bothPeriods': { ru: 'укажите файлы и «до», и «после»', en: 'give both the before and the after files' },
  'report.nothing': {
    ru: 'отчитываться не о чем', en: 'nothing to report',
    hint: { ru: 'укажите --answers и/или --deals или файл crm-audit.config.yaml (см. раздел «crm-audit report (CI)» в README.md)', en: 'give --answers and/or --deals, or a crm-audit.config.yaml (see the README section "crm-audit report (CI)")' },
  },
  'report.nothingInConfig': {
    ru: 'отчитываться не о чем (файл настроек {config})', en: 'nothing to report (config {config})',
    hint: { ru: 'укажите --answers и/или --deals или файл crm-audit.config.yaml (см. раздел «crm-audit report (CI)» в README.md)', en: 'give --answers and/or --deals, or a crm-audit.config.yaml (see the README section "crm-audit report (CI)")' },
  },
  'audit.oneDocument': {
    ru: 'в одном документе — один аудит: с --format {format} дайте один файл ответов', en: 'one document holds one audit: give one answers file with --format {format}',
    hint: { ru: 'запустите команду для каждого файла ответов отдельно или возьмите --format json для всех сразу', en: 'run the command once per answers file, or use --format json for all of them' },
  },
  'audit.oneWorkbook': {
    ru: 'в одной книге — один аудит: с --format {format} дайте один файл ответов', en: 'one workbook holds one audit: give one answers file with --format {format}',
    hint: { ru: 'запустите команду для каждого файла ответов отдельно или возьмите --format json для всех сразу', en: 'run the command once per answers file, or use --format json for all of them' },
  },
  'audit.noTerminal': {
    ru: 'нет терминала, в котором можно задать вопросы', en: 'there is no terminal to ask the questions on',
    hint: ANSWERS_AS_FILE,
  },
  // Without a terminal, every question a run would have asked (a manager two columns could hold, renamed
  // stages), each named, then one snippet for them all, built on the run's --map: one at a time, each
  // snippet dropping the last one's answer, a user pasting them went round in a loop (a tester).
  'map.undecidedItem': { ru: '{messageRu}', en: '{message}' },
  'map.undecidedTogether': {
    ru: '{messageRu}', en: '{message}',
    hint: {
      ru: 'всё это решает один файл --map{givenRu}: проверьте догадку в каждой строке готового фрагмента ниже{stagesRu} и передайте его через --map{inspectRu}:\n{snippetRu}',
      en: 'one --map file decides all of these{given}: check the guess on each line of the snippet below, ready to paste{stages}, and pass it with --map{inspect}:\n{snippet}',
    },
  },
  'audit.ciNoTerminal': {
    ru: 'переменная CI задана: это задание CI, и вопросы в терминале не задаются', en: 'CI is set: this is a CI job, and no questions are asked on its terminal',
    hint: { ru: `${ANSWERS_AS_FILE.ru}; чтобы ответить в терминале, снимите её: CI= crm-audit audit`, en: `${ANSWERS_AS_FILE.en}; to answer on the terminal, clear it: CI= crm-audit audit` },
  },
  'audit.stdinWasData': {
    ru: 'стандартный ввод прочитан как файл (-), и задать вопросы больше не через что', en: 'stdin was read as a file (-), and nothing is left to ask the questions through',
    hint: { ru: 'передайте этот файл путём, а не через -, или ответы файлом: crm-audit audit --answers answers.yaml', en: 'give that file by its path, not as -, or pass the answers as a file: crm-audit audit --answers answers.yaml' },
  },
  'audit.stderrNotTerminal': {
    ru: 'вопросы выводятся в stderr, а он направлен не в терминал (2>файл): их никто не увидит', en: 'the questions are drawn on stderr, which goes elsewhere than the terminal (2>file): nobody would see them',
    hint: { ru: 'запустите без 2>… (отчёт запишет -o отчёт.xlsx) или передайте ответы файлом: crm-audit audit --answers answers.yaml', en: 'run it without 2>… (-o report.xlsx writes the report), or pass the answers as a file: crm-audit audit --answers answers.yaml' },
  },
  'audit.answersAsActivities': {
    ru: '-a — это --activities (выгрузка звонков), а в этом файле ответы аудита', en: '-a is --activities (the calls export), and this file holds audit answers',
    hint: { ru: 'передайте ответы так: --answers {file}', en: 'pass the answers with --answers {file}' },
  },
  'audit.evidenceNeedsDeals': {
    ru: 'чтобы сверить ответы с выгрузками, нужна выгрузка сделок', en: 'checking the answers against exports needs the deals export',
    hint: { ru: 'добавьте --deals deals.csv (те же файлы, что для crm-audit kpi)', en: 'add --deals deals.csv (the same files as for `crm-audit kpi`)' },
  },
  'audit.notAResult': {
    ru: 'это не результат аудита (JSON из crm-audit audit --format json или report --format json с ответами аудита)', en: 'this is not an audit result (JSON from `crm-audit audit --format json`, or from `report --format json` with the audit answers)',
    hint: { ru: 'сохраните результат с --format json -o result.json и передайте этот файл', en: 'save a result with --format json -o result.json and pass that file' },
  },
  'audit.baselineValue': {
    ru: 'значение {value} не может стоять в результате аудита: {expectedRu}', en: 'the value {value} cannot stand in an audit result: {expected}',
    hint: { ru: 'передайте результат прошлого запуска (audit --format json -o прошлый.json) как он записан, без правки вручную', en: 'pass the earlier run\'s result (audit --format json -o previous.json) as it was written, not edited by hand' },
  },
  'audit.baselineSeveral': {
    ru: 'это массив результатов аудита (их {count}: так audit пишет результат нескольких файлов ответов), а --baseline берёт один результат',
    en: 'this is an array of audit results ({count} of them: what audit writes for several answers files), and --baseline takes one result',
    hint: { ru: 'сохраните прошлый результат одного файла ответов: crm-audit audit --answers прошлые.yaml --format json -o прошлый.json', en: 'save the earlier result of one answers file: crm-audit audit --answers earlier.yaml --format json -o earlier.json' },
  },
  'report.notAResult': {
    ru: 'это не результат report --format json (в нём нет проверок assertions; результат kpi или audit сюда не подходит)',
    en: 'this is not a `report --format json` result (it has no assertions; a kpi or audit result is not one)',
    hint: { ru: 'сохраните прошлый запуск: crm-audit report … --format json -o прошлый.json, и передайте этот файл в --baseline', en: 'save the earlier run with crm-audit report … --format json -o previous.json and pass that file to --baseline' },
  },
  'help.extraWord': {
    ru: 'help: лишний аргумент «{word}»', en: 'help: unexpected argument "{word}"',
    hint: { ru: 'справка по команде: crm-audit help {command} (или crm-audit {command} --help)', en: 'help on a command: crm-audit help {command} (or crm-audit {command} --help)' },
  },
  'baseline.otherCompany': {
    ru: 'прошлый результат — компании «{before}», а этот — «{now}»: изменения посчитаны между разными компаниями; проверьте, тот ли файл передан в --baseline',
    en: 'the baseline is a result for "{before}" and this one is for "{now}": the changes compare two companies; check that --baseline is the right file',
  },
  'report.answersOtherCompany': {
    ru: 'ответы — компании «{answers}», а в конфигурации указана «{config}»: аудит в отчёте озаглавлен компанией из конфигурации; если ответы другого клиента, укажите в audit.answers файл этого клиента',
    en: 'the answers are for "{answers}" and the config names "{config}": the report titles the audit with the config\'s company; if the answers are another client\'s, point audit.answers at this client\'s file',
  },
  'audit.baselineOtherQuestionnaire': { ru: 'прошлый результат получен по анкете «{given}», а не «{id}»', en: 'the baseline is a result of questionnaire "{given}", not "{id}"' },
  'assertPath.value': { ru: '{source}: {here} — это значение, у него нет частей; «{segment}» лишнее', en: '{source}: {here} is a value with no parts; remove ".{segment}"' },
  'assertPath.absentRoot': {
    ru: '{source}: в этом запуске нет «{segment}»', en: '{source}: this run has no "{segment}"',
    hint: { ru: '{needRu}', en: '{need}' },
  },
  'assertPath.didYouMean': {
    ru: '{source}: нет имени «{segment}»{inHereRu}; возможно, вы имели в виду {suggestionsRu}', en: '{source}: no name "{segment}"{inHere}; did you mean {suggestions}?',
    hint: { ru: 'есть: {list}', en: 'names there: {list}' },
  },
  'assertPath.noName': {
    ru: '{source}: нет имени «{segment}»{inHereRu}', en: '{source}: no name "{segment}"{inHere}',
    hint: { ru: 'есть: {list}', en: 'names there: {list}' },
  },
  // A gate on `met` of a row with no target failed for ever saying «нет данных» (a tester).
  'assertPath.noTarget': {
    ru: '{source}: в этом запуске у {rows} нет цели, поэтому в {path} всегда null и проверка не пройдёт никогда',
    en: '{source}: no target is set for {rows} in this run, so {path} is always null and the assertion could never pass',
    hint: {
      ru: 'задайте цель в файле --targets (targets: {{row}: +20%}) или в файле настроек (compare.targets.{row}); цели по умолчанию есть только у {defaultsRu}{onlyRu}',
      en: 'set one in a --targets file (targets: {{row}: +20%}) or in the config (compare.targets.{row}); only {defaults} have default targets{only}',
    },
  },
  'assertPath.group': {
    ru: '{source}: {path} — группа значений, а не число', en: '{source}: {path} is a group of values, not a number',
    hint: { ru: 'назовите одно из: {list} (или * для всех)', en: 'name one of: {list} (or * for all)' },
  },
  'assertPath.needsNumber': {
    ru: '{source}: в {path} — {holdsRu}, а {op} сравнивает числа', en: '{source}: {path} holds {holds}, and {op} compares numbers',
    hint: { ru: 'например: {example}', en: 'write it as, e.g., {example}' },
  },
  'assertPath.otherType': {
    ru: '{source}: в {path} — {holdsRu}, а не {valueRu}: {op} сравнивает значения одного типа', en: '{source}: {path} holds {holds}, not {value}: {op} compares values of one type',
    hint: { ru: 'например: {example}', en: 'write it as, e.g., {example}' },
  },
  // A quoted value no band or verdict is (`audit.band!='not-startd'`): `!=` always passed, a gate off by a typo (a tester).
  'assertPath.unknownValue': {
    ru: '{source}: «{value}» — не {whatRu}: в {path} такого значения не бывает, и проверка всегда {outcomeRu}', en: '{source}: "{value}" is not {what}: {path} never holds it, so the assertion would always {outcome}',
    hint: VALUES_HELD,
  },
  'assertPath.valueDidYouMean': {
    ru: '{source}: «{value}» — не {whatRu}, и проверка всегда {outcomeRu}; возможно, вы имели в виду {suggestionsRu}', en: '{source}: "{value}" is not {what}, so the assertion would always {outcome}; did you mean {suggestions}?',
    hint: VALUES_HELD,
  },
  // A percentage typed as a whole number (`change_pct>=20`: +2000%): a gate for ever passing or failing (a tester).
  'assertPath.range': {
    ru: '{source}: {ruleRu}', en: '{source}: {rule}',
    hint: { ru: '{holdsRu}', en: '{holds}' },
  },
  'assertPath.bandTitle': {
    ru: '{source}: «{value}» — название уровня {band}, а в {path} — id уровня (одинаковый на любом языке)', en: '{source}: "{value}" is the title of band {band}; {path} holds band ids (the same in every language)',
    hint: { ru: 'например: {example}', en: 'write it as, e.g., {example}' },
  },
  'validate.valid': {
    ru: '{file}: анкета верна — разделов: {sections}, вопросов: {questions}, баллов: {points}, уровней: {bands}, языки: {languages}',
    en: '{file}: valid — {sectionsEn}, {questionsEn}, {pointsEn}, {bandsEn}, languages {languages}',
  },
  // As every command that writes a file says it (writtenLine): «Записано: FILE (size)», each file with its size.
  'generate.wrote': { ru: 'Записано: {files}', en: 'Written: {files}' },
  // The tour writes its HTML into the working folder and takes no -o: the output's hint («другой путь в -o») did not fit it (a tester).
  'demo.write': {
    ru: 'не удалось записать отчёт тура: {reasonRu}', en: 'cannot write the tour\'s report: {reason}',
    hint: { ru: 'тур пишет demo-report.html в текущую папку: запустите crm-audit demo из папки, куда можно писать', en: 'the tour writes demo-report.html into the current folder: run crm-audit demo from a folder you can write to' },
  },
} as const satisfies Record<string, MessageDef>;
