import type { Text } from './i18n.js';

/** One check of a preset, with the source document its line comes from. */
export interface PresetAssertion {
  expr: string;
  level: 'error' | 'warn';
  basis: Text;
  /**
   * An audit check stated by the questionnaire's bands, so that any questionnaire is gated by its own:
   * the score leaves its lowest band (`second`: the built-in's 3) or reaches its top one (`top`: 6).
   */
  band?: 'second' | 'top';
}

/** A named set of assertions (`--preset NAME`), Lighthouse CI style: data, not code. */
export interface Preset {
  description: Text;
  assertions: readonly PresetAssertion[];
}

/**
 * The built-in presets. `recommended` holds the targets the source documents (../shared/seeds) state;
 * a check whose part the run does not produce (no audit answers, no before/after) is left out of that run.
 */
export const PRESETS: Readonly<Record<string, Preset>> = {
  recommended: {
    description: { ru: 'цели из исходных материалов: аудит, конверсия +20%, реакция −30%, 5 касаний', en: 'the source documents\' targets: audit, conversion +20%, response −30%, 5 touches' },
    assertions: [
      { expr: 'audit.total>=3', level: 'error', band: 'second', basis: { ru: 'seed 000: ниже 3 баллов внедрение CRM не началось', en: 'seed 000: below 3 points the CRM implementation has not started' } },
      { expr: 'audit.total>=6', level: 'warn', band: 'top', basis: { ru: 'seed 000: от 6 баллов компания — лидер', en: 'seed 000: from 6 points the company is a leader' } },
      { expr: 'compare.conversion.change_pct>=0.2', level: 'error', basis: { ru: 'seed 002: цель внедрения — конверсия +20%', en: 'seed 002: the implementation goal of conversion +20%' } },
      { expr: 'compare.response_min_median.change_pct<=-0.3', level: 'error', basis: { ru: 'seed 002: цель — время обработки заявки −30%', en: 'seed 002: the goal of request handling time −30%' } },
      { expr: 'total.touches_per_won>=5', level: 'warn', basis: { ru: 'seed 003: в B2B для продажи нужно около 5 касаний', en: 'seed 003: a B2B sale takes about 5 touches' } },
    ],
  },
};

/** Preset names, for `--help` and messages. */
export const PRESET_NAMES = Object.keys(PRESETS);

/**
 * A preset's assertions that apply to a run with these parts (the first segment of the path is present),
 * the audit's stated by the questionnaire's bands where they are given (a custom questionnaire of 100
 * points passed the built-in's «3» in its lowest band; tester T48 F2). A questionnaire of one band has no
 * band to leave or reach: its audit checks are left out (said as not applicable).
 */
export function presetAssertions(name: string, roots: ReadonlySet<string>, bands?: ReadonlyArray<{ from: number }>): { used: PresetAssertion[]; skipped: PresetAssertion[] } {
  const preset = PRESETS[name];
  if (!preset) return { used: [], skipped: [] };
  const root = (a: PresetAssertion) => a.expr.split(/[.<>=!]/)[0]!;
  const froms = bands ? bands.map((b) => b.from).sort((x, y) => x - y) : undefined;
  // Of two bands, the band to leave is the top one: its check is the error alone, not a warning beside it.
  const fitted = preset.assertions.map((a) => (a.band && froms ? (froms.length < 2 || (froms.length === 2 && a.band === 'top') ? undefined : { ...a, expr: `audit.total>=${a.band === 'second' ? froms[1] : froms.at(-1)}` }) : a));
  const used = fitted.filter((a, i) => a !== undefined && roots.has(root(preset.assertions[i]!))) as PresetAssertion[];
  // The top band's check folded into the error (two bands) is no check left out: not said as one.
  const folded = (a: PresetAssertion) => a.band === 'top' && froms?.length === 2;
  return { used, skipped: preset.assertions.filter((a, i) => (fitted[i] === undefined && !folded(a)) || (fitted[i] !== undefined && !roots.has(root(a)))) };
}
