import { fill, type Template } from './messages.js';
import { RANGE_TEXT } from './messages/documents.js';

/** What a value is: a relative change (a target, `change_pct`), or a share of a whole. */
export type RangeKind = 'change' | 'share';

/** The values each kind takes: a change from −100% (nothing left) to +1000%, a share from 0 to 1. */
const RANGE: Readonly<Record<RangeKind, { min: number; max: number; minText: Template; maxText: Template }>> = {
  change: { min: -1, max: 10, minText: { ru: '−100%', en: '-100%' }, maxText: { ru: '+1000%', en: '+1000%' } },
  share: { min: 0, max: 1, minText: { ru: '0', en: '0' }, maxText: { ru: '1 (100%)', en: '1 (100%)' } },
};

/** Whether `value` is one a `kind` takes. */
export function inRange(kind: RangeKind, value: number): boolean {
  return value >= RANGE[kind].min && value <= RANGE[kind].max;
}

/** 0.15 as typed (no float tail: 15 / 100 is 0.15, not 0.15000000000000002), with the language's minus. */
const typed = (n: number, minus: string) => String(Number(n.toPrecision(12))).replace('-', minus);

/**
 * Why `value` (typed as `written`) is no `kind`, in both languages, or undefined when it is one. A number typed without
 * `%` that is one as a percentage (`15`, `-30`: a percentage typed as a whole number, a gate that would always pass or
 * never) is shown written both ways; any other (Infinity too) is said to be above or below the range, as typed. Targets files, configs
 * and --assert say it alike (a tester: `--assert change_pct>=20` judged +2000% where the targets file refused `20`).
 */
export function rangeProblem(kind: RangeKind, value: number, written: string): Template | undefined {
  // A number too large to count with is out of every range: `"+1e400%"` in a targets file was Infinity%, a goal never met.
  if (inRange(kind, value)) return undefined;
  const r = RANGE[kind];
  const what = RANGE_TEXT[kind];
  const percent = /%\s*$/.test(written);
  const say = (t: Template, params: (lang: 'ru' | 'en') => Record<string, string>): Template => ({ ru: fill(t.ru, { what: what.ru, ...params('ru') }), en: fill(t.en, { what: what.en, ...params('en') }) });
  if (!percent && inRange(kind, value / 100)) {
    const sign = kind === 'change' && value > 0 ? '+' : '';
    return say(RANGE_TEXT.percent, (lang) => {
      const minus = lang === 'ru' ? '−' : '-';
      return { value: written.trim(), fraction: typed(value / 100, minus), percent: `${sign}${typed(value, minus)}%` };
    });
  }
  // NaN (no reader makes one: typed numbers are digits) is said as above, never let through.
  const above = !(value < r.min);
  return say(above ? RANGE_TEXT.above : RANGE_TEXT.below, (lang) => ({ value: written.trim(), max: r.maxText[lang], min: r.minText[lang] }));
}
