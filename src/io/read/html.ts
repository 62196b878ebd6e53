import { Parser } from 'htmlparser2';
import { UserError } from '../../core/errors.js';
import type { RowSink } from './csv.js';
import type { Limits } from './limits.js';

/**
 * Streams the rows of the data table of an HTML document (Bitrix24's and Salesforce's ".xls"):
 * the first table with a row of three or more filled cells that names known columns (where the caller
 * gives that test: namesColumns; else any such row), with the rows of the tables above it
 * (titles, a filter table of two-cell «Фильтр | Период» rows, which was once taken for the data and
 * the export refused) passed on first for the header search; tables after it are ignored, but for
 * one that repeats the data's header row, whose rows are more of the data. A document
 * whose tables never show three filled cells is read whole (a two-column table). Markup inside cells
 * (`<span>`, `<a>`, `<br>`) reduces to text; script and style contents are ignored; nested tables fold
 * into their cell's text, cell from cell apart. A cell spanning columns is followed by empty
 * cells; one spanning rows gives its text to each row it covers, as a merged XLSX cell does (a
 * manager's name once for several deals), so that the columns after it stay in place. htmlparser2 keeps its own stack, so deeply
 * nested tags cost memory, never recursion; but it puts each open element at the stack's front and
 * searches the stack for each closing tag, a step per element open at every tag, so elements nested
 * deeper than maxHtmlDepth are refused (200k nested tables, 3 MB, ran for many minutes, deaf to Ctrl+C).
 * A document that ends inside its data table (no `</table>`: a download cut off, or a `<!--` or
 * `<script>` never closed that swallowed the rest) is read as far as it goes and said (tableCut). A
 * `<table>` opened between the rows of the data table (not in a cell) holds more of the data when its
 * first wide row repeats the header (two exports run together: its rows were dropped, T65), and is
 * passed over otherwise (a note), the table around it read on after it (review R51); a `<tr>` opened
 * in a row ends that row, a `<td>` in a cell that cell; a row or cell tag with a stray character
 * glued to its name (`<tr">`) is that tag (its row was lost without a word: T65).
 */
/**
 * The elements that nest a table export's content (its tables, rows, cells, and the blocks and
 * formatting around and inside them): their nesting is what maxHtmlDepth limits. Others (an anchor
 * `<a name="r1">` never closed before each row) are not counted, up to STRAY_FACTOR times the limit
 * in all: the library's stack costs a step per open element at every tag, so it stays bounded.
 */
const NESTING = new Set(['html', 'body', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'div', 'span', 'font', 'p', 'b', 'i', 'u', 's', 'strong', 'em', 'center', 'small', 'big', 'ul', 'ol', 'li', 'form', 'section', 'article', 'blockquote', 'pre', 'caption']);
const STRAY_FACTOR = 16;

export class HtmlTableParser {
  private readonly parser: Parser;
  private depth = 0;
  private tablesSeen = 0;
  private inRow = false;
  private cell: string | undefined;
  private cells: string[] = [];
  private skipText = 0;
  private row = 0;
  private pendingSpan = 1;
  private pendingRows = 1;
  /** The cell's value as Excel saved it beside its shown text (`x:num="350000"`), if any. */
  private pendingValue: string | undefined;
  /** Cells of rows above that span down into the next rows (rowspan), by their first column. */
  private down: Array<{ text: string; rows: number; width: number } | undefined> = [];
  /** Rows held back until one shows three or more filled cells (titles and filter tables have fewer), or the document ends. */
  private held: string[][] = [];
  private committed = false;
  /** The table of each held row. */
  private heldTables: number[] = [];
  /** The first table with a row of three filled cells (0: none yet). */
  private firstWide = 0;
  /** Whether a held row had two filled cells. */
  private heldTwo = false;
  /** The data table's number among the top-level tables (tables after it are ignored, unless they repeat its header). */
  private dataTable = 0;
  /** The data table's row that named the columns (its trailing blank cells cut). */
  private header: string[] = [];
  /** A password field seen: the page is a sign-in form (a download made while signed out), when no table names columns. */
  private password = false;
  /**
   * A top-level table after the data table: unknown until its first row of three filled cells, then
   * more of the data when that row repeats the data table's header (a document that splits its rows
   * over tables, as a page break does), else ignored (totals, notes).
   */
  private later: 'unknown' | 'data' | 'ignore' = 'ignore';
  /** Elements open now: the length of the library's stack (every open it reports is closed, void ones and `<x/>` at once). */
  private open = 0;
  /** Of them, the elements that nest content in a table export (NESTING): the depth maxHtmlDepth limits. */
  private nesting = 0;
  /** The text fed so far: characters and line breaks before the chunk now read, and that chunk, to say where a tag is. */
  private fed = { before: 0, lines: 0, lineStart: 0, chunk: '' };
  /** A table opened between the rows of the table read (depth 2): more of the data (its first wide row the header again), passed over, or not known yet. */
  private inline: 'unknown' | 'data' | 'ignore' | undefined;
  /** The data table left open at the document's end: the last row read (the import says it: html-table-cut). */
  tableCut: { row: number } | undefined;

