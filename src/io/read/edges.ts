/**
 * What is cut off a cell's edges, written once for the text path (trimEdges) and the byte path
 * (edgeAtEnd, and the lead bytes in byte-cells.ts): the spaces JavaScript's trim() removes and the
 * characters that show nothing. A zero-width space or a direction mark copied from
 * a web page or a messenger around a deal id or a client («\u200b101») looked like «101» and linked
 * to nothing.
 */

/** Characters that show nothing: a soft hyphen, zero-width spaces and joiners, direction marks and embeddings, invisible operators (cleanText removes them from names anywhere). */
export const INVISIBLE_CLASS = '\\u00ad\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069';

/** Whether a UTF-16 code is one of INVISIBLE_CLASS. */
export function isInvisible(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069 && c !== 0x2065);
}

/**
 * Whether a UTF-16 code is cut off a cell's edge: what trim() removes (the space, tab and line
 * breaks, NBSP, the Unicode spaces, BOM) and an invisible character. Other controls stay, to be
 * shown as � in a message (an escape sequence in a file is named, not run and not hidden).
 */
export function isEdge(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff || isInvisible(c);
}

/** A cell's text without what isEdge cuts at either end; the common case makes no new string. */
export function trimEdges(v: string): string {
  const n = v.length;
  if (n === 0) return '';
  if (!isEdge(v.charCodeAt(0)) && !isEdge(v.charCodeAt(n - 1))) return v;
  let s = 0;
  let e = n;
  while (s < e && isEdge(v.charCodeAt(s))) s++;
  while (e > s && isEdge(v.charCodeAt(e - 1))) e--;
  return v.slice(s, e);
}

/**
 * Whether the UTF-8 character buf[j, e) (j its lead byte, e the cell's end) is one isEdge cuts: the
 * byte path's twin of isEdge for a cell's last character (a byte ≤ 32 is seen before this is asked).
 */
export function edgeAtEnd(buf: Uint8Array, j: number, e: number): boolean {
  const lead = buf[j]!;
  const len = e - j;
  if (lead === 0xc2) return len === 2 && (buf[j + 1] === 0xa0 || buf[j + 1] === 0xad);
  if (len !== 3) return false;
  const b1 = buf[j + 1]!;
  const b2 = buf[j + 2]!;
  if (lead === 0xe1) return b1 === 0x9a && b2 === 0x80;
  if (lead === 0xe2) {
    // U+2000-U+200F, U+2028-U+202F (but for none), U+205F-U+2069.
    if (b1 === 0x80) return b2 <= 0x8f || (b2 >= 0xa8 && b2 <= 0xaf);
    return b1 === 0x81 && b2 >= 0x9f && b2 <= 0xa9 && b2 !== 0xa5;
  }
  if (lead === 0xe3) return b1 === 0x80 && b2 === 0x80;
  return lead === 0xef && b1 === 0xbb && b2 === 0xbf;
}
