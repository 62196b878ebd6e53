import type { MessageDef } from '../messages.js';

/** The hint of every answer that is not one (a bad word, an empty value, a list, nested keys): the answers its question takes. */
const ANSWER_ONE_OF = { ru: 'ответьте одним из: {allowed} (или да, нет, пропустить)', en: 'answer one of: {allowed} (or да, нет, пропустить)' };

/**
 * What a change (a target, `compare.*.change_pct`) and a share may be, and how a number out of it is said: one rule for
 * targets files, configs and --assert (core/value-range.ts fills it). A whole number typed for a percentage (`15`) is
 * shown written both ways (`15 → 0.15 or "+15%"`); one that is out of range as a percentage too, or was typed with `%`,
 * is said to be above or below the range.
 */
export const RANGE_TEXT = {
  change: { ru: 'цель — изменение от −100% до +1000%', en: 'a target is a change from -100% to +1000%' },
  share: { ru: 'доля — от 0 до 1 (от 0% до 100%)', en: 'a share is from 0 to 1 (0% to 100%)' },
  percent: { ru: '{what}; проценты пишут долей или со знаком %: {value} → {fraction} или «{percent}»', en: '{what}; write a percentage as a fraction or with a % sign: {value} → {fraction} or "{percent}"' },
  above: { ru: '«{value}» — больше {max}: {what}', en: '"{value}" is above {max}: {what}' },
  below: { ru: '«{value}» — меньше {min}: {what}', en: '"{value}" is below {min}: {what}' },
  /**
   * A share row's change (`compare.conversion.change`): a fraction from −1 to +1, which the tables print in percentage points
   * («+10,0 п. п.»), so 5 typed for «+5 п. п.» read as +500 п. п., a gate never passing (tester T39 F8).
   */
  points: { ru: 'изменение доли — от −1 до +1 (от −100 до +100 п. п.)', en: "a share's change is from -1 to +1 (-100 to +100 pp)" },
  pointsTyped: { ru: '{what}; пункты пишут долей: {value} → {fraction} ({points} п. п.)', en: '{what}; write points as a fraction: {value} → {fraction} ({points} pp)' },
  /** What an assertion's path holds, said beside a value out of its range. */
  holds: {
    points: { ru: 'в {path} — изменение доли, долей единицы: 0.05 или «5%» — это +5 п. п.', en: '{path} is the change of a share, as a fraction: 0.05 or "5%" is +5 pp' },
    change: { ru: 'значения {path} пишут так же, как цели в файле --targets: 0.2 или «+20%» — это +20%', en: '{path} takes values as a --targets file does: 0.2 or "+20%" is +20%' },
    share: { ru: 'в {path} — доля: 0.2 или «20%» — это 20%', en: '{path} is a share: 0.2 or "20%" is 20%' },
  },
} as const;

/**
 * What follows «--monthly-cost ни на что не влияет без --cost» (UNUSED_OPTION): a CRM paid by subscription has no one-off cost,
 * the common case, and `--cost 0` computes its payback and ROI from the running cost (tester T39 F6).
 */
export const COST_ZERO_HINT = {
  monthlyCost: { ru: 'Если разовых затрат не было (CRM по подписке), укажите --cost 0.', en: 'If there was no one-off cost (a CRM paid by subscription), give --cost 0.' },
  monthlyCostConfig: { ru: 'Если разовых затрат не было (CRM по подписке), укажите compare.cost: 0 (или --cost 0).', en: 'If there was no one-off cost (a CRM paid by subscription), set compare.cost: 0 (or --cost 0).' },
} as const;

/**
 * A target whose sign is against its row's better direction (tester T39 F14: `response_min_median: 30%`, meant as «30% faster»,
 * was met by a 20% slowdown, «хуже» beside «✓ да»): said on stderr and under the before/after tables; the exit code is kept.
 */
export const TARGET_DIRECTION = {
  down: {
    ru: 'Цель {target} для «{label}» допускает рост, а лучше здесь меньше: она засчитывается, если показатель вырос не больше чем на {size}. Сокращение на {size} пишут {fix}.',
    en: 'The target {target} for "{label}" allows a rise, while lower is better here: it is met when the figure grows by {size} at most. A reduction by {size} is written {fix}.',
  },
  up: {
    ru: 'Цель {target} для «{label}» допускает снижение, а лучше здесь больше: она засчитывается, если показатель упал не больше чем на {size}. Рост на {size} пишут {fix}.',
    en: 'The target {target} for "{label}" allows a fall, while higher is better here: it is met when the figure falls by {size} at most. A rise by {size} is written {fix}.',
  },
  /** The same, in a row's note column (the workbook's and the CSV's «Не рассчитано», which says a target's other notes too). */
  cellDown: {
    ru: 'цель {target} допускает рост, а лучше здесь меньше: засчитывается и при ухудшении; сокращение пишут {fix}',
    en: 'the target {target} allows a rise, while lower is better here: it is met by a change for the worse too; write a reduction as {fix}',
  },
  cellUp: {
    ru: 'цель {target} допускает снижение, а лучше здесь больше: засчитывается и при ухудшении; рост пишут {fix}',
    en: 'the target {target} allows a fall, while higher is better here: it is met by a change for the worse too; write a rise as {fix}',
  },
} as const;

/**
 * What the product says about the YAML and JSON documents a person writes: syntax, a file of another
 * kind, questionnaires (schema and rules), answers files, and the schema messages of every document
 * (zod issues: the English is zod's own or the schema's text, the Russian is rendered from the issue,
 * see core/document-issues.ts). Part of the catalogue in core/messages.ts.
 */
