import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { renderHint, renderMessage } from '../../../src/core/messages.js';
import { DEFAULT_LIMITS } from '../../../src/io/read/limits.js';
import { readTable, type TableOptions } from '../../../src/io/read/table.js';
import { makeXlsx } from '../../fixtures/zip.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-table-'));

/** The rows of a text file read by readTable (as text rows), and its delimiter. */
async function read(name: string, text: string, opts: Partial<TableOptions> = {}): Promise<{ rows: string[][]; delimiter: string | undefined }> {
  writeFileSync(path.join(dir, name), text);
  const rows: string[][] = [];
  const info = await readTable(name, { cwd: dir, stdin: Readable.from([]), limits: DEFAULT_LIMITS, textRows: true, ...opts }, (cells) => {
    rows.push([...(cells as string[])]);
  });
  return { rows, delimiter: info.delimiter };
}

// A tester (tT22 #10): `sep=,` above lines split by `;` was followed, every line one column, and the run said «no row
// names the columns» with a --map snippet that took whole lines as the manager. Refused, naming both delimiters and the fixes.
describe('readTable: a sep= first line', () => {
  const body = 'ID;Ответственный;Бюджет\n1;A;1\n';

  it('is followed where the lines are split by it, and its line is no row', async () => {
    expect(await read('sep-ok.csv', `sep=;\n${body}`)).toEqual({ rows: [['ID', 'Ответственный', 'Бюджет'], ['1', 'A', '1']], delimiter: ';' });
  });

  it('that names a delimiter no line has, beside lines split by another, is refused: both named, with the fixes', async () => {
    const error = await read('sep-wrong.csv', `sep=,\n${body}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const e = error as UserError;
    expect([e.code, e.where.file]).toEqual(['E_SEP_LINE', 'sep-wrong.csv']);
    expect(e.message).toBe('the first line "sep=," sets the delimiter ",", but the file\'s lines are split by ";": none of the first lines has a "," in it');
    expect(e.hint).toBe("remove the sep= line from the file, or pass --delimiter ';'");
    expect(renderMessage(e.messageId!, e.params!, 'ru')).toBe('первая строка «sep=,» задаёт разделитель «,», но строки файла разделены «;»: ни в одной из первых строк нет разделителя «,»');
    expect(renderHint(e.messageId!, e.params!, 'ru')).toBe("удалите строку sep= из файла или укажите --delimiter ';'");
  });

  it('names a tab as a word', async () => {
    const error = (await read('sep-tab.csv', 'sep=;\nID\tName\n1\tA\n').catch((e: unknown) => e)) as UserError;
    expect(error.message).toContain('split by a tab');
    expect(error.hint).toBe('remove the sep= line from the file, or pass --delimiter tab');
    expect(renderMessage(error.messageId!, error.params!, 'ru')).toContain('разделены табуляцией');
  });

  it('gives way to --delimiter, which the hint names: the file is read by it, its sep= line no row', async () => {
    expect(await read('sep-wrong2.csv', `sep=,\n${body}`, { delimiter: ';' })).toEqual({ rows: [['ID', 'Ответственный', 'Бюджет'], ['1', 'A', '1']], delimiter: ';' });
  });
});

// Tester T58: a 40 MB workbook read for 30 s showed no progress line (its file is opened at once, and read by its sheet).
describe('readTable: the progress of a workbook', () => {
  const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>value ${i} ${'x'.repeat(40)}</t></is></c></row>`).join('');
  const workbook = makeXlsx(rows);

  it('is said in the file\'s bytes as its sheet is read, up to the whole file', async () => {
    writeFileSync(path.join(dir, 'progress.xlsx'), workbook);
    const seen: Array<[number, number | undefined]> = [];
    await readTable('progress.xlsx', { cwd: dir, stdin: Readable.from([]), limits: DEFAULT_LIMITS, onProgress: (read, total) => seen.push([read, total]) }, () => undefined);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual([workbook.length, workbook.length]);
    expect(seen.every(([read], i) => i === 0 || read >= seen[i - 1]![0])).toBe(true);
  });

  it('from stdin, in the bytes held', async () => {
    const seen: Array<[number, number | undefined]> = [];
    await readTable('-', { cwd: dir, stdin: Readable.from([workbook]), limits: DEFAULT_LIMITS, onProgress: (read, total) => seen.push([read, total]) }, () => undefined);
    expect(seen.at(-1)).toEqual([workbook.length, workbook.length]);
  });
});
