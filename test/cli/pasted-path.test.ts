import { describe, expect, it } from 'vitest';
import { pastedPath } from '../../src/cli/pasted-path.js';

// A path dragged into GNOME Terminal, macOS Terminal or copied with Windows "Copy as path" was «файл не найден».
describe('pastedPath', () => {
  it('takes off one pair of matching quotes (and the space a drag leaves after them)', () => {
    expect(pastedPath("'/tmp/sp dir/my deals.csv' ", 'linux')).toBe('/tmp/sp dir/my deals.csv');
    expect(pastedPath('"/tmp/sp dir/my deals.csv"', 'linux')).toBe('/tmp/sp dir/my deals.csv');
    expect(pastedPath("'/tmp/it'\\''s.csv'", 'linux')).toBe("/tmp/it's.csv");
    expect(pastedPath('"C:\\Users\\Анна\\my deals.csv"', 'win32')).toBe('C:\\Users\\Анна\\my deals.csv');
    // Unmatched, or one quote alone: as typed.
    expect(pastedPath("'/tmp/a.csv", 'linux')).toBe("'/tmp/a.csv");
    expect(pastedPath("'", 'linux')).toBe("'");
  });

  it('unescapes backslash-escaped spaces and shell characters on POSIX only', () => {
    expect(pastedPath('sp\\ dir/my\\ deals\\(1\\).csv', 'darwin')).toBe('sp dir/my deals(1).csv');
    expect(pastedPath('C:\\data\\deals.csv', 'win32')).toBe('C:\\data\\deals.csv');
  });

  it('decodes a file:// URL', () => {
    expect(pastedPath('file:///tmp/sp%20dir/my%20deals.csv', 'linux')).toBe('/tmp/sp dir/my deals.csv');
    expect(pastedPath("'file:///tmp/%D1%81%D0%B4%D0%B5%D0%BB%D0%BA%D0%B8.csv'", 'linux')).toBe('/tmp/сделки.csv');
  });

  it('leaves a bare path as it is', () => {
    expect(pastedPath('  samples/amocrm-deals.csv ', 'linux')).toBe('samples/amocrm-deals.csv');
    expect(pastedPath('/tmp/sp dir/my deals.csv', 'linux')).toBe('/tmp/sp dir/my deals.csv');
  });

  // `~/evil.csv` at «Файл сделок» was «файл не найден»; `~/saved.yaml` when saving, «папки «~» нет».
  it('expands a leading ~ or ~/ to the home folder, as a shell does (not in quotes, not ~user)', () => {
    expect(pastedPath('~/evil.csv', 'linux', '/home/anna')).toBe('/home/anna/evil.csv');
    expect(pastedPath(' ~ ', 'linux', '/home/anna')).toBe('/home/anna');
    expect(pastedPath('~/', 'linux', '/home/anna')).toBe('/home/anna/');
    expect(pastedPath('~/Загрузки/my\\ deals.csv', 'darwin', '/Users/anna')).toBe('/Users/anna/Загрузки/my deals.csv');
    expect(pastedPath('~\\deals.csv', 'win32', 'C:\\Users\\Анна')).toBe('C:\\Users\\Анна\\deals.csv');
    expect(pastedPath("'~/evil.csv'", 'linux', '/home/anna')).toBe('~/evil.csv');
    expect(pastedPath('~anna/evil.csv', 'linux', '/home/anna')).toBe('~anna/evil.csv');
    expect(pastedPath('a/~/b.csv', 'linux', '/home/anna')).toBe('a/~/b.csv');
  });
});