export const DOCUMENT_MESSAGES = {
  'doc.yaml': { ru: 'это не YAML: {reasonRu}', en: 'not valid YAML: {reason}' },
  // A .json file (or a text that begins as JSON does) is read as JSON: its syntax slip is said as JSON's, with the fix (io/documents/json-syntax.ts).
  'doc.json': {
    ru: 'это не JSON: {reasonRu}', en: 'not valid JSON: {reason}',
    hint: { ru: '{fixRu}', en: '{fix}' },
  },
  // zod's record drops a `__proto__` key without a word (`deals.columns.__proto__: "#4"` was ignored, `foo` refused): refused in every document.
  'doc.protoKey': {
    ru: 'ключ «__proto__» не читается: это служебное имя JavaScript, и его значение пропало бы без следа', en: 'the key "__proto__" cannot be read: it is a reserved name in JavaScript, and its value would be dropped without a word',
    hint: { ru: 'уберите этот ключ или переименуйте его', en: 'remove the key or rename it' },
  },
  'doc.listKey': {
    ru: 'ключ здесь — список; ключом может быть только текст', en: 'the key here is a list; a key can only be a text',
    hint: { ru: 'напишите ключ словом (id вопроса, имя поля) или возьмите его в кавычки: "[a]": …', en: 'write the key as a word (a question id, a field name), or quote it: "[a]": …' },
  },
  'doc.mapKey': {
    ru: 'ключ здесь — словарь; ключом может быть только текст', en: 'the key here is a map; a key can only be a text',
    hint: { ru: 'напишите ключ словом (id вопроса, имя поля) или возьмите его в кавычки: "{a: 1}": …', en: 'write the key as a word (a question id, a field name), or quote it: "{a: 1}": …' },
  },
  'doc.yamlKeyTwice': {
    ru: 'ключ «{key}» в этом разделе уже был выше: каждый ключ пишется один раз', en: 'the key "{key}" was already given above in this map: each key is written once',
    hint: { ru: 'оставьте одну строку с этим ключом (какое значение верное, файл не говорит)', en: 'keep one line with this key (the file does not say which value is right)' },
  },
  'doc.flowComma': {
    ru: 'запятая внутри { … } разделила текст: в {field} попало только «{got}», а «{key}» стало отдельным ключом без значения',
    en: 'a comma inside { … } split the text: {field} got only "{got}", and "{key}" became a key of its own with no value',
    hint: { ru: 'возьмите текст в кавычки: {field}: "{whole}"', en: 'put the text in quotes: {field}: "{whole}"' },
  },
  'doc.yamlAliases': {
    ru: 'документ нельзя развернуть: в нём слишком много ссылок на якоря (псевдонимов)', en: 'the document cannot be expanded: it holds too many references to anchors (aliases)',
    hint: { ru: 'в одном документе допускается не больше {max} раскрытий псевдонимов', en: 'aliases are limited to {max} expansions per document' },
  },
  // Turning a parsed document into data failed for another reason than the alias count: the parser's English was shown in a Russian run.
  'doc.yamlUnresolvedAlias': {
    ru: 'ссылка *{name} указывает на якорь &{name}, который не задан выше неё', en: 'the alias *{name} refers to an anchor &{name} that is not set above it',
    hint: { ru: 'якорь (&{name}) ставят у значения до первой ссылки на него (*{name}); проверьте имя и порядок', en: 'an anchor (&{name}) is set on a value before the first alias to it (*{name}); check the name and the order' },
  },
  'doc.yamlConvert': {
    ru: 'документ YAML прочитан, но превратить его в данные не удалось (ошибка в якорях, ссылках или тегах вида !!…)', en: 'the YAML document was read but could not be turned into data: {reason}',
    hint: { ru: 'проверьте якоря (&имя), ссылки (*имя) и теги (!!…) рядом с этим местом или уберите их', en: 'check the anchors (&name), aliases (*name) and tags (!!…) near that place, or remove them' },
  },
  // 200,000 nested [ ] were «not valid YAML: Maximum call stack size exceeded», a .json file called YAML.
  'doc.tooDeep': {
    ru: 'списки и наборы «ключ: значение» вложены друг в друга слишком глубоко, чтобы документ можно было прочитать (разбор остановлен здесь)', en: 'lists and "key: value" maps are nested in one another too deep for the document to be read (reading stopped here)',
    hint: { ru: 'в документе, написанном человеком, вложенность — несколько уровней; проверьте, тот ли это файл', en: 'a document a person writes nests a few levels deep; check that this is the right file' },
  },
  'doc.exportForAnswers': {
    ru: 'это выгрузка CRM (таблица сделок, звонков или платежей), а не файл ответов', en: 'this is a CRM export (a table of deals, calls or payments), not an answers file',
    hint: { ru: 'выгрузки передаются через --deals, --activities (-a) и --payments, ответы — через --answers answers.yaml', en: 'pass exports with --deals, --activities (-a) and --payments; answers with --answers answers.yaml' },
  },
  'doc.exportForMap': {
    ru: 'это выгрузка CRM (таблица), а не файл --map', en: 'this is a CRM export (a table), not a --map file',
    hint: { ru: 'выгрузки передаются через -d, -a и -p; файл --map — YAML с разделами deals:, activities:, managers: (его пишет crm-audit map ВЫГРУЗКА -o map.yaml)', en: 'pass exports with -d, -a and -p; a --map file is YAML with deals:, activities:, managers: sections (crm-audit map EXPORT -o map.yaml writes one)' },
  },
  'doc.exportForConfig': {
    ru: 'это выгрузка CRM (таблица), а не файл настроек report', en: 'this is a CRM export (a table), not a report config',
    hint: { ru: 'выгрузку передают через -d (или kpi.deals в файле настроек); файл настроек — YAML (README, раздел report)', en: 'pass the export with -d (or kpi.deals in the config); a config is YAML (README, the report section)' },
  },
  'doc.exportForTargets': {
    ru: 'это выгрузка CRM (таблица), а не файл целей', en: 'this is a CRM export (a table), not a targets file',
    hint: { ru: 'выгрузки передаются через -d и -a; цели — YAML вида «targets: { conversion: +20% }» (пример: samples/targets.yaml)', en: 'pass exports with -d and -a; targets are YAML such as "targets: { conversion: +20% }" (see samples/targets.yaml)' },
  },
  // A config's path that names no file: said at its key and line (an export's own «no such file» named neither the config nor the key).
  'doc.configFileMissing': {
    ru: 'файл не найден: «{path}»', en: 'no such file: "{path}"',
    hint: { ru: 'путь в файле настроек считается от папки этого файла: искали «{resolved}»; проверьте путь', en: 'a path in a config file is relative to its folder: looked for "{resolved}"; check the path' },
  },
  'doc.configFileMissingStdin': {
    ru: 'файл не найден: «{path}»', en: 'no such file: "{path}"',
    hint: { ru: 'путь в файле настроек со стандартного ввода считается от текущей папки: искали «{resolved}»; проверьте путь', en: 'a path in a config read from stdin is relative to the current folder: looked for "{resolved}"; check the path' },
  },
  'doc.configPathFolder': {
    ru: 'это папка, а не файл: «{path}»', en: 'a folder, not a file: "{path}"',
    hint: { ru: 'назовите файл выгрузки в этой папке (искали «{resolved}»)', en: 'name the export file in that folder (looked for "{resolved}")' },
  },
  'doc.configPathHome': {
    ru: 'файл не найден: «{path}»', en: 'no such file: "{path}"',
    hint: { ru: '«~» в файле настроек не означает домашнюю папку: напишите полный путь или путь от папки файла настроек (искали «{resolved}»)', en: '"~" in a config file is not the home folder: write the full path, or one relative to the config\'s folder (looked for "{resolved}")' },
  },
  'doc.mapForConfig': {
    ru: 'это файл --map (разделы deals:, activities:, managers:), а не файл настроек report', en: 'this is a --map file (deals:, activities:, managers: sections), not a report config',
    hint: { ru: 'передайте его через --map; файл настроек передают через -c', en: 'pass it with --map; a config goes with -c' },
  },
  'doc.questionnaireForAnswers': {
    ru: 'это анкета, а не файл ответов', en: 'this is a questionnaire, not an answers file',
    hint: { ru: 'в файле ответов каждому id вопроса сопоставлено yes / no / skip (образцы — в samples/answers/)', en: 'an answers file maps question ids to yes / no / skip (see samples/answers/)' },
  },
  'doc.resultForAnswers': {
    ru: 'это результат аудита (JSON из --format json), а не файл ответов', en: 'this is an audit result (JSON from --format json), not an answers file',
    hint: {
      ru: 'прошлый результат аудита сравнивается с новым так: crm-audit audit --answers ответы.yaml --baseline {file}; в файле ответов каждому id вопроса сопоставлено yes / no / skip (образцы — в samples/answers/)',
      en: 'a past audit result is compared with a new one as crm-audit audit --answers answers.yaml --baseline {file}; an answers file maps question ids to yes / no / skip (see samples/answers/)',
    },
  },
  // A kpi or compare result given as answers (a tester's kpi JSON got «unknown key: schemaVersion, period…» and the three keys).
  'doc.crmResultForAnswers': {
    ru: 'это результат crm-audit {command} (JSON из --format json), а не файл ответов', en: 'this is a crm-audit {command} result (JSON from --format json), not an answers file',
    hint: {
      ru: 'в --answers передают ответы на анкету: каждому id вопроса — yes, no или skip (образцы — в samples/answers/); crm-audit audit без --answers задаст вопросы сам и сохранит ответы',
      en: 'pass --answers the answers to the questionnaire: yes, no or skip for each question id (see samples/answers/); crm-audit audit without --answers asks the questions itself and saves the answers',
    },
  },
  'doc.reportResultForAnswers': {
    ru: 'это результат crm-audit report (JSON из --format json), а не файл ответов', en: 'this is a crm-audit report result (JSON from --format json), not an answers file',
    hint: {
      ru: 'прошлый результат report сравнивают с новым через crm-audit report … --baseline {file}; в --answers передают ответы на анкету: каждому id вопроса — yes, no или skip (образцы — в samples/answers/)',
      en: 'a past report result is compared with a new one through crm-audit report … --baseline {file}; pass --answers the answers to the questionnaire: yes, no or skip for each question id (see samples/answers/)',
    },
  },
  'doc.exportForQuestionnaire': {
    ru: 'это выгрузка CRM (таблица сделок, звонков или платежей), а не анкета', en: 'this is a CRM export (a table of deals, calls or payments), not a questionnaire',
    hint: { ru: 'validate проверяет анкеты; как читается выгрузка, покажет {inspect}', en: 'validate checks questionnaires; see how an export is read with: {inspect}' },
  },
  'doc.answersForQuestionnaire': {
    ru: 'это файл ответов аудита, а не анкета', en: 'this is an audit answers file, not a questionnaire',
    hint: { ru: 'validate проверяет анкеты; аудит по ответам: crm-audit audit --answers {file}', en: 'validate checks questionnaires; audit the answers with: crm-audit audit --answers {file}' },
  },
  'doc.resultForQuestionnaire': {
    ru: 'это результат аудита (JSON из --format json), а не анкета', en: 'this is an audit result (JSON from --format json), not a questionnaire',
    hint: { ru: 'validate проверяет анкеты; сравнить с сохранённым результатом: crm-audit audit --baseline {file}', en: 'validate checks questionnaires; compare with a saved result with: crm-audit audit --baseline {file}' },
  },
  // A file that holds one value or a list (`questionnaire: ../../etc/passwd` in an answers file): its content is not echoed.
  'questionnaire.notOne': {
    ru: 'это не анкета: в файле {heldRu}, а анкета — набор «ключ: значение» с разделами (sections) и уровнями (bands)', en: 'this is not a questionnaire: the file holds {heldEn}, and a questionnaire is a "key: value" map with sections and bands',
    hint: { ru: 'проверьте путь к анкете; встроенные: {builtIn}', en: 'check the questionnaire\'s path; built-in: {builtIn}' },
  },
  'questionnaire.unknown': {
    ru: 'встроенной анкеты «{id}» нет', en: 'no built-in questionnaire "{id}"',
    hint: { ru: 'встроенные: {builtIn}; или укажите путь к файлу YAML', en: 'built-in: {builtIn}; or give a path to a YAML file' },
  },
  'questionnaire.duplicateId': {
    ru: 'id «{value}» ({kindRu}) повторяется (впервые — в {first})', en: 'duplicate {kind} id "{value}" (first at {first})',
    hint: { ru: 'каждый id должен быть единственным', en: 'every id must be unique' },
  },
  'questionnaire.reservedChoice': {
    ru: 'id варианта «{value}» зарезервирован', en: 'choice id "{value}" is reserved',
    hint: { ru: 'yes, no и skip предлагаются всегда, и в файле ответов их пишут и так: да, нет, y, n, true, false, не знаю; дайте варианту другой id', en: 'yes, no and skip are always offered, and an answers file writes them as да, нет, y, n, true, false, don\'t know too; give the choice another id' },
  },
  'questionnaire.duplicateChoice': {
    ru: 'id варианта «{value}» повторяется', en: 'duplicate choice id "{value}"',
    hint: { ru: 'у каждого варианта вопроса должен быть свой id', en: 'every choice of a question needs its own id' },
  },
  'questionnaire.points': {
    ru: 'баллы должны быть больше нуля; указано {points}', en: 'points must be positive, got {points}',
    hint: { ru: 'дайте вопросу целое число баллов, не меньше 1', en: 'give the question a whole number of points, 1 or more' },
  },
  'map.keysOneValue': {
    ru: 'ключи «{first}» и «{key}» — одно и то же значение файла (регистр, пробелы, ё и е не различаются), а значат разное: {firstMeans} и {means}',
    en: 'the keys "{first}" and "{key}" are the same value of the file (case, spaces, ё and е aside), and mean different things: {firstMeans} and {means}',
    hint: { ru: 'оставьте один из них, с тем, что значение значит на самом деле: какой верен, файл не говорит, а иначе решил бы порядок строк', en: 'keep one of them, with what the value really means: the file does not say which is right, and the order of the lines would decide' },
  },
  'map.columnNumber': {
    ru: 'ожидалось: название колонки в кавычках или её номер как "#{value}"; указано число {value}', en: 'expected a column\'s header in quotes, or its place as "#{value}"; got the number {value}',
    hint: { ru: 'колонку по номеру называют так: {field}: "#{value}" (номер {value} — {value}-я колонка слева); заголовок из цифр берут в кавычки: {field}: "{value}"', en: 'a column by its place is written {field}: "#{value}" (column {value} from the left); a header of digits is quoted: {field}: "{value}"' },
  },
  'questionnaire.wholeNumber': {
    ru: 'нужно целое число; указано {valueRu}', en: 'expected a whole number; got {value}',
    hint: {
      ru: 'баллы и границы уровней — целые числа; чтобы давать часть баллов за вопрос, объявите варианты ответа (choices) с целыми баллами',
      en: "points and band edges are whole numbers; to give part of a question's points, declare choices with whole points",
    },
  },
  'questionnaire.choicePoints': {
    ru: 'за вариант даётся баллов: {points} — больше, чем за весь вопрос ({max})', en: "a choice earns {points} points, more than the question's {max}",
    hint: { ru: 'вариант даёт часть баллов вопроса: укажите от 0 до {max}', en: "a choice earns part of the question's points: give it 0 to {max}" },
  },
  'questionnaire.bandReversed': {
    ru: 'уровень «{id}» кончается ({to}) раньше, чем начинается ({from})', en: 'band "{id}" ends ({to}) before it starts ({from})',
    hint: { ru: 'поменяйте местами from и to уровня «{id}»', en: 'swap the from and to of band "{id}"' },
  },
  'questionnaire.bandsStart': {
    ru: 'нижний уровень начинается с {from}; у оценок от 0 уровня нет', en: 'the lowest band starts at {from}; scores from 0 have no band',
    hint: { ru: 'начните нижний уровень с 0', en: 'start the lowest band at 0' },
  },
  'questionnaire.bandsEnd': {
    ru: 'верхний уровень кончается на {to}, а наибольшая оценка — {max}', en: 'the highest band ends at {to} but the maximum score is {max}',
    hint: { ru: 'закончите верхний уровень на {max}', en: 'end the highest band at {max}' },
  },
  'questionnaire.bandsOverlap': {
    ru: 'уровень «{id}» заходит на уровень «{prev}» (оценки {from}..{to})', en: 'band "{id}" overlaps band "{prev}" (scores {from}..{to})',
    hint: { ru: 'каждая оценка должна попадать ровно в один уровень: начните «{id}» с {next}', en: 'each score belongs to exactly one band: start "{id}" at {next}' },
  },
  'questionnaire.bandsGap': {
    ru: 'оценки {from}..{to} не попадают ни в уровень «{prev}», ни в «{id}»', en: 'scores {from}..{to} fall between bands "{prev}" and "{id}"',
    hint: { ru: 'начните «{id}» с {from}', en: 'start "{id}" at {from}' },
  },
  'questionnaire.textMissing': {
    ru: 'нет текста на языке {lang}', en: 'the {lang} text is missing',
    hint: { ru: 'в languages объявлены {languages}; дайте каждый текст на каждом из них', en: 'languages declares {languages}; give every text in each' },
  },
  'questionnaire.runLanguage': {
    ru: 'анкета написана только на языках: {declared}, а запуск — на «{lang}»: отчёт вышел бы на двух языках', en: 'the questionnaire is written in {declared} only, and this run is in "{lang}": the report would mix two languages',
    hint: { ru: 'запустите с --lang {suggest} или добавьте в анкету тексты на «{lang}» (и «{lang}» в languages)', en: 'run with --lang {suggest}, or add the "{lang}" texts to the questionnaire (and "{lang}" to languages)' },
  },
  'questionnaire.unknownFact': {
    ru: 'неизвестный факт проверки «{fact}»{nearRu}', en: 'unknown evidence fact "{fact}"{near}',
    hint: { ru: 'факты: {facts}', en: 'facts: {facts}' },
  },
  'answers.otherQuestionnaire': {
    ru: 'ответы даны на анкету «{given}», а не «{id}»', en: 'the answers are for questionnaire "{given}", not "{id}"',
    hint: { ru: 'укажите --questionnaire и путь к файлу анкеты «{given}» (или id встроенной анкеты), либо исправьте id в файле ответов', en: 'pass --questionnaire with the path of the "{given}" questionnaire file (or a built-in id), or fix the id in the answers file' },
  },
  'answers.misspeltQuestionnaire': {
    ru: 'анкеты «{given}» нет; возможно, вы имели в виду «{id}»', en: 'there is no questionnaire "{given}"; did you mean "{id}"?',
    hint: { ru: 'исправьте id в файле ответов: questionnaire: {id}', en: 'fix the id in the answers file: questionnaire: {id}' },
  },
  'answers.unknownQuestion': {
    ru: 'неизвестный id вопроса «{id}»{nearRu}', en: 'unknown question id "{id}"{near}',
    hint: { ru: 'известные id: {known}', en: 'known ids: {known}' },
  },
  // The next unknown ids of a file: the known ones were listed under the first.
  'answers.unknownQuestionAlso': { ru: 'неизвестный id вопроса «{id}»{nearRu}', en: 'unknown question id "{id}"{near}' },
  'answers.badValue': {
    ru: '«{value}» — не ответ на {id}', en: '"{value}" is not an answer to {id}',
    hint: ANSWER_ONE_OF,
  },
  'answers.emptyValue': {
    ru: 'пустое значение (null) — не ответ на {id}', en: 'an empty value (null) is not an answer to {id}',
    hint: ANSWER_ONE_OF,
  },
  'answers.list': {
    ru: 'список — не ответ на {id}: ответ — одно значение, без скобок', en: 'a list is not an answer to {id}: an answer is one value, without brackets',
    hint: ANSWER_ONE_OF,
  },
  'answers.map': {
    ru: 'вложенные ключи — не ответ на {id}: ответ — одно значение', en: 'nested keys are not an answer to {id}: an answer is one value',
    hint: ANSWER_ONE_OF,
  },
  // An unknown key at an answers file's top: the keys it takes are said (a tester's `version: 2` got a bare «unknown key»).
  'answers.unknownKeys': {
    ru: '{keyForm:неизвестный ключ|неизвестные ключи|неизвестные ключи}: {keysRu}{nearRu}', en: '{keyForm:unknown key|unknown keys}: {keys}{near}',
    hint: { ru: 'в файле ответов три ключа: questionnaire (id анкеты или путь к ней), company (компания, необязательно) и answers (ответ на каждый id вопроса)', en: 'an answers file takes three keys: questionnaire (the id or path of the questionnaire), company (optional) and answers (an answer for each question id)' },
  },
  'answers.versionKey': {
    ru: '{keyForm:неизвестный ключ|неизвестные ключи|неизвестные ключи}: {keysRu}{nearRu} — версии в файле ответов нет', en: '{keyForm:unknown key|unknown keys}: {keys}{near}: an answers file records no version',
    // Where the version is and what to do; the keys an answers file takes are answers.unknownKeys' to say.
    hint: {
      ru: 'уберите version: версия — ключ самой анкеты (у «{id}» в этом запуске — version: {version}), и результат записывает её сам (questionnaire.version); ответы на другую версию анкеты передают с ней самой: questionnaire: путь к её файлу',
      en: 'remove version: the version is the questionnaire\'s own key ("{id}" in this run is version {version}), and the result records it itself (questionnaire.version); answers to another version of a questionnaire are given with it: questionnaire: the path of its file',
    },
  },
  'answers.missing': {
    ru: 'нет ответа на {ids}', en: 'no answer for {ids}',
    hint: { ru: 'ответьте на каждый вопрос (skip — тоже ответ) или добавьте --allow-partial, чтобы считать вопросы без ответа пропущенными', en: 'answer every question (skip is an answer), or pass --allow-partial to treat missing ones as skipped' },
  },
  'doc.type': { ru: 'ожидалось: {expectedRu}; получено: {receivedRu}', en: 'expected {expectedEn}; got {receivedEn}' },
  'doc.empty': {
    ru: 'файл пуст: в нём нет ни одного значения', en: 'the file is empty: it holds no value',
    // The one document error with no way on (tester T36 F6): where a file of each kind starts from.
    hint: {
      ru: 'проверьте, тот ли это файл и сохранён ли он; образцы — в samples/ (ответы на анкету — samples/answers/, цели — samples/targets.yaml), файл соответствий --map пишет crm-audit map',
      en: 'check that this is the file meant and that it was saved; samples are in samples/ (answers: samples/answers/, targets: samples/targets.yaml), and crm-audit map writes a --map file',
    },
  },
  'doc.required': { ru: 'не указано обязательное значение (ожидалось: {expectedRu})', en: 'a required value is missing (expected {expectedEn})' },
  'doc.unknownKeys': { ru: '{keyForm:неизвестный ключ|неизвестные ключи|неизвестные ключи}: {keysRu}{nearRu}', en: '{keyForm:unknown key|unknown keys}: {keys}{near}' },
  // `targets:` and `цели:` in one file (tester T56): «цели» was said to be an unknown key.
  'targets.twoSections': {
    ru: 'в файле два раздела целей: «targets:» и «{key}:»', en: 'the file has two sections of targets: "targets:" and "{key}:"',
    hint: { ru: 'оставьте один раздел: перенесите цели из одного в другой', en: 'keep one section: move the targets of one into the other' },
  },
  'targets.unknownMetric': {
    ru: 'нет такого показателя: «{key}»{nearRu}', en: 'no such metric: "{key}"{near}',
    hint: { ru: 'показатели сравнения: {list}', en: 'the metrics of a comparison: {list}' },
  },
  // `conversion:` with nothing after it (YAML's null) said «получено null», JSON's word in a Russian message (tester T39 F12).
  'targets.empty': {
    ru: 'пустое значение: у «{key}» не задана цель', en: 'an empty value: no target is given for "{key}"',
    hint: { ru: 'впишите цель (0.2 или «+20%»; где лучше меньше — «−30%») или уберите строку', en: 'write the target (0.2 or "+20%"; "-30%" where lower is better) or remove the line' },
  },
  // The next misspelt metrics of a file: the metrics were listed under the first.
  'targets.unknownMetricAlso': { ru: 'нет такого показателя: «{key}»{nearRu}', en: 'no such metric: "{key}"{near}' },
  'doc.oneOf': { ru: 'ожидалось одно из: {values}; получено: {receivedRu}{nearRu}', en: 'expected one of: {values}; got {receivedEn}{near}' },
  'doc.bound': { ru: 'ожидалось: {boundRu}; получено: {receivedRu}', en: 'expected {boundEn}; got {receivedEn}' },
  'doc.schemaRule': { ru: '{ruleRu}', en: '{message}' },
  'doc.schemaRuleGot': { ru: '{ruleRu}; получено: {receivedRu}', en: '{rule}; got {received}' },
  'doc.invalid': { ru: 'недопустимое значение: {receivedRu}', en: 'not a value this field takes: {receivedEn}' },
  'doc.moreErrors': {
    ru: '…и ещё {count} {count:ошибка|ошибки|ошибок} в этом файле: выше названы первые {listed}', en: '…and {count} more {count:error|errors} in this file: the first {listed} are said above',
    hint: { ru: 'исправьте названные и запустите снова: остальные будут названы тогда', en: 'fix the ones said and run again: the rest are said then' },
  },
} as const satisfies Record<string, MessageDef>;

