// The only importer of the prompt library. Tests mock this module whole.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { input, search, select } from '@inquirer/prompts';
import { tr } from '../core/i18n.js';

/** Where prompts read and draw: the UI goes to stderr so stdout carries only the report. */
export interface PromptIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** The run's language: hints, key help and yes/no words follow it. */
  lang?: string;
}

export interface Choice {
  value: string;
  name: string;
  description?: string;
}

/** The key help under a list, in the run's language. */
function keysHelp(lang: string) {
  const words: Record<string, string> = { navigate: tr(lang, 'выбор', 'navigate'), select: tr(lang, 'ответить', 'select') };
  return (keys: Array<[string, string]>) => keys.map(([key, action]) => `${key} ${words[action] ?? action}`).join(' • ');
}

/** Asks the user to pick one of several choices. */
export function askSelect(io: PromptIO, message: string, choices: Choice[], defaultValue?: string): Promise<string> {
  const lang = io.lang ?? 'en';
  return select({ message, choices, default: defaultValue, pageSize: 10, theme: { style: { keysHelpTip: keysHelp(lang) } } }, { input: io.input, output: io.output });
}

/** Asks for a line of text; `validate` returns true, or the reason to ask again. */
export function askInput(io: PromptIO, message: string, defaultValue?: string, validate?: (value: string) => true | string): Promise<string> {
  return input({ message, default: defaultValue, ...(validate ? { validate } : {}) }, { input: io.input, output: io.output });
}

/** Files and folders of `cwd` that complete a typed path (folders end in "/"), hidden ones only when asked for. */
export function completePath(term: string, cwd: string): string[] {
  const slash = term.lastIndexOf('/');
  const dirPart = slash >= 0 ? term.slice(0, slash + 1) : '';
  const prefix = term.slice(slash + 1);
  let entries: Array<{ name: string; dir: boolean }>;
  try {
    entries = readdirSync(path.resolve(cwd, dirPart || '.'), { withFileTypes: true }).map((e) => ({ name: e.name, dir: e.isDirectory() }));
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.name.startsWith(prefix) && (prefix.startsWith('.') || !e.name.startsWith('.')))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, 50)
    .map((e) => `${dirPart}${e.name}${e.dir ? '/' : ''}`);
}

function isDirectory(file: string, cwd: string): boolean {
  try {
    return statSync(path.resolve(cwd, file)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Asks for a file path with completion: the files and folders matching what is typed are listed;
 * Tab puts the highlighted one in the line, Enter takes it (a folder opens). Empty means none.
 */
export function askPath(io: PromptIO, message: string, cwd: string): Promise<string> {
  const lang = io.lang ?? 'en';
  const none = tr(lang, '(пусто — нет файла)', '(empty: no file)');
  return search(
    {
      message,
      source: (term) => {
        const typed = term ?? '';
        const matches = completePath(typed, cwd).filter((m) => m !== typed);
        const exact = typed !== '' && !typed.endsWith('/') && !isDirectory(typed, cwd) && completePath(typed, cwd).includes(typed);
        const own = { name: typed === '' ? none : typed, value: typed };
        // A typed file that exists comes first (Enter takes it); otherwise the completions do (Tab takes the first).
        return exact || typed === '' ? [own, ...matches.map((m) => ({ name: m, value: m }))] : [...matches.map((m) => ({ name: m, value: m })), own];
      },
      validate: (value) => !isDirectory(value, cwd) || value === '' || tr(lang, 'Это папка: выберите файл в ней', 'That is a folder: pick a file in it'),
      theme: { style: { keysHelpTip: keysHelp(lang) } },
    },
    { input: io.input, output: io.output },
  );
}

const YES = /^(y|yes|д|да)$/i;
const NO = /^(n|no|н|нет)$/i;

/** Reads a typed yes/no answer in either language; empty is the default; anything else is undefined. */
export function readYesNo(value: string, defaultValue: boolean): boolean | undefined {
  const v = value.trim();
  if (v === '') return defaultValue;
  if (YES.test(v)) return true;
  if (NO.test(v)) return false;
  return undefined;
}

/** Asks a yes/no question; the hint and the answer words are in the run's language (д/н or y/n). */
export async function askConfirm(io: PromptIO, message: string, defaultValue = true): Promise<boolean> {
  const lang = io.lang ?? 'en';
  const hint = defaultValue ? tr(lang, '(Д/н)', '(Y/n)') : tr(lang, '(д/Н)', '(y/N)');
  const answer = await input(
    {
      message: `${message} ${hint}`,
      validate: (v) => readYesNo(v, defaultValue) !== undefined || tr(lang, 'Ответьте «д» (да) или «н» (нет)', 'Answer "y" (yes) or "n" (no)'),
      transformer: (v, { isFinal }) => (isFinal ? (readYesNo(v, defaultValue) ? tr(lang, 'Да', 'Yes') : tr(lang, 'Нет', 'No')) : v),
    },
    { input: io.input, output: io.output },
  );
  return readYesNo(answer, defaultValue)!;
}
