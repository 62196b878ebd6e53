import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// Excel's «XML Spreadsheet 2003», as 1C and PBX/CRM «Выгрузить в Excel» buttons save it (.xls or .xml):
// it was read as CSV, «no header row», with a --map naming the `<?xml` line as the manager.
const NS = 'xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40"';
const STYLES = '<Styles><Style ss:ID="Default" ss:Name="Normal"/><Style ss:ID="dt"><NumberFormat ss:Format="dd/mm/yyyy\\ hh:mm:ss"/></Style><Style ss:ID="b"><Font ss:Bold="1"/></Style></Styles>';

type Value = string | number | { date: string };
function cell(v: Value): string {
  if (typeof v === 'number') return `<Cell><Data ss:Type="Number">${v}</Data></Cell>`;
  if (typeof v === 'object') return `<Cell ss:StyleID="dt"><Data ss:Type="DateTime">${v.date}</Data></Cell>`;
  return v === '' ? '' : `<Cell><Data ss:Type="String">${v.replace(/&/g, '&amp;')}</Data></Cell>`;
}
function book(sheets: Array<{ name: string; rows: Value[][]; title?: string }>, declaration = '<?xml version="1.0" encoding="UTF-8"?>'): string {
  const ws = sheets.map(({ name, rows, title }) => {
    const head = title ? `<Row><Cell ss:MergeAcross="5" ss:StyleID="b"><Data ss:Type="String">${title}</Data></Cell></Row>\n` : '';
    const body = rows.map((r) => `<Row>${r.map((v, i) => (v === '' ? '' : cell(v).replace('<Cell', `<Cell ss:Index="${i + 1}"`))).join('')}</Row>`).join('\n');
    return `<Worksheet ss:Name="${name}"><Table>\n${head}${body}\n</Table></Worksheet>`;
  });
  return `${declaration}\n<?mso-application progid="Excel.Sheet"?>\n<Workbook ${NS}>\n${STYLES}\n${ws.join('\n')}\n</Workbook>\n`;
}

const DEALS_HEADER = ['ID', 'Название сделки', 'Бюджет', 'Ответственный', 'Этап сделки', 'Дата создания', 'Дата закрытия', 'Основной контакт'];
const DEALS: Value[][] = [
  DEALS_HEADER,
  [101, 'Поставка', 120000, 'Иванов Иван', 'Успешно реализовано', { date: '2025-03-01T10:30:00.000' }, { date: '2025-03-05T16:00:00.000' }, 'Клиент 1'],
  [102, 'Монтаж', 80000, 'Иванов Иван', 'Закрыто и не реализовано', { date: '2025-03-02T09:00:00.000' }, { date: '2025-03-06T11:00:00.000' }, 'Клиент 2'],
  [103, 'Сервис', 45500.5, 'Иванов Иван', 'Успешно реализовано', { date: '2025-03-03T12:00:00.000' }, { date: '2025-03-10T12:00:00.000' }, 'Клиент 3'],
  [104, 'Аудит', 30000, 'Петрова Анна', 'Переговоры', { date: '2025-03-04T15:45:00.000' }, '', 'Клиент 4'],
  [105, 'Обучение', 60000, 'Петрова Анна', 'Успешно реализовано', { date: '2025-03-05T08:15:00.000' }, { date: '2025-03-07T18:00:00.000' }, 'Клиент 5'],
];
const CALLS: Value[][] = [
  ['Сотрудник', 'Номер телефона', 'Тип звонка', 'Время звонка', 'Дата вызова', 'Статус', 'CRM'],
  ['Иванов Иван', '+7 999 1000001', 'исходящий', '2 мин, 10 сек', { date: '2025-03-01T11:00:00.000' }, 'Успешный звонок', 'Контакт: Клиент 1'],
  ['Иванов Иван', '+7 999 1000002', 'входящий', '0 мин, 40 сек', { date: '2025-03-02T10:00:00.000' }, 'Успешный звонок', 'Контакт: Клиент 2'],
  ['Петрова Анна', '+7 999 1000004', 'исходящий', '5 мин, 0 сек', { date: '2025-03-04T16:00:00.000' }, 'Успешный звонок', 'Контакт: Клиент 4'],
  ['Петрова Анна', '+7 999 1000005', 'исходящий', '1 мин, 0 сек', { date: '2025-03-05T09:00:00.000' }, 'Успешный звонок', 'Контакт: Клиент 5'],
  ['Петрова Анна', '+7 999 1000005', 'входящий', '3 мин, 0 сек', { date: '2025-03-06T09:00:00.000' }, 'Успешный звонок', 'Контакт: Клиент 5'],
];

