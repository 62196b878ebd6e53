import { UserError } from '../core/errors.js';
import type { Limits } from './limits.js';

/** Receives each record: its fields and the line it starts on (1-based). */
export type RowSink = (fields: string[], line: number) => void;

/**
 * A streaming RFC 4180 parser tuned for large exports: lines without quotes are split natively
 * (the common case), quoted fields go through a scanner that allows delimiters, quotes ("") and line
 * breaks inside. LF, CRLF and lone CR line ends are accepted. The tests check it against csv-parse.
 */
export class CsvParser {
  private carry = '';
  private line = 1;
  private newline: '\n' | '\r' | undefined;

  constructor(
    private readonly delimiter: string,
    private readonly sink: RowSink,
    private readonly file: string,
    private readonly limits: Pick<Limits, 'maxCellChars' | 'maxColumns'>,
  ) {}

  /** Counts lines already consumed before the text given to push (e.g. a `sep=` line). */
  skipLines(n: number): void {
    this.line += n;
  }

  /** Feeds decoded text. */
  push(text: string): void {
    const s = this.carry.length > 0 ? this.carry + text : text;
    this.carry = '';
    if (this.newline === undefined) {
      const lf = s.indexOf('\n');
      const cr = s.indexOf('\r');
      if (lf !== -1) this.newline = '\n';
      else if (cr !== -1 && cr < s.length - 1) this.newline = '\r';
      else {
        this.carry = s;
        this.checkCarry();
        return;
      }
    }
    const consumed = this.parse(s, false);
    this.carry = consumed < s.length ? s.slice(consumed) : '';
    this.checkCarry();
  }

  /** Ends the input: the last record may lack a line end. */
  end(): void {
    if (this.newline === undefined) this.newline = '\n';
    if (this.carry.length > 0) {
      const s = this.carry;
      this.carry = '';
      this.parse(s, true);
    }
  }

  private checkCarry(): void {
    if (this.carry.length > this.limits.maxCellChars * 2) {
      throw new UserError(
        'E_LIMIT_CELL',
        `a record starting at line ${this.line} runs over ${this.limits.maxCellChars * 2} characters without ending; probably an unbalanced quote`,
        { file: this.file, row: this.line },
        'check the quotes around that line, or raise --max-cell-size',
      );
    }
  }

  /** Parses complete records from s; returns how many characters were consumed. */
  private parse(s: string, final: boolean): number {
    const nl = this.newline!;
    const d = this.delimiter;
    let pos = 0;
    const n = s.length;
    // The next quote at or after pos: found once and reused, so quote-free text is scanned once.
    let quote = -2;
    while (pos < n) {
      let eol = s.indexOf(nl, pos);
      if (eol === -1) {
        if (!final) return pos;
        eol = n;
      }
      let end = eol;
      if (nl === '\n' && end > pos && s.charCodeAt(end - 1) === 13) end--;
      if (quote !== -1 && quote < pos) quote = s.indexOf('"', pos);
      if (quote === -1 || quote >= end) {
        const fields = end === pos ? [''] : s.slice(pos, end).split(d);
        this.emit(fields);
        this.line++;
        pos = eol + 1;
        continue;
      }
      const next = this.parseQuoted(s, pos, final);
      if (next === -1) return pos;
      pos = next;
    }
    return n;
  }

