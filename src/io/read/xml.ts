import { UserError } from '../../core/errors.js';

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five XML entities, character references and Excel's `_xHHHH_` escapes. Nothing else is expanded. */
export function decodeXmlText(raw: string): string {
  // A CDATA section is its text as written, no entity in it (a generator's `<t><![CDATA[10000]]></t>` read as
  // «<![CDATA[10000]]>», not a number: tester T66 M5).
  // A section never closed (text cut from a greater one) is text as it stands (review R51: it recursed for ever).
  if (raw.indexOf('<![CDATA[') !== -1) {
    const parts = raw.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/);
    if (parts.length > 1) return parts.map((part, i) => (i % 2 === 1 ? part.slice(9, -3) : decodeXmlText(part))).join('');
  }
  let s = raw.indexOf('&') === -1 ? raw : raw.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[e] ?? m;
  });
  if (s.indexOf('_x') !== -1) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

const ATTR_RE = new Map<string, RegExp>();

/** Reads an attribute from a tag's attribute text (one compiled expression per attribute name). */
export function attr(attrs: string, name: string): string | undefined {
  let re = ATTR_RE.get(name);
  if (!re) ATTR_RE.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  if (!m) return undefined;
  const v = m[1] ?? m[2] ?? '';
  return v.indexOf('&') === -1 && v.indexOf('_x') === -1 ? v : decodeXmlText(v);
}

/** Refuses XML with a document type declaration: entity expansion and external entities are never processed. */
export function assertNoDtd(text: string, file: string, part: string): void {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw UserError.of('E_XLSX_DTD', 'xlsx.dtd', { part }, { file });
  }
}

/** Why a part's XML is not well-formed, in both languages (the reader names the part and says the workbook is damaged). */
export class MalformedXml extends Error {
  constructor(
    readonly en: string,
    readonly ru: string,
  ) {
    super(en);
  }
}

const SPACE = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * A streaming check that a part's XML is well-formed where a damaged workbook breaks it: every
 * element closed, in order, by its own name; no `<` inside a tag; one root and nothing but space
 * (or a comment) around it; no markup cut short. Fed the decoded chunks as they come (a chunk may
 * end anywhere: an unfinished tag is held for the next); text and tags are passed by indexOf, so
 * that it costs about one more search for `<` (a loop over each character of the tags made reading
 * a 200,000-row sheet 40% slower). A tag ends at its first `>`, as the sheet's row and cell
 * expressions take it (a `>` inside a quoted value, legal but never written there, ends it early and
 * is harmless; a `/>` there would read as an empty element). Names keep their prefix (`<x:row>`).
 */
export class XmlCheck {
  private readonly stack: string[] = [];
  private carry = '';
  private rootSeen = false;
  /** The sheet row the last `<row>` began (its r, else the one after the last), to say where a fault is. */
  row = 0;
  /** The next `<` after a start tag, found to see that none stands inside it: where the next search begins. */
  private nextLt = -1;

  /** Throws MalformedXml at the first fault. */
  feed(text: string): void {
    const s = this.carry === '' ? text : this.carry + text;
    this.carry = '';
    let i = 0;
    this.nextLt = -1;
    for (;;) {
      const lt = this.nextLt >= i ? this.nextLt : s.indexOf('<', i);
      if (this.stack.length === 0) this.outside(s, i, lt === -1 ? s.length : lt);
      if (lt === -1) return;
      const next = this.markup(s, lt);
      if (next === -1) {
        this.carry = s.slice(lt);
        return;
      }
      i = next;
    }
  }

  /** Throws MalformedXml when the part ended inside markup or an element, or had no element at all. */
  end(): void {
    if (this.carry !== '') throw new MalformedXml('the part ends inside a tag', 'часть обрывается посреди тега');
    const open = this.stack[this.stack.length - 1];
    if (open !== undefined) throw new MalformedXml(`<${open}> is never closed`, `«<${open}>» не закрыт`);
    if (!this.rootSeen) throw new MalformedXml('the part holds no XML element', 'в части нет ни одного элемента разметки');
  }

  /** Text outside the root element: only space (and a byte-order mark) may be there. */
  private outside(s: string, from: number, to: number): void {
    for (let k = from; k < to; k++) {
      const c = s.charCodeAt(k);
      if (!SPACE(c) && c !== 0xfeff) throw new MalformedXml('text outside the root element', 'текст вне корневого элемента');
    }
  }

