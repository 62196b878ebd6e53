import { TOP_LEVEL, UserError } from '../../core/errors.js';
import { notAMap } from '../../core/document-issues.js';
import type { MessageId } from '../../core/messages.js';
import { parseYaml } from './yaml.js';
import { inspectCommand } from '../../core/inspect-command.js';

/** What a file given to a command holds, as far as its name and first bytes tell. */
export type DocumentKind = 'export' | 'answers' | 'questionnaire' | 'audit-result' | 'kpi-result' | 'compare-result' | 'report-result' | 'unknown';

/**
 * Which of crm-audit's JSON results a document is, other than the audit's (guessDocumentKind tells that
 * one): kpi's (its managers and department total over a period), compare's (before and after), report's
 * (the KPIs under `kpi` and the assertions checked). Each carries its schemaVersion.
 */
function resultOf(o: Record<string, unknown>): DocumentKind | undefined {
  if (!('schemaVersion' in o)) return undefined;
  if ('assertions' in o && ('kpi' in o || 'failed' in o)) return 'report-result';
  if ('before' in o && 'after' in o) return 'compare-result';
  if ('managers' in o && 'total' in o && 'period' in o) return 'kpi-result';
  return undefined;
}

/** Guesses the kind of a document from its name and parsed content (for messages, never for reading). */
export function guessDocumentKind(file: string, doc: unknown, text: string): DocumentKind {
  // An empty file is no kind at all: the YAML reader says it is empty.
  if (text.trim() === '') return 'unknown';
  if (/\.(csv|tsv|xlsx?)$/i.test(file)) return 'export';
  if (doc !== null && typeof doc === 'object' && !Array.isArray(doc)) {
    const o = doc as Record<string, unknown>;
    // A result (audit --format json) has its score and band; a questionnaire has bands to score against and no total.
    if ('sections' in o && 'schemaVersion' in o && 'total' in o && ('band' in o || 'bands' in o)) return 'audit-result';
    // kpi's, compare's and report's results: a tester's kpi JSON as --answers was told of unknown keys and the three an answers file takes.
    const result = resultOf(o);
    if (result) return result;
    if ('sections' in o) return 'questionnaire';
    if ('answers' in o) return 'answers';
  }
  // A document's name, or a text that begins as JSON does, is never an export: a hand-edited JSON answers file with an
  // extra `}` (its first line full of commas) was called a CRM export, its syntax error unsaid (a tester).
  if (/\.(json|ya?ml)$/i.test(file) || /^\uFEFF?\s*[{[]/.test(text)) return 'unknown';
  // A delimited export renamed or piped: a header line with several delimiters and no YAML key.
  // The first line that is not blank nor a YAML comment («# Map for deals.csv, calls.csv» has commas).
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) ?? '';
  if ((first.match(/[,;\t]/g)?.length ?? 0) >= 2 && !/^\s*[\w.-]+:\s/.test(first)) return 'export';
  return 'unknown';
}

/** The catalogue message for a file of one kind given where another was expected. */
const WRONG_KIND: Record<'answers' | 'questionnaire', Partial<Record<DocumentKind, MessageId>>> = {
  answers: { export: 'doc.exportForAnswers', questionnaire: 'doc.questionnaireForAnswers', 'audit-result': 'doc.resultForAnswers', 'kpi-result': 'doc.crmResultForAnswers', 'compare-result': 'doc.crmResultForAnswers', 'report-result': 'doc.reportResultForAnswers' },
  questionnaire: { export: 'doc.exportForQuestionnaire', answers: 'doc.answersForQuestionnaire', 'audit-result': 'doc.resultForQuestionnaire' },
};

/** A user error saying what kind of file was given where another was expected, and what to do; none when the kind is not known or is the expected one. */
export function wrongKindError(file: string, kind: DocumentKind, expected: 'answers' | 'questionnaire'): UserError | undefined {
  const id = WRONG_KIND[expected][kind];
  // A result's command (kpi, compare, report), named in its message.
  const command = kind.endsWith('-result') ? kind.slice(0, -'-result'.length) : '';
  return id ? UserError.of('E_WRONG_FILE', id, { file, inspect: inspectCommand(file), command }, { file }) : undefined;
}

/** The message for a CRM export given as each YAML document a run reads. */
const EXPORT_FOR: Record<'map' | 'config' | 'targets', MessageId> = { map: 'doc.exportForMap', config: 'doc.exportForConfig', targets: 'doc.exportForTargets' };

/** The error code of each YAML document a run reads, as its schema's errors have it. */
const SCHEMA_CODE: Record<'map' | 'config' | 'targets', string> = { map: 'E_MAP_SCHEMA', config: 'E_CONFIG', targets: 'E_TARGETS' };

/**
 * Parses a `--map` file, a report config or a targets file; a CRM export given in its place is said
 * for what it is (a tester's `report -c deals.csv` was «not valid YAML: Unexpected scalar token», and
 * `--map calls.csv` dumped the whole CSV on one line as the value it got), and a `--map` file given as
 * the config too (it was «unknown key: "deals"»). A text or a list at the top is refused at once, for what it is.
 */
export function parseDocumentAs(text: string, file: string, expected: 'map' | 'config' | 'targets'): unknown {
  const exportGiven = () => UserError.of('E_WRONG_FILE', EXPORT_FOR[expected], { file }, { file });
  if (/\.(csv|tsv|xlsx?)$/i.test(file) && guessDocumentKind(file, undefined, text) === 'export') throw exportGiven();
  let doc: unknown;
  try {
    doc = parseYaml(text, file, expected === 'map' ? 'names' : expected === 'config' ? 'grouped' : undefined);
  } catch (error) {
    throw guessDocumentKind(file, undefined, text) === 'export' ? exportGiven() : error;
  }
  if (doc !== null && typeof doc !== 'object' && guessDocumentKind(file, undefined, text) === 'export') throw exportGiven();
  if (doc !== null && (typeof doc !== 'object' || Array.isArray(doc))) {
    const { id, params } = notAMap(doc);
    throw UserError.of(SCHEMA_CODE[expected], id, params, { file, path: TOP_LEVEL });
  }
  if (expected === 'config' && isMapFile(doc)) throw UserError.of('E_WRONG_FILE', 'doc.mapForConfig', { file }, { file });
  const given = yamlKindOf(doc);
  if (given !== undefined && given !== expected) throw otherDocument(file, given, expected);
  return doc;
}

/** The YAML documents a run reads, by what their top keys say. */
type YamlKind = 'answers' | 'questionnaire' | 'map' | 'targets' | 'config';

/** Keys only a report config has at its top. */
const CONFIG_KEYS = new Set(['kpi', 'compare', 'audit', 'assert', 'preset', 'baseline', 'import']);

/**
 * What a document's top keys say it is, where they say it: a questionnaire's sections, an answers
 * file's answers, a targets file's one section, a --map file's sections, a config's own keys.
 */
function yamlKindOf(doc: unknown): YamlKind | undefined {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const keys = Object.keys(doc);
  if (keys.includes('sections')) return 'questionnaire';
  if (keys.includes('answers')) return 'answers';
  if (keys.length > 0 && keys.every((k) => k === 'targets' || k.trim().toLowerCase() === 'цели')) return 'targets';
  if (keys.some((k) => CONFIG_KEYS.has(k))) return 'config';
  return isMapFile(doc) ? 'map' : undefined;
}

/** Each YAML document's name in a sentence, and how it is passed. */
const YAML_KINDS: Record<YamlKind, { ru: string; en: string; how: string }> = {
  answers: { ru: 'файл ответов аудита', en: 'an audit answers file', how: 'crm-audit audit --answers {file}' },
  questionnaire: { ru: 'анкета аудита', en: 'an audit questionnaire', how: 'crm-audit audit --questionnaire {file}' },
  map: { ru: 'файл --map', en: 'a --map file', how: '--map {file}' },
  targets: { ru: 'файл целей', en: 'a targets file', how: 'crm-audit compare … --targets {file}' },
  config: { ru: 'файл настроек report', en: 'a report config', how: 'crm-audit report -c {file}' },
};

/**
 * A YAML document of one kind given where another is read: named, with how it is passed (tester T56 M2:
 * an answers file as --map was «unknown keys», a config as --targets «no such metric: "lang"»).
 */
function otherDocument(file: string, given: YamlKind, expected: YamlKind): UserError {
  const g = YAML_KINDS[given];
  const e = YAML_KINDS[expected];
  return UserError.of('E_WRONG_FILE', 'doc.otherDocument', { givenRu: g.ru, givenEn: g.en, expectedRu: e.ru, expectedEn: e.en, how: g.how.replace('{file}', file) }, { file });
}

/** Where an answers file is read, another YAML document given as one, named (otherDocument); undefined for an answers file or one its keys do not tell. */
export function notAnswers(file: string, doc: unknown): UserError | undefined {
  const given = yamlKindOf(doc);
  return given === 'map' || given === 'targets' || given === 'config' ? otherDocument(file, given, 'answers') : undefined;
}

/** Whether a document has a `--map` file's sections and none of a report config's. */
function isMapFile(doc: unknown): boolean {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return false;
  const keys = Object.keys(doc);
  const map = ['deals', 'activities', 'payments', 'managers', 'units'];
  return keys.length > 0 && keys.every((k) => map.includes(k));
}
