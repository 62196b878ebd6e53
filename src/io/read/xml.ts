import { UserError } from '../../core/errors.js';

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five XML entities, character references and Excel's `_xHHHH_` escapes. Nothing else is expanded. */
export function decodeXmlText(raw: string): string {
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
