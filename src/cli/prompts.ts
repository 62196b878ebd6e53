// The only importer of the prompt library. Tests mock this module whole.
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { createPrompt, isDownKey, isEnterKey, isTabKey, isUpKey, makeTheme, useKeypress, useMemo, usePagination, usePrefix, useState, type Status } from '@inquirer/core';
import { input, select } from '@inquirer/prompts';
import { formatWhere, userErrorMessage } from '../core/errors.js';
import { tr } from '../core/i18n.js';
import { fsError } from '../io/read/files.js';
import { hangUpIfTerminalClosed } from './dead-terminal.js';
import { pastedPath } from './pasted-path.js';
import { columnsOf, visible, wrapText } from './wrap.js';
import { clearProgress } from './progress.js';

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
  /** What the answered question's line shows when this is chosen (the name if not given). */
  short?: string;
}

/**
 * Thrown by a prompt whose terminal went away (an SSH session dropped, the window shut: the tty gives
 * EOF, or EIO when the prompt library restores its mode): the run ends as a SIGHUP ends it (exit 129).
 */
export class TerminalGoneError extends Error {
  override name = 'TerminalGoneError';
  constructor() {
    super('the terminal closed');
  }
}

/** Inputs given a lasting 'error' listener: an EIO after the prompt settled must not crash the run either. */
const guardedInputs = new WeakSet<NodeJS.ReadableStream>();

/**
 * Runs one prompt of the library on `io`, and makes two things of the terminal what they are:
 * - the terminal going away mid-question (EOF on the tty, then readline's close failing with
 *   `setRawMode EIO`, thrown from readline's 'error' event: it crashed Node) ends the run as SIGHUP
 *   does, before readline sees it (these listeners come first); an input that is no terminal rejects
 *   with TerminalGoneError;
 * - Ctrl+Z, then `fg`: readline stops the process itself and, on SIGCONT, pauses its input and leaves
 *   it paused. With nothing else to wait for, the process then ended, which the library took for a
 *   forced close (ExitPromptError: «Прервано», 130, the answers lost). The input is resumed after
 *   readline's own SIGCONT handler has run, and the same question goes on.
 */
export function guardPrompt<T>(io: PromptIO, ask: () => Promise<T>): Promise<T> {
  const input = io.input;
  if (!guardedInputs.has(input)) {
    guardedInputs.add(input);
    input.on('error', () => undefined);
  }
  return new Promise<T>((resolve, reject) => {
    const gone = () => {
      if (!hangUpIfTerminalClosed(input)) reject(new TerminalGoneError());
    };
    const resumed = () => setImmediate(() => input.resume());
    input.on('end', gone);
    input.on('error', gone);
    process.on('SIGCONT', resumed);
    ask()
      .then(resolve, reject)
      .finally(() => {
        input.removeListener('end', gone);
        input.removeListener('error', gone);
        process.removeListener('SIGCONT', resumed);
      });
  });
}

/** The key help under a list, in the run's language. */
function keysHelp(lang: string) {
  const words: Record<string, string> = { navigate: tr(lang, 'выбор', 'navigate'), select: tr(lang, 'ответить', 'select') };
  return (keys: Array<[string, string]>) => keys.map(([key, action]) => `${key} ${words[action] ?? action}`).join(' • ');
}

/**
 * A prompt's message and answer laid out for its terminal. The library wraps a long line itself, mid-
 * word and with a space at the start of the next line, and draws a blank line after a line of exactly
 * the terminal's width; here «? message answer» is wrapped at spaces within the width less one column
 * (as all the CLI's text is), so the library has nothing to wrap. The answer goes on its own line when
 * it does not fit after the message.
 */
export function layoutPrompt(message: string, width: number): { message: string; answer: (text: string) => string; error: (text: string) => string } {
  const { answer: style, error: errorStyle } = makeTheme({}).style;
  if (!Number.isFinite(width)) return { message, answer: style, error: errorStyle };
  // «? » stands for the prefix (?, ✔ or a spinner frame: one column) and the space after it.
  const lines = wrapText(`? ${message}`, width).split('\n');
  const last = lines.at(-1)!;
  return {
    message: lines.join('\n').slice(2),
    answer: (text) => (visible(last) + 1 + visible(text) <= width ? style(text) : `\n${wrapText(style(text), width)}`),
    // A refusal under the prompt («> Цена часа: … (1500, 1 500, 1500,50)»), wrapped at spaces too: the terminal cut «1 500» in two.
    error: (text) => errorStyle(wrapText(`> ${text}`, width).slice(2)),
  };
}

