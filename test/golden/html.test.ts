import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { HTML_RUNS, renderSampleHtml } from '../helpers/html-samples.js';
import { htmlStructure } from '../helpers/html-structure.js';

const GOLDEN = new URL('./report-html.json', import.meta.url);

describe('the HTML reports of the bundled samples (golden structure)', () => {
  it('match the golden sections, charts and numbers of every kind (rebaseline: npm run golden)', () => {
    const projection = Object.fromEntries(
      (Object.keys(HTML_RUNS) as Array<keyof typeof HTML_RUNS>).map((kind) => {
        const s = htmlStructure(renderSampleHtml(kind).html);
        // A table row as one line, so the golden file reads like the report.
        const charts = s.charts.map((c) => ({ ...c, rows: c.rows.map((r) => r.join(' | ')) }));
        return [kind, { lang: s.lang, title: s.title, sections: s.sections, charts, tables: s.tables.map((t) => t.map((r) => r.join(' | '))) }];
      }),
    );
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(projection, null, 1)}\n`);
    expect(existsSync(GOLDEN), 'the golden file is missing: run npm run golden').toBe(true);
    expect(projection).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('is byte-for-byte the same from --now and from SOURCE_DATE_EPOCH', () => {
    const a = renderSampleHtml('report').html;
    const b = runCli([...HTML_RUNS.report, '--format', 'html', '--lang', 'ru'], { env: { SOURCE_DATE_EPOCH: '1768471200' } });
    expect(b.code).toBe(0);
    expect(b.stdout).toBe(a);
  });
});
