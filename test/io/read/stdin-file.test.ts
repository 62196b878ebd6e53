import { closeSync, createReadStream, linkSync, mkdtempSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { sameInputFile } from '../../../src/io/read/files.js';

// compare refused the same deals file for both periods by path, and took it as `-` and the path
// (every change 0), or as a link and its target: one file, by device and inode.
const dir = mkdtempSync(path.join(tmpdir(), 'stdin-file-'));
const deals = path.join(dir, 'deals.csv');
const copy = path.join(dir, 'copy.csv');
writeFileSync(deals, 'id,manager\n1,Анна\n');
writeFileSync(copy, 'id,manager\n1,Анна\n');
linkSync(deals, path.join(dir, 'hard.csv'));
symlinkSync(deals, path.join(dir, 'soft.csv'));

const opened: number[] = [];
afterEach(() => opened.splice(0).forEach((fd) => closeSync(fd)));
/** A stream on a descriptor of the file, as process.stdin is on fd 0 under `< file`; nothing is read. */
const redirectedFrom = (file: string) => {
  const fd = openSync(file, 'r');
  opened.push(fd);
  return createReadStream('', { fd, autoClose: false });
};
const pipe = Readable.from(['id\n']);

describe('sameInputFile', () => {
  it('stdin is the file it is redirected from, under its name, a link or a relative path, on either side', () => {
    const stdin = redirectedFrom(deals);
    expect(sameInputFile('-', deals, stdin, '/')).toBe(true);
    expect(sameInputFile('deals.csv', '-', stdin, dir)).toBe(true);
    expect(sameInputFile('-', 'hard.csv', stdin, dir)).toBe(true);
    expect(sameInputFile('-', 'soft.csv', stdin, dir)).toBe(true);
  });

  it('two paths are one file by name, link or relative path, not by their bytes', () => {
    expect(sameInputFile(deals, 'deals.csv', pipe, dir)).toBe(true);
    expect(sameInputFile('soft.csv', 'hard.csv', pipe, dir)).toBe(true);
    expect(sameInputFile(deals, copy, pipe, '/')).toBe(false);
    // Missing: by their resolved paths (the read then says the file is missing).
    expect(sameInputFile('none.csv', path.join(dir, 'none.csv'), pipe, dir)).toBe(true);
    expect(sameInputFile('none.csv', 'other.csv', pipe, dir)).toBe(false);
  });

  it('stdin is not another file with the same bytes, a missing file, or anything when it is a pipe', () => {
    const stdin = redirectedFrom(deals);
    expect(sameInputFile('-', copy, stdin, '/')).toBe(false);
    expect(sameInputFile('-', path.join(dir, 'none.csv'), stdin, '/')).toBe(false);
    expect(sameInputFile('-', deals, pipe, '/')).toBe(false);
  });
});
