import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { notPlaced } from '../../../src/cli/commands/generate.js';
import { describeUserError } from '../../../src/core/errors.js';
import { PlaceError } from '../../../src/io/write-exports.js';
import { latinWords } from '../../helpers/latin-words.js';

const at = (name: string) => path.join('/abs/out', name);
const eisdir = Object.assign(new Error('EISDIR: illegal operation on a directory'), { code: 'EISDIR' });
const erofs = Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });

describe('notPlaced', () => {
  it('names the file that failed by the path the user gave, and that nothing was written', () => {
    const error = notPlaced(new PlaceError(at('activities.csv'), eisdir, []), 'out');
    expect(describeUserError(error, 'en')).toBe(
      'out/activities.csv: cannot write the output file: this is a folder, not a file (EISDIR); nothing was written: deals.csv, activities.csv and payments.csv go in place together or not at all, and the folder is as it was\n  hint: check that the folder is writable and the disk has space, or choose another -o path',
    );
  });

  // Undoing failed too (the disk went read-only): «nothing was written» would be untrue.
  it('names the new files left in place and where the earlier ones are kept, in either language', () => {
    const error = notPlaced(new PlaceError(at('payments.csv'), erofs, [{ target: at('deals.csv'), kept: at('deals.csv.tmp-1-a-0') }, { target: at('activities.csv') }]), 'out');
    expect(describeUserError(error, 'en')).toBe(
      'out/payments.csv: cannot write the output file: the disk is read-only (EROFS); what was put in place before it could not be undone: out/deals.csv (the earlier file is kept as out/deals.csv.tmp-1-a-0), out/activities.csv\n  hint: check the folder: new files stand in it beside earlier ones; run generate again once the folder can be written',
    );
    const ru = describeUserError(error, 'ru');
    expect(ru).toBe(
      'out/payments.csv: не удалось записать файл результата: диск доступен только для чтения; уже поставленное на место до сбоя вернуть не удалось: out/deals.csv (прежний файл сохранён как out/deals.csv.tmp-1-a-0), out/activities.csv\n  подсказка: проверьте папку: новые файлы стоят в ней рядом с прежними; запустите generate снова, когда в папку можно будет писать',
    );
    expect(latinWords(ru)).toEqual([]);
  });
});