/** The causes of YAML syntax errors the parser says less of (io/documents/yaml-syntax.ts): where it happened, and how to fix it. */
export const YAML_CAUSES = {
  bracket: { ru: 'скобка «{open}», открытая здесь, не закрыта: допишите «{close}»', en: 'the "{open}" opened here is never closed: add "{close}"' },
  quote: { ru: 'кавычка {open}, открытая здесь, не закрыта: допишите закрывающую {close}', en: 'the quote {open} opened here is never closed: add the closing {close}' },
  colonInText: {
    ru: 'двоеточие с пробелом внутри текста «{text}»: YAML читает его как ещё один ключ; возьмите текст в кавычки: {fixed}',
    en: 'a colon and a space inside the text "{text}": YAML reads it as one more key; put the text in quotes: {fixed}',
  },
  overIndented: {
    ru: 'у этой строки отступ на {more} {more:пробел|пробела|пробелов} больше, чем у строки {line}, а у ключа в строке {line} уже есть значение: выровняйте отступ по строке {line} ({indent} {indent:пробел|пробела|пробелов}) или уберите значение',
    en: 'this line is indented {more} {more:space|spaces} more than line {line}, whose key already has a value: indent it as line {line} ({indent} {indent:space|spaces}), or remove that value',
  },
} as const;

