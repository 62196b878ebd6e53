import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { renderHtml } from '../../../src/render/html/index.js';
import { countPdfPages, HAVE_CHROMIUM, launchChromium, openFile, SKIP_REASON, type BrowserSession } from '../../helpers/browser.js';
import { groupsResult } from '../../helpers/groups-result.js';
import { ROOT, runCli } from '../../helpers/cli.js';
import { renderSampleHtml } from '../../helpers/html-samples.js';

/** Screenshots and PDFs land here (git-ignored), for a person or a CI artifact upload to look at. */
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'browser');

/**
 * A4 pages each kind prints to with Debian's Chromium and fonts: the cover alone, then the sections one
 * after another (a tester: every section on a page of its own left pages with four rows or two
 * recommendations). A change here means the layout changed: look at the PDFs in ARTIFACTS.
 */
const EXPECTED_PAGES: Record<string, number> = { audit: 3, kpi: 8, compare: 4, report: 11 };

/** Every chart on the page has a size and draws its marks (lines for a line chart). */
async function expectChartsDrawn(page: Page): Promise<void> {
  const charts = await page.$$eval('figure.chart', (figs) =>
    figs.map((f) => {
      const svg = f.querySelector('svg');
      const box = svg?.getBoundingClientRect();
      // Vega draws data marks as paths inside its mark groups: bars are mark-rect, lines mark-line, points mark-symbol.
      const drawn = [...(svg?.querySelectorAll('g.mark-rect path, g.mark-symbol path') ?? [])].filter((p) => {
        if (p.closest('.role-legend')) return false;
        const b = (p as unknown as { getBBox(): { width: number; height: number } }).getBBox();
        return b.width > 0 || b.height > 0;
      }).length;
      const lines = svg?.querySelectorAll('g.mark-line path').length ?? 0;
      // Every word the chart writes (axis and legend labels, values) lies inside it: the SVG clips the rest.
      const outside = [...(svg?.querySelectorAll('text') ?? [])]
        .filter((t) => (t.textContent ?? '').trim() !== '')
        .filter((t) => {
          const r = t.getBoundingClientRect();
          return !box || r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1;
        })
        .map((t) => t.textContent);
      // A value written beside a bar never sits on a bar (a negative bar's label once did).
      const bars = [...(svg?.querySelectorAll('g.mark-rect path') ?? [])].filter((p) => !p.closest('.role-legend')).map((p) => p.getBoundingClientRect());
      const onBars = [...(svg?.querySelectorAll('g.mark-text text') ?? [])]
        .filter((t) => {
          const r = t.getBoundingClientRect();
          return bars.some((b) => b.width > 0 && Math.min(r.right, b.right) - Math.max(r.left, b.left) > 2 && Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top) > 2);
        })
        .map((t) => t.textContent);
      return { id: f.getAttribute('data-chart'), onBars, kind: f.getAttribute('data-kind'), marks: Number(f.getAttribute('data-marks')), drawn, lines, outside, width: box?.width ?? 0, height: box?.height ?? 0 };
    }),
  );
  expect(charts.length).toBeGreaterThan(0);
  for (const c of charts) {
    expect(c.width, `${c.id} has no size`).toBeGreaterThan(100);
    expect(c.height, `${c.id} has no size`).toBeGreaterThan(40);
    if (c.kind === 'line') expect(c.lines, `${c.id}: its lines`).toBeGreaterThan(0);
    expect(c.outside, `${c.id}: text outside the chart`).toEqual([]);
    expect(c.onBars, `${c.id}: values written on bars`).toEqual([]);
    // A zero-valued bar is drawn with no width; all others are visible.
    expect(c.drawn, `${c.id}: drawn marks`).toBeGreaterThan(0);
    expect(c.drawn, `${c.id}: drawn marks`).toBeLessThanOrEqual(c.marks);
  }
}

/**
 * Every metric per manager (a tester: the HTML had no manager's revenue) at the width of an A4 page in
 * print: each group's table within the text column, each manager's name on one line, the department bold.
 */
