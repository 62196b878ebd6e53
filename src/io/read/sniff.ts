import { UserError } from '../../core/errors.js';
import { TextDecoder } from 'node:util';

/** What a file is, judged by its bytes. */
/** `spreadsheetml`: Excel's «XML Spreadsheet 2003» (saved as .xls or .xml by Excel, 1C and PBX/CRM «export to Excel» buttons). */
/** `cfb`: an OLE compound file (a legacy .xls, a password-protected .xlsx, a Word document): refused, by what its streams say (cfbError). */
export type FileType = 'xlsx' | 'html' | 'spreadsheetml' | 'text' | 'cfb';
export type Encoding = 'utf-8' | 'windows-1251' | 'windows-1252' | 'windows-1250' | 'windows-1254' | 'koi8-r' | 'ibm866' | 'utf-16le' | 'utf-16be';

export interface Sniffed {
  type: FileType;
  /** Known from a BOM or from UTF-16 byte patterns; otherwise decided while decoding. */
  encoding?: Encoding;
  bomLength: number;
}

/**
 * Identifies a file from its first bytes: XLSX (zip), legacy XLS / encrypted workbook (CFB, refused
 * with advice), an HTML table saved as .xls, UTF-16 text, or delimited text.
 */
export function sniff(head: Uint8Array, file: string): Sniffed {
  if (head.length === 0) throw UserError.of('E_EMPTY', file === '-' ? 'read.emptyStdin' : 'read.empty', {}, { file });
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return { type: 'xlsx', bomLength: 0 };
  if (head[0] === 0x50 && head[1] === 0x4b) {
    throw UserError.of('E_ZIP', 'read.zip', {}, { file });
  }
  if (head[0] === 0x1f && head[1] === 0x8b) throw UserError.of('E_GZIP', 'read.gzip', {}, { file });
  // A report printed to PDF, or a JSON API dump (HubSpot's, Pipedrive's) or a crm-audit result: read as
  // CSV they gave «no header row» and a --map snippet naming «%PDF-1.4» as the manager column.
  if (startsWith(head, '%PDF-')) throw UserError.of('E_NOT_TABLE', 'read.pdf', {}, { file });
  // A screenshot of a report saved under the export's name: it was «row 3: not a text export».
  const image = imageFormat(head);
  if (image) throw UserError.of('E_NOT_TABLE', 'read.image', { format: image }, { file });
  if (looksLikeJson(head)) throw UserError.of('E_NOT_TABLE', 'read.json', {}, { file });
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return { type: 'cfb', bomLength: 0 };
  const bom16 = utf16Bom(head);
  if (bom16) return { ...textOrHtml(decodeHead(head.subarray(2), bom16, 4096), file), encoding: bom16, bomLength: 2 };
  const utf8Bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const body = utf8Bom ? head.subarray(3) : head;
  const utf16 = guessUtf16WithoutBom(body);
  if (utf16) return { ...textOrHtml(decodeHead(body, utf16, 4096), file), encoding: utf16, bomLength: 0 };
  // Latin-1 keeps every byte one character: the markup of an 8-bit or UTF-8 file reads as itself.
  const kind = textOrHtml(Buffer.from(body.buffer, body.byteOffset, Math.min(body.length, 4096)).toString('latin1'), file);
  return { ...kind, ...(utf8Bom ? { encoding: 'utf-8' as const } : {}), bomLength: utf8Bom ? 3 : 0 };
}

/** The picture formats a screenshot is saved in, by their signatures. */
function imageFormat(head: Uint8Array): string | undefined {
  if (head[0] === 0x89 && startsWith(head.subarray(1), 'PNG\r\n')) return 'PNG';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'JPEG';
  if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a')) return 'GIF';
  if (startsWith(head, 'RIFF') && startsWith(head.subarray(8), 'WEBP')) return 'WebP';
  return undefined;
}

function startsWith(head: Uint8Array, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (head[i] !== text.charCodeAt(i)) return false;
  return true;
}

/**
 * Whether a file begins as JSON does: an object (`{` then a quoted key or `}`) or an array of values
 * (`[` then `{`, `[`, `"`, a digit or `]`), after a UTF-8 BOM and spaces. No export's header begins so.
 */
function looksLikeJson(head: Uint8Array): boolean {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const next = () => {
    while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
    return head[i++];
  };
  const first = next();
  if (first !== 0x7b && first !== 0x5b) return false;
  const second = next();
  if (second === undefined) return false;
  if (first === 0x7b) return second === 0x22 || second === 0x7d;
  if (second === 0x7b || second === 0x5b || second === 0x22) return true;
  // `[]` and `[1` go on as JSON does: `[]` ends the text, a number is followed by a comma or `]`. Mango's
  // statistics without their header row begin `[];1740985500;…` or `[MToxMDA…];…`: a table (a tester).
  if (second === 0x5d) return next() === undefined;
  if (second !== 0x2d && (second < 0x30 || second > 0x39)) return false;
  while (i < head.length && /[0-9.eE+-]/.test(String.fromCharCode(head[i]!))) i++;
  const after = next();
  return after === 0x2c || (after === 0x5d && next() === undefined);
}

/** The UTF-16 byte order its BOM says (FF FE little-endian, FE FF big-endian), else undefined. */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
}

function decodeHead(bytes: Uint8Array, encoding: Encoding, max = 1024): string {
  return new TextDecoder(encoding).decode(bytes.subarray(0, max));
}

