import { describe, expect, it } from 'vitest';
import { osReason } from '../../../src/core/messages/os-errors.js';

const CYRILLIC_ONLY = /^[А-Яа-яЁё ,.—-]+ \(E[A-Z]+\)$/;

describe('what the operating system said, in both languages with its code', () => {
  it.each(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EMFILE', 'ENOSPC', 'EROFS'])('%s reads Russian and English, and keeps the code', (code) => {
    const r = osReason({ code, message: `${code}: some english text, open '/x/.report.tmp-1-2'` });
    expect(r.reasonRu).toMatch(CYRILLIC_ONLY);
    expect(r.reasonRu.endsWith(`(${code})`)).toBe(true);
    expect(r.reason).toMatch(/^[a-z][a-z ,/-]+ \(E[A-Z]+\)$/);
    expect(r.reason).not.toContain('tmp');
  });

  it('a code no sentence is written for keeps the code, and no English in Russian', () => {
    const r = osReason({ code: 'EXDEV', message: "EXDEV: cross-device link not permitted, rename '/a' -> '/b'" });
    expect(r.reasonRu).toBe('системная ошибка EXDEV');
    expect(r.reason).toBe('cross-device link not permitted (EXDEV)');
  });

  it('an error without a code says what it said', () => {
    expect(osReason({ message: 'stream ended' })).toEqual({ reason: 'stream ended', reasonRu: 'ошибка: stream ended' });
    expect(osReason({})).toEqual({ reason: 'unknown error', reasonRu: 'неизвестная ошибка' });
  });
});
