import type { CliContext } from './context.js';

/**
 * The language of messages: --lang (or the config's lang) when given, else LANG / LC_ALL / LC_MESSAGES
 * naming Russian, else English. Only the CLI reads the environment.
 */
export function messageLang(ctx: CliContext, explicit: string | undefined): 'ru' | 'en' {
  if (explicit === 'ru' || explicit === 'en') return explicit;
  const locale = ctx.env.LC_ALL || ctx.env.LC_MESSAGES || ctx.env.LANG || '';
  return /^ru([_.-]|$)/i.test(locale) ? 'ru' : 'en';
}
