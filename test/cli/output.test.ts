import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { namesAnInput, writeAll, writtenLine } from '../../src/cli/output.js';
import { runCli } from '../helpers/cli.js';

describe('-o over an existing report', () => {
  it('keeps the file\'s permissions: a report kept private (600) does not become readable by all', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'output-mode-'));
    writeFileSync(path.join(dir, 'deals.csv'), 'id,manager,created_at,status\n1,A,2024-01-01,won\n');
    writeFileSync(path.join(dir, 'kpi.csv'), 'old');
    chmodSync(path.join(dir, 'kpi.csv'), 0o600);
    const run = runCli(['kpi', '-d', 'deals.csv', '-o', 'kpi.csv'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(statSync(path.join(dir, 'kpi.csv')).mode & 0o777).toBe(0o600);
  });
});

// A tester's -o of 125 Cyrillic letters (250 bytes, a legal name) failed as an «internal error» in English: the temp name's suffix overflowed it.
describe('-o with a long name', () => {
  it('writes a legal name near the limit, and refuses one past it in words, with no temp file left', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'output-long-'));
    writeFileSync(path.join(dir, 'deals.csv'), 'id,manager,created_at,status\n1,A,2024-01-01,won\n');
    const near = `${'б'.repeat(125)}.md`;
    const run = runCli(['kpi', '-d', 'deals.csv', '-o', near], { cwd: dir, env: { LANG: 'ru_RU.UTF-8' } });
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['deals.csv', near].sort());
    const past = runCli(['kpi', '-d', 'deals.csv', '-o', `${'x'.repeat(300)}.md`], { cwd: dir, env: { LANG: 'ru_RU.UTF-8' } });
    expect(past.code).toBe(2);
    expect(past.stderr).toContain('не удалось записать файл результата: слишком длинное имя файла');
    expect(past.stderr).not.toMatch(/внутренняя ошибка|ENAMETOOLONG/);
    expect(readdirSync(dir).sort()).toEqual(['deals.csv', near].sort());
  });
});

// T40 F14: `-o` replaced a file kept read-only (chmod 444), where the shell's `>` refuses.
describe('-o over a read-only file', () => {
  it('is refused before anything is read, and the file is kept', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'output-readonly-'));
    writeFileSync(path.join(dir, 'deals.csv'), 'id,manager,created_at,status\n1,A,2024-01-01,won\n');
    writeFileSync(path.join(dir, 'kpi.json'), 'kept');
    chmodSync(path.join(dir, 'kpi.json'), 0o444);
    const run = runCli(['kpi', '-d', 'deals.csv', '-o', 'kpi.json'], { cwd: dir, env: { LANG: 'ru_RU.UTF-8' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('kpi.json: файл результата только для чтения: перезаписывать его нельзя\n  подсказка: снимите с него защиту от записи (chmod u+w) или укажите другой путь в -o');
    expect(readFileSync(path.join(dir, 'kpi.json'), 'utf8')).toBe('kept');
    chmodSync(path.join(dir, 'kpi.json'), 0o644);
    expect(runCli(['kpi', '-d', 'deals.csv', '-o', 'kpi.json'], { cwd: dir }).code).toBe(0);
  });

  // Tester T56: another user's file (644, root's) in a folder anyone may write was replaced by the rename, where `>` refuses.
  it.runIf(process.getuid?.() === 0 && existsSync('/usr/bin/setpriv'))('is refused for a file this user may not write, whoever may write the folder', () => {
    const dir = mkdtempSync('/tmp/crm-audit-output-others-');
    chmodSync(dir, 0o777);
    writeFileSync(path.join(dir, 'deals.csv'), 'id,manager,created_at,status\n1,A,2024-01-01,won\n');
    writeFileSync(path.join(dir, 'kpi.json'), 'root\'s');
    chmodSync(path.join(dir, 'kpi.json'), 0o644);
    const run = spawnSync('/usr/bin/setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, path.resolve('bin/crm-audit.js'), 'kpi', '-d', 'deals.csv', '-o', 'kpi.json', '--lang', 'en'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('kpi.json: the output file is read-only: refusing to replace it');
    expect(readFileSync(path.join(dir, 'kpi.json'), 'utf8')).toBe("root's");
  });
});

// What the interactive audit's save prompts refuse: an input under its own name or another one.
describe('namesAnInput', () => {
  it('is true for an input by path, through a symbolic or hard link, and false for another file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'output-input-'));
    writeFileSync(path.join(dir, 'deals.csv'), 'x');
    writeFileSync(path.join(dir, 'other.csv'), 'y');
    symlinkSync(path.join(dir, 'deals.csv'), path.join(dir, 'link.csv'));
    linkSync(path.join(dir, 'deals.csv'), path.join(dir, 'hard.csv'));
    expect(namesAnInput(dir, 'deals.csv', ['deals.csv'])).toBe(true);
    expect(namesAnInput(dir, path.join(dir, 'deals.csv'), ['./deals.csv'])).toBe(true);
    expect(namesAnInput(dir, 'link.csv', ['deals.csv'])).toBe(true);
    expect(namesAnInput(dir, 'hard.csv', ['deals.csv'])).toBe(true);
    expect(namesAnInput(dir, 'other.csv', ['deals.csv', '-'])).toBe(false);
    expect(namesAnInput(dir, 'new.yaml', ['deals.csv'])).toBe(false);
  });
});