/**
 * The causes of JSON syntax errors (io/documents/json-syntax.ts): what is wrong where the error is, and how to fix it.
 * `{line}` and `{column}` are another place the cause names (the next item, the opening bracket, the end of the document).
 */
export const JSON_CAUSES = {
  missingComma: {
    reason: { ru: 'здесь не хватает запятой: следующий элемент начинается в строке {line}, символ {column}', en: 'a comma is missing here: the next item starts at line {line}, column {column}' },
    fix: { ru: 'допишите «,» после значения', en: 'add "," after the value' },
  },
  trailingComma: {
    reason: { ru: 'запятая перед «{close}»: в JSON после последнего элемента запятую не ставят', en: 'a comma before "{close}": JSON takes no comma after the last item' },
    fix: { ru: 'уберите эту запятую', en: 'remove this comma' },
  },
  doubleComma: {
    reason: { ru: 'две запятые подряд: между ними нет элемента', en: 'two commas in a row: there is no item between them' },
    fix: { ru: 'уберите лишнюю запятую', en: 'remove one of the commas' },
  },
  extraClose: {
    reason: { ru: 'лишняя «{close}»: документ уже закончился (строка {line}, символ {column})', en: 'an extra "{close}": the document already ended (line {line}, column {column})' },
    fix: { ru: 'уберите её', en: 'remove it' },
  },
  afterEnd: {
    reason: { ru: 'текст после конца документа (он закончился в строке {line}, символ {column})', en: 'text after the end of the document (it ended at line {line}, column {column})' },
    fix: { ru: 'в файле JSON одно значение: уберите лишнее или соберите всё в один { … }', en: 'a JSON file holds one value: remove the rest, or put it all in one { … }' },
  },
  mismatched: {
    reason: { ru: '«{close}» здесь закрывает «{open}», открытую в строке {line}, символ {column}', en: '"{close}" here closes the "{open}" opened at line {line}, column {column}' },
    fix: { ru: 'закройте «{open}» символом «{want}» или проверьте скобки между ними', en: 'close the "{open}" with "{want}", or check the brackets between them' },
  },
  unclosed: {
    reason: { ru: 'скобка «{open}», открытая здесь, не закрыта', en: 'the "{open}" opened here is never closed' },
    fix: { ru: 'допишите «{want}» там, где она кончается', en: 'add "{want}" where it ends' },
  },
  unterminated: {
    reason: { ru: 'текст, открытый здесь кавычкой ", не закрыт до конца строки', en: 'the text opened here by " is not closed before the end of its line' },
    fix: { ru: 'допишите закрывающую кавычку "', en: 'add the closing "' },
  },
  control: {
    reason: { ru: 'внутри текста — табуляция или другой управляющий символ', en: 'a tab or another control character inside a text' },
    fix: { ru: 'уберите его (табуляцию пишут как \\t)', en: 'remove it (write a tab as \\t)' },
  },
  badEscape: {
    reason: { ru: 'обратная косая черта перед «{char}» — такой escape-последовательности в JSON нет', en: 'a backslash before "{char}": JSON has no such escape' },
    fix: { ru: 'обратную косую черту пишут двойной: \\\\', en: 'write a backslash doubled: \\\\' },
  },
  singleQuote: {
    reason: { ru: 'текст в одинарных кавычках: JSON берёт только двойные', en: 'a text in single quotes: JSON takes double quotes only' },
    fix: { ru: 'замените кавычки на двойные: "…"', en: 'use double quotes: "…"' },
  },
  unquotedKey: {
    reason: { ru: 'ключ «{word}» без кавычек', en: 'the key "{word}" is not in quotes' },
    fix: { ru: 'возьмите ключ в двойные кавычки: "{word}"', en: 'put the key in double quotes: "{word}"' },
  },
  missingValue: {
    reason: { ru: 'после двоеточия нет значения', en: 'a value is missing after the colon' },
    fix: { ru: 'допишите значение (текст — в двойных кавычках) или уберите ключ', en: 'write the value (a text in double quotes), or remove the key' },
  },
  missingColon: {
    reason: { ru: 'после ключа не хватает двоеточия', en: 'a colon is missing after the key' },
    fix: { ru: 'пишите "ключ": значение', en: 'write "key": value' },
  },
  comment: {
    reason: { ru: 'комментарий: в JSON комментариев нет', en: 'a comment: JSON has none' },
    fix: { ru: 'уберите его (или сохраните файл как YAML, где комментарий начинается с #)', en: 'remove it (or save the file as YAML, where # starts a comment)' },
  },
  badNumber: {
    reason: { ru: '«{word}» — не число JSON', en: '"{word}" is not a JSON number' },
    fix: { ru: 'число пишут с точкой, без + и нулей впереди (0.5, 12, -3), а текст — в кавычках', en: 'write a number with a dot, with no + or leading zeros (0.5, 12, -3), and a text in quotes' },
  },
  badValue: {
    reason: { ru: '«{word}» — не значение JSON', en: '"{word}" is not a JSON value' },
    fix: { ru: 'текст пишут в двойных кавычках ("{word}"); без кавычек — только числа, true, false и null', en: 'write a text in double quotes ("{word}"); only numbers, true, false and null go without them' },
  },
  unexpected: {
    reason: { ru: 'неожиданный символ «{char}»', en: 'unexpected "{char}"' },
    fix: { ru: 'проверьте скобки, запятые и кавычки вокруг него', en: 'check the brackets, commas and quotes around it' },
  },
  duplicateKey: {
    reason: { ru: 'ключ «{word}» повторяется в одном объекте', en: 'the key "{word}" is written twice in one object' },
    fix: { ru: 'оставьте один из них: каждый ключ должен быть единственным', en: 'keep one of them: every key must be unique' },
  },
} as const;

