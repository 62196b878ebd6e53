import { namesLost, namesWon } from './outcome-words.js';

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
  /**
   * Deals at a probability above 0% and below 100%: open by the CRM's own word, whatever their close
   * date says (Zoho's «Дата закрытия» is the expected close): their date is never counted in closePast.
   */
  planned?: number;
  /** Deals a past close date shows closed at a probability of 0%: lost candidates. */
  closedZero?: number;
  /** Nothing in the file can say whether its deals are closed (no closed flag; the close date is only the expected one). */
  blind?: boolean;
  /** The rows are leads (a profile's `leads`): a status says converted (won), junk (lost) or in work. */
  leads?: boolean;
  /** The name is a status column's value no rule knows, beside a stage no rule knows either (deal-reader's unknownIsStatus): asked as a status. */
  status?: boolean;
  /**
   * The close dates that show its deals closed may be expected closes (plannedClose): a stage is never
   * guessed won or lost by them, but open, for a person to check.
   */
  plannedClose?: boolean;
  /** The pipelines of its deals, up to PIPELINES_KEPT (a profile's `oneWonStage`, in a file with a pipeline column). */
  pipelines?: string[];
  /** Every pipeline of its deals shows its one won stage (a profile's `oneWonStage`): the stage is not that one. */
  wonShown?: boolean;
}

/** The most pipelines a stage keeps (a file of more pipelines is not weighed by them). */
export const PIPELINES_KEPT = 50;

/** What a deals file's import report says of its stages. */
export interface StagesReport {
  unknownStage?: 'open' | 'ask';
  stagesBlind?: boolean;
  /** The CRM requires a close date on every deal (a profile's `closeDateRequired`: Zoho's Closing Date), see plannedClose. */
  closeDateRequired?: boolean;
  stages?: Record<string, UnknownStage>;
  profile?: { leads?: true };
  /** In a CRM with one won stage a pipeline (a profile's `oneWonStage`): the pipelines where a deal is in a won stage a rule knows. */
  wonPipelines?: string[];
}

/**
 * Stages that nothing classifies: the CRM renames stages freely (its profile says `ask`), or no
 * profile recognised the file (its CRM may rename them), no rule knows them, and most of their deals
 * show that they are closed (the closed flag, a close date, a probability of 100%), so neither "open"
 * nor "lost" can be assumed. A stage whose deals mostly look open stays open, unless nothing in the
 * file could show it closed (`stagesBlind`: a HubSpot export without «Is Deal Closed?», whose Close
 * Date is the expected one): then every stage no rule knows is undecided.
 */
export function undecidedStages(report: StagesReport): Array<[string, UnknownStage]> {
  if (report.unknownStage !== 'ask' || !report.stages) return [];
  const blind = report.stagesBlind === true;
  const leads = report.profile?.leads === true;
  const required = requiredFilled(report);
  const won = report.wonPipelines && new Set(report.wonPipelines);
  const shown = (s: UnknownStage): UnknownStage => (won && s.pipelines && s.pipelines.length > 0 && s.pipelines.length < PIPELINES_KEPT && s.pipelines.every((p) => p !== '' && won.has(p)) ? { ...s, wonShown: true } : s);
  return Object.entries(report.stages)
    .filter(([, s]) => blind || closedShown(s) * 2 >= s.deals)
    .map(([name, s]): [string, UnknownStage] => [name, blind ? { ...s, blind, ...(leads ? { leads } : {}) } : shown(withPlanned(s, required))])
    .sort((a, b) => b[1].deals - a[1].deals || (a[0] < b[0] ? -1 : 1));
}

/**
 * A stage marked plannedClose where its close dates may be expected closes: the CRM's required one
 * (requiredFilled), or a real share of them lie ahead (plannedAhead). One typo'd date of 2052 among
 * nine closes of February turned a won stage open, and accepting that lost its revenue.
 */
function withPlanned(s: UnknownStage, required: boolean): UnknownStage {
  return required || plannedAhead(s) ? { ...s, plannedClose: true } : s;
}

/**
 * Whether a third or more of a stage's dated deals, and two at least, have a close date that shows no
 * close: one ahead of the report day, or one of a deal at a probability between 0% and 100% (its own
 * word that it is open, so its date is an expected close; deal-reader.ts leaves such dates out of closePast).
 */
export function plannedAhead(s: Pick<UnknownStage, 'closeDate' | 'closePast'>): boolean {
  const ahead = s.closeDate - s.closePast;
  return ahead >= 2 && ahead * 3 >= s.closeDate;
}

/**
 * Whether the file's close date is one its CRM requires on every deal (`closeDateRequired`: Zoho's
 * Closing Date, the expected close of an open deal) and the file shows it so: nine in ten of the deals
 * of its stages no rule knows have one. Where many lack one, the org fills it on closing (a real
 * school's Zoho export: 790 of 5 900), and it shows a deal closed.
 */
