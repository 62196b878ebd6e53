import type { CliContext } from './context.js';

/**
 * The language of messages: --lang (or the config's lang) when given, else the locale's
 * (LC_ALL / LC_MESSAGES / LANG) when it names a language: Russian for `ru_*`, English for any
 * other; a locale that names none (`C`, `C.UTF-8`, `POSIX`, unset: containers, CI runners, Windows)
 * gives Russian, the language reports are written in by default, so that such a run speaks one
 * language. Only the CLI reads the environment.
 */
export function messageLang(ctx: CliContext, explicit: string | undefined): 'ru' | 'en' {
  if (explicit === 'ru' || explicit === 'en') return explicit;
  const locale = ctx.env.LC_ALL || ctx.env.LC_MESSAGES || ctx.env.LANG || '';
  if (/^ru([_.@-]|$)/i.test(locale)) return 'ru';
  return /^(?!c[_.@-]|c$|posix)[a-z]{2,3}([_.@-]|$)/i.test(locale) ? 'en' : 'ru';
}
