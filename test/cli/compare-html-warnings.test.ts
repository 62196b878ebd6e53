import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, launchChromium, openFile, SKIP_REASON, type BrowserSession } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { htmlStructure } from '../helpers/html-structure.js';

// Tester T39 F9: `compare -o x.html` dropped every data-quality warning (mixed currencies, a short period, overlapping
// periods, a call log covering one period) that stderr, the Markdown, the CSV and the workbook kept.

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-compare-html-'));
const HEAD = 'id,manager,created_at,closed_at,status,amount,client,source';
const DEALS = [
  '1,Иванов,2025-01-01 10:00,2025-01-05 10:00,won,100000,K1,Ads',
  '2,Иванов,2025-01-10 09:00,2025-01-12 09:00,lost,,K2,Ads',
  '3,Петров,2025-01-20 12:00,,open,50000,K3,SEO',
  '4,Петров,2025-01-31 23:59,2025-02-03 23:59,won,60000,K4,SEO',
];
const AFTER = [
  '5,Иванов,2025-02-01 00:00,2025-02-02 00:00,won,80000,K5,Ads',
  '6,Иванов,2025-02-15 10:00,2025-02-20 10:00,won,120000,K1,Ads',
  '7,Сидоров,2025-03-01 10:00,2025-03-11 10:00,lost,,K6,SEO',
  '8,Сидоров,2025-03-31 10:00,,open,,K7,SEO',
  '9,Сидоров,2025-03-10 10:00,2025-03-12 10:00,won,0,K8,Ads',
];
const file = (name: string, lines: string[]) => {
  const p = path.join(dir, name);
  writeFileSync(p, `${lines.join('\n')}\n`);
  return p;
};
const F = {
  mix: file('mix.csv', [HEAD, '1,Иванов,2024-01-01 10:00,2024-01-10 10:00,won,300 000 ₽,K1,Ads', '2,Петров,2024-03-31 10:00,2024-04-02 10:00,lost,,K2,Ads', '21,Иванов,2025-01-01 10:00,2025-01-10 10:00,won,"$6,000.00",K1,Ads', '22,Сидоров,2025-03-31 10:00,2025-04-02 10:00,won,"$3,000.00",K3,Ads']),
  short: file('z.csv', [HEAD, '1,Иванов,2025-01-01 10:00,2025-01-02 10:00,lost,,K1,Ads', '2,Петров,2025-01-10 10:00,2025-01-12 10:00,lost,,K2,Ads', '3,Иванов,2025-02-01 10:00,2025-02-05 10:00,won,1000,K3,Ads', '4,Петров,2025-02-10 10:00,,open,,K4,Ads']),
  before: file('d_b.csv', [HEAD, ...DEALS]),
  overlap: file('ov.csv', [HEAD, '50,Иванов,2025-01-15 10:00,2025-01-20 10:00,won,100,K9,Ads', ...AFTER]),
  deals: file('deals.csv', [HEAD, ...DEALS, ...AFTER]),
  calls: file('c_a.csv', [
    'manager,at,kind,direction,missed,duration_s,deal_id,client',
    'Иванов,2025-02-01 00:00,call,in,0,60,5,K5',
    'Иванов,2025-02-15 09:00,call,out,0,60,6,K1',
    'Иванов,2025-02-15 10:10,call,in,1,0,6,K1',
    'Сидоров,2025-03-10 10:00,call,in,1,0,9,K8',
  ]),
};

const CASES: Array<{ name: string; args: string[]; ru: string; en: string }> = [
  { name: 'mixed currencies', args: ['-d', F.mix, '--cutover', '2025-01-01'], ru: 'mix.csv: суммы сделок в разных валютах (USD — 2, RUB — 1), а выручка и средний чек складывают их как есть.', en: 'mix.csv: the deal amounts are in several currencies (USD 2, RUB 1)' },
  { name: 'a short period', args: ['-d', F.short, '--cutover', '2025-02-01', '--cost', '10000'], ru: 'Период «после» (01.02.2025 — 10.02.2025) — всего 10 дней: показатели в месяц растянуты с нескольких дней на месяц и ненадёжны.', en: 'The after period (2025-02-01 — 2025-02-10) is only 10 days' },
  { name: 'overlapping periods', args: ['--before-deals', F.before, '--after-deals', F.overlap], ru: 'Периоды пересекаются: «до» 01.01.2025 — 31.01.2025, «после» 15.01.2025 — 31.03.2025', en: 'The periods overlap' },
  { name: 'a call log covering one period', args: ['-d', F.deals, '-a', F.calls, '--cutover', '2025-02-01'], ru: 'c_a.csv: действия в файле датированы 01.02.2025 — 10.03.2025, а сделки периода «до» созданы 01.01.2025 — 31.01.2025', en: 'c_a.csv: ' },
];

