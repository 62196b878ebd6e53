import { describe, expect, it } from 'vitest';
import { osReason } from '../../../src/core/messages/os-errors.js';

const CYRILLIC_ONLY = /^[А-Яа-яЁё ,.—-]+$/;

// A tester's Russian run read «на диске нет места (ENOSPC)»: a Russian reader gets the words alone,
// the English text keeps the code for whoever searches for it.
describe('what the operating system said, in words, the code in English only', () => {
  it.each(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EMFILE', 'ENOSPC', 'EROFS'])('%s reads Russian words with no code, and English with its code', (code) => {
    const r = osReason({ code, message: `${code}: some english text, open '/x/.report.tmp-1-2'` });
    expect(r.reasonRu).toMatch(CYRILLIC_ONLY);
    expect(r.reasonRu).not.toContain(code);
    expect(r.reason.endsWith(`(${code})`)).toBe(true);
    expect(r.reason).toMatch(/^[a-z][a-z ,/-]+ \(E[A-Z]+\)$/);
    expect(r.reason).not.toContain('tmp');
  });

  it('a code no sentence is written for is said as a code to look up, and no English in Russian', () => {
    const r = osReason({ code: 'EXDEV', message: "EXDEV: cross-device link not permitted, rename '/a' -> '/b'" });
    expect(r.reasonRu).toBe('системная ошибка (код EXDEV)');
    expect(r.reason).toBe('cross-device link not permitted (EXDEV)');
  });

  it('an error without a code says what it said', () => {
    expect(osReason({ message: 'stream ended' })).toEqual({ reason: 'stream ended', reasonRu: 'ошибка: stream ended' });
    expect(osReason({})).toEqual({ reason: 'unknown error', reasonRu: 'неизвестная ошибка' });
  });
});
