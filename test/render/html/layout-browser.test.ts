import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, launchChromium, openFile, SKIP_REASON, type BrowserSession } from '../../helpers/browser.js';
import { ROOT, runCli } from '../../helpers/cli.js';

const S = (f: string) => path.join(ROOT, 'samples', f);
const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-layout-'));
const title = HAVE_CHROMIUM ? 'HTML layout in Chromium at 1100 px' : `HTML layout in Chromium (skipped: ${SKIP_REASON})`;

describe.skipIf(!HAVE_CHROMIUM)(title, () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => session?.close());

  // A tester: the by-manager table of compare ran 67 px past the content column in English («Response, min (median): before» did not wrap), 10 in Russian.
  for (const lang of ['en', 'ru']) {
    it(`compare --by-manager (${lang}): every table within the content column, its headers wrapped`, async () => {
      const file = path.join(dir, `compare-${lang}.html`);
      expect(runCli(['compare', '-d', S('amocrm-deals.csv'), '-a', S('bitrix24-calls.xls'), '--cutover', '2025-01-01', '--by-manager', '--lang', lang, '--now', '2025-07-01', '-o', file]).code).toBe(0);
      const { page } = await openFile(session.browser, file);
      await page.setViewport({ width: 1100, height: 1200 });
      const boxes = await page.$eval('main', (main) => {
        const view = main.ownerDocument.defaultView!;
        const right = main.getBoundingClientRect().right - parseFloat(view.getComputedStyle(main).paddingRight);
        const tables = [...main.querySelectorAll('table')].map((t) => ({ section: t.closest('section')?.id, over: t.getBoundingClientRect().right - right }));
        const head = main.querySelector('#by-manager th:nth-child(6)')!;
        return { tables, headLines: Math.round(head.getBoundingClientRect().height / parseFloat(view.getComputedStyle(head).lineHeight)) };
      });
      expect(boxes.tables.find((t) => t.section === 'by-manager')).toBeDefined();
      expect(boxes.tables.filter((t) => t.over > 0.5)).toEqual([]);
      // «Response, min (median): before» takes two lines in a column no wider than its numbers need.
      expect(boxes.headLines).toBeGreaterThanOrEqual(2);
      await page.close();
    });
  }

  // A tester: ROMI by source ticked «−100%  100%  300%» (every other label hidden by Vega, 0 among them) and «1100%».
  it('chart axis labels: 0 among them, none hidden or overlapping, grouped as the tables write', async () => {
    const file = path.join(dir, 'kpi-sources.html');
    expect(runCli(['kpi', '-d', S('amocrm-deals.csv'), '-p', S('payments.csv'), '--spend', S('spend.csv'), '--by', 'source', '--lang', 'ru', '--now', '2025-07-01', '-o', file]).code).toBe(0);
    const { page } = await openFile(session.browser, file);
    await page.setViewport({ width: 1100, height: 1200 });
    const axes = await page.$$eval('figure.chart', (figures) =>
      figures.map((f) => {
        const view = f.ownerDocument.defaultView!;
        const labels = [...f.querySelectorAll('g.role-axis-label text')].filter((t) => /^[−\d\s\u00a0,.%]+$/.test(t.textContent ?? ''));
        const shown = labels.filter((t) => view.getComputedStyle(t).opacity !== '0' && t.getAttribute('opacity') !== '0');
        const boxes = shown.map((t) => t.getBoundingClientRect());
        const overlaps = boxes.filter((b, i) => boxes.some((c, j) => j !== i && Math.min(b.right, c.right) - Math.max(b.left, c.left) > 0 && Math.min(b.bottom, c.bottom) - Math.max(b.top, c.top) > 0)).length;
        return { id: f.getAttribute('data-chart'), texts: shown.map((t) => t.textContent), hidden: labels.length - shown.length, overlaps };
      }),
    );
    expect(axes.length).toBeGreaterThan(3);
    for (const a of axes) {
      expect(a.hidden, `${a.id}: hidden labels`).toBe(0);
      expect(a.overlaps, `${a.id}: overlapping labels`).toBe(0);
      expect(a.texts, `${a.id}: a 0 tick`).toContain(a.texts.some((t) => t?.includes('%')) ? '0%' : '0');
    }
    const romi = axes.find((a) => a.id === 'sources-romi');
    expect(romi).toBeDefined();
    expect(romi!.texts.some((t) => /^1\u00a0\d00%$/.test(t ?? ''))).toBe(true);
    await page.close();
  });
});