function textOrHtml(start: string, file: string): { type: FileType } {
  if (isSpreadsheetMl(start)) return { type: 'spreadsheetml' };
  // Spaces and byte order marks before the markup: a second UTF-8 BOM reads as «ï»¿» in Latin-1 (an HTML .xls saved with two was taken for CSV: T65).
  const bare = start.replace(/^(?:[\s\uFEFF]|\u00ef\u00bb\u00bf)+/, '');
  const trimmed = bare.slice(0, 200).toLowerCase();
  if (/^<(!doctype html|html|meta|table|head|body|\?xml[^>]*>\s*<html|!--)/.test(trimmed)) return { type: 'html' };
  // Another XML document (Bitrix24 REST's crm.deal.list.xml, 1C's CommerceML): read as CSV it gave «no
  // header row» and a --map snippet naming «<?xml version=…» as the manager column (tester T75). XHTML is a page.
  if (trimmed.startsWith('<?xml')) {
    const root = XML_ROOT.exec(bare)?.[1]?.toLowerCase();
    if (root === 'html') return { type: 'html' };
    if (root !== undefined) throw UserError.of('E_NOT_TABLE', 'read.xml', {}, { file });
  }
  return { type: 'text' };
}

/** The root element of an XML document, after its declaration, processing instructions, comments and document type (a name in any letters: CommerceML's «КоммерческаяИнформация»). */
const XML_ROOT = /^(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE\b[^[>]*(?:\[[\s\S]*?\]\s*)?>\s*)*<(?:[^\s<>/?!:"'=]+:)?([^\s<>/?!:"'=]+)/;

/** Excel's namespace of the «XML Spreadsheet 2003» format. */
const SPREADSHEET_NS = 'urn:schemas-microsoft-com:office:spreadsheet';

/**
 * Whether a document's start is an Excel «XML Spreadsheet 2003» workbook: an XML declaration (or
 * none), processing instructions (`<?mso-application progid="Excel.Sheet"?>`), comments and a document
 * type (which the reader refuses, naming it: taken for CSV, it got a --map naming `<?xml` the
 * manager, tester T66 M1), then a
 * root `Workbook` element (any prefix, `ss:Workbook`) that binds its prefix (or the default
 * namespace) to Excel's spreadsheet namespace. Read as CSV it gave «no header row» and a `--map`
 * snippet naming `<?xml` as the manager column.
 */
export function isSpreadsheetMl(start: string): boolean {
  const m = /^[\s\uFEFF]*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE\b[^[>]*(?:\[[\s\S]*?\]\s*)?>\s*)*<(?:([A-Za-z_][\w.-]*):)?Workbook\b([^>]*)/.exec(start);
  if (!m) return false;
  const bind = m[1] === undefined ? 'xmlns' : `xmlns:${m[1]}`;
  const ns = new RegExp(`\\s${bind.replace('.', '\\.')}\\s*=\\s*["']([^"']*)["']`).exec(m[2]!);
  return ns?.[1] === SPREADSHEET_NS;
}

/**
 * UTF-16 without a BOM shows as text whose every other byte is a high byte: zero for ASCII, 0x04 for
 * Cyrillic (U+0400–U+04FF). Neither byte occurs in Windows-1251 or UTF-8 text, so a file whose high
 * positions are almost all of them, with some zeros (ASCII delimiters and line ends), is UTF-16.
 */
function guessUtf16WithoutBom(bytes: Uint8Array): Encoding | undefined {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return undefined;
  const high = (b: number | undefined) => b === 0 || b === 4;
  let evenZero = 0;
  let oddZero = 0;
  let evenHigh = 0;
  let oddHigh = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
    if (high(bytes[i])) evenHigh++;
    if (high(bytes[i + 1])) oddHigh++;
  }
  const pairs = n / 2;
  if (oddHigh > pairs * 0.6 && oddZero > 0 && evenHigh < pairs * 0.1) return 'utf-16le';
  if (evenHigh > pairs * 0.6 && evenZero > 0 && oddHigh < pairs * 0.1) return 'utf-16be';
  return undefined;
}

/** The streams that tell what an OLE compound file holds, by the name its directory gives them (UTF-16LE), and the refusal each gets. */
const CFB_STREAMS: ReadonlyArray<{ name: string; message: 'read.encryptedXlsx' | 'read.legacyXls' | 'read.oleDocument'; what?: string }> = [
  { name: 'EncryptedPackage', message: 'read.encryptedXlsx' },
  // A document's own stream before a workbook's: a Word document may hold a workbook embedded in it (review R45 F7).
  { name: 'WordDocument', message: 'read.oleDocument', what: 'Word' },
  { name: 'PowerPoint Document', message: 'read.oleDocument', what: 'PowerPoint' },
  { name: 'Workbook', message: 'read.legacyXls' },
  { name: 'Book', message: 'read.legacyXls' },
];

/**
 * The refusal of an OLE compound file (sniff's `cfb`), by the streams its bytes name: a workbook
 * encrypted with a password (an `EncryptedPackage` stream), a legacy binary .xls (`Workbook`, `Book`),
 * a Word or PowerPoint document; one message for all three told a user with a password-protected
 * workbook to look for an old format, and called a Word document a workbook (tester T49 F7). A file
 * whose streams name none of them gets the message that names both likely ones.
 */
export function cfbError(bytes: Uint8Array, file: string): UserError {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  for (const s of CFB_STREAMS) {
    if (buf.includes(Buffer.from(`${s.name}\0`, 'utf16le'))) return UserError.of(s.what ? 'E_NOT_TABLE' : 'E_LEGACY_XLS', s.message, s.what ? { what: s.what } : {}, { file });
  }
  return UserError.of('E_LEGACY_XLS', 'read.oleUnknown', {}, { file });
}

