import type { CliContext } from './context.js';

/**
 * The language of messages: --lang (or the config's lang) when given, else the first of LC_ALL,
 * LC_MESSAGES and LANG that names a language: Russian for `ru_*`, English for any other. One that
 * names none (`C`, `C.UTF-8`, `POSIX`: set for plain byte behaviour, not as a language) is passed
 * over; with none at all (containers, CI runners, Windows) the messages are Russian, the language
 * reports are written in by default, so that such a run speaks one language. Only the CLI reads
 * the environment.
 */
export function messageLang(ctx: CliContext, explicit: string | undefined): 'ru' | 'en' {
  if (explicit === 'ru' || explicit === 'en') return explicit;
  for (const locale of [ctx.env.LC_ALL, ctx.env.LC_MESSAGES, ctx.env.LANG]) {
    if (!locale || !/^[a-z]{2,3}([_.@-]|$)/i.test(locale) || /^(c|posix)([_.@-]|$)/i.test(locale)) continue;
    return /^ru([_.@-]|$)/i.test(locale) ? 'ru' : 'en';
  }
  return 'ru';
}
