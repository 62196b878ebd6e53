import { METRICS, UNIT_METRICS, STAGE_METRICS } from '../../src/core/kpi/catalog.js';
import { answersFileSchema } from '../../src/core/audit/answers.js';
import { PRESET_NAMES } from '../../src/core/presets.js';
import { questionnaireSchema } from '../../src/core/questionnaire/schema.js';
import { configSchema } from '../../src/io/documents/config-file.js';
import { mapFileSchema } from '../../src/io/documents/map-file-schema.js';
import { targetsSchema } from '../../src/io/documents/targets-file.js';
import { FIELDS } from '../../src/io/map/fields.js';

/** Latin words a Russian text may hold: terms, units, ids, format names. */
const ALLOWED = new Set([
  'CRM', 'ID', 'ISO', 'ASCII', 'BOM', 'NUL', 'UTF-8', 'utf-8', 'windows-1251',
  // the time standard, as Russian writes it too («по UTC»)
  'UTC',
  // encodings as --encoding takes them and as a person names them
  'cp1251', 'cp1252', 'cp1250', 'cp1254', 'Windows-1250', 'Windows-1254', 'koi8-r', 'cp866', 'utf-16le', 'utf-16be', 'Windows-1251', 'KOI8-R', 'CP866', 'DOS', 'JSON', 'json', 'XLSX', 'CSV', 'HTML', 'html',
  'crm-audit', 'inspect', 'kpi', 'report', 'map', 'true', 'false', 'null', 'notApplicable', 'dataQuality.rowsSkipped',
  'amoCRM', 'amocrm', 'Bitrix24', 'bitrix24-calls', 'telephony', 'REST', 'API', 'bitrix24-rest-activities', 'table', 'md', 'xlsx', 'csv', 'warn', 'total', 'managers', 'audit', 'compare',
  // keys of a --map file, in the snippets a hint offers to paste
  'deals', 'activities', 'payments', 'columns', 'status', 'spend', 'plan',
  // command names, language codes and the formats and products a help text names
  'validate', 'generate', 'demo', 'help', 'ru', 'en', 'LANG', 'YAML', 'ZIP', 'Excel', 'LibreOffice', 'CI', 'JUnit', 'GitLab', 'junit',
  // unit economics: Russian marketers write these in Latin letters (the catalogue's own Russian labels)
  'CAC', 'LTV', 'ROMI',
  // the JSON key of a lost deal without a reason, named in that metric's definition
  'unspecified',
  // answer and status ids, built-in questionnaire and preset ids, the keys of the documents a person writes
  'yes', 'no', 'skip', 'won', 'lost', 'open', 'deleted', 'crm-maturity', ...PRESET_NAMES,
  ...[configSchema, questionnaireSchema, answersFileSchema, targetsSchema, mapFileSchema].flatMap((s) => Object.keys(s.shape)),
  ...[...METRICS, ...UNIT_METRICS, ...STAGE_METRICS].map((m) => m.key),
  ...Object.values(FIELDS).flatMap((fields) => fields.map((f) => f.field)),
]);

/**
 * The Latin words of a Russian text that should not be there: a Russian run (LANG=ru_RU.UTF-8, no
 * --lang) or render must not print English. What may stay Latin: what is quoted from the user's file
 * or command line («…», "…", '…'), file names and paths, options (--from), what the importer maps a
 * column or a value to (after "->": field and value ids), a help's example commands, ids (snake_case,
 * dotted paths, metric keys, field names, option values), an operating system's error code in
 * parentheses («(EXDEV)», «(код EXDEV)») and the terms and units of ALLOWED.
 */
export function latinWords(output: string): string[] {
  const stripped = output
    // a help's example commands are typed as they are, in any language
    .replace(/^ {2}\$ .*$/gm, ' ')
    .replace(/«[^»\n]*»|"[^"\n]*"|'[^'\n]*'/g, ' ')
    .replace(/->.*$/gm, ' ')
    .replace(/\S*[/\\]\S*|\S+\.(csv|xlsx?|json|md|ya?ml|html)\b/g, ' ')
    .replace(/(^|[\s(])--?[\w-]+/g, ' ')
    .replace(/\((?:код )?E[A-Z0-9]+\)/g, ' ');
  // A word right after a dot is a file extension (.txt, .markdown): an id, like the format names.
  const words = [...stripped.matchAll(/(?<![\w.])[A-Za-z][A-Za-z0-9_.*<>=!-]*/g)].map((m) => m[0].replace(/[.-]+$/, ''));
  return words.filter((w) => !ALLOWED.has(w) && !w.includes('_') && !/^\w+(\.[\w*]+)+/.test(w) && !/^(error|warn):/.test(w));
}
