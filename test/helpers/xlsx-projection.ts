import ExcelJS from 'exceljs';

/** A workbook as comparable JSON: sheet names, frozen panes, autofilters, print setup, widths, every cell's value and type, and the number formats. */
export async function projectWorkbook(file: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return {
    title: wb.title,
    creator: wb.creator,
    sheets: wb.worksheets.map((ws) => ({
      name: ws.name,
      frozen: ws.views?.[0]?.state === 'frozen' ? ws.views[0].ySplit : null,
      autoFilter: ws.autoFilter ?? null,
      widths: ws.columns?.map((c) => c.width ?? null) ?? [],
      print: { orientation: ws.pageSetup.orientation, fitToWidth: ws.pageSetup.fitToPage ? ws.pageSetup.fitToWidth : null, fitToHeight: ws.pageSetup.fitToPage ? ws.pageSetup.fitToHeight : null, titles: ws.pageSetup.printTitlesRow ?? null },
      formats: numberFormats(ws),
      rows: Array.from(ws.getSheetValues().slice(1), (row) => (Array.isArray(row) ? Array.from(row.slice(1), cellValue) : [])),
    })),
  };
}

function cellValue(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return Number(v.toPrecision(12));
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && 'formula' in (v as object)) return { formula: (v as { formula: string }).formula };
  return v;
}

/** Every cell's number format that is not General, by address. */
function numberFormats(ws: ExcelJS.Worksheet): Record<string, string> {
  const out: Record<string, string> = {};
  ws.eachRow((row) => row.eachCell((cell) => {
    if (cell.numFmt && cell.numFmt !== 'General') out[cell.address] = cell.numFmt;
  }));
  return out;
}

/** The row of a sheet's table header: the frozen row under the heading, repeated on every printed page. */
export function headerRowOf(ws: ExcelJS.Worksheet): number {
  const view = ws.views[0] as { state?: string; ySplit?: number } | undefined;
  if (view?.state !== 'frozen' || !view.ySplit) throw new Error(`sheet ${ws.name} has no frozen header row`);
  return view.ySplit;
}