  constructor(
    private readonly sink: RowSink,
    private readonly file: string,
    private readonly limits: Pick<Limits, 'maxCellChars' | 'maxColumns' | 'maxHtmlDepth'>,
    /** The header search's test, where the reader knows it: a three-cell row of a filter table that names no column is not the data. */
    private readonly namesColumns?: (cells: readonly string[]) => boolean,
  ) {
    this.parser = new Parser(
      {
        onopentag: (name, attribs) => this.opened(tableTag(name), attribs),
        ontext: (text) => this.text(text),
        onclosetag: (name) => this.closed(tableTag(name)),
      },
      // `<a name="r1"/>`, `<div/>` close where written, as an XML serialiser means them: left open, one a row piled up past the depth limit.
      { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
    );
  }

  /** Feeds decoded text. */
  write(text: string): void {
    this.fed.chunk = text;
    this.parser.write(text);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      this.fed.lines++;
      this.fed.lineStart = this.fed.before + i + 1;
    }
    this.fed.before += text.length;
  }

  /** Ends the document. */
  end(): void {
    // Still in the data table (or a later one that holds more of it) at the end: the library closes it, and its last row, now.
    const cut = this.depth > 0 && this.committed && (this.tablesSeen === this.dataTable || this.later === 'data');
    this.parser.end();
    if (cut) this.tableCut = { row: this.row };
    // A CRM's sign-in page saved under the export's name: its «Логин» and «Пароль» are no data to read.
    if (!this.committed && this.password) throw UserError.of('E_HTML_LOGIN_PAGE', 'html.loginPage', {}, { file: this.file });
    // No row named known columns: the rows up to the end of the first table with a row of three filled
    // cells (the data, as a document with no header row has it), else every row held.
    if (!this.committed) {
      for (let i = 0; i < this.held.length; i++) if (this.firstWide === 0 || this.heldTables[i]! <= this.firstWide) this.sink(this.held[i]!, ++this.row);
    }
    if (this.tablesSeen === 0) throw UserError.of('E_HTML_NO_TABLE', 'html.noTable', {}, { file: this.file });
  }