describe('the written line', () => {
  it('says a size in bytes with the Russian plural a count takes', () => {
    expect([1, 2, 5, 12, 21, 22, 533, 999].map((n) => writtenLine('r.md', n, 'ru'))).toEqual(['Записано: r.md (1 байт)', 'Записано: r.md (2 байта)', 'Записано: r.md (5 байт)', 'Записано: r.md (12 байт)', 'Записано: r.md (21 байт)', 'Записано: r.md (22 байта)', 'Записано: r.md (533 байта)', 'Записано: r.md (999 байт)']);
    // Kilobytes and megabytes of 1 000 and 10^6 bytes, as the progress line counts (T44 F7); 999 950 bytes round up to the next unit.
    expect([1000, 48_200, 999_949, 999_950, 171_000_000].map((n) => writtenLine('r.md', n, 'ru'))).toEqual(['Записано: r.md (1,0 КБ)', 'Записано: r.md (48,2 КБ)', 'Записано: r.md (999,9 КБ)', 'Записано: r.md (1,0 МБ)', 'Записано: r.md (171,0 МБ)']);
    // A path built by a script from data (tester T52 F6): its control characters reach no terminal, its line break is «\n».
    expect(writtenLine('x\u001b]52;c;cHd=\u0007.json', 10, 'en')).toBe('Written: x\ufffd]52;c;cHd=\ufffd.json (10 bytes)');
    expect(writtenLine('new\nline.md', 10, 'en')).toBe('Written: new\\nline.md (10 bytes)');
    expect(writtenLine('r.md', 1, 'en')).toBe('Written: r.md (1 byte)');
  });
});

describe('writeAll (stdout redirected to a file)', () => {
  it('writes every byte however short each write is: a disk near full writes part of a buffer and returns the count', () => {
    const bytes = Buffer.from('{"managers": [1, 2, 3]}\n'.repeat(100));
    const written: Buffer[] = [];
    let calls = 0;
    // Never more than 7 bytes a call, as a short write would be.
    writeAll(1, bytes, (_fd, b, offset, length) => {
      calls++;
      const n = Math.min(7, length);
      written.push(Buffer.from(b.subarray(offset, offset + n)));
      return n;
    });
    expect(Buffer.concat(written).equals(bytes)).toBe(true);
    expect(calls).toBe(Math.ceil(bytes.length / 7));
  });

  it('lets a failed write through, for the caller to say (ENOSPC: no space left)', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(() =>
      writeAll(1, Buffer.from('abc'), () => {
        throw full;
      }),
    ).toThrow(full);
  });
});