async function expectManagerTablesFit(page: Page): Promise<void> {
  await page.setViewport({ width: 703, height: 1200 });
  const tables = await page.$$eval('#manager-kpis table', (ts) =>
    ts.map((t) => {
      const main = t.closest('main')!.getBoundingClientRect();
      const names = [...t.querySelectorAll('tbody tr td:first-child')].map((td) => {
        const style = td.ownerDocument.defaultView!.getComputedStyle(td);
        return { name: td.textContent, lines: Math.round((td.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) / parseFloat(style.lineHeight)) };
      });
      const total = t.querySelector('tr.total td')!;
      return { over: t.getBoundingClientRect().right - main.right, names, bold: Number(total.ownerDocument.defaultView!.getComputedStyle(total).fontWeight) };
    }),
  );
  expect(tables.length).toBeGreaterThanOrEqual(4);
  for (const t of tables) {
    expect(t.over).toBeLessThanOrEqual(0.5);
    expect(t.names.filter((n) => n.lines > 1)).toEqual([]);
    expect(t.bold).toBeGreaterThanOrEqual(700);
  }
  await page.setViewport({ width: 900, height: 1200 });
}

const title = HAVE_CHROMIUM ? 'the HTML report in Chromium' : `the HTML report in Chromium (skipped: ${SKIP_REASON})`;