  /** The slow path for a record with quotes; returns the position after it, or -1 if incomplete. */
  private parseQuoted(s: string, start: number, final: boolean): number {
    const d = this.delimiter;
    const dc = d.charCodeAt(0);
    const nl = this.newline!;
    const fields: string[] = [];
    let pos = start;
    let lines = 0;
    const n = s.length;
    for (;;) {
      let value = '';
      if (pos < n && s.charCodeAt(pos) === 34) {
        let k = pos + 1;
        for (;;) {
          const q = s.indexOf('"', k);
          if (q === -1) {
            if (!final) return -1;
            throw new UserError('E_CSV_QUOTE', `a quoted field opened at line ${this.line} is never closed`, { file: this.file, row: this.line }, 'the file is cut short or has an unbalanced quote; export it again');
          }
          value += s.slice(k, q);
          if (q + 1 < n && s.charCodeAt(q + 1) === 34) {
            value += '"';
            k = q + 2;
            continue;
          }
          if (q + 1 >= n && !final) return -1;
          pos = q + 1;
          break;
        }
        lines += countLineBreaks(value, nl);
        // Text after the closing quote (a lenient case real exports produce) joins the field.
        const stop = nextStop(s, pos, dc, nl);
        if (stop === -1) {
          if (!final) return -1;
          value += s.slice(pos);
          pos = n;
        } else {
          value += s.slice(pos, stop);
          pos = stop;
        }
      } else {
        const stop = nextStop(s, pos, dc, nl);
        if (stop === -1) {
          if (!final) return -1;
          value = s.slice(pos);
          pos = n;
        } else {
          value = s.slice(pos, stop);
          pos = stop;
        }
      }
      if (value.length > this.limits.maxCellChars) this.cellTooLong();
      fields.push(value);
      if (pos >= n) {
        this.emit(fields);
        this.line += 1 + lines;
        return n;
      }
      const c = s.charCodeAt(pos);
      if (c === dc) {
        pos++;
        continue;
      }
      if (c === 13 && nl === '\n') {
        if (pos + 1 >= n && !final) return -1;
        pos++;
        if (pos < n && s.charCodeAt(pos) === 10) pos++;
      } else {
        pos++;
      }
      this.emit(fields);
      this.line += 1 + lines;
      return pos;
    }
  }

  private emit(fields: string[]): void {
    if (fields.length > this.limits.maxColumns) {
      throw new UserError('E_LIMIT_COLUMNS', `line ${this.line} has ${fields.length} columns; the limit is ${this.limits.maxColumns}`, { file: this.file, row: this.line }, 'check the delimiter (--delimiter), or raise --max-columns');
    }
    for (const f of fields) if (f.length > this.limits.maxCellChars) this.cellTooLong();
    this.sink(fields, this.line);
  }

  private cellTooLong(): never {
    throw new UserError('E_LIMIT_CELL', `a cell at line ${this.line} is longer than ${this.limits.maxCellChars} characters`, { file: this.file, row: this.line }, 'raise --max-cell-size if the file is genuine');
  }
}

function nextStop(s: string, from: number, dc: number, nl: string): number {
  const a = s.indexOf(String.fromCharCode(dc), from);
  const b = s.indexOf(nl, from);
  const c = nl === '\n' ? s.indexOf('\r', from) : -1;
  let m = -1;
  for (const x of [a, b, c]) if (x !== -1 && (m === -1 || x < m)) m = x;
  return m;
}

function countLineBreaks(value: string, nl: string): number {
  let count = 0;
  let i = value.indexOf(nl);
  while (i !== -1) {
    count++;
    i = value.indexOf(nl, i + 1);
  }
  return count;
}

/** Candidate delimiters, most common in CRM exports first. */
export const DELIMITERS = [';', ',', '\t', '|'] as const;

/**
 * Picks the delimiter from the first lines, counting only outside quotes: the candidate whose count
 * is the same non-zero number on most lines wins (title rows above the header have fewer).
 */
export function detectDelimiter(sample: string): string {
  const lines = splitSampleRecords(sample).slice(0, 50);
  let best: { d: string; score: number; width: number } = { d: ',', score: -1, width: 0 };
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d)).filter((c) => c > 0);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let modeFreq = 0;
    for (const [c, f] of freq) if (f > modeFreq || (f === modeFreq && c > mode)) [mode, modeFreq] = [c, f];
    const score = modeFreq * 1000 + Math.min(mode, 999);
    if (score > best.score) best = { d, score, width: mode };
  }
  return best.d;
}

/** Splits a sample into records, keeping quoted line breaks inside their record. */
function splitSampleRecords(sample: string): string[] {
  const out: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (!inQuotes && (c === 10 || c === 13)) {
      if (i > start) out.push(sample.slice(start, i));
      start = i + 1;
    }
  }
  return out;
}

function countOutsideQuotes(line: string, d: string): number {
  let inQuotes = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === d) count++;
  }
  return count;
}
