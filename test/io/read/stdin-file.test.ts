import { closeSync, createReadStream, linkSync, mkdtempSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { stdinIsFile } from '../../../src/io/read/files.js';

// compare refused the same deals file for both periods by path, and took it as `-` and the path
// (every change 0): stdin redirected from a file is that file, by device and inode.
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

describe('stdinIsFile', () => {
  it('is the file stdin is redirected from, under its name, a link or a relative path', () => {
    const stdin = redirectedFrom(deals);
    expect(stdinIsFile(stdin, deals, '/')).toBe(true);
    expect(stdinIsFile(stdin, 'deals.csv', dir)).toBe(true);
    expect(stdinIsFile(stdin, 'hard.csv', dir)).toBe(true);
    expect(stdinIsFile(stdin, 'soft.csv', dir)).toBe(true);
  });

  it('is not another file with the same bytes, a missing file, `-`, or a stream with no descriptor (a pipe in tests)', () => {
    const stdin = redirectedFrom(deals);
    expect(stdinIsFile(stdin, copy, '/')).toBe(false);
    expect(stdinIsFile(stdin, path.join(dir, 'none.csv'), '/')).toBe(false);
    expect(stdinIsFile(stdin, '-', dir)).toBe(false);
    expect(stdinIsFile(Readable.from(['id\n']), deals, '/')).toBe(false);
  });
});
