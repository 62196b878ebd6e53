import { warningLines } from '../core/kpi/alerts.js';
import type { DataQuality } from '../core/kpi/types.js';
import { tr } from '../core/i18n.js';
import { terminalSafe } from './terminal-safe.js';

/** A CSV cell: text from an export or a label, a number, or nothing. */
export type CsvValue = string | number | null | undefined;

/**
 * Text that a spreadsheet would run as a formula (OWASP "CSV injection": a leading `=`, `+`, `-`,
 * `@`, tab or carriage return) gets a leading apostrophe, so it is shown as text. Numbers the
 * product computed are written as numbers and never touched.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** CSV conventions of a language: Russian Excel reads `;` and a decimal comma, English `,` and a dot. */
export function csvDialect(lang: string): { delimiter: string; decimal: string } {
  return lang === 'ru' ? { delimiter: ';', decimal: ',' } : { delimiter: ',', decimal: '.' };
}

function cell(value: CsvValue, dialect: { delimiter: string; decimal: string }): string {
  if (value === null || value === undefined) return '';
  // Twelve significant digits drop float noise (0.30000000000000004) and keep every real digit.
  // A control character from an export (an escape sequence in a manager's name) is shown as U+FFFD, as
  // on the terminal: a CSV goes to stdout by default, and a spreadsheet has no use for one either.
  const text = typeof value === 'number' ? String(Number(value.toPrecision(12))).replace('.', dialect.decimal) : neutraliseFormula(terminalSafe(value, false));
  return /["\r\n]/.test(text) || text.includes(dialect.delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Tables as one CSV file: UTF-8 with a BOM (so Excel picks the encoding), CRLF line ends (RFC 4180),
 * and an empty line between tables.
 */
export function renderCsvTables(tables: Array<{ head: string[]; rows: CsvValue[][] }>, lang: string): string {
  const dialect = csvDialect(lang);
  const blocks = tables.map((t) => [t.head, ...t.rows].map((r) => r.map((v) => cell(v, dialect)).join(dialect.delimiter)).join('\r\n'));
  return `\uFEFF${blocks.join('\r\n\r\n')}\r\n`;
}

/** A CSV table: its header and rows. */
export type CsvTable = { head: string[]; rows: CsvValue[][] };

/**
 * The warnings stderr gave (an «after» period of 11 days, mixed currencies…) as the file's last table,
 * one a row under «Внимание» / "Warning": a spreadsheet opened away from the terminal keeps them.
 * None when there are none.
 */
export function warningsTable(quality: Pick<DataQuality, 'warnings' | 'alerts'> | undefined, lang: string): CsvTable[] {
  const lines = quality ? warningLines(quality, lang) : [];
  return lines.length === 0 ? [] : [{ head: [tr(lang, 'Внимание', 'Warning')], rows: lines.map((w) => [w]) }];
}
