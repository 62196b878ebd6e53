import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAuditXlsx } from '../../src/render/audit/xlsx.js';
import { renderKpiXlsx } from '../../src/render/kpi/xlsx.js';
import { auditResult, kpiResult } from '../helpers/results.js';
import { cellText, EXCEL_CELL_CHARS, signedFormatFor, workbookToBuffer, xmlText } from '../../src/render/xlsx-common.js';

afterEach(() => {
  vi.useRealTimers();
});

/** Renders at a given wall-clock time, so the clock is the only thing that differs between two runs. */
async function at<T>(clock: string, render: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(clock));
  try {
    return await render();
  } finally {
    vi.useRealTimers();
  }
}

describe('workbook bytes', () => {
  it('do not depend on the clock: the same result and report date give the same file a minute later', async () => {
    const now = new Date('2026-01-15T10:00:00Z');
    const audit = () => renderAuditXlsx(auditResult(), { lang: 'ru' });
    expect(Buffer.from(await at('2026-03-01T08:00:00Z', audit)).equals(Buffer.from(await at('2026-03-01T08:01:07Z', audit)))).toBe(true);
    const kpi = () => renderKpiXlsx(kpiResult(), { lang: 'ru', now });
    expect(Buffer.from(await at('2026-03-01T08:00:00Z', kpi)).equals(Buffer.from(await at('2027-07-09T23:59:59Z', kpi)))).toBe(true);
  });
});

describe('text cells as Excel can hold them', () => {
  it('a cell longer than Excel\'s 32,767 characters is cut with «…»; shorter ones stay as they are', () => {
    expect(cellText('Дорого')).toBe('Дорого');
    const long = 'я'.repeat(50_000);
    expect(cellText(long)).toHaveLength(EXCEL_CELL_CHARS);
    expect(cellText(long).endsWith('я…')).toBe(true);
    // Never between the halves of a surrogate pair (an emoji at the cut).
    const emoji = `${'a'.repeat(EXCEL_CELL_CHARS - 2)}😀tail`;
    expect(cellText(emoji)).toBe(`${'a'.repeat(EXCEL_CELL_CHARS - 2)}…`);
  });

  it('characters XML cannot hold are shown as U+FFFD', () => {
    expect(xmlText('a\u0000b\ufffe')).toBe('a\ufffdb\ufffd');
  });

  it('a workbook with a 50,000-character loss reason reads back with the cell cut, not dropped', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Причины').addRow(['Причина', 'x'.repeat(50_000)]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(await workbookToBuffer(wb)) as unknown as ArrayBuffer);
    const value = back.getWorksheet('Причины')!.getRow(1).getCell(2).value as string;
    expect(value).toHaveLength(EXCEL_CELL_CHARS);
    expect(value.endsWith('…')).toBe(true);
  });
});

// A tester: a change of −0,000228 printed «−0,0%» in the workbook where HTML and Markdown print «0,0%»:
// Excel picks the section by the value, not by what it shows.
describe('the format of a signed change', () => {
  const relative = '+0.0%;"\u2212"0.0%;0.0%';
  const pp = '+0.0" п. п.";"\u2212"0.0" п. п.";0.0" п. п."';
  it('is the zero section alone for a value that rounds to zero at the shown precision, of either sign', () => {
    expect(signedFormatFor(relative, -0.000228)).toBe('0.0%;0.0%;0.0%');
    expect(signedFormatFor(relative, 0.0004)).toBe('0.0%;0.0%;0.0%');
    expect(signedFormatFor(pp, -0.04)).toBe('0.0" п. п.";0.0" п. п.";0.0" п. п."');
    expect(signedFormatFor('+0;"\u2212"0;0', -0.4)).toBe('0;0;0');
    // A literal with a semicolon in it is not a section break.
    expect(signedFormatFor('+0.0%" (a;b)";"\u2212"0.0%" (a;b)";0.0%" (a;b)"', -0.0001)).toBe('0.0%" (a;b)";0.0%" (a;b)";0.0%" (a;b)"');
  });
  it('stays signed for a value that shows a digit, and for an exact zero, none or a format without a zero section', () => {
    expect(signedFormatFor(relative, -0.0005)).toBe(relative); // −0,05 % shows «−0,1%»
    expect(signedFormatFor(relative, -0.00049)).toBe('0.0%;0.0%;0.0%');
    expect(signedFormatFor(relative, 0.125)).toBe(relative);
    // Optional decimals count as shown ones: «+0,0#%» shows −0,0001 as «−0,01%».
    expect(signedFormatFor('+0.0#%;"\u2212"0.0#%;0.0#%', -0.0001)).toBe('+0.0#%;"\u2212"0.0#%;0.0#%');
    expect(signedFormatFor('+0.0#%;"\u2212"0.0#%;0.0#%', -0.00004)).toBe('0.0#%;0.0#%;0.0#%');
    expect(signedFormatFor(relative, null)).toBe(relative);
    expect(signedFormatFor(relative, 0)).toBe(relative);
    expect(signedFormatFor('0.0%', -0.0001)).toBe('0.0%');
  });
});
