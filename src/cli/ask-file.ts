import { stat } from 'node:fs/promises';
import path from 'node:path';
import { tr } from '../core/i18n.js';
import { namesAnInput } from './output.js';
import { pastedPath } from './pasted-path.js';
import { askConfirm, askInput, type PromptIO } from './prompts.js';

/**
 * The files a name typed at a prompt must not replace: the run's inputs (exports typed at a prompt
 * or given by options, the questionnaire, the baseline, a --map), the files it has just written,
 * and the file its -o will be written to.
 */
export interface Protected {
  inputs: readonly string[];
  written: readonly string[];
  output?: string;
}

export interface FileNameOptions {
  /** Whether the file's name may be checked: true, or why not. */
  fits?: (name: string) => true | string;
  /** Added to a name typed without one, and said. */
  extension?: string;
  /** Enter with nothing typed saves nothing: '' is returned (the prompt then offers no name). */
  optional?: boolean;
  /** What the file is, for the extension's note (the report, by default). */
  noun?: { ru: string; en: string };
  /** The name a yes typed as the answer stands for («д», «да», y, yes): a reflexive «д» saved a map named «д» (tester T44). */
  yesName?: string;
}

/** The words a person types for yes at a prompt that asks for a name. */
const YES_WORDS = new Set(['д', 'да', 'y', 'yes']);
/** And for no: at an optional name, what Enter does (saves nothing). */
const NO_WORDS = new Set(['н', 'нет', 'n', 'no']);

/**
 * Asks where to save a file. A name without an extension gets `extension` when one is given, and
 * that is said (a report named «н» was an XLSX without .xlsx). One of the run's inputs, a file the
 * run has just written or the run's -o is refused at the prompt and asked again: never offered to be
 * replaced (the answers were saved over the deals export typed a minute before). Another file already
 * there is replaced only when the user says so, no by default; else the name is asked again with a
 * free one offered (another client's audit-answers.yaml was overwritten without a word). A path pasted
 * in quotes, with escaped spaces or as a file:// URL is the path it names.
 */
export async function askFileName(io: PromptIO, say: (text: string) => void, cwd: string, message: string, defaultName: string, keep: Protected, o: FileNameOptions = {}): Promise<string> {
  const lang = io.lang ?? 'en';
  const { extension } = o;
  const yes = (typed: string) => o.yesName !== undefined && YES_WORDS.has(pastedPath(typed).toLowerCase());
  const named = (typed: string) => {
    if (yes(typed)) return o.yesName!;
    const name = pastedPath(typed);
    return extension && path.extname(name).length <= 1 ? `${name.replace(/\.$/, '')}.${extension}` : name;
  };
  const validate = (typed: string): true | string => {
    if (pastedPath(typed) === '') return o.optional ? true : tr(lang, 'Нужно имя файла', 'A file name, please');
    const file = named(typed);
    if (namesAnInput(cwd, file, keep.inputs)) {
      return tr(lang, `${file} — это один из входных файлов этого запуска (выгрузка, анкета, база сравнения или --map); его нельзя заменить, укажите другое имя`, `${file} is one of this run's input files (an export, the questionnaire, the baseline or a --map); it cannot be replaced: another name, please`);
    }
    if (namesAnInput(cwd, file, keep.written)) {
      return tr(lang, `${file} только что записан этим запуском; укажите другое имя`, `${file} was just written by this run; another name, please`);
    }
    if (keep.output !== undefined && namesAnInput(cwd, file, [keep.output])) {
      return tr(lang, `в ${file} этот запуск запишет отчёт (-o); укажите другое имя`, `this run writes its report to ${file} (-o); another name, please`);
    }
    return o.fits?.(file) ?? true;
  };
  let offered = defaultName;
  for (;;) {
    const typed = await askInput(io, message, offered, validate);
    if (o.optional && (pastedPath(typed) === '' || (o.yesName !== undefined && NO_WORDS.has(pastedPath(typed).toLowerCase())))) return '';
    const file = named(typed);
    const noun = o.noun ?? { ru: 'отчёт', en: 'the report' };
    if (yes(typed)) say(tr(lang, `Сохраняю как ${file}`, `Saving as ${file}`));
    else if (file !== pastedPath(typed)) {
      say(tr(lang, `Имя без расширения: ${noun.ru} будет записан в ${extension!.toUpperCase()} как ${file}`, `No extension: ${noun.en} is saved as ${extension!.toUpperCase()}, named ${file}`));
    }
    const existing = await stat(path.resolve(cwd, file)).catch(() => undefined);
    if (!existing) return file;
    if (existing.isDirectory()) {
      say(tr(lang, `${file} — это папка; нужно имя файла.`, `${file} is a folder; a file name, please.`));
      offered = defaultName;
      continue;
    }
    if (await askConfirm(io, tr(lang, `Файл ${file} уже есть. Заменить его?`, `${file} already exists. Replace it?`), false)) return file;
    offered = await freeName(file, cwd);
  }
}

/** `audit-answers-2.yaml`, `-3`…: the first name beside `file` that no file has. */
async function freeName(file: string, cwd: string): Promise<string> {
  const ext = path.extname(file);
  const base = file.slice(0, file.length - ext.length);
  for (let n = 2; ; n++) {
    const name = `${base}-${n}${ext}`;
    if (!(await stat(path.resolve(cwd, name)).catch(() => undefined))) return name;
  }
}