/**
 * A long text of a document quoted in a message by its start only (a 1 MB value was echoed whole on stderr), and
 * the tail of a list cut short (`«k0», … «k9» и ещё 19 990`): core/document-issues.ts fills them.
 */
export const QUOTED_TEXT = {
  long: { ru: 'текст из {count} {count:символа|символов|символов}: «{start}…»', en: 'a text of {count} characters: "{start}…"' },
  more: { ru: ' и ещё {count}', en: ' and {count} more' },
} as const;

/** What a file named as a questionnaire holds instead of a map (questionnaire.notOne's {held}). */
export const HELD_INSTEAD = {
  list: { ru: 'список', en: 'a list' },
  text: { ru: 'текст', en: 'a text' },
  value: { ru: 'одно значение', en: 'a single value' },
} as const;

/**
 * The YAML parser's error codes (the `yaml` package) in our words, in both languages (an English run printed
 * the parser's own, «Unexpected seq-item-ind at node end», where a Russian one was told what it means: tester
 * T56); the parser's message is used for a code not here.
 */
export const YAML_ERRORS: Readonly<Record<string, { ru: string; en: string }>> = {
  ALIAS_PROPS: { ru: 'у псевдонима (*имя) не может быть тега или якоря', en: 'an alias (*name) cannot have a tag or an anchor' },
  BAD_ALIAS: { ru: 'неверный псевдоним (*имя)', en: 'an invalid alias (*name)' },
  BAD_DIRECTIVE: { ru: 'неверная директива', en: 'an invalid directive' },
  BAD_DQ_ESCAPE: { ru: 'неверная escape-последовательность в строке в двойных кавычках', en: 'an invalid escape sequence in a double-quoted text' },
  BAD_INDENT: { ru: 'неверный отступ', en: 'invalid indentation' },
  BAD_PROP_ORDER: { ru: 'якорь и тег стоят не в том порядке', en: 'the anchor and the tag are in the wrong order' },
  BAD_SCALAR_START: { ru: 'значение не может начинаться с этого символа; возьмите его в кавычки', en: 'a value cannot start with this character; put it in quotes' },
  BLOCK_AS_IMPLICIT_KEY: { ru: 'вложенный блок не может быть ключом', en: 'a nested block cannot be a key' },
  BLOCK_IN_FLOW: { ru: 'внутри [ ] или { } нельзя писать блок с отступами', en: 'an indented block cannot be written inside [ ] or { }' },
  DUPLICATE_KEY: { ru: 'ключ повторяется: каждый ключ должен быть единственным', en: 'a key is repeated: each key must be given once' },
  IMPOSSIBLE: { ru: 'документ не разбирается', en: 'the document cannot be parsed' },
  MISSING_CHAR: { ru: 'не хватает закрывающего символа (кавычки, скобки или двоеточия)', en: 'a closing character is missing (a quote, a bracket or a colon)' },
  MULTILINE_IMPLICIT_KEY: { ru: 'ключ не может занимать несколько строк', en: 'a key cannot span several lines' },
  MULTIPLE_ANCHORS: { ru: 'у узла несколько якорей', en: 'a node has several anchors' },
  MULTIPLE_DOCS: { ru: 'в файле несколько документов YAML, а нужен один', en: 'the file holds several YAML documents, but only one is allowed' },
  MULTIPLE_TAGS: { ru: 'у узла несколько тегов', en: 'a node has several tags' },
  NON_STRING_KEY: { ru: 'ключ должен быть строкой', en: 'a key must be text' },
  RESOURCE_EXHAUSTION: { ru: 'документ слишком велик для разбора', en: 'the document is too large to parse' },
  TAB_AS_INDENT: { ru: 'отступ сделан табуляцией; в YAML отступы делают пробелами', en: 'the indentation is a tab; YAML indents with spaces' },
  TAG_RESOLVE_FAILED: { ru: 'неизвестный тег', en: 'an unknown tag' },
  UNEXPECTED_TOKEN: { ru: 'неожиданный символ', en: 'an unexpected character' },
  BAD_COLLECTION_TYPE: { ru: 'неверный тип коллекции', en: 'an invalid type of collection' },
};

/**
 * The parser's messages that say more than their code, in our words: «invalid indentation» alone lost which
 * lines disagree (review R48 F8); matched by their beginning, they come before YAML_ERRORS.
 */
export const YAML_DETAILS: ReadonlyArray<readonly [string, { ru: string; en: string }]> = [
  ['All mapping items must start at the same column', { ru: 'неверный отступ: ключи одного уровня должны начинаться в одной колонке', en: 'invalid indentation: all keys of one level must start at the same column' }],
  ['All sequence items must start at the same column', { ru: 'неверный отступ: элементы одного списка («- …») должны начинаться в одной колонке', en: 'invalid indentation: all items of one list ("- …") must start at the same column' }],
  ['Block scalar', { ru: 'неверный отступ многострочного текста (после | или >)', en: 'invalid indentation of a multi-line text (after | or >)' }],
];
