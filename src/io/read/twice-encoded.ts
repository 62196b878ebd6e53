/**
 * UTF-8 encoded twice: a UTF-8 export opened as Windows-1251 (Excel's double click on a CSV without a
 * byte order mark) and saved again as UTF-8. Each Russian letter then reads as two, «Р» or «С» and a
 * character of Windows-1251's upper half: «Смирнова» is «РЎРјРёСЂРЅРѕРІР°» (tester T75: read as it
 * stood, its managers and stages were that, exit 0). Found on the sample of the text, refused with
 * the letters as they were meant.
 */

/** The characters Windows-1251 gives the bytes 0x80-0xBF, a UTF-8 letter's second byte. */
const SECOND = (() => {
  const bytes = Uint8Array.from({ length: 0x40 }, (_, i) => 0x80 + i);
  return new Set(new TextDecoder('windows-1251').decode(bytes));
})();

/** Windows-1251's bytes of its characters above ASCII, to write a twice-encoded text back. */
const CP1251_BYTE = (() => {
  const map = new Map<string, number>();
  const text = new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 0x80 }, (_, i) => 0x80 + i));
  [...text].forEach((ch, i) => map.set(ch, 0x80 + i));
  return map;
})();

/** Most pairs needed, and their least share of the Cyrillic characters, to call a text twice encoded. */
const MIN_PAIRS = 8;
const MIN_SHARE = 0.3;

/**
 * The first word of a text that reads as UTF-8 encoded twice, with the word as meant; undefined when
 * the text's «Р» and «С» before such a character are too few (a Russian text has almost none).
 */
export function twiceEncoded(text: string): { seen: string; meant?: string } | undefined {
  let pairs = 0;
  let cyrillic = 0;
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    if ((c === 0x420 || c === 0x421) && SECOND.has(text[i + 1] ?? '')) {
      pairs++;
      if (at.length < 20) at.push(i);
    }
  }
  if (pairs < MIN_PAIRS || pairs < MIN_SHARE * cyrillic) return undefined;
  // A word whose every letter survived: a «И» (D0 98) has no Windows-1251 character, and a save may have made it «?».
  for (const i of at) {
    const seen = wordAt(text, i);
    const meant = meantText(seen);
    if (meant !== undefined && meant !== seen) return { seen, meant };
  }
  return { seen: wordAt(text, at[0]!) };
}

/** The word (letters, what a twice-encoded letter's second half may be, and a «?» a save left for one) around position i. */
function wordAt(text: string, i: number): string {
  const part = (ch: string) => /[\p{L}\p{N}?]/u.test(ch) || SECOND.has(ch);
  let s = i;
  while (s > 0 && part(text[s - 1]!)) s--;
  let e = i;
  while (e < text.length && part(text[e]!) && e - s < 40) e++;
  return text.slice(s, e);
}

/** A twice-encoded text as it was meant: its characters as Windows-1251 bytes, read as UTF-8 (undefined where they are not UTF-8). */
function meantText(seen: string): string | undefined {
  const bytes: number[] = [];
  for (const ch of seen) {
    const c = ch.charCodeAt(0);
    const b = c < 0x80 ? c : CP1251_BYTE.get(ch);
    if (b === undefined) return undefined;
    bytes.push(b);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}