  private opened(name: string, attribs: Record<string, string>): void {
    this.open++;
    if (NESTING.has(name)) this.nesting++;
    // Elements never closed that nest nothing (an `<a name>` before each row) are let pile up to STRAY_FACTOR times as many.
    const over = this.nesting > this.limits.maxHtmlDepth ? this.limits.maxHtmlDepth : this.open > this.limits.maxHtmlDepth * STRAY_FACTOR ? this.limits.maxHtmlDepth * STRAY_FACTOR : 0;
    if (over > 0) throw UserError.of('E_LIMIT_DEPTH', 'html.tooDeep', { max: over }, { file: this.file, at: this.tagAt() });
    if (name === 'script' || name === 'style') this.skipText++;
    if (name === 'input' && attribs.type?.trim().toLowerCase() === 'password') this.password = true;
    // crm-audit's own HTML report (render/html/page.ts names the product as its generator): no export, said before its tables are taken for one.
    if (name === 'meta' && attribs.name?.trim().toLowerCase() === 'generator' && /^crm-audit\b/i.test(attribs.content?.trim() ?? '')) {
      throw UserError.of('E_COMPARE_KIND', 'html.ownReport', {}, { file: this.file });
    }
    if (name === 'table') {
      if (this.depth === 1 && this.cell === undefined && this.inline === undefined && this.committed && this.tablesSeen === this.dataTable) {
        if (this.inRow) this.endRow();
        this.inline = 'unknown';
      }
      this.depth++;
      if (this.depth === 1) {
        this.tablesSeen++;
        this.down = [];
        if (this.committed) this.later = 'unknown';
      }
      return;
    }
    if (!this.reading()) {
      // A nested table's cells and rows stay apart in the text they fold into.
      if (this.cell !== undefined && (name === 'br' || name === 'tr')) this.cell += '\n';
      else if (this.cell !== undefined && (name === 'td' || name === 'th')) this.cell += ' ';
      return;
    }
    // A span ends with its table section (rowspan="0" reaches its end).
    if (name === 'thead' || name === 'tbody' || name === 'tfoot') this.down = [];
    if (name === 'tr') {
      // A row opened in a row ends it (the library closes a `<tr>` so itself, but not one whose tag was damaged: tableTag).
      if (this.inRow) this.endRow();
      this.inRow = true;
      this.cells = [];
    } else if ((name === 'td' || name === 'th') && this.inRow) {
      // A cell opened in a cell ends it (one whose tag was damaged is never closed by the library: tableTag).
      if (this.cell !== undefined) this.endCell();
      this.cell = '';
      const span = Number(attribs.colspan ?? '1');
      this.pendingSpan = Number.isInteger(span) && span > 1 ? Math.min(span, this.limits.maxColumns) : 1;
      const rows = Number(attribs.rowspan ?? '1');
      this.pendingRows = rows === 0 ? Number.MAX_SAFE_INTEGER : Number.isInteger(rows) && rows > 1 ? rows : 1;
      const value = attribs['x:num']?.trim();
      this.pendingValue = value !== undefined && value !== '' && Number.isFinite(Number(value)) ? value : undefined;
    } else if (name === 'br' && this.cell !== undefined) {
      this.cell += '\n';
    }
  }

  private text(text: string): void {
    if (this.cell === undefined || this.skipText > 0) return;
    this.cell += text;
    if (this.cell.length > this.limits.maxCellChars) {
      throw UserError.of('E_LIMIT_CELL', 'html.cellTooLong', { row: this.row + 1, max: this.limits.maxCellChars }, { file: this.file, row: this.row + 1 });
    }
  }

  private closed(name: string): void {
    this.open--;
    if (NESTING.has(name)) this.nesting--;
    if (name === 'script' || name === 'style') this.skipText = Math.max(0, this.skipText - 1);
    if (name === 'table') {
      this.depth = Math.max(0, this.depth - 1);
      if (this.depth < 2) this.inline = undefined;
      return;
    }
    if (!this.reading()) return;
    if ((name === 'td' || name === 'th') && this.cell !== undefined) this.endCell();
    else if (name === 'tr' && this.inRow) this.endRow();
  }

  /** Whether rows are read at this depth: the top-level table's, or those of a table inside it between its rows that may be data. */
  private reading(): boolean {
    if (this.ignoring()) return false;
    return this.inline === undefined ? this.depth === 1 : this.depth === 2 && this.inline !== 'ignore';
  }

  /** What the row read now says of its table: its first wide row is the data's header again (its rows are more data) or not (passed over); a narrower one says nothing yet. */
  private judged(): 'unknown' | 'data' | 'ignore' {
    if (this.cells.filter((c) => c !== '').length < 3) return 'unknown';
    return sameRow(this.cells, this.header) ? 'data' : 'ignore';
  }

  /** The cell read now is whole: added to the row, with the empty cells it spans. */
  private endCell(): void {
    this.fillDown();
    const shown = cleanCell(this.cell!);
    // A page Excel saved keeps a number's value beside the text its format shows (x:num): «350» of a
    // thousands format is 350000, a date shown «01.03» the serial of its day and time (tester T75). A
    // time or a share is read as shown: its value is a fraction of a day or of one.
    const text = this.pendingValue !== undefined && !/[:%]/.test(shown) ? this.pendingValue : shown;
    if (this.pendingRows > 1) this.down[this.cells.length] = { text, rows: this.pendingRows - 1, width: this.pendingSpan };
    this.cells.push(text);
    for (let i = 1; i < this.pendingSpan; i++) this.cells.push('');
    this.cell = undefined;
    if (this.cells.length > this.limits.maxColumns) {
      throw UserError.of('E_LIMIT_COLUMNS', 'html.tooManyColumns', { row: this.row + 1, max: this.limits.maxColumns }, { file: this.file, row: this.row + 1 });
    }
  }

