import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { headerRowOf } from '../helpers/xlsx-projection.js';
import { BIN } from '../helpers/cli.js';

const DRIVER = fileURLToPath(new URL('../helpers/pty-drive.py', import.meta.url));
const DOWN = '\u001b[B';
const CTRL_C = '\u0003';

function drive(steps: Array<[string, string]>, args: string[], cwd: string) {
  const env = { ...process.env, NO_COLOR: '1', TERM: 'xterm' };
  const res = spawnSync('python3', [DRIVER, JSON.stringify(steps), process.execPath, BIN, ...args], { cwd, env, timeout: 60_000 });
  return { code: res.status, out: res.stdout.toString('utf8') };
}

describe('interactive audit in a real terminal (pty + the real prompt library)', () => {
  it('a consultant completes the audit in Russian and saves answers and an XLSX', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-pty-'));
    const run = drive(
      [
        ['Компания', 'ООО Ромашка\r'],
        ['Компания осознанно', '\r'],
        ['Каждое взаимодействие', `${DOWN}\r`],
        ['В CRM настроена', '\r'],
        ['Рядовые менеджеры', '\r'],
        ['Товары, цены', `${DOWN}${DOWN}\r`],
        ['Оплаты счетов', '\r'],
        ['Телефония и почта интегрированы', '\r'],
        ['Сохранить ответы', 'y\r'],
        ['Файл ответов', '\r'],
        ['Сохранить отчёт', 'y\r'],
        ['Файл отчёта', '\r'],
      ],
      ['audit', '--now', '2025-01-01T00:00:00Z'],
      dir,
    );
    expect(run.out).toContain('Уровень: Лидер (8 / 10)');
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['audit-answers.yaml', 'crm-audit-report.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'crm-audit-report.xlsx'));
    const audit = wb.getWorksheet('Аудит')!;
    expect(audit.getRow(headerRowOf(audit)).getCell(1).value).toBe('Раздел');
  });

  it('Ctrl+C leaves quietly with exit 130 and writes nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-pty-'));
    const run = drive([['Company', 'Acme\r'], ['Does the company work with leads', CTRL_C]], ['audit', '--lang', 'en', '-o', 'report.xlsx'], dir);
    expect(run.code).toBe(130);
    expect(run.out).not.toMatch(/\bat .*\.js:\d+/);
    expect(existsSync(path.join(dir, 'report.xlsx'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