/** The items of the warnings list of a section, as text. */
function warningsOf(html: string, section: string): string[] {
  const start = html.indexOf(`data-section="${section}"`);
  if (start < 0) return [];
  const body = html.slice(start, html.indexOf('</section>', start));
  const list = /<ul class="warnings">([\s\S]*?)<\/ul>/.exec(body)?.[1] ?? '';
  return [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/&laquo;|&raquo;/g, (e) => (e === '&laquo;' ? '«' : '»')).replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
}

describe('compare -o x.html keeps the data-quality warnings (T39 F9)', () => {
  for (const c of CASES) {
    it(`${c.name}: a Data quality section with the warning stderr gives, in Russian and English`, () => {
      for (const lang of ['ru', 'en'] as const) {
        const out = path.join(dir, `${c.name.replace(/\W+/g, '-')}-${lang}.html`);
        const run = runCli(['compare', ...c.args, '--now', '2026-12-05', '--lang', lang, '-o', out]);
        expect(run.code, run.stderr).toBe(0);
        const html = readFileSync(out, 'utf8');
        const s = htmlStructure(html);
        expect(s.sections.at(-2)).toBe('data-quality');
        expect(s.sections.at(-1)).toBe('definitions');
        const warnings = warningsOf(html, 'data-quality');
        expect(warnings.some((w) => w.startsWith(lang === 'ru' ? c.ru : c.en)), warnings.join('\n')).toBe(true);
        // The same text stderr says (the client's copy: base names, no --map snippet).
        expect(run.stderr).toContain((lang === 'ru' ? c.ru : c.en).slice(0, 40));
        expect(html).toContain(lang === 'ru' ? '<h3>Предупреждения</h3>' : '<h3>Warnings</h3>');
      }
    });
  }

  it('a comparison without warnings has the section with its files and no warnings block', () => {
    const out = path.join(dir, 'clean.html');
    expect(runCli(['compare', '--before-deals', F.before, '--after-deals', file('after.csv', [HEAD, ...AFTER]), '--now', '2026-12-05', '--lang', 'ru', '-o', out]).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(htmlStructure(html).sections).toContain('data-quality');
    expect(warningsOf(html, 'data-quality')).toEqual([]);
    expect(html).not.toContain('Предупреждения');
    // Its files table: both periods' deals, read whole.
    const files = htmlStructure(html.slice(html.indexOf('data-section="data-quality"'))).tables[0]!;
    expect(files.slice(1).map((r) => [r[0], r[2], r[3], r[4]])).toEqual([['d_b.csv', '4', '4', '0'], ['after.csv', '5', '5', '0']]);
  });

  it('report with a comparison of its own files: the KPIs\' section and the comparison\'s, which says the overlap', () => {
    const out = path.join(dir, 'report.html');
    const run = runCli(['report', '-d', F.deals, '--before-deals', F.before, '--after-deals', F.overlap, '--now', '2026-12-05', '--lang', 'ru', '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    const s = htmlStructure(html);
    expect(s.sections.slice(-3)).toEqual(['data-quality', 'compare-data-quality', 'definitions']);
    expect(html).toContain('<h2>Качество данных (до и после)</h2>');
    expect(warningsOf(html, 'compare-data-quality')[0]).toMatch(/^Периоды пересекаются: «до» 01\.01\.2025 — 31\.01\.2025, «после» 15\.01\.2025 — 31\.03\.2025/);
    expect(warningsOf(html, 'data-quality')).toEqual([]);
  });
});

describe.skipIf(!HAVE_CHROMIUM)(HAVE_CHROMIUM ? 'compare HTML warnings in Chromium (T39 F9)' : `compare HTML warnings in Chromium (skipped: ${SKIP_REASON})`, () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => session?.close());

  it('the warning is visible text of the page, under «Предупреждения» in «Качество данных»', async () => {
    const out = path.join(dir, 'browser-mix.html');
    expect(runCli(['compare', ...CASES[0]!.args, '--now', '2026-12-05', '--lang', 'ru', '-o', out]).code).toBe(0);
    const { page, log } = await openFile(session.browser, out);
    const seen = await page.$eval('#data-quality', (s) => ({
      title: s.querySelector('h2')?.textContent,
      heading: s.querySelector('h3')?.textContent ?? [...s.querySelectorAll('h3')].map((h) => h.textContent).join('|'),
      items: [...s.querySelectorAll('ul.warnings li')].map((li) => ({ text: li.textContent, visible: (li as unknown as { offsetHeight: number }).offsetHeight > 0 })),
    }));
    expect(seen.title).toBe('Качество данных');
    expect(seen.heading).toBe('Предупреждения');
    expect(seen.items).toHaveLength(1);
    expect(seen.items[0]!.visible).toBe(true);
    expect(seen.items[0]!.text).toContain(CASES[0]!.ru);
    expect(log.consoleErrors).toEqual([]);
    expect(log.requests).toEqual([]);
    await page.close();
  });
});
