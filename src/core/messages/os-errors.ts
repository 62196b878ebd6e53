/**
 * What the operating system said, in words a person reads in either language: Node's own
 * `EACCES: permission denied, open '/x/.report.tmp-…'` is English and names our temp file, so the
 * common codes get a sentence of their own. The English text keeps the code for whoever searches for
 * it; the Russian one says the words alone (a sales head read «на диске нет места (ENOSPC)»), and the
 * code only where no sentence is written for it, as a code to look up.
 */
import type { Template } from '../messages.js';

const OS_REASONS: Readonly<Record<string, Template>> = {
  ENOENT: { ru: 'нет такого файла или папки', en: 'no such file or folder' },
  EACCES: { ru: 'нет прав доступа', en: 'permission denied' },
  EPERM: { ru: 'операция не разрешена', en: 'operation not permitted' },
  EISDIR: { ru: 'это папка, а не файл', en: 'this is a folder, not a file' },
  ENOTDIR: { ru: 'часть пути — файл, а не папка', en: 'a part of the path is a file, not a folder' },
  EMFILE: { ru: 'открыто слишком много файлов', en: 'too many open files' },
  ENFILE: { ru: 'в системе открыто слишком много файлов', en: 'too many open files in the system' },
  ENOSPC: { ru: 'на диске нет места', en: 'no space left on the disk' },
  EROFS: { ru: 'диск доступен только для чтения', en: 'the disk is read-only' },
  EDQUOT: { ru: 'превышена дисковая квота', en: 'the disk quota is exceeded' },
  EEXIST: { ru: 'файл уже существует', en: 'the file already exists' },
  EBUSY: { ru: 'файл занят другой программой', en: 'the file is in use by another program' },
  ENAMETOOLONG: { ru: 'слишком длинное имя файла', en: 'the file name is too long' },
  ELOOP: { ru: 'слишком много символических ссылок в пути', en: 'too many symbolic links in the path' },
  EIO: { ru: 'ошибка ввода-вывода', en: 'input/output error' },
};

/** `{reason, reasonRu}` for a message template: «нет прав доступа», "permission denied (EACCES)". */
export function osReason(error: { code?: string; message?: string }): { reason: string; reasonRu: string } {
  const code = typeof error.code === 'string' && /^E[A-Z0-9]+$/.test(error.code) ? error.code : undefined;
  const known = code === undefined ? undefined : OS_REASONS[code];
  if (known) return { reason: `${known.en} (${code})`, reasonRu: known.ru };
  // A code no sentence is written for: in Russian the code as one to look up (Node's text is English), its text in English.
  const text = (error.message ?? '').replace(/^E[A-Z0-9]+: /, '').replace(/, \w+ '.*'$/, '');
  if (code) return { reason: `${text || 'system error'} (${code})`, reasonRu: `системная ошибка (код ${code})` };
  return { reason: text || 'unknown error', reasonRu: text ? `ошибка: ${text}` : 'неизвестная ошибка' };
}