  /** The row read now is whole: passed on, or held until the data table is known. */
  private endRow(): void {
    this.fillDown();
    this.inRow = false;
    // A table inside the data's rows, or a later one, not judged yet: this row may judge it, and is none of the data.
    if (this.inline === 'unknown') {
      this.inline = this.judged();
      return;
    }
    if (this.committed) {
      if (this.tablesSeen !== this.dataTable && this.later === 'unknown') {
        this.later = this.judged();
        return;
      }
      this.row++;
      this.sink(this.cells, this.row);
      return;
    }
    this.held.push(this.cells);
    this.heldTables.push(this.tablesSeen);
    const filled = this.cells.filter((c) => c !== '').length;
    if (filled >= 2) this.heldTwo = true;
    if (filled >= 3 && this.firstWide === 0) this.firstWide = this.tablesSeen;
    // A table of two columns at most is the data once 200 rows show nothing wider.
    if ((filled >= 3 && (this.namesColumns === undefined || this.namesColumns(this.cells))) || (this.heldTwo && this.held.length > 200)) {
      // The data: what came before it (titles, a filter table) is passed on too, for the header search.
      this.committed = true;
      this.dataTable = this.tablesSeen;
      this.header = trimRow(this.cells);
      for (const r of this.held) this.sink(r, ++this.row);
      this.held = [];
      this.heldTables = [];
    } else if (this.held.length > 200) {
      throw UserError.of('E_HTML_NO_TABLE', 'html.oneColumn', {}, { file: this.file });
    }
  }

  /** The line and column (1-based; the column in UTF-16 code units) of the tag read now; one begun in the chunk before is placed where this chunk starts. */
  private tagAt(): { line: number; column: number } {
    const { before, lines, lineStart, chunk } = this.fed;
    const at = Math.max(0, Math.min(this.parser.startIndex - before, chunk.length));
    let line = lines + 1;
    let start = lineStart;
    for (let i = chunk.indexOf('\n'); i !== -1 && i < at; i = chunk.indexOf('\n', i + 1)) {
      line++;
      start = before + i + 1;
    }
    return { line, column: before + at - start + 1 };
  }

  /** Whether this element is in a table whose rows are not read (nested tables fold into their cell's text, which is read). */
  private ignoring(): boolean {
    return this.committed && this.tablesSeen !== this.dataTable && this.later === 'ignore';
  }

  /** Puts the cells of rows above that span down into this row where its next cell would go. */
  private fillDown(): void {
    for (let d = this.down[this.cells.length]; d !== undefined && d.rows > 0; d = this.down[this.cells.length]) {
      d.rows--;
      this.cells.push(d.text);
      for (let i = 1; i < d.width; i++) this.cells.push('');
      if (this.cells.length > this.limits.maxColumns) {
        throw UserError.of('E_LIMIT_COLUMNS', 'html.tooManyColumns', { row: this.row + 1, max: this.limits.maxColumns }, { file: this.file, row: this.row + 1 });
      }
    }
  }
}

/** A row, cell or section tag with stray characters glued to its name (`<tr">`, `<td'>`) is that tag: its cells were otherwise lost. */
function tableTag(name: string): string {
  // Not a table's own tag: its end tag would never be matched, and the table would seem left open (a false html-table-cut).
  const m = /^(thead|tbody|tfoot|tr|td|th)[^a-z0-9]+$/.exec(name);
  return m ? m[1]! : name;
}

/** A row without its trailing blank cells. */
function trimRow(cells: readonly string[]): string[] {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === '') n--;
  return cells.slice(0, n);
}

function sameRow(a: readonly string[], b: readonly string[]): boolean {
  const x = trimRow(a);
  return x.length === b.length && x.every((c, i) => c === b[i]);
}

/** Cell text as a person sees it: whitespace runs (including NBSP) collapsed, line breaks kept. */
function cleanCell(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0\u202f]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}
