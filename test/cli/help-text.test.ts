import { PassThrough } from 'node:stream';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { HELP_RU, PLACEHOLDERS_RU } from '../../src/cli/help-ru.js';
import { buildProgram } from '../../src/cli/program.js';
import { runCli } from '../helpers/cli.js';

/** The program as a run in `lang` builds it, with its help written into `out`. */
function program(lang: string, out: string[]): Command {
  const sink = { write: (s: string) => (out.push(s), true) } as unknown as NodeJS.WritableStream;
  const ctx: CliContext = { stdout: sink, stderr: sink, stdin: new PassThrough(), env: {}, cwd: process.cwd(), debug: false };
  return buildProgram(ctx, { code: 0, lang });
}

function commands(root: Command): Command[] {
  return [root, ...root.commands.flatMap(commands)];
}

/** The help of `name` (the program itself for ''), as --help prints it. */
function helpOf(lang: string, name: string): string {
  const out: string[] = [];
  const root = program(lang, out);
  const cmd = name ? root.commands.find((c) => c.name() === name)! : root;
  cmd.outputHelp();
  return out.join('');
}

describe('--help in Russian', () => {
  const names = ['', ...program('en', []).commands.map((c) => c.name())];

  it('has a Russian text for every description, option, argument and example of every command', () => {
    const missing = new Set<string>();
    for (const cmd of commands(program('en', []))) {
      for (const text of [cmd.description(), ...cmd.options.map((o) => o.description), ...cmd.registeredArguments.map((a) => a.description)]) {
        if (text && HELP_RU[text] === undefined) missing.add(text);
      }
    }
    for (const name of names) {
      for (const [, comment] of helpOf('en', name).matchAll(/^ {2}# (.+)$/gm)) if (HELP_RU[comment!] === undefined) missing.add(comment!);
    }
    expect([...missing]).toEqual([]);
  });

  it('has a Russian name for every placeholder of an option or an argument', () => {
    const missing = new Set<string>();
    for (const cmd of commands(program('en', []))) {
      for (const o of cmd.options) for (const [, name] of o.flags.matchAll(/[<[]([^<>[\]]+?)(?:\.\.\.)?[>\]]/g)) if (!PLACEHOLDERS_RU[name!]) missing.add(name!);
      for (const a of cmd.registeredArguments) if (!PLACEHOLDERS_RU[a.name()]) missing.add(a.name());
    }
    expect([...missing]).toEqual([]);
  });

  it.each(names)('crm-audit %s --help: the same lines in both languages, every English text replaced', (name) => {
    const en = helpOf('en', name);
    const ru = helpOf('ru', name);
    expect(en).toMatch(/^Usage: crm-audit/);
    expect(ru).toMatch(/^Использование: crm-audit/);
    expect(ru).toMatch(/\nПараметры:\n/);
    expect(ru).toMatch(/\nПримеры:\n {2}# [а-яё]/i);
    for (const english of ['Usage:', 'Options:', 'Commands:', 'Arguments:', 'Examples:', '[options]', '<file>', 'display help for command', 'choices:', 'default:']) expect(ru).not.toContain(english);
    // The example commands are typed as they are, in either language.
    const typed = (s: string) => [...s.matchAll(/^ {2}\$ (.+)$/gm)].map((m) => m[1]);
    expect(typed(ru)).toEqual(typed(en));
  });

  it('the help of the program lists the commands with their Russian summaries and the help command', () => {
    const ru = helpOf('ru', '');
    expect(ru).toMatch(/\nКоманды:\n/);
    expect(ru).toMatch(/ {2}kpi \[параметры\] +Показатели продаж по менеджерам/);
    expect(ru).toMatch(/ {2}help \[команда\] +показать справку по команде/);
    expect(ru).toMatch(/-V, --version +показать номер версии/);
  });

  it('names the default language as messageLang decides it: the locale, else Russian', () => {
    // The default changed from English to Russian for a locale that names no language (session 16); the help said English.
    for (const name of ['validate', 'inspect']) {
      const en = helpOf('en', name).replace(/\s+/g, ' ');
      const ru = helpOf('ru', name).replace(/\s+/g, ' ');
      expect(en).toContain('(default: from the locale, else ru)');
      expect(ru).toContain('по умолчанию — по локали, иначе русский');
      expect(`${en} ${ru}`).not.toMatch(/else en\b|иначе английский/);
    }
  });
});

// Below 40 columns for the descriptions commander left them unwrapped, and a 60-column terminal cut
// «ДД.ММ.ГГГГ» and «включительно» in two. Each description then goes under its term, wrapped.
describe('--help on a narrow terminal', () => {
  function narrowHelp(lang: string, name: string, width: number): string {
    const out: string[] = [];
    const root = program(lang, out);
    const cmd = root.commands.find((c) => c.name() === name)!;
    cmd.configureOutput({ getOutHelpWidth: () => width, getErrHelpWidth: () => width });
    cmd.outputHelp();
    return out.join('');
  }

  it.each([
    ['ru', 'kpi', 60],
    ['en', 'kpi', 60],
    ['ru', 'audit', 50],
    ['ru', 'compare', 60],
  ])('%s %s at %i columns: every option line fits, no word cut', (lang, name, width) => {
    const help = narrowHelp(lang, name, width);
    const options = help.slice(help.indexOf(lang === 'ru' ? 'Параметры:' : 'Options:'), help.search(/\n(Примеры|Examples):/));
    // A word longer than the line (a long option term) is never cut, so only lines of several words are held to the width.
    for (const line of options.split('\n')) if (line.trim().includes(' ') && !line.trimStart().startsWith('-')) expect(line.length, line).toBeLessThanOrEqual(width);
    expect(options).toMatch(lang === 'ru' ? /\n {2}-o, --output <файл>\n {6}записать в файл/ : /\n {2}-o, --output <file>\n {6}\S/);
  });

  it('keeps two columns where the descriptions have room', () => {
    expect(narrowHelp('ru', 'kpi', 120)).toMatch(/\n {2}--from <дата> +первый день периода/);
  });
});

// T40 F11: a Russian help showed «24h», «2024-07-01» and 1048576 where a Russian reader writes «24ч», 01.07.2024, 1 048 576.
describe('defaults in a Russian help', () => {
  const help = (args: string[]) => runCli([...args, '--help'], { env: { LANG: 'ru_RU.UTF-8' } }).stdout.replace(/\s+/g, ' ');

  it('are written as a Russian reader writes them, in forms the options take', () => {
    const kpi = help(['kpi']);
    expect(kpi).toContain('(по умолчанию 24ч)');
    expect(kpi).toContain('(по умолчанию 1 048 576)');
    expect(kpi).toContain('(по умолчанию 1 073 741 824)');
    expect(kpi).toContain('manager, source, pipeline, stage, month');
    const generate = help(['generate']);
    expect(generate).toContain('(по умолчанию 01.07.2024)');
    expect(generate).toContain('(по умолчанию 30.06.2025)');
  });

  it('stay as they are in English', () => {
    const kpi = runCli(['kpi', '--help', '--lang', 'en']).stdout.replace(/\s+/g, ' ');
    expect(kpi).toContain('(default: "24h")');
    expect(kpi).toContain('(default 1048576)');
  });
});