function requiredFilled(report: StagesReport): boolean {
  if (report.closeDateRequired !== true) return false;
  let deals = 0;
  let dated = 0;
  for (const s of Object.values(report.stages ?? {})) {
    deals += s.deals;
    dated += s.closeDate;
  }
  return deals > 0 && dated * 10 >= deals * 9;
}

/**
 * The stages `crm-audit map` asks about: those a run stops for (undecidedStages), and where its CRM's
 * unknown stages are open, those most of whose deals the file shows closed by then (which a run warns
 * about: «Оплачено» with close dates counted open, or lost by a closed flag).
 */
export function stagesToName(report: StagesReport): Array<[string, UnknownStage]> {
  const named = report.unknownStage === 'ask' ? undecidedStages(report) : Object.entries(report.stages ?? {}).filter(([, s]) => s.deals > 0 && closedShown(s) * 2 >= s.deals).map(([name, s]): [string, UnknownStage] => [name, withPlanned(s, false)]);
  // And those most of whose deals are at a probability of 0%, which a run counts open and warns look
  // lost (unknown-stages-closed): map offers them too, so that the warning has a map to answer it.
  const taken = new Set(named.map(([name]) => name));
  const zero = Object.entries(report.stages ?? {}).filter(([name, s]) => !taken.has(name) && looksLost(s));
  return [...named, ...zero].sort((a, b) => b[1].deals - a[1].deals || (a[0] < b[0] ? -1 : 1));
}

/**
 * How many of a stage's deals the file shows closed: by the closed flag, a close date by the report
 * date (one after it is an expected close: Zoho's Closing Date is filled on every deal), or a
 * probability of 100%.
 */
export function closedShown(s: UnknownStage): number {
  return Math.max(s.closedFlag, s.closePast, s.certain);
}

/** Whether a probability of 100% is what shows a stage's deals closed (no closed flag or past close date shows as many). */
export function byProbability(s: UnknownStage): boolean {
  return s.certain > 0 && s.certain > s.closedFlag && s.certain > s.closePast;
}

/**
 * Whether most of a stage's deals are at a probability of 0% (Salesforce's «Lost to Competitor»): it
 * looks lost, yet stays open (a new deal may be at 0% too) and is said (unknown-stages-closed; inspect).
 */
export function looksLost(s: UnknownStage): boolean {
  return s.zero > 0 && s.zero * 2 >= s.deals;
}

/** Whether most of a stage's deals are at a probability between 0% and 100%: an open stage, whatever their dates say. */
export function mostlyPlanned(s: UnknownStage): boolean {
  const n = s.planned ?? 0;
  return n > 0 && n * 2 >= s.deals;
}

/** Whether most of a stage's deals are closed by a past close date at a probability of 0%: a lost stage, amounts or not. */
export function closedAtZero(s: UnknownStage): boolean {
  const n = s.closedZero ?? 0;
  return n > 0 && n * 2 >= s.deals;
}

/**
 * The status a stage's name or deals suggest, proposed to a person to check (never applied unasked):
 * a name that says lost or won («Тендер проигран», «Отказ клиента», «Контракт подписан»), else at a
 * probability between 0% and 100% open (whatever the dates say), at 100% won, closed at 0% lost,
 * closed with amounts looks won (Bitrix24 keeps a lost deal's amount: the name comes first), closed
 * without looks lost; a stage nothing could show closed, open. Closed only by close dates that may be
 * expected closes (plannedClose: some lie ahead, or the CRM requires one on every deal), open: a
 * tester's Zoho stages «Квалификация» and «Initial Offer», open deals with past expected closes, were
 * guessed won, open pipeline as revenue.
 */
export function guessStage(s: UnknownStage, name = ''): 'won' | 'lost' | 'open' {
  if (namesLost(name)) return 'lost';
  // Its pipelines show their one won stage (Bitrix24's «Сделка успешна»): a closed stage beside it is a
  // failure, whatever its name (a tester's «Дорого» and «Выбрали конкурента» were guessed won by their amounts).
  if (s.wonShown && !s.blind && !mostlyPlanned(s)) return 'lost';
  if (namesWon(name)) return 'won';
  if (s.blind || mostlyPlanned(s)) return 'open';
  if (s.certain * 2 >= s.deals && s.certain > 0) return 'won';
  if (closedAtZero(s)) return 'lost';
  // Mostly at 0% and not shown closed: lost only where its name says so (above); an early open stage may
  // be at 0% too (a real Salesforce report's «Draft Phase», 264 open deals), so the guess is what kpi reads.
  if (looksLost(s) && closedShown(s) * 2 < s.deals) return 'open';
  if (byCloseDate(s)) return 'open';
  return s.amount > 0 && s.amount >= s.deals / 2 ? 'won' : 'lost';
}

/** Whether only close dates that may be expected closes show a stage's deals closed (plannedClose), no closed flag nor probability. */
export function byCloseDate(s: UnknownStage): boolean {
  return s.plannedClose === true && s.closedFlag * 2 < s.deals && s.certain * 2 < s.deals;
}
