import type { Text } from './i18n.js';

/** One check of a preset, with the source document its line comes from. */
export interface PresetAssertion {
  expr: string;
  level: 'error' | 'warn';
  basis: Text;
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
      { expr: 'audit.total>=3', level: 'error', basis: { ru: 'seed 000: ниже 3 баллов внедрение CRM не началось', en: 'seed 000: below 3 points the CRM implementation has not started' } },
      { expr: 'audit.total>=6', level: 'warn', basis: { ru: 'seed 000: от 6 баллов компания — лидер', en: 'seed 000: from 6 points the company is a leader' } },
      { expr: 'compare.conversion.change_pct>=0.2', level: 'error', basis: { ru: 'seed 002: цель внедрения — конверсия +20%', en: 'seed 002: the implementation goal of conversion +20%' } },
      { expr: 'compare.response_min_median.change_pct<=-0.3', level: 'error', basis: { ru: 'seed 002: цель — время обработки заявки −30%', en: 'seed 002: the goal of request handling time −30%' } },
      { expr: 'total.touches_per_won>=5', level: 'warn', basis: { ru: 'seed 003: в B2B для продажи нужно около 5 касаний', en: 'seed 003: a B2B sale takes about 5 touches' } },
    ],
  },
};

/** Preset names, for `--help` and messages. */
export const PRESET_NAMES = Object.keys(PRESETS);

/** A preset's assertions that apply to a run with these parts (the first segment of the path is present). */
export function presetAssertions(name: string, roots: ReadonlySet<string>): { used: PresetAssertion[]; skipped: PresetAssertion[] } {
  const preset = PRESETS[name];
  if (!preset) return { used: [], skipped: [] };
  const root = (a: PresetAssertion) => a.expr.split(/[.<>=!]/)[0]!;
  return { used: preset.assertions.filter((a) => roots.has(root(a))), skipped: preset.assertions.filter((a) => !roots.has(root(a))) };
}