describe.skipIf(!HAVE_CHROMIUM)(title, () => {
  let session: BrowserSession;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    session = await launchChromium();
  });
  afterAll(async () => session?.close());

  for (const kind of ['audit', 'kpi', 'compare', 'report'] as const) {
    it(`${kind}: no console error, no request, every chart drawn, prints to A4`, async () => {
      const { file } = renderSampleHtml(kind);
      const { page, log } = await openFile(session.browser, file);
      expect(log.consoleErrors).toEqual([]);
      expect(log.requests).toEqual([]);

      await expectChartsDrawn(page);

      // In print: the cover has its page, the sections follow one another, headers repeat, rows and charts never split.
      await page.emulateMediaType('print');
      const css = async (selector: string, property: 'breakBefore' | 'breakAfter' | 'breakInside' | 'display') =>
        new Set(await page.$$eval(selector, (els, prop) => els.map((e) => e.ownerDocument.defaultView!.getComputedStyle(e)[prop as 'display']), property));
      expect(await css('section.section.cover', 'breakAfter')).toEqual(new Set(['page']));
      expect(await css('section.section:not(.cover)', 'breakBefore')).toEqual(new Set(['auto']));
      expect(await css('tr', 'breakInside')).toEqual(new Set(['avoid']));
      expect(await css('thead', 'display')).toEqual(new Set(['table-header-group']));
      expect(await css('figure.chart svg', 'breakInside')).toEqual(new Set(['avoid']));
      if (kind === 'kpi' || kind === 'report') await expectManagerTablesFit(page);
      await page.emulateMediaType(); // back to no emulation: the screenshot sees the screen, page.pdf the print media

      const screenshot = await page.screenshot({ fullPage: true, type: 'png' });
      writeFileSync(path.join(ARTIFACTS, `${kind}.png`), screenshot);
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      writeFileSync(path.join(ARTIFACTS, `${kind}.pdf`), pdf);
      const pages = countPdfPages(pdf);
      expect(pages, `${kind} printed to ${pages} pages; see ${ARTIFACTS}/${kind}.pdf`).toBe(EXPECTED_PAGES[kind]);
      await page.close();
    });
  }

  it('the demo client report (seven sources by month, revenue in millions): every legend name inside its chart', async () => {
    // A legend of seven names in one row once ran past the revenue chart's width and lost «Радио».
    const { file } = renderSampleHtml('report', ['--by', 'month', '--by', 'source', '--by', 'source,month', '--spend', 'samples/spend.csv', '--plan', 'samples/plan.csv']);
    const { page, log } = await openFile(session.browser, file);
    expect(log.consoleErrors).toEqual([]);
    await expectChartsDrawn(page);
    const legends = await page.$$eval('figure.chart[data-chart="months-revenue"] .role-legend text', (t) => t.map((x) => x.textContent));
    expect(legends).toContain('Радио');
    await page.close();
  });

  // Session 24 added «Было (дата)» and «Изменение» to the HTML audit with --baseline, checked only by its markup.
  it('audit --baseline: the before and change columns shown within the page, every chart drawn, in print too', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-baseline-'));
    const baseline = path.join(dir, 'before.json');
    const before = runCli(['audit', '--answers', 'samples/answers/ahead-of-most.yaml', '--format', 'json', '--now', '2025-01-15', '-o', baseline]);
    expect(before.code, before.stderr).toBe(0);
    const { file } = renderSampleHtml('audit', ['--baseline', baseline]);
    const { page, log } = await openFile(session.browser, file);
    expect(log.consoleErrors).toEqual([]);
    expect(log.requests).toEqual([]);
    await expectChartsDrawn(page);
    const heads = await page.$$eval('th', (th) => th.map((t) => t.textContent));
    expect(heads).toEqual(expect.arrayContaining(['Было (15.01.2025)', 'Изменение']));
    // The summary's cells in those columns are seen: each has a size and lies inside the text column.
    const cells = await page.$$eval('table', (tables) => {
      const t = tables.find((x) => [...x.querySelectorAll('th')].some((h) => h.textContent === 'Изменение'))!;
      const main = t.closest('main')!.getBoundingClientRect();
      const col = [...t.querySelectorAll('th')].findIndex((h) => h.textContent === 'Изменение');
      return [...t.querySelectorAll('tbody tr')].map((r) => {
        const b = r.children[col]!.getBoundingClientRect();
        return { text: r.children[col]!.textContent, seen: b.width > 0 && b.height > 0 && b.right <= main.right + 1 };
      });
    });
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c.seen, `«${c.text}» outside the page`).toBe(true);
    expect(cells.map((c) => c.text).join(' ')).toMatch(/[+−]\d/);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    writeFileSync(path.join(ARTIFACTS, 'audit-baseline.pdf'), pdf);
    // The cover, and the sections after it.
    expect(countPdfPages(pdf)).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('groupings (kpi --by/--spend/--plan): the trend lines and source bars drawn, the tables in print', async () => {
    const file = path.join(ARTIFACTS, 'groups.html');
    writeFileSync(file, await renderHtml({ lang: 'ru', generatedAt: '2024-09-02T09:30:00.000Z', company: 'ООО «Ромашка»', kpi: groupsResult() }));
    const { page, log } = await openFile(session.browser, file);
    expect(log.consoleErrors).toEqual([]);
    expect(log.requests).toEqual([]);
    await expectChartsDrawn(page);
    const drawn = await page.$$eval('figure.chart', (figs) => figs.map((f) => f.getAttribute('data-chart')));
    expect(drawn).toEqual(expect.arrayContaining(['months-leads', 'months-conversion', 'sources-cac', 'sources-romi']));
    // The plan's tables fit the page: no table wider than the text column.
    const overflow = await page.$$eval('section[data-section="plan"] table, section[data-section="months"] table, section[data-section="sources"] table, section[data-section="groupings"] table', (tables) =>
      tables.filter((t) => t.getBoundingClientRect().width > (t.closest('main')!.clientWidth - 80 + 1)).length);
    expect(overflow).toBe(0);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    writeFileSync(path.join(ARTIFACTS, 'groups.pdf'), pdf);
    // The cover, and the sections after it.
    expect(countPdfPages(pdf)).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  // Tester T52 F5: a 130-character name of one word took the manager tables 1 403 px wide, past the page.
  it('a name of one unbroken word wraps inside its cell: every table within the page', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'browser-long-name-'));
    const long = 'Х'.repeat(130);
    writeFileSync(path.join(dir, 'deals.csv'), `ID;Ответственный;Дата создания;Этап сделки;Бюджет\n1;${long};01.02.2025;Успешно реализовано;100\n2;Иванов Иван;02.02.2025;Закрыто и не реализовано;\n`);
    const run = runCli(['kpi', '-d', 'deals.csv', '--now', '2025-03-01', '-o', 'long.html'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const { page, log } = await openFile(session.browser, path.join(dir, 'long.html'));
    expect(log.consoleErrors).toEqual([]);
    const over = await page.$$eval('main table', (tables) => tables.map((t) => t.getBoundingClientRect().right - t.closest('main')!.getBoundingClientRect().right).filter((d) => d > 0.5));
    expect(over).toEqual([]);
    await page.close();
  });
});
