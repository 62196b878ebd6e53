import { Help, type AddHelpTextContext, type Argument, type Command, type HelpConfiguration, type Option } from 'commander';
import { HELP_RU, PLACEHOLDERS_RU } from './help-ru.js';
import { dayRu } from '../core/i18n.js';
import { wrapText } from '../render/wrap.js';

/** The help's words in `lang`: the English as written in program.ts, or its Russian from HELP_RU. */
export function helpWord(text: string, lang: string): string {
  return lang === 'ru' ? (HELP_RU[text] ?? text) : text;
}

/** `<file>`, `[options]`, `<files...>` with their names in `lang`. */
function placeholders(term: string, lang: string): string {
  if (lang !== 'ru') return term;
  return term.replace(/([<[])([^<>[\]]+?)(\.\.\.)?([>\]])/g, (whole, open: string, name: string, dots = '', close: string) => {
    const ru = PLACEHOLDERS_RU[name];
    return ru ? `${open}${ru}${dots}${close}` : whole;
  });
}

/** One of commander's error lines, already in `lang` (commanderMessage), with the names of values as the help gives them. */
export function errorPlaceholders(text: string, lang: string): string {
  if (lang !== 'ru') return text;
  return placeholders(text, lang).replace(/(аргумент «)([^»]+)(»)/g, (whole, open: string, name: string, close: string) => (PLACEHOLDERS_RU[name] ? `${open}${PLACEHOLDERS_RU[name]}${close}` : whole));
}

/**
 * A default as a Russian help shows it, in a form the option takes: a day as ДД.ММ.ГГГГ («2024-07-01»
 * read as English in a Russian help: a tester), a span in Russian units (24h → 24ч).
 */
function defaultRu(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dayRu(value);
  const span = /^(\d+)([hmd])$/.exec(value);
  return span ? `${span[1]}${{ h: 'ч', m: 'мин', d: 'д' }[span[2] as 'h' | 'm' | 'd']}` : value;
}

/**
 * The default as a Russian reader writes it: a number, a date or a span bare, «по умолчанию 5», «по умолчанию
 * 01.07.2024» (tester T62 D1: «по умолчанию: «5»» quoted what needs no quotes); a word quoted, as in English.
 */
function defaultSaid(item: Option | Argument, lang: string, quote: (v: unknown) => string): string {
  const word = helpWord('default', lang);
  if (item.defaultValueDescription) return `${word}: ${item.defaultValueDescription}`;
  const v: unknown = item.defaultValue;
  if (lang !== 'ru') return `${word}: ${quote(v)}`;
  const shown = typeof v === 'string' ? defaultRu(v) : v;
  return typeof v === 'number' || (typeof v === 'string' && /^\d/.test(v)) ? `${word} ${String(shown)}` : `${word}: ${quote(shown)}`;
}

/** A description with commander's "(choices: …, default: …)" in `lang`. */
function withExtras(description: string, item: Option | Argument, lang: string, showDefault: boolean): string {
  const extra: string[] = [];
  // Values quoted as each language quotes: «table» in Russian, "table" in English; a default as a Russian reader writes it.
  const quote = (v: unknown) => (lang === 'ru' ? `«${String(v)}»` : JSON.stringify(v));
  if (item.argChoices) extra.push(`${helpWord('choices', lang)}: ${item.argChoices.map(quote).join(', ')}`);
  // An empty list (a repeatable option given no value) is no default worth showing.
  const empty = Array.isArray(item.defaultValue) && item.defaultValue.length === 0;
  if (item.defaultValue !== undefined && showDefault && !empty) extra.push(defaultSaid(item, lang, quote));
  const text = helpWord(description, lang);
  return extra.length > 0 ? `${text ? `${text} ` : ''}(${extra.join(', ')})` : text;
}

/**
 * commander's help in the run's language (`program.configureHelp(helpIn(lang))`; subcommands inherit
 * it): titles, terms and descriptions go through HELP_RU; layout, widths and wrapping stay commander's.
 */
export function helpIn(lang: string): HelpConfiguration & { lang: string } {
  const base = Help.prototype;
  return {
    lang,
    styleTitle: (title) => helpWord(title, lang),
    commandUsage(cmd: Command) {
      return placeholders(base.commandUsage.call(this as Help, cmd), lang);
    },
    subcommandTerm(cmd: Command) {
      return placeholders(base.subcommandTerm.call(this as Help, cmd), lang);
    },
    optionTerm: (option) => placeholders(option.flags, lang),
    argumentTerm: (argument) => PLACEHOLDERS_RU[argument.name()] && lang === 'ru' ? PLACEHOLDERS_RU[argument.name()]! : argument.name(),
    commandDescription: (cmd) => helpWord(cmd.description(), lang),
    subcommandDescription: (cmd) => helpWord(cmd.summary() || cmd.description(), lang),
    // As commander: a default shows for options that take a value (and booleans with a boolean default).
    optionDescription: (option) => withExtras(option.description, option, lang, option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean')),
    argumentDescription: (argument) => withExtras(argument.description, argument, lang, true),
    formatItem(term: string, termWidth: number, description: string, helper: Help) {
      const help = this as Help;
      const width = help.helpWidth ?? 80;
      // Two columns while the description's has room to wrap in (commander's rule: minWidthToWrap, 40).
      if (!description || width - termWidth - 4 >= help.minWidthToWrap) return base.formatItem.call(help, term, termWidth, description, helper);
      // A narrow terminal: commander left such a description unwrapped, and the terminal cut «ДД.ММ.ГГГГ» and
      // «включительно» in two at 60 columns. Each description goes under its term, wrapped to the width.
      return `  ${term}\n${wrapText(`      ${description}`, width)}`;
    },
  };
}

/** The language the help of `cmd` speaks (set by helpIn on the program, inherited by its commands). */
function helpLang(cmd: Command): string {
  return (cmd.configureHelp() as { lang?: string }).lang ?? 'en';
}

/** A help "Examples:" block: `[command, what it does]` pairs; the comments are translated like the rest. */
export function examples(lines: Array<[string, string]>): (context: AddHelpTextContext) => string {
  return ({ command }) => {
    const lang = helpLang(command);
    return `\n${helpWord('Examples:', lang)}\n${lines.map(([cmd, what]) => `  # ${helpWord(what, lang)}\n  $ ${cmd}\n`).join('')}`;
  };
}