  /** The index after the markup at `lt`, or -1 when it runs past the text read so far. */
  private markup(s: string, lt: number): number {
    const c = s.charCodeAt(lt + 1);
    if (Number.isNaN(c)) return -1;
    if (c === 63) return after(s, '?>', lt + 2); // <?xml ...?>, a processing instruction
    if (c === 33) return this.declaration(s, lt);
    if (c === 47) return this.endTag(s, lt);
    return this.startTag(s, lt);
  }

  private declaration(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) return after(s, '-->', lt + 4);
    if (s.startsWith('<![CDATA[', lt)) {
      if (this.stack.length === 0) throw new MalformedXml('CDATA outside the root element', '«CDATA» вне корневого элемента');
      return after(s, ']]>', lt + 9);
    }
    if (s.length - lt < 9) return -1; // perhaps the start of a comment or CDATA
    throw new MalformedXml('a declaration inside the part', 'объявление внутри части');
  }

  private endTag(s: string, lt: number): number {
    const gt = s.indexOf('>', lt + 2);
    if (gt === -1) return -1;
    let e = gt;
    while (e > lt + 2 && SPACE(s.charCodeAt(e - 1))) e--;
    const open = this.stack.pop();
    // Compared in place: no string is made for a tag that closes what it should.
    if (open !== undefined && e - lt - 2 === open.length && s.startsWith(open, lt + 2)) return gt + 1;
    const name = s.slice(lt + 2, e);
    if (open === undefined) throw new MalformedXml(`</${name}> closes no element`, `«</${name}>» не закрывает ни одного элемента`);
    throw new MalformedXml(`</${name}> where <${open}> should close`, `«</${name}>» там, где должен закрыться «<${open}>»`);
  }

  private startTag(s: string, lt: number): number {
    let k = lt + 1;
    let c = s.charCodeAt(k);
    if (c <= 32 || c === 62 || c === 60 || c === 47 || (c >= 48 && c <= 57) || c === 45 || c === 46) {
      throw new MalformedXml('a «<» that starts no tag', '«<», с которого не начинается тег');
    }
    const gt = s.indexOf('>', k);
    if (gt === -1) {
      if (s.indexOf('<', k) !== -1) throw this.ltInside(s, lt);
      return -1;
    }
    this.nextLt = s.indexOf('<', k);
    if (this.nextLt !== -1 && this.nextLt < gt) throw this.ltInside(s, lt);
    while (k < gt && (c = s.charCodeAt(k)) > 32 && c !== 47) k++;
    const name = internName(s, lt + 1, k);
    if (this.stack.length === 0) {
      if (this.rootSeen) throw new MalformedXml(`a second root element <${name}>`, `второй корневой элемент «<${name}>»`);
      this.rootSeen = true;
    }
    if (s.charCodeAt(k - 1) === 119 && (name === 'row' || name.endsWith(':row'))) {
      const r = /\sr\s*=\s*["'](\d+)/.exec(s.slice(k, gt));
      this.row = r ? Number(r[1]) : this.row + 1;
    }
    if (s.charCodeAt(gt - 1) !== 47) this.stack.push(name);
    return gt + 1;
  }

  private ltInside(s: string, lt: number): MalformedXml {
    const name = /^[^\s/>]*/.exec(s.slice(lt + 1, lt + 80))![0];
    return new MalformedXml(`a «<» inside the tag <${name}>`, `«<» внутри тега «<${name}>»`);
  }
}

const NAMES = new Map<number, string>();

/** A tag's name; the short ASCII ones a sheet repeats millions of times (c, v, row, is, t, f) made once. */
function internName(s: string, from: number, to: number): string {
  if (to - from > 3) return s.slice(from, to);
  let key = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) return s.slice(from, to);
    key = key * 128 + c;
  }
  let name = NAMES.get(key);
  if (name === undefined) NAMES.set(key, (name = s.slice(from, to)));
  return name;
}

/** The index after `token` searched from `from`, or -1 when it is not there yet. */
function after(s: string, token: string, from: number): number {
  const i = s.indexOf(token, from);
  return i === -1 ? -1 : i + token.length;
}

/** Checks a whole part at once (the small parts, and the shared strings held in memory). */
export function checkXml(text: string): void {
  const check = new XmlCheck();
  check.feed(text);
  check.end();
}
