import { xmlText } from '../xlsx-common.js';
import type { Chart } from './spec.js';

/**
 * Renders a chart to an SVG string with Vega in Node (no DOM, no browser). Vega and Vega-Lite are
 * imported here, on first use, so commands that draw no chart never load them.
 */
export async function renderChartSvg(chart: Chart, lang: string): Promise<string> {
  const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
  // Vega-Lite's warnings go to console; a report's charts are ours, so a warning is a test failure, not output.
  const warnings: string[] = [];
  const logger = { level: () => logger, error: (...a: unknown[]) => warnings.push(a.join(' ')), warn: (...a: unknown[]) => warnings.push(a.join(' ')), info: () => logger, debug: () => logger };
  const compiled = vl.compile(chart.spec as never, { logger: logger as never }).spec;
  if (warnings.length > 0) throw new Error(`chart ${chart.id}: ${warnings.join('; ')}`);
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    return localRoles(withHoverTitles(await view.toSVG()), lang);
  } finally {
    view.finalize();
  }
}

/** Rasterises an SVG to PNG (for workbooks, which cannot hold SVG), at `scale` times its size. */
export async function rasteriseSvg(svg: string, width: number): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  // Vega escapes markup in labels but keeps characters XML cannot hold, which the parser refuses.
  const png = new Resvg(xmlText(svg), { fitTo: { mode: 'width', value: width }, background: 'white', font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  return new Uint8Array(png);
}

/**
 * Gives every data mark a `<title>` with its description, so a browser shows the value on hover with
 * no script. Vega has already escaped the attribute, which is as safe inside an element.
 */
export function withHoverTitles(svg: string): string {
  return svg.replace(/<path aria-label="([^"]*)" role="graphics-symbol"([^>]*?)\/>/g, '<path aria-label="$1" role="graphics-symbol"$2><title>$1</title></path>');
}

/** What Vega calls each kind of mark (`aria-roledescription`), in Russian. */
const MARKS_RU: Record<string, string> = {
  arc: 'сектор',
  area: 'область',
  bar: 'столбец',
  circle: 'точка',
  group: 'группа',
  image: 'изображение',
  line: 'линия',
  path: 'фигура',
  point: 'точка',
  rect: 'прямоугольник',
  rule: 'линия',
  shape: 'фигура',
  square: 'точка',
  symbol: 'точка',
  text: 'подпись',
  tick: 'отметка',
  trail: 'линия',
};

/**
 * The role descriptions a screen reader speaks («bar», «line mark», «rect mark container», «group
 * mark container»), which Vega writes in English, in the report's language.
 */
export function localRoles(svg: string, lang: string): string {
  if (lang !== 'ru') return svg;
  return svg.replace(/aria-roledescription="([a-z]+)( mark container| mark)?"/g, (_, mark: string, suffix: string | undefined) => {
    const name = MARKS_RU[mark] ?? 'элемент';
    const container = suffix === ' mark container' && mark !== 'group';
    return `aria-roledescription="${container ? `группа: ${name}` : name}"`;
  });
}
