import { formatDay } from '../format.js';
import { terminalSafe } from '../terminal-safe.js';

/**
 * Escapes text for HTML content and attribute values: every value from an export passes here. A
 * control character (an escape sequence in a manager's name) is shown as U+FFFD: HTML has no use for
 * one, and a report written to stdout must not retitle or clear the terminal it lands on.
 */
export function esc(value: unknown): string {
  return terminalSafe(String(value ?? ''), false).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** A calendar day as its reader writes it (ДД.ММ.ГГГГ in Russian, ISO in English); … when open-ended. */
export function formatDate(day: string | null | undefined, lang: string): string {
  return day ? formatDay(day, lang) : '…';
}

/**
 * A table with a header that repeats on every printed page and rows that never split; `rowCls` gives a
 * row a class (the department's total row).
 */
export function table(head: string[], rows: string[][], opts: { numeric?: boolean[]; cls?: string; rowCls?: (i: number) => string | undefined } = {}): string {
  const cls = (i: number) => (opts.numeric?.[i] ? ' class="num"' : '');
  const tr = (i: number) => {
    const c = opts.rowCls?.(i);
    return c ? `<tr class="${esc(c)}">` : '<tr>';
  };
  return `<table${opts.cls ? ` class="${opts.cls}"` : ''}><thead><tr>${head.map((h, i) => `<th${cls(i)}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r, k) => `${tr(k)}${r.map((c, i) => `<td${cls(i)}>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** A section with a heading; in print it follows the one before on the same page (the cover alone has a page of its own). */
export function section(id: string, title: string, body: string): string {
  return `<section class="section" id="${esc(id)}" data-section="${esc(id)}"><h2>${esc(title)}</h2>${body}</section>`;
}

/** Inline CSS: screen and print (A4, the cover a page of its own and the sections flowing after it, repeated table headers, no row cut in two). */
export const CSS = `
:root{--ink:#1c2833;--muted:#5f6b76;--line:#d5dbe1;--accent:#1f5f99;--good:#2e7d32;--bad:#c62828}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 "DejaVu Sans","Liberation Sans",Arial,sans-serif;color:var(--ink);background:#f3f5f7}
main{max-width:820px;margin:0 auto;background:#fff;padding:32px 40px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:0 0 12px;color:var(--accent);border-bottom:2px solid var(--accent);padding-bottom:4px}
h3{font-size:15px;margin:16px 0 6px}
.section{margin:0 0 40px}
.cover .meta{color:var(--muted);margin:0 0 16px}
.score{display:flex;gap:24px;align-items:baseline;margin:16px 0}
.score .big{font-size:40px;font-weight:bold;color:var(--accent)}
.band{font-size:18px;font-weight:bold}
table{border-collapse:collapse;width:100%;margin:6px 0 12px;font-size:12px}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:#e8eef4}
td.num,th.num{text-align:right}
td.num{white-space:nowrap}
/* A name or a value of one unbroken word (a 130-character one) wraps inside its cell: the table kept to the page. */
td:not(.num){overflow-wrap:anywhere}
.good{color:var(--good);font-weight:bold}.bad{color:var(--bad);font-weight:bold}
figure.chart{margin:12px 0 20px}
figure.chart figcaption{font-weight:bold;margin:0 0 4px}
figure.chart svg{max-width:100%;height:auto;display:block}
.note{color:var(--muted);font-size:12px}
.caveat{color:var(--bad);font-size:12px;margin:4px 0 8px}
tr.total td{font-weight:bold}
tr.failed td:nth-child(3){color:var(--bad);font-weight:bold}tr.warned td:nth-child(3){color:#9a6700;font-weight:bold}
/* A manager's name on one line where it fits: the metric columns' long headers took its width (a name broken as "Alekseeva / Maria"). */
table.manager-kpis td:first-child{min-width:11em}
footer{color:var(--muted);font-size:11px;margin-top:24px}
@page{size:A4;margin:14mm 12mm 16mm}
@media print{
  body{background:#fff}
  main{max-width:none;padding:0}
  .section{margin:0 0 28px}
  .section.cover{break-after:page}
  thead{display:table-header-group}
  tr,figure.chart svg,figure.chart figcaption,.score,.caveat,.note{break-inside:avoid}
  h2,h3,figcaption{break-after:avoid}
}
`;

/** Text as a CSS string: every ASCII character but letters, digits and spaces escaped, so a company name never ends the style. */
export function cssString(text: string): string {
  const escape = (ch: string) => {
    const code = ch.charCodeAt(0);
    // Control characters read as a space; ASCII punctuation (quotes, backslash, <, >) as its hex escape.
    if (code < 0x20 || code === 0x7f) return ' ';
    return code < 0x7f && code !== 0x20 && !/[A-Za-z0-9]/.test(ch) ? `\\${code.toString(16)} ` : ch;
  };
  return `"${[...text].map(escape).join('')}"`;
}

/**
 * The printed pages' footer: the document's title (with the company) on the left, «Стр. 3 из 14» on the
 * right, in the page's bottom margin (CSS @page margin boxes: Chromium draws them since version 131;
 * a browser without them prints no footer, and nothing else changes).
 */
export function pageFooterCss(lang: string, title: string): string {
  const pages = lang === 'ru' ? '"Стр. " counter(page) " из " counter(pages)' : '"Page " counter(page) " of " counter(pages)';
  const box = 'font:9px "DejaVu Sans","Liberation Sans",Arial,sans-serif;color:#5f6b76';
  return `@page{@bottom-left{content:${cssString(title)};${box}}@bottom-right{content:${pages};${box}}}`;
}

/** The whole document: one file, inline CSS and SVG, no script, no external resource. */
export function documentHtml(lang: string, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="crm-audit">
<title>${esc(title)}</title>
<style>${CSS}${pageFooterCss(lang, title)}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
