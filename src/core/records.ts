/** Canonical records (spec/metrics.md "Canonical records"). Datetimes are wall-clock ms read as UTC. */

export type DealStatus = 'won' | 'lost' | 'open';
/** The kinds of activity, in the order the schemas list them. */
export const ACTIVITY_KINDS = ['call', 'email', 'meeting', 'message', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** One deal or lead. */
export interface Deal {
  id: string;
  manager: string;
  created_at: number;
  closed_at: number | null;
  status: DealStatus;
  stage: string;
  pipeline: string;
  source: string;
  loss_reason: string;
  amount: number | null;
  client: string;
  /** Deal title when the export has one (used to link Pipedrive activities, which name the deal). */
  name: string;
  /** Whether the row names a product (a product column; spec/evidence.md product_share). */
  hasProduct?: boolean;
}

/** One call, e-mail, meeting or message. */
export interface Activity {
  manager: string;
  at: number;
  kind: ActivityKind;
  direction: 'in' | 'out' | '';
  missed: boolean;
  duration_s: number | null;
  deal_id: string;
  client: string;
}

/** One invoice and/or payment. */
export interface Payment {
  deal_id: string;
  manager: string;
  invoiced: number;
  paid: number;
  invoiced_at: number | null;
  paid_at: number | null;
}

/** One row of a marketing spend file: what a source cost in a calendar month. */
export interface SpendRow {
  /** Calendar month `YYYY-MM`. */
  month: string;
  /** The source as the file writes it, trimmed and with whitespace collapsed ('' when empty). */
  source: string;
  /** Money spent, in the file's currency (may be 0; never negative). */
  amount: number;
}

/** One row of a plan file: targets of a manager or a source for a calendar month. */
export interface PlanRow {
  /** Exactly one of manager and source is non-empty (which one the file's columns say). */
  manager: string;
  source: string;
  /** Calendar month `YYYY-MM`. */
  month: string;
  /** Targets; null where the file has no such column or the cell is empty. */
  leads: number | null;
  won: number | null;
  revenue: number | null;
}

/** A row that could not be read, reported in dataQuality. */
export interface SkippedRow {
  file: string;
  /** The row as a spreadsheet numbers it. */
  row: number;
  /** The line of the file it starts on, where that differs from `row` (a quoted cell above held line breaks). */
  line?: number;
  column?: string;
  reason: string;
}

/** What a metric needs that an input lacks: which columns the files had. */
export interface InputShape {
  activities: boolean;
  activityKind: boolean;
  activityMissed: boolean;
  payments: boolean;
  /**
   * Whether the payments file has a paid amount column, and an invoiced amount column: a file of
   * invoices only says nothing of what was paid, so paid and its share are not applicable, not 0
   * (a tester). Only false says there is none (as closedAt).
   */
  paidColumn?: boolean;
  invoicedColumn?: boolean;
  lossReason: boolean;
  client: boolean;
  /** An amount column in the deals file (revenue and average check need one). */
  amount: boolean;
  /**
   * A column of the deals file that says a deal is won or lost: status, stage, a won or a closed
   * flag. Without one every deal reads as open, and what counts won or lost deals is not applicable.
   */
  outcome: boolean;
  /**
   * A close date column in the deals file (closed_at, or a planned close date a closed deal's close
   * is read from): the cycle needs one. Only false says there is none (a caller of the API that
   * leaves it out keeps the cycle).
   */
  closedAt?: boolean;
  /**
   * Whether the activities say a call's direction: a direction column, or a kind column whose values
   * carry one («Входящий звонок»). Without it no call is incoming or outgoing, and what counts them
   * (and the first response) is not applicable. Only false says so, as for closedAt.
   */
  activityDirection?: boolean;
  /**
   * Whether the activities file says how long a call lasted: a duration column, or an end time beside
   * the start. Without one the talk time is not applicable, not 0. Only false says so, as for closedAt.
   */
  callDuration?: boolean;
  /**
   * Whether the activities file has a column that links an activity to a deal: a deal id, a client, a
   * phone, a call's sides. Without one no activity is any deal's: touches and responses are not
   * applicable, not 0 and «no response» for every deal. Only false says so, as for closedAt.
   */
  activityLink?: boolean;
  /**
   * Whether a deal can be found by its client's phone number where the activities name their client by
   * number only (a telephony log: no deal id, no client column): false when the deals file has no phone
   * column and no client written as a number. No call can then be any deal's (an amoCRM file of companies
   * beside a Sipuni log): touches and responses are not applicable, not 0 and «no response» for every deal
   * (a tester). Only false says so.
   */
  dealPhones?: boolean;
  /**
   * Whether an activity's deal id can name a deal: false where the deals file has no id column (its
   * deals go by row number), the activities name their deal by id (so, by the linking rule, by id
   * only: no client links them) and no id named a deal by its title either. No activity can then be
   * any deal's (Zoho's Potentials beside its Calls, linked by POTENTIALID): touches and responses are
   * not applicable, not 0 and «no response» for every deal (a tester). Deals with ids that merely
   * match none stay computed, with the warning. Only false says so.
   */
  dealIds?: boolean;
  /**
   * Whether an activity's deal id can name a deal whose id lost its last digits (Excel's «5,80503E+18»:
   * each such row is a deal of its own, by its row number): false where the deals file has such ids, the
   * activities name their deal by id only and not one id named a deal. Touches and responses are then
   * not applicable, with the reason, not 0 and «no response» for every deal. Only false says so.
   */
  dealIdDigits?: boolean;
  /**
   * Whether an outgoing call can name its client: false for a log whose only link is the caller's number
   * (no callee, client, phone or deal id), where an outgoing call's caller is the company. No callback can
   * then be found: the callback rate is not applicable, not 0 (a tester). Only false says so.
   */
  outgoingLink?: boolean;
  /**
   * The one kind of every activity, where the activities file is an export of one kind (HubSpot's
   * meetings, its e-mails: a profile's `rows:`): the metrics of other kinds are then not applicable.
   */
  activityRows?: ActivityKind;
  /**
   * Whether the deals file holds deals, that is sales: a leads export (Bitrix24's, Salesforce's) holds
   * leads, won when converted into a deal, whose amounts are expectations; revenue is then not
   * applicable. Only false says so, as for closedAt.
   */
  sales?: boolean;
  /** Source, pipeline and stage columns in the deals file (`--by` groups by them). */
  source?: boolean;
  pipeline?: boolean;
  stage?: boolean;
}
