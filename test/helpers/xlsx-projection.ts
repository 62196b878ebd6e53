import ExcelJS from 'exceljs';

/** A workbook as comparable JSON: sheet names, frozen panes, autofilters, widths and every cell's value and type. */
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
