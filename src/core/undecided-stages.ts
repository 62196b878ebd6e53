/** A stage no rule knows, and what its deals show about it. */
export interface UnknownStage {
  deals: number;
  /** Deals marked closed by the CRM's own flag. */
  closedFlag: number;
  /** Deals with a close date. */
  closeDate: number;
  /** Deals with a close date no later than the day after the report date (an expected close date lies ahead). */
  closePast: number;
  /** Deals with an amount above zero. */
  amount: number;
  /** Deals at a probability of 100% (Odoo sets it on every deal of its won stage, renamed or not). */
  certain: number;
  /** Deals at a probability of 0% where no close date can show them closed (Salesforce's Closed Lost, renamed): only said, never taken as closed (a new deal may be at 0% too). */
  zero: number;
  /** Nothing in the file can say whether its deals are closed (no closed flag; the close date is only the expected one). */
  blind?: boolean;
}

/**
 * Stages that nothing classifies: the CRM renames stages freely (its profile says `ask`), no rule
 * knows them, and most of their deals show that they are closed (the closed flag or a close date),
 * so neither "open" nor "lost" can be assumed. A stage whose deals mostly look open stays open,
 * unless nothing in the file could show it closed (`stagesBlind`: a HubSpot export without «Is Deal
 * Closed?», whose Close Date is the expected one): then every stage no rule knows is undecided.
 */
export function undecidedStages(report: { unknownStage?: 'open' | 'ask'; stagesBlind?: boolean; stages?: Record<string, UnknownStage> }): Array<[string, UnknownStage]> {
  if (report.unknownStage !== 'ask' || !report.stages) return [];
  const blind = report.stagesBlind === true;
  return Object.entries(report.stages)
    .filter(([, s]) => blind || closedShown(s) * 2 >= s.deals)
    .map(([name, s]): [string, UnknownStage] => [name, blind ? { ...s, blind } : s])
    .sort((a, b) => b[1].deals - a[1].deals || (a[0] < b[0] ? -1 : 1));
}

/**
 * The stages `crm-audit map` asks about: those a run stops for (undecidedStages), and where its CRM's
 * unknown stages are open, those most of whose deals the file shows closed by then (which a run warns
 * about: «Оплачено» with close dates counted open, or lost by a closed flag).
 */
export function stagesToName(report: { unknownStage?: 'open' | 'ask'; stagesBlind?: boolean; stages?: Record<string, UnknownStage> }): Array<[string, UnknownStage]> {
  if (report.unknownStage === 'ask') return undecidedStages(report);
  return Object.entries(report.stages ?? {})
    .filter(([, s]) => s.deals > 0 && closedShown(s, s.closePast) * 2 >= s.deals)
    .sort((a, b) => b[1].deals - a[1].deals || (a[0] < b[0] ? -1 : 1));
}

/** How many of a stage's deals the file shows closed: by the closed flag, a close date, or a probability of 100%. */
export function closedShown(s: UnknownStage, closeDate = s.closeDate): number {
  return Math.max(s.closedFlag, closeDate, s.certain);
}

/**
 * The status a stage's deals suggest, proposed to a person to check (never applied unasked): at a
 * probability of 100% or closed with amounts looks won, closed without looks lost; a stage nothing
 * could show closed, open.
 */
export function guessStage(s: UnknownStage): 'won' | 'lost' | 'open' {
  if (s.blind) return 'open';
  if (s.certain * 2 >= s.deals && s.certain > 0) return 'won';
  return s.amount > 0 && s.amount >= s.deals / 2 ? 'won' : 'lost';
}