/** Asks the user to pick one of several choices. */
export function askSelect(io: PromptIO, message: string, choices: Choice[], defaultValue?: string): Promise<string> {
  clearProgress(io.output);
  const lang = io.lang ?? 'en';
  const l = layoutPrompt(message, columnsOf(io.output));
  return guardPrompt(io, () => select({ message: l.message, choices, default: defaultValue, pageSize: 10, theme: { style: { keysHelpTip: keysHelp(lang), answer: l.answer } } }, { input: io.input, output: io.output }));
}

/**
 * Asks for a line of text; `validate` returns true, or the reason to ask again. A refused value is
 * never shown as taken (the prompt stays open with the reason under it) and its text is cleared, so
 * that the next one typed is not added to it (`report.pdf⏎report.html⏎` gave «report.pdfreport.html»).
 */
export function askInput(io: PromptIO, message: string, defaultValue?: string, validate?: (value: string) => true | string, shown?: (value: string) => string): Promise<string> {
  clearProgress(io.output);
  const l = layoutPrompt(message, columnsOf(io.output));
  return guardPrompt(io, () => input(
    {
      message: l.message,
      default: defaultValue,
      ...(validate ? { validate } : {}),
      ...(shown ? { transformer: (v: string, { isFinal }: { isFinal: boolean }) => (isFinal ? l.answer(shown(v)) : v) } : {}),
      theme: { validationFailureMode: 'clear', style: { answer: l.answer, error: l.error } },
    },
    { input: io.input, output: io.output },
  ));
}

/**
 * Files and folders of `cwd` that complete a typed path (folders end in "/"), hidden ones only when
 * asked for; `~/…` lists the home folder's, and its completions keep the `~/`.
 */
export function completePath(term: string, cwd: string, home: string = homedir()): string[] {
  const slash = term.lastIndexOf('/');
  const dirPart = slash >= 0 ? term.slice(0, slash + 1) : '';
  const prefix = term.slice(slash + 1);
  const folder = dirPart.startsWith('~/') ? home + dirPart.slice(1) : dirPart;
  let entries: Array<{ name: string; dir: boolean }>;
  try {
    entries = readdirSync(path.resolve(cwd, folder || '.'), { withFileTypes: true }).map((e) => ({ name: e.name, dir: e.isDirectory() }));
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.name.startsWith(prefix) && (prefix.startsWith('.') || !e.name.startsWith('.')))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, 50)
    .map((e) => `${dirPart}${e.name}${e.dir ? '/' : ''}`);
}

/** What a path typed at a file prompt names: a file to read, a folder, or why it cannot be read. */
export function checkReadable(file: string, cwd: string, lang: string): { kind: 'file' | 'folder' } | { problem: string } {
  const target = path.resolve(cwd, file);
  try {
    if (statSync(target).isDirectory()) return { kind: 'folder' };
    accessSync(target, constants.R_OK);
    return { kind: 'file' };
  } catch (error) {
    // Said as a run says it («no-such.csv: файл не найден»).
    const e = fsError(error as NodeJS.ErrnoException, file);
    return { problem: `${formatWhere(e.where, lang)}: ${userErrorMessage(e, lang)}` };
  }
}

/**
 * The list under a file prompt for the line as typed: the typed text first (nothing typed means no
 * file), so that Enter takes what was typed, a file or not (`ev` Enter silently took `evil.csv`, the
 * first of two exports that start so); then the completions, which Tab or ↑↓ pick.
 */
export function pathChoices(typed: string, cwd: string, none: string): Choice[] {
  const matches = completePath(typed, cwd)
    .filter((m) => m !== typed)
    .map((m) => ({ name: m, value: m }));
  return [{ name: typed === '' ? none : typed, value: typed }, ...matches];
}

interface PathConfig {
  message: string;
  cwd: string;
  lang: string;
  answer: (text: string) => string;
}

/**
 * What Enter on a path does: takes a file, opens a folder (with its slash), or says why not. A path
 * pasted as a terminal or a file manager gives it ('/tmp/my deals.csv', my\ deals.csv,
 * file:///tmp/my%20deals.csv) is the file it names; a name that is a file as typed stays itself.
 */
function entered(typed: string, cwd: string, lang: string): { file: string } | { folder: string } | { problem: string } {
  let value = typed;
  let found = checkReadable(value, cwd, lang);
  const pasted = pastedPath(value);
  if (!('kind' in found) && pasted !== value && pasted !== '') {
    const unpasted = checkReadable(pasted, cwd, lang);
    if ('kind' in unpasted) {
      value = pasted;
      found = unpasted;
    }
  }
  if (!('kind' in found)) return { problem: found.problem };
  return found.kind === 'file' ? { file: value } : { folder: value.endsWith('/') ? value : `${value}/` };
}