function files(): { dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-xml2003-cli-'));
  // The deals: a title merged across above the header, a summary sheet after the data.
  writeFileSync(path.join(dir, 'deals.xls'), book([{ name: 'Сделки', rows: DEALS, title: 'Сделки за март 2025' }, { name: 'Сводка', rows: [['Итого', 5]] }]));
  // The call log in UTF-16 with its byte order mark, saved as .xml.
  writeFileSync(path.join(dir, 'calls.xml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(book([{ name: 'Звонки', rows: CALLS }], '<?xml version="1.0" encoding="UTF-16"?>'), 'utf16le')]));
  return { dir };
}

describe('Excel XML 2003 (SpreadsheetML) exports on the command line', () => {
  it('kpi reads an amoCRM-like deals workbook and a Bitrix24-like call log: leads, won and revenue per manager', () => {
    const { dir } = files();
    const run = runCli(['kpi', '-d', 'deals.xls', '-a', 'calls.xml', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { managers: Array<Record<string, unknown>>; total: Record<string, unknown>; dataQuality: { files: Array<{ format: string; records: number }> } };
    const by = Object.fromEntries(result.managers.map((m) => [m.manager, m]));
    // Иванов: 101 won 120 000, 102 lost, 103 won 45 500.50; Петрова: 104 open, 105 won 60 000.
    expect(by['Иванов Иван']).toMatchObject({ leads: 3, won: 2, lost: 1, open: 0, revenue: 165500.5, calls_out: 1, calls_in: 1 });
    expect(by['Петрова Анна']).toMatchObject({ leads: 2, won: 1, lost: 0, open: 1, revenue: 60000, calls_out: 2, calls_in: 1 });
    expect(result.total).toMatchObject({ leads: 5, won: 3, revenue: 225500.5 });
    // Cycle of 101: 1 March 10:30 to 5 March 16:00, 4.23 days: the DateTime cells keep their times.
    expect(by['Иванов Иван']!.cycle_days_median).toBeCloseTo((4.229166 + 7) / 2, 3);
    expect(result.dataQuality.files.map((f) => [f.format, f.records])).toEqual([
      ['spreadsheetml, utf-8, Сделки', 5],
      ['spreadsheetml, utf-16le, Звонки', 5],
    ]);
  });

  it('inspect names the format, in Russian and in English', () => {
    const { dir } = files();
    const ru = runCli(['inspect', 'deals.xls', '--lang', 'ru'], { cwd: dir });
    expect(ru.code, ru.stderr).toBe(0);
    expect(ru.stdout).toContain('формат:     Excel XML 2003 (SpreadsheetML), utf-8, лист «Сделки» из 2');
    expect(ru.stdout).toContain('кодировка:  utf-8: объявление XML');
    const en = runCli(['inspect', 'calls.xml', '--lang', 'en'], { cwd: dir });
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain('format:     Excel XML 2003 (SpreadsheetML), utf-16le, sheet "Звонки" of 1');
  });

  it('--sheet chooses a worksheet as for XLSX; a sheet the workbook lacks and a damaged document exit 2 with no stack', () => {
    const { dir } = files();
    const missing = runCli(['kpi', '-d', 'deals.xls', '--sheet', 'Оплаты', '--lang', 'en'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('there is no sheet "Оплаты"');
    expect(missing.stderr).toContain('sheets: "Сделки", "Сводка"');
    writeFileSync(path.join(dir, 'cut.xls'), book([{ name: 'Сделки', rows: DEALS }]).slice(0, -200));
    const cut = runCli(['kpi', '-d', 'cut.xls', '--lang', 'ru'], { cwd: dir });
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(/cut\.xls.*книга Excel XML 2003 \(SpreadsheetML\) повреждена/);
    expect(cut.stderr).not.toMatch(/\n\s+at /);
  });
});
