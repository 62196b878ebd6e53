import { describe, expect, it } from 'vitest';
import { cssString, documentHtml, esc, pageFooterCss } from '../../../src/render/html/page.js';

describe('the printed pages\' footer', () => {
  it('names the document and numbers the pages, in the report\'s language', () => {
    expect(pageFooterCss('ru', 'Отчёт — ООО Ромашка')).toContain('@bottom-right{content:"Стр. " counter(page) " из " counter(pages);');
    expect(pageFooterCss('en', 'Report')).toContain('@bottom-right{content:"Page " counter(page) " of " counter(pages);');
    expect(pageFooterCss('ru', 'Отчёт — ООО Ромашка')).toContain('@bottom-left{content:"Отчёт — ООО Ромашка";');
  });

  it('keeps a company name inside its CSS string: quotes, backslashes and markup escaped, control characters a space', () => {
    const hostile = 'ООО «Ромашка» "x" \\ </style><script>alert(1)</script>\nдалее';
    const css = cssString(hostile);
    expect(css).toBe('"ООО «Ромашка» \\22 x\\22  \\5c  \\3c \\2f style\\3e \\3c script\\3e alert\\28 1\\29 \\3c \\2f script\\3e  далее"');
    const html = documentHtml('ru', hostile, '<p>x</p>');
    const style = html.slice(html.indexOf('<style>'), html.indexOf('</style>') + 8);
    expect(style.match(/<\/style>/g)).toHaveLength(1);
    expect(style).not.toMatch(/<script|"x"/);
  });
});

describe('esc', () => {
  it('escapes markup, and shows a control character from an export as U+FFFD (an HTML report printed to a terminal must not act on one)', () => {
    expect(esc('<b>"Иван" & \'Ко\'</b>')).toBe('&lt;b&gt;&quot;Иван&quot; &amp; &#39;Ко&#39;&lt;/b&gt;');
    expect(esc('А\u001b]0;x\u0007Б\u0000В\tГ\nД')).toBe('А\ufffd]0;x\ufffdБ\ufffdВ\tГ\nД');
  });
});