/**
 * The file prompt. Its list is made from the line synchronously, at every key: Enter acts on the list
 * of the line as it is when Enter comes. (The library's search prompt fills its list after a turn of
 * the event loop, so a path typed or pasted with its Enter took the highlighted item of the empty line,
 * «(пусто — нет файла)», while the screen showed the path.)
 */
const pathPrompt = createPrompt<string, PathConfig>((config, done) => {
  const { cwd, lang } = config;
  const none = tr(lang, '(пусто — нет файла)', '(empty: no file)');
  const theme = makeTheme({ style: { keysHelpTip: keysHelp(lang) } });
  const [status, setStatus] = useState<Status>('idle');
  const [line, setLine] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | undefined>();
  const [answer, setAnswer] = useState('');
  const prefix = usePrefix({ status, theme });
  const items = useMemo(() => pathChoices(line, cwd, none), [line]);

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    // The list of the line as it is now, whatever has been drawn.
    const current = pathChoices(line, cwd, none);
    const chosen = current[Math.min(active, current.length - 1)];
    if (isEnterKey(key)) {
      const value = (chosen?.value ?? line).trim();
      if (value === '') {
        setAnswer(none);
        setStatus('done');
        done('');
        return;
      }
      const e = entered(value, cwd, lang);
      if ('file' in e) {
        setAnswer(e.file);
        setStatus('done');
        done(e.file);
      } else if ('folder' in e) {
        // A folder opens: its files are listed.
        rl.write(e.folder);
        setLine(e.folder);
        setActive(0);
        setError(undefined);
      } else {
        // Refused: said under the prompt, and the line is cleared for the next try (the readline line already is).
        setLine('');
        setActive(0);
        setError(e.problem);
      }
    } else if (isTabKey(key)) {
      rl.clearLine(0);
      const completion = chosen && chosen.value !== line ? chosen : current.find((c) => c.value !== line && c.value !== '');
      const next = completion?.value ?? line;
      rl.write(next);
      setLine(next);
      setActive(0);
    } else if (isUpKey(key) || isDownKey(key)) {
      const step = isUpKey(key) ? -1 : 1;
      setActive(Math.max(0, Math.min(current.length - 1, active + step)));
    } else if (rl.line !== line) {
      setLine(rl.line);
      setActive(0);
      setError(undefined);
    }
  });

  const page = usePagination({
    items,
    active,
    renderItem: ({ item, isActive }) => (isActive ? theme.style.highlight(`❯ ${item.name}`) : `  ${item.name}`),
    pageSize: 10,
    loop: false,
  });
  const message = theme.style.message(config.message, status);
  if (status === 'done') return [prefix, message, config.answer(answer)].join(' ').trimEnd();
  const help = theme.style.keysHelpTip([
    ['↑↓', 'navigate'],
    ['⏎', 'select'],
  ]);
  const body = [error ? theme.style.error(error) : undefined, page, ' ', help].filter((x) => x !== undefined && x !== '').join('\n');
  return [[prefix, message, line].join(' ').trimEnd(), body];
});

/**
 * Asks for a file path with completion: the files and folders matching what is typed are listed
 * under it; Tab puts the first (or the one picked with ↑↓) in the line; Enter takes what is typed, or
 * the item picked with ↑↓ (a folder opens). Empty means none. A
 * path that names no readable file is said under the prompt, which asks again.
 */
export function askPath(io: PromptIO, message: string, cwd: string): Promise<string> {
  clearProgress(io.output);
  const lang = io.lang ?? 'en';
  const l = layoutPrompt(message, columnsOf(io.output));
  return guardPrompt(io, () => pathPrompt({ message: l.message, cwd, lang, answer: l.answer }, { input: io.input, output: io.output }));
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
  clearProgress(io.output);
  const lang = io.lang ?? 'en';
  const hint = defaultValue ? tr(lang, '(Д/н)', '(Y/n)') : tr(lang, '(д/Н)', '(y/N)');
  const answer = await askInput(
    io,
    `${message} ${hint}`,
    undefined,
    (v) => readYesNo(v, defaultValue) !== undefined || tr(lang, 'Ответьте «д» (да) или «н» (нет)', 'Answer "y" (yes) or "n" (no)'),
    (v) => (readYesNo(v, defaultValue) ? tr(lang, 'Да', 'Yes') : tr(lang, 'Нет', 'No')),
  );
  return readYesNo(answer, defaultValue)!;
}
