import { Parser } from 'htmlparser2';

/** What a person sees of an HTML report, without its bytes: sections, charts with their tables, every table's cells. */
export interface HtmlStructure {
  lang: string;
  title: string;
  sections: string[];
  charts: Array<{ id: string; kind: string; marks: number; caption: string; rows: string[][] }>;
  tables: string[][][];
  /** Every src/href/xlink:href value, for the self-containment check. */
  links: string[];
  elements: Record<string, number>;
}

/** Parses an HTML report into its structure. */
export function htmlStructure(html: string): HtmlStructure {
  const out: HtmlStructure = { lang: '', title: '', sections: [], charts: [], tables: [], links: [], elements: {} };
  const stack: string[] = [];
  let text = '';
  let row: string[] | null = null;
  let tableRows: string[][] | null = null;
  let chart: HtmlStructure['charts'][number] | null = null;
  new Parser({
    onopentag(name, attrs) {
      out.elements[name] = (out.elements[name] ?? 0) + 1;
      stack.push(name);
      for (const [k, v] of Object.entries(attrs)) if (k === 'src' || k === 'href' || k === 'xlink:href' || k === 'action') out.links.push(v);
      if (name === 'html') out.lang = attrs.lang ?? '';
      if (name === 'section') out.sections.push(attrs['data-section'] ?? '?');
      if (name === 'figure' && attrs['data-chart']) {
        chart = { id: attrs['data-chart'], kind: attrs['data-kind'] ?? '', marks: Number(attrs['data-marks']), caption: '', rows: [] };
        out.charts.push(chart);
      }
      if (name === 'table') tableRows = [];
      if (name === 'tr') row = [];
      if (['td', 'th', 'figcaption', 'title'].includes(name)) text = '';
    },
    ontext(t) {
      text += t;
    },
    onclosetag(name) {
      stack.pop();
      if ((name === 'td' || name === 'th') && row) row.push(text.trim());
      if (name === 'tr' && row && tableRows) tableRows.push(row);
      if (name === 'table' && tableRows) {
        out.tables.push(tableRows);
        if (chart && stack.includes('figure')) chart.rows = tableRows;
        tableRows = null;
      }
      if (name === 'figcaption' && chart) chart.caption = text.trim();
      if (name === 'title' && stack.includes('head')) out.title = text.trim();
      if (name === 'figure') chart = null;
    },
  }, { decodeEntities: true }).end(html);
  return out;
}
