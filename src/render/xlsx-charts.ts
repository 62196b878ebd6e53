import type ExcelJS from 'exceljs';
import { tr } from '../core/i18n.js';
import { buildCharts, type ChartInputs } from './charts/build.js';
import { rasteriseSvg, renderChartSvg } from './charts/svg.js';
import { PRINT_MARGINS, setPageFooter } from './xlsx-layout.js';

/** Pixels of a chart's picture on the sheet, and of the PNG behind it (twice as sharp, for zoom and print). */
const SHOWN_WIDTH = 640;
const PNG_WIDTH = 1280;
/** Excel's default row: 20 px. */
const ROW_PX = 20;
/**
 * Pixels of picture an A4 portrait page holds at 100 % within PRINT_MARGINS (10.7 in, 1 026 px at
 * 96 dpi), less two rows of slack: at 860 px (and the default margins) each page was left a third
 * blank, the report's nine charts on four pages where three hold them (LibreOffice's PDF).
 */
const PAGE_PX = 980;

/** Width and height of an SVG from its root attributes. */
function svgSize(svg: string): { width: number; height: number } {
  const w = /<svg[^>]*\swidth="([\d.]+)"/.exec(svg);
  const h = /<svg[^>]*\sheight="([\d.]+)"/.exec(svg);
  return { width: Number(w?.[1] ?? SHOWN_WIDTH), height: Number(h?.[1] ?? 300) };
}

/**
 * Adds a Charts sheet: the report's charts (the same Vega SVGs as the HTML), rasterised to PNG, each
 * under its title, so a workbook opened in Excel or LibreOffice shows them too. Nothing when the
 * inputs allow no chart. Its printed pages have the footer of every other sheet: «Графики — <company>  Стр. N из M».
 */
export async function addChartsSheet(workbook: ExcelJS.Workbook, inputs: ChartInputs, lang: string, company?: string): Promise<void> {
  const charts = buildCharts(inputs, lang);
  if (charts.length === 0) return;
  const sheet = workbook.addWorksheet(tr(lang, 'Графики', 'Charts'), { views: [{ showGridLines: false }] });
  sheet.columns = [{ width: 100 }];
  // Printed on A4 portrait, one picture wide; a picture that would not fit on the page starts the next.
  sheet.pageSetup = { ...sheet.pageSetup, paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: PRINT_MARGINS };
  setPageFooter(sheet, { title: tr(lang, 'Графики', 'Charts'), company, lang });
  let row = 1;
  let used = 0;
  for (const chart of charts) {
    const svg = await renderChartSvg(chart, lang);
    const size = svgSize(svg);
    const height = Math.round((size.height * SHOWN_WIDTH) / size.width);
    const rows = Math.ceil(height / ROW_PX) + 2;
    if (used > 0 && (used + rows) * ROW_PX > PAGE_PX) {
      sheet.getRow(row - 1).addPageBreak();
      used = 0;
    }
    used += rows;
    const title = sheet.getCell(row, 1);
    title.value = chart.title;
    title.font = { bold: true, size: 12 };
    const png = await rasteriseSvg(svg, PNG_WIDTH);
    const image = workbook.addImage({ buffer: Buffer.from(png) as unknown as ExcelJS.Buffer, extension: 'png' });
    sheet.addImage(image, { tl: { col: 0, row }, ext: { width: SHOWN_WIDTH, height } });
    row += rows;
  }
}
