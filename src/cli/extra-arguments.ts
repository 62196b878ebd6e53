import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command, Option } from 'commander';
import { UserError } from '../core/errors.js';

/** An option whose value is a file (`<file>`, `<file.yaml>`, `<result.json>`). */
export const FILE_ARG = /<(?:file|[\w-]+\.(?:yaml|json))>/;

/** An option whose values are files (`--answers <files...>`). */
export const FILES_ARG = /<files\.\.\.>/;

/** A word as a shell takes it whole: quoted when it holds a space or a character the shell reads. */
export function shellWord(word: string): string {
  return /^[\p{L}\p{N}_@%+=:,./-]+$/u.test(word) ? word : `"${word.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** A word that names a file: it has an extension, or it is there. */
function looksLikeFile(word: string, cwd: string): boolean {
  return /\.[\p{L}\p{N}]{1,5}$/u.test(word) || existsSync(path.resolve(cwd, word));
}

/** The option a command-line token names (`-d`, `--cost`, `--cost=1,5`), if it takes a value. */
function valueOption(cmd: Command, token: string | undefined): Option | undefined {
  if (token === undefined || !token.startsWith('-')) return undefined;
  const flag = token.split('=')[0];
  const option = cmd.options.find((o) => o.short === flag || o.long === flag);
  return option && (option.required || option.optional) && !option.variadic ? option : undefined;
}

/**
 * The value an extra argument was split from by a space not quoted (`--cost 1,5 млн`, `--company ООО
 * Ромашка`): the option as typed, its value as the shell gave it, and the whole value (with the extra
 * arguments that follow it).
 */
function splitValue(cmd: Command, argv: readonly string[], extra: readonly string[]): { option: string; value: string; whole: string } | undefined {
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] !== extra[0]) continue;
    const before = argv[i - 1]!;
    const joined = before.includes('=') && valueOption(cmd, before) ? { option: before.split('=')[0]!, value: before.slice(before.indexOf('=') + 1) } : valueOption(cmd, argv[i - 2]) && !before.startsWith('-') ? { option: argv[i - 2]!, value: before } : undefined;
    if (!joined) continue;
    const rest: string[] = [];
    for (let j = 0; j < extra.length && argv[i + j] === extra[j]; j++) rest.push(extra[j]!);
    return { ...joined, whole: [joined.value, ...rest].join(' ') };
  }
  return undefined;
}

/** The options of `cmd` that take files, as a user types them (`-d`, `--spend`). */
function fileOptions(cmd: Command): string {
  return cmd.options.filter((o) => (FILE_ARG.test(o.flags) || FILES_ARG.test(o.flags)) && o.long !== '--output').map((o) => o.short ?? o.long).join(', ');
}

/**
 * Refuses arguments a command does not take, naming the first and the fix: `kpi deals.csv` (-d
 * forgotten: `inspect` and `map` take the file without one) was commander's «лишние аргументы:
 * ожидалось 0, получено 1», which named neither the argument nor the option; `--cost 1,5 млн`
 * (a value with a space, not quoted) is told to quote it.
 */
export function refuseExtraArguments(cmd: Command, argv: readonly string[], cwd: string): void {
  const extra = cmd.args.slice(cmd.registeredArguments.length);
  if (extra.length === 0) return;
  const arg = extra[0]!;
  const params = { command: cmd.name(), arg, file: shellWord(arg) };
  const split = splitValue(cmd, argv, extra);
  if (split && (!looksLikeFile(arg, cwd) || existsSync(path.resolve(cwd, split.whole)))) {
    throw UserError.of('E_USAGE', 'usage.unquotedValue', { ...params, option: split.option, value: split.value, quoted: `"${split.whole.replace(/(["\\$`])/g, '\\$1')}"` });
  }
  if (cmd.registeredArguments.length > 0) throw UserError.of('E_USAGE', 'usage.extraOperand', params);
  const has = (name: string) => cmd.options.some((o) => o.attributeName() === name);
  const unset = (name: string) => has(name) && cmd.getOptionValue(name) === undefined;
  const document = /\.(?:ya?ml|json)$/i.test(arg);
  if (document && has('config') && unset('answers')) throw UserError.of('E_USAGE', 'usage.extraConfig', params);
  if (document && unset('answers')) throw UserError.of('E_USAGE', 'usage.extraAnswers', params);
  if (!document && looksLikeFile(arg, cwd) && unset('deals')) throw UserError.of('E_USAGE', 'usage.extraDeals', params);
  // `generate data`: its -o is a folder.
  if (cmd.options.some((o) => o.long === '--output' && o.flags.includes('<dir>')) && unset('output')) throw UserError.of('E_USAGE', 'usage.extraFolder', params);
  const options = fileOptions(cmd);
  if (options) throw UserError.of('E_USAGE', 'usage.extraFile', { ...params, options });
  throw UserError.of('E_USAGE', 'usage.extraArgument', params);
}
