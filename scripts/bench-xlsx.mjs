// Part of npm run bench: 200,000 rows x 9 columns of XLSX, read by crm-audit's streaming reader
// (yauzl + our sheet scanner) and by exceljs's streaming WorkbookReader, in fresh processes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = path.join(root, '.bench-cache');
const file = path.join(dir, 'deals-200k.xlsx');
const ROWS = 200_000;

if (process.argv[2] === '--exceljs') {
  // child: count rows with exceljs's streaming reader
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit' });
  for await (const sheet of reader) for await (const _row of sheet) rows++;
  process.stdout.write(String(rows));
  process.exit(0);
}

if (!existsSync(file)) {
  mkdirSync(dir, { recursive: true });
  console.error(`writing ${file} (once)…`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('Deals');
  ws.addRow(['ID', 'Ответственный', 'Дата создания', 'Дата закрытия', 'Этап сделки', 'Бюджет', 'Компания', 'Источник', 'Причина отказа']).commit();
  const managers = ['Алексеева Мария', 'Белов Игорь', 'Васильев Пётр', 'Григорьева Анна'];
  for (let i = 0; i < ROWS; i++) {
    const created = new Date(Date.UTC(2024, 0, 1) + i * 150_000);
    const row = ws.addRow([100000 + i, managers[i % 4], created, new Date(created.getTime() + 86_400_000 * (1 + (i % 20))), i % 3 ? 'Закрыто и не реализовано' : 'Успешно реализовано', 1000 * (i % 500), `Клиент ${i % 7000}`, 'Сайт', i % 3 ? 'Дорого' : '']);
    row.getCell(3).numFmt = 'dd.mm.yyyy hh:mm';
    row.getCell(4).numFmt = 'dd.mm.yyyy hh:mm';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

const time = (args) => {
  const t0 = process.hrtime.bigint();
  const res = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (res.status !== 0) throw new Error(res.stderr);
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, out: res.stdout };
};
const ours = time([path.join(root, 'bin/crm-audit.js'), 'inspect', file, '--kind', 'deals', '--format', 'json']);
const theirs = time([fileURLToPath(import.meta.url), '--exceljs']);
const records = JSON.parse(ours.out).records;
console.log(`xlsx ${ROWS.toLocaleString('en')} rows x 9 columns (${(statSync(file).size / 1048576).toFixed(0)} MB): crm-audit reader + mapping ${ours.seconds.toFixed(2)} s (${records} deals), exceljs streaming reader (rows only) ${theirs.seconds.toFixed(2)} s`);
