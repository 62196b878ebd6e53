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
  const froms = bands?.map((b) => b.from).sort((x, y) => x - y);
  const used: PresetAssertion[] = [];
  const skipped: PresetAssertion[] = [];
  for (const a of preset.assertions) {
    const fitted = byBands(a, froms);
    if (fitted === 'folded') continue;
    if (fitted === 'none' || !roots.has(root(a))) skipped.push(a);
    else used.push(fitted);
  }
  return { used, skipped };
}

/**
 * A check as these bands (their starts, in order) state it: an audit check at its band's start; 'none' where
 * the bands have no band to leave or reach (one band); 'folded' for the top band of two, which is the band
 * to leave: the error checks it alone, and no check is left out.
 */
function byBands(a: PresetAssertion, froms: readonly number[] | undefined): PresetAssertion | 'none' | 'folded' {
  if (!a.band || !froms) return a;
  if (froms.length < 2) return 'none';
  if (a.band === 'top' && froms.length === 2) return 'folded';
  return { ...a, expr: `audit.total>=${a.band === 'second' ? froms[1] : froms.at(-1)}` };
}
