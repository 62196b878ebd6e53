// app: the only place where io meets core. A kpi or compare run reads the deals (io), links and feeds
// the activities and payments to the KPI engines (core), and builds the result contract of
// spec/metrics.md with its data quality. The CLI and the programmatic API call these functions.
import { KpiEngine, type EngineResult, type KpiOptions } from '../core/kpi/engine.js';
import { strayEnds } from '../core/compare.js';
import { METRICS, missingNeed, NEEDS_TEXT, notApplicable, type InputNeed } from '../core/kpi/catalog.js';
import { clientLinkAlerts, describeAlert, findAlerts, linkAlerts, managerSpellings, OUTCOME_MIN_DEALS, paidNegative, paymentLogAlerts, timedAtAlert, wonCoverageAlerts, wonValueAlerts, type Alert } from '../core/kpi/alerts.js';
import { withMissedNotRead, type EvidenceFacts, type EvidenceShape } from '../core/kpi/facts.js';
import { dataRows, EMPTY_ROW, type DataQuality, type GroupDim, type KpiGroup, type KpiResult, type MetricValues, type PlanResult, type SpendSummary } from '../core/kpi/types.js';
import type { Activity, InputShape, PlanRow, SkippedRow, SpendRow } from '../core/records.js';
import type { LinkedPayment } from '../io/map/payment-reader.js';
import { NO_LINE_MISSED } from '../io/map/lines.js';
import { callsNotAManagers, missedNotRead } from '../io/map/activity-reader.js';
import { planBy, planDays, planMonthsOutside, planPartialMonths, planUnknown, planVsFact } from '../core/kpi/plan.js';
import { cycleDays, DAY_MS, dayOf, dayOfIso, isoDay, isoMinute } from '../core/kpi/stats.js';
import { STATUS_CODE, type DealStore } from '../core/kpi/deal-store.js';
import { collectGarbage } from '../io/parallel/collect.js';
import { Helper, readActivities, readDeals } from '../io/parallel/parallel.js';
import { dateOrderShown, importFile, importPlan, importSpend, type ImportOptions, type ImportReport } from '../io/map/import.js';
import { PaymentLog } from '../core/kpi/payment-log.js';
import type { ColumnMap } from '../io/map/mapping.js';
import { directionReader, MISSED_DIRECTION, readsAsDayFractions, readsAsHoursAndMinutes, readsAsMilliseconds, UNKNOWN_DIRECTION, UNKNOWN_DONE, UNKNOWN_STATUS, type CallLengths, type ValueCount } from '../io/map/context.js';
import { cleanText, normalizeValue, PHONE_DIGITS } from '../io/map/values.js';
import { closest } from '../core/assert-paths.js';
import type { LineSpelling } from '../core/name-line.js';
import { buildValueMaps, MANAGERS_SEEN, wordsOf, type ValueMaps } from '../io/map/value-maps.js';
import { outcomeTimes, stageNames } from '../io/map/deal-reader.js';
import { scaledColumns, type RecordKind } from '../io/map/fields.js';
import { DEFAULT_LIMITS } from '../io/read/limits.js';
import { columnName } from '../io/read/sheet-error.js';
import { mapOptions, type Overrides } from '../io/documents/map-file.js';
import { timing } from '../io/run-settings.js';
import { assertReadableFile } from '../io/read/files.js';
import { closedShown, looksLost, stagesToName, undecidedStages } from '../core/undecided-stages.js';
import { activityCoverage, coverageAlerts, linkedNotApplicable, type Coverage } from '../core/kpi/coverage.js';

/** The files of one KPI run. */
export interface KpiFiles {
  deals: string;
  activities?: string;
  payments?: string;
  /** `kpi --spend`: marketing spend by month and source. */
  spend?: string;
  /** `kpi --plan`: targets by manager or source and month. */
  plan?: string;
}

/** What a KPI run needs beyond the files and the periods: the margin of the unit economics. */
export interface KpiExtras {
  /** Share of revenue that is margin (`--margin`, default 1): ROMI and LTV. */
  margin?: number;
  /** Called with the deals once read (compare: the deal ids two periods' files share). */
  onDeals?: (deals: DealStore) => void;
}

/** Builds per-file import options from the common ones and the --map overrides. */
export function importOptionsFor(kind: RecordKind, base: ImportOptions, overrides: Overrides): ImportOptions {
  return { ...base, ...mapOptions(overrides, kind), ...(kind === 'activities' ? {} : { timeOffsetHours: 0 }) };
}

/** Whether the deals file has a column that says a deal is won or lost (a status, a stage, a won or a closed flag), or a won time and a lost time that do. */
function saysOutcome(dealsMap: ColumnMap | undefined): boolean {
  return ['status', 'stage', 'won', 'closed'].some((f) => dealsMap?.fields.has(f)) || (dealsMap !== undefined && outcomeTimes(dealsMap) !== undefined);
}

/** What the inputs hold, for the not-applicable rules. */
/** `stageReasons`: some lost deal's reason came from its stage (`Venda perdida (Sem interesse)`), with or without a reason column. */
export function inputShape(dealsMap: ColumnMap | undefined, activitiesMap: ColumnMap | undefined, hasActivities: boolean, hasPayments: boolean, stageReasons = false, said?: CallsSaid): InputShape {
  const a = activitiesMap?.fields;
  return {
    activities: hasActivities,
    ...(said === undefined ? {} : { activityDirection: said.direction }),
    // A kind column, or an export of one kind of activity (its CRM's profile says which: the others' metrics are then not applicable).
    activityKind: Boolean(a?.has('kind') || said?.rows),
    ...(said?.rows && !a?.has('kind') ? { activityRows: said.rows } : {}),
    // A status or missed column, a call's answer time (Mango's `answer`, 0 when nobody answered), or a type column that names missed calls (Zoho's Call Type «Missed», МегаФон's «Пропущенный»).
    activityMissed: Boolean(a?.has('missed') || a?.has('answered_at')) || said?.missed === true,
    // A duration column, or an end time the duration is read from (Bitrix24's END_TIME).
    ...(activitiesMap ? { callDuration: Boolean(a?.has('duration_s') || a?.has('end_at')), activityLink: linksActivities(a, said?.direction), outgoingLink: LINK_FIELDS.some((f) => f !== 'caller' && a?.has(f)) } : {}),
    payments: hasPayments,
    lossReason: Boolean(dealsMap?.fields.has('loss_reason')) || stageReasons,
    client: Boolean(dealsMap?.fields.has('client')),
    amount: Boolean(dealsMap?.fields.has('amount')),
    outcome: saysOutcome(dealsMap),
    ...(dealsMap?.profile?.profile.leads ? { sales: false } : {}),
    closedAt: ['closed_at', 'planned_close'].some((f) => dealsMap?.fields.has(f)),
    source: Boolean(dealsMap?.fields.has('source')),
    pipeline: Boolean(dealsMap?.fields.has('pipeline')),
    stage: Boolean(dealsMap?.fields.has('stage')),
  };
}

/**
 * The needs a file's own columns answer, by its kind (not another file's: --activities, --payments), and
 * the field a --map file names such a column by.
 */
const OWN_NEEDS: Partial<Record<RecordKind, Partial<Record<InputNeed, string>>>> = {
  deals: { outcome: 'stage', amount: 'amount', closedAt: 'closed_at', client: 'client', lossReason: 'loss_reason' },
  activities: { activityKind: 'kind', activityDirection: 'direction', activityMissed: 'missed', callDuration: 'duration_s', activityLink: 'deal_id', outgoingLink: 'callee' },
};

/** Metrics a file's columns leave not applicable, whatever else is given: grouped by the reason, with the --map field that would enable them. */
export interface ColumnGap {
  /** The reason, as notApplicable gives it (reasonText says it in Russian). */
  reason: string;
  /** The field a --map file's `columns:` would name the column by. */
  field: string;
  /** The metric keys, in the order of METRICS. */
  metrics: string[];
}

/**
 * What a file's own columns leave not applicable (a kpi run says it as «Не рассчитано», whatever
 * other files it is given): `map` says it rather than «every column is found» (a tester: an amount
 * column headed «Стоимость, руб» no rule knew, and kpi then said revenue needs an amount column).
 * `stageReasons`: some lost deal's reason came from its stage (inputShape).
 */
export function columnGaps(map: ColumnMap, report: ImportReport, valueMaps: ValueMaps, stageReasons = false): ColumnGap[] {
  const own = OWN_NEEDS[map.kind];
  if (!own) return [];
  const shape = map.kind === 'deals' ? inputShape(map, undefined, false, false, stageReasons) : inputShape(undefined, map, true, false, false, callsSaid(map, report, valueMaps));
  const out = new Map<InputNeed, ColumnGap>();
  const closeField = plannedCloseOnly(map) ? 'planned_close' : undefined;
  for (const m of METRICS) {
    const need = missingNeed(m, shape);
    const field = need && ((need === 'closedAt' && closeField) || own[need]);
    if (!need || !field) continue;
    const gap = out.get(need) ?? { reason: NEEDS_TEXT[need], field, metrics: [] };
    gap.metrics.push(m.key);
    out.set(need, gap);
  }
  return [...out.values()];
}

/**
 * Whether the deals' CRM writes only a planned close (Bitrix24's «Предполагаемая дата закрытия», its
 * REST CLOSEDATE: its profile names a planned_close column and no closed_at): a --map file names such a
 * column as planned_close, which counts for closed deals only. Named closed_at, an open deal's planned
 * date would read as its close.
 */
function plannedCloseOnly(map: ColumnMap): boolean {
  const columns = map.profile?.profile.columns;
  return map.kind === 'deals' && columns?.planned_close !== undefined && columns.closed_at === undefined;
}

/**
 * Which amounts a payments file has: a file of invoices only says nothing of what was paid (paid and
 * its share are not applicable, and no deal is shown unpaid), one of payments only nothing of invoices.
 * An invoice status column says what was paid, when no paid amount column does, only where some status
 * read as paid or partly paid: a column of «Выставлен» alone, or of words no rule knows, says nothing
 * of any payment (read as one, paid was 0 and its share 0, not «not known»).
 */
export function paymentColumns(report: ImportReport): { paidColumn: boolean; invoicedColumn: boolean } {
  const fed = new Set(report.columns.map((c) => c.field));
  const paidStatus = fed.has('status') && (report.values.status ?? []).some((v) => v.count > 0 && (v.mapped === 'paid' || v.mapped === 'partial'));
  return { paidColumn: fed.has('paid') || paidStatus, invoicedColumn: fed.has('invoiced') };
}

/**
 * InputShape.dealPhones: false where the activities name their client by number only (a phone or a
 * call's side; no deal id, client or owner column) and no deal can be found by a number: the deals file
 * has no phone column, and none of a deal's client keys (its client's, and its other clients' that
 * DealStore.addLinks keeps: a company's deal by its contact) is a number as phoneKey keeps one. Looked for
 * only then; the first such key ends the search. A client id of as many digits passes for a number: the
 * metrics are then computed, as before, and the run warns when no call links.
 */
function dealPhones(activitiesMap: ColumnMap | undefined, dealsMap: ColumnMap | undefined, store: DealStore): { dealPhones?: false } {
  const a = activitiesMap?.fields;
  if (!a || ['deal_id', 'client', 'owner_type'].some((f) => a.has(f)) || !['phone', 'caller', 'callee'].some((f) => a.has(f))) return {};
  if (dealsMap?.fields.has('phone')) return {};
  const phone = (k: number) => k !== 0 && phoneShaped(store.clients.bytes(k));
  for (let i = 0; i < store.size; i++) if (phone(store.client[i]!)) return {};
  if (store.links()?.key.some(phone)) return {};
  return { dealPhones: false };
}

/**
 * InputShape.dealIds: false where the deals file has no id column (its deals go by row number), the
 * activities named deals by id (the link rule then links by id only: no client can) and no id found a
 * deal, by its title either (Zoho's Potentials, which have no id column, beside its Calls, which name
 * the deal by POTENTIALID only). A deals file with ids that merely match none is computed, and warned of.
 * InputShape.dealIdDigits: false where no id found a deal and the deals file's ids lost their last digits.
 */
function dealIds(dealsMap: ColumnMap | undefined, engines: readonly KpiEngine[], deals: ImportReport): { dealIds?: false; dealIdDigits?: false } {
  if (!dealsMap || engines.length === 0 || !engines[0]!.noDealById()) return {};
  // Ids that lost their last digits (Excel's «5,80503E+18») name no deal: each such row is a deal of its own (deal-reader).
  if (dealsMap.fields.has('id')) return deals.idsLostDigits ? { dealIdDigits: false } : {};
  return { dealIds: false };
}

/** Whether a client key is a phone number as phoneKey keeps one (PHONE_DIGITS of digits). */
function phoneShaped(bytes: Uint8Array): boolean {
  if (bytes.length < PHONE_DIGITS.min || bytes.length > PHONE_DIGITS.max) return false;
  for (const b of bytes) if (b < 0x30 || b > 0x39) return false;
  return true;
}

/** The columns that link an activity to a deal: its id, the client (a name, a phone, a call's sides), the owner record. */
const LINK_FIELDS = ['deal_id', 'client', 'phone', 'caller', 'callee', 'channel', 'dstchannel', 'owner_type'];

/**
 * Whether the activities file can link an activity to a deal: the one rule of the KPI (activityLink)
 * and of the evidence (its shape's link). A call's two numbers are read by its direction (activity-reader's
 * numberSides): in a log that says no direction (`directed` false), a callee column links nothing (a
 * caller alone is then every call's client), and touches read 0 without a word (a tester); they are
 * not applicable instead. `directed` is undefined where nothing was read of the calls.
 */
function linksActivities(a: ReadonlyMap<string, number[]> | undefined, directed: boolean | undefined): boolean {
  if (LINK_FIELDS.some((f) => f !== 'caller' && f !== 'callee' && a?.has(f))) return true;
  if (directed === false && a?.has('callee')) return false;
  return Boolean(a?.has('caller') || a?.has('callee'));
}

/** Whether an activities file says a call's direction, and whether it says which calls were missed. */
interface CallsSaid {
  direction: boolean;
  missed: boolean;
  /** The kind of every row, where the file has no kind column and its --map file or profile says one (ImportReport.rows). */
  rows?: Activity['kind'];
}

/** The share of a PBX log's rows whose sides may say no direction for the rest to say the calls' directions. */
const SIDES_UNSAID = 0.1;

/**
 * What an activities file says of its calls (undefined without activities): a direction column, or a
 * kind column whose values carry one («Входящий звонок»); a missed column, or a direction or kind
 * value that names a missed call (Zoho's Call Type «Missed»); or a column for each side of a call (a
 * PBX's). A call log without a direction (Pipedrive's activities) counted 0 calls in and out as if
 * that were the answer.
 */
function callsSaid(map: ColumnMap | undefined, report: ImportReport | undefined, maps: ValueMaps): CallsSaid | undefined {
  if (!map) return undefined;
  const read = directionReader(maps);
  // The values a row's direction is read from: its direction column's, else its kind column's (never both: a
  // type «Missed call» beside a direction column is not read as one, so it says nothing of the rows). A direction
  // column blank on every row says nothing (tester T72: HubSpot's calls logged by hand): the kind column speaks (review R54).
  const given = map.fields.has('direction') ? directionOnCalls(map, report) : [];
  const values = (given.length > 0 ? given : (report?.values.kind ?? [])).map((v) => read.entry(v.value).value);
  // A log with a column for each side of a call (a PBX's) says a call's direction where a side is a
  // line: only where that is nearly every row's (a log whose incoming calls show two outside numbers
  // would count them 0).
  const sides = report?.directionBySides;
  const bySides = sides !== undefined && sides.in + sides.out > 0 && sides.none <= SIDES_UNSAID * (sides.in + sides.out + sides.internal + sides.none);
  const direction = given.length > 0 || values.some((v) => v.direction === 'in' || v.direction === 'out') || bySides;
  return { direction, missed: values.some((v) => v.missed), ...(report?.rows ? { rows: report.rows } : {}) };
}

/**
 * A direction column's values on the calls, where the file has any: HubSpot's export of every kind
 * reads «Call direction», else «Email direction», and its e-mails' directions said none of a call's
 * (review R54: calls logged by hand, blank on every call, counted 0 in and 0 out). A file of no call
 * keeps them all, as its counts of calls are 0 whatever the column says.
 */
function directionOnCalls(map: ColumnMap, report: ImportReport | undefined): readonly ValueCount[] {
  const all = report?.values.direction ?? [];
  const onCalls = report?.weighed?.direction;
  if (onCalls === undefined || onCalls.length > 0) return onCalls ?? all;
  const calls = map.fields.has('kind') ? (report?.values.kind ?? []).some((v) => v.mapped === 'call' && v.count > 0) : report?.rows === undefined || report.rows === 'call';
  return calls ? [] : all;
}

/** Which columns the evidence facts need were present. */
export function evidenceShape(dealsMap: ColumnMap | undefined, activitiesMap: ColumnMap | undefined, hasActivities: boolean, hasPayments: boolean, directed?: boolean): EvidenceShape {
  const d = dealsMap?.fields;
  return {
    outcome: saysOutcome(dealsMap),
    activities: hasActivities,
    payments: hasPayments,
    lossReason: Boolean(d?.has('loss_reason')),
    source: Boolean(d?.has('source')),
    amount: Boolean(d?.has('amount')),
    product: Boolean(d?.has('product')),
    duration: Boolean(activitiesMap?.fields.has('duration_s')),
    // As the KPI's activityLink: a caller alone names the client of a call with no direction (a log of incoming calls).
    link: linksActivities(activitiesMap?.fields, directed),
  };
}

/** Whether an activities file is an export of one other kind than calls (its rows' kind, a --map file's or its profile's, with no kind column: HubSpot's e-mails). */
function holdsNoCalls(report: ImportReport | undefined): boolean {
  return report?.rows !== undefined && report.rows !== 'call';
}

/**
 * Stages no rule knows, taken as open where the CRM's stages are open unless said otherwise (Pipedrive,
 * Salesforce through its API; a file no profile recognises asks instead), whose deals are mostly closed by the file's own signs (a closed
 * flag, a close date no later than the report date: a later one is an expected close): «Оплачено» with close dates and amounts is
 * likely a renamed won stage, and the run says so instead of counting it open in silence. Where such stages
 * are asked about (`ask`: a run stops on them), those most of whose deals are at a probability of 0% are
 * said all the same: open, as nothing shows them closed, yet they look lost.
 */
function unknownStagesClosed(reports: ImportReport[]): Alert[] {
  return reports.flatMap((r) => {
    if (r.kind !== 'deals' || r.unknownStage === undefined || !r.stages) return [];
    // With them, the stages most of whose deals are at a probability of 0% (Salesforce's «Lost to Competitor»): they look lost.
    // Where stages are asked about, only those: a stage the file shows closed stopped the run (or was named).
    const named = new Set(r.unknownStage === 'open' ? stagesToName(r).map(([stage]) => stage) : []);
    const undecided = new Set(undecidedStages(r).map(([stage]) => stage));
    const stages = Object.entries(r.stages)
      .filter(([stage, s]) => named.has(stage) || (looksLost(s) && !undecided.has(stage)))
      .sort((a, b) => b[1].deals - a[1].deals || (a[0] < b[0] ? -1 : 1))
      .slice(0, 5)
      .map(([stage, s]) => ({ stage, deals: s.deals, closed: closedShown(s), lost: s.closedFlag, ...(s.zero > 0 ? { zero: s.zero } : {}) }));
    return stages.length > 0 ? [{ code: 'unknown-stages-closed' as const, file: r.file, stages }] : [];
  });
}

/**
 * Nothing won among OUTCOME_MIN_DEALS deals or more, some lost (all lost is one-outcome's): where stages
 * no rule knows hold deals (a deals file whose won stage was renamed «Оплачено», with no close date to
 * show it closed), they are named; in a file read by its status (Pipedrive's Status) or by known stages,
 * the column and its values. Conversion and revenue read zero, and no other alert said a word. Not said
 * where unknown-stages-closed names the file's stages.
 */
function nothingWon(reports: readonly ImportReport[], total: MetricValues, said: readonly Alert[]): Alert[] {
  const deals = Number(total.leads ?? 0);
  const lost = Number(total.lost ?? 0);
  if (deals < OUTCOME_MIN_DEALS || total.won !== 0 || !(lost > 0) || lost === deals) return [];
  return reports.flatMap((r) => {
    if (r.kind !== 'deals' || said.some((a) => a.code === 'unknown-stages-closed' && a.file === r.file)) return [];
    const stages = Object.entries(r.stages ?? {})
      .filter(([, s]) => s.deals > 0)
      .sort((a, b) => b[1].deals - a[1].deals || (a[0] < b[0] ? -1 : 1))
      .slice(0, 5)
      .map(([stage, s]) => ({ stage, deals: s.deals, amount: s.amount }));
    return [{ code: 'nothing-won' as const, file: r.file, deals, lost, stages, ...(stages.length === 0 ? statusRead(r) : {}) }];
  });
}

/**
 * An Odoo deals file with won deals and no lost one (tester T73): Odoo archives a lost opportunity, and
 * a list's export leaves the archived out, so the win rate reads 100 % of the closed deals. A file whose
 * deals are all won is said by one-outcome (a stage filter); one of no Odoo profile is read as it says.
 */
function odooNoLost(reports: readonly ImportReport[], total: MetricValues): Alert[] {
  const deals = Number(total.leads ?? 0);
  const won = Number(total.won ?? 0);
  if (deals < OUTCOME_MIN_DEALS || total.lost !== 0 || !(won > 0) || won === deals) return [];
  return reports
    .filter((r) => r.kind === 'deals' && r.profile?.id === 'odoo')
    .map((r) => ({ code: 'odoo-no-lost' as const, file: r.file, deals, won, active: r.columns.some((c) => c.field === 'active') }));
}

/** The column a deals file's outcome was read from (its status, else its stage) and the values it held, most first. */
function statusRead(r: ImportReport): { column?: string; values?: Array<{ value: string; count: number }> } {
  const field = (['status', 'stage'] as const).find((f) => (r.values[f]?.length ?? 0) > 0);
  if (field === undefined) return {};
  const column = r.columns.find((c) => c.field === field)?.header;
  const values = r.values[field]!.slice(0, 5).map((v) => ({ value: v.value, count: v.count }));
  return { ...(column !== undefined ? { column } : {}), values };
}

/**
 * Values of the --map file that no export of the run holds (a misspelt stage, `"Выданно": won`),
 * with the closest value the export does hold: those lines changed nothing, in silence. A section
 * whose columns no export of the run has says nothing (the file may serve other exports too).
 */
export function unmatchedMapEntries(map: EnginesRun['mapEntries'], reports: readonly ImportReport[]): Array<Extract<Alert, { code: 'map-unmatched' }>> {
  if (!map) return [];
  const { file, entries } = map;
  const held = (kind: RecordKind, fields: string[]) => reports.filter((r) => r.kind === kind).flatMap((r) => fields.flatMap((f) => (r.values[f] ?? []).map((v) => v.value)));
  const sections = [['status', held('deals', ['status', 'stage'])], ['direction', held('activities', ['direction', 'kind'])], ['kind', held('activities', ['kind'])], ['missed', held('activities', ['missed'])], ['done', held('activities', ['done'])], ['invoice', held('payments', ['status'])]] as const;
  const values: Unmatched[] = sections.flatMap(([section, values]) => {
    if (values.length === 0) return [];
    // As the readers look them up: a stage also after a pipeline prefix and before parentheses
    // (`C6:WON`, `Venda perdida (Sem interesse)`), a direction or kind also by its words.
    const keys = new Set(values.flatMap((v) => (section === 'status' ? stageNames(v).map(normalizeValue) : [normalizeValue(v), ...wordsOf(normalizeValue(v))])));
    return entries[section].filter((k) => !keys.has(normalizeValue(k))).map((value) => ({ section, value, near: closest(value, values)[0] ?? null }));
  });
  values.push(...unmatchedManagers(entries.managers, reports));
  return values.length > 0 ? [{ code: 'map-unmatched', file, count: values.length, values: values.slice(0, 5) }] : [];
}

type Unmatched = Extract<Alert, { code: 'map-unmatched' }>['values'][number];

/**
 * A --map file's `managers:` keys no manager cell of the run was (T40 F6: a misspelt name was ignored in
 * silence), each with the closest cell: a key is looked up as the readers clean a cell (managerName).
 */
function unmatchedManagers(keys: readonly string[], reports: readonly ImportReport[]): Unmatched[] {
  // A list cut at MANAGERS_SEEN misses names: a key would be said unmatched for a cell past the cut (a reviewer).
  if (reports.some((r) => (r.managersSeen?.length ?? 0) >= MANAGERS_SEEN)) return [];
  const seen = [...new Set(reports.flatMap((r) => r.managersSeen ?? []))];
  if (seen.length === 0) return [];
  const held = new Set(seen);
  return keys.filter((k) => !held.has(cleanText(k))).map((value) => ({ section: 'managers', value, near: closest(cleanText(value), seen)[0] ?? null }));
}

/** A --map file's values by section, as unmatchedMapEntries checks them against the exports; undefined without a map file. */
export function mapEntriesOf(overrides: Overrides): EnginesRun['mapEntries'] {
  return overrides.file && overrides.entries ? { file: overrides.file, entries: { ...overrides.entries, invoice: invoiceEntries(overrides.valueMaps) } } : undefined;
}

/** A --map file's values by section, with its payments section's invoice statuses (`payments: status:`) as `invoice`. */
type MapEntries = NonNullable<Overrides['entries']> & { invoice: string[] };

/**
 * The invoice statuses a --map file names (`payments: status:`), from the value maps it built: the
 * words no default rule holds, or holds with another meaning, as a value map keeps them (lower case). A
 * line that repeats a default word with its meaning changes nothing whatever the file holds, and is not
 * among them. Overrides.entries, read with the map file, has no section for them.
 */
function invoiceEntries(maps: ValueMaps): string[] {
  const defaults = buildValueMaps().invoice;
  return [...maps.invoice].filter(([word, status]) => defaults.get(word) !== status).map(([word]) => word);
}

/** How the value readers describe a value no map knows, per field. */
const UNKNOWN_MAPPED = { direction: UNKNOWN_DIRECTION, missed: UNKNOWN_STATUS, done: UNKNOWN_DONE } as const;

/**
 * The share of a direction or call status column's filled cells that values no map knows must reach
 * to be said: one in 20. Such a call counts as answered (or as neither incoming nor outgoing): at 5% of
 * the calls, were they all missed, the missed share would read up to 5 points low, a third of a usual
 * 15%. At half, as it was, a log with 30% of its calls under a status no rule knows said nothing;
 * below one in 20, a stray value (a typo, a one-off «Ошибка») would make every run speak.
 */
const UNKNOWN_SHARE_SAID = 0.05;

/**
 * Activities whose direction column holds, on one call in 20 or more (UNKNOWN_SHARE_SAID), values no
 * map knows, or whose call status column does on one incoming call in 20: those calls are counted as
 * neither incoming nor outgoing, or as answered, and the call figures read low without it showing. A
 * done column's unknown value is said however few hold it (Pipedrive's «Pending» counted a planned
 * task as a touch, without a word).
 */
function unknownValues(reports: ImportReport[]): Alert[] {
  return reports.flatMap((r) => {
    if (r.kind !== 'activities') return [];
    return (['direction', 'missed', 'done'] as const).flatMap((field) => {
      // A direction weighed on the calls, a status on the incoming calls (a meeting's «0», an outgoing call's status bear on no call figure).
      const values = (field === 'done' ? undefined : r.weighed?.[field]) ?? r.values[field] ?? [];
      const header = r.columns.find((c) => c.field === field)?.header;
      const unknown = values.filter((v) => v.mapped === UNKNOWN_MAPPED[field]);
      const count = unknown.reduce((n, v) => n + v.count, 0);
      const filled = values.reduce((n, v) => n + v.count, 0);
      if (header === undefined || count === 0 || (field !== 'done' && count < UNKNOWN_SHARE_SAID * filled)) return [];
      // A call status is asked about only where nothing else says which calls were missed: beside Zoho's Call Type
      // «Missed», its Call Result («Interested», «Requested call back») is an outcome, and the snippet would mark them missed.
      if (field === 'missed' && [...(r.values.direction ?? []), ...(r.values.kind ?? [])].some((v) => v.mapped === MISSED_DIRECTION && v.count > 0)) return [];
      // Every value the snippet must name, up to a screenful: the first five alone left the rest to a second run (a tester's 14 statuses).
      const more = unknown.length - UNKNOWN_VALUES_LISTED;
      return [{ code: 'unknown-values' as const, file: r.file, field, header, unknown: count, filled, values: unknown.slice(0, UNKNOWN_VALUES_LISTED).map((v) => v.value), ...(more > 0 ? { more } : {}) }];
    });
  });
}

/**
 * What the reading of each file lost or may have lost, as kpi and inspect both say it: a quote left open
 * in a cell that took the rows after it (never counted), a file that ends mid-row or an HTML document
 * that ends inside its table (a download cut off), rows with fewer cells than the header amid whole ones.
 */
export function damagedRows(reports: ImportReport[]): Alert[] {
  const swallowed: Alert[] = reports.filter((r) => r.table.swallowed).map((r) => ({ code: 'quote-swallowed', file: r.file, ...r.table.swallowed! }));
  const cut: Alert[] = reports.flatMap((r) => (r.lastRowCut ? [{ code: 'last-row-cut' as const, file: r.file, ...r.lastRowCut }] : []));
  cut.push(...reports.flatMap((r) => (r.table.tableCut ? [{ code: 'html-table-cut' as const, file: r.file, row: r.table.tableCut.row }] : [])));
  return [...swallowed, ...cut, ...shortRows(reports)];
}

/**
 * Rows of a delimited file with fewer cells than its header, where they are few (one in a hundred at most) and
 * the file is not merely cut off at its end (last-row-cut): a row cut short or joined wrongly, amid whole ones,
 * read with its last cells empty (tester T58: a row of 8 of 11 cells in a million was counted without a word).
 * A file whose rows often leave their trailing empty cells out says nothing.
 */
function shortRows(reports: ImportReport[]): Alert[] {
  return reports.flatMap((r) => {
    const count = r.shortRows ?? 0;
    if (count === 0 || !r.firstShortRow || (r.lastRowCut && count === 1) || count * 100 > r.rowsRead) return [];
    return [{ code: 'short-rows' as const, file: r.file, count, ...r.firstShortRow }];
  });
}

/** The most values no map knows that an unknown-values alert lists (and its snippet names). */
const UNKNOWN_VALUES_LISTED = 30;

/** The activities with dates alone below which a file is too small to say so of. */
const UNTIMED_MIN = 10;


/**
 * Deals created on dates without a time of day (nine in ten, ten at least: the deals file read at
 * midnight) beside an activities file with times (half of its activities, ten at least) that gives
 * some deal of a period a response: it is counted from midnight of the deal's day (spec: a date
 * without a time is midnight), and every response time reads high by the hours before the call (a
 * tester: a call on the day of creation, for every deal, gave a median of 770 minutes, without a
 * word). The mirror of untimed-activities; the numbers stand. No response measured, nothing to say.
 */
function untimedDeals(file: string, untimed: number, deals: number, reports: readonly ImportReport[], results: readonly EngineResult[]): Alert[] {
  const acts = reports.find((r) => r.kind === 'activities');
  if (!acts || untimed < UNTIMED_MIN || untimed * 10 < deals * 9 || !results.some((r) => r.total.response_min_median != null)) return [];
  const timed = acts.records - (acts.untimed ?? 0);
  if (timed < UNTIMED_MIN || timed * 2 < acts.records) return [];
  return [{ code: 'untimed-deals', file, untimed, deals, activities: acts.file }];
}

/** What a file's sheet and headers hide or change: rows and columns the workbook hides, money read in the unit its header names. */
function sheetAlerts(reports: readonly ImportReport[]): Alert[] {
  // Rows a workbook hides (a filter left on): the user saw fewer than are counted.
  const hidden: Alert[] = reports.flatMap((r) => (r.table.hiddenRows ? [{ code: 'hidden-rows' as const, file: r.file, sheet: r.table.sheet ?? '', rows: r.table.hiddenRows }] : []));
  // Columns read that the sheet hides (a visible one of the same name is read first): values the user does not see.
  const hiddenColumns: Alert[] = reports.flatMap((r) => {
    const read = r.columns.filter((c) => c.hidden && c.field !== undefined).map((c) => ({ header: c.header, column: columnName(c.index), field: c.field! }));
    return read.length > 0 ? [{ code: 'hidden-columns' as const, file: r.file, sheet: r.table.sheet ?? '', columns: read }] : [];
  });
  // Money read in the thousands or millions its header names («Бюджет, тыс. руб.»): said, with how a value reads.
  const scaled: Alert[] = reports.flatMap((r) => {
    const columns = scaledColumns(r.columns).map((c) => ({ header: c.header, scale: c.scale }));
    return columns.length > 0 ? [{ code: 'money-scale' as const, file: r.file, columns }] : [];
  });
  return [...hidden, ...hiddenColumns, ...scaled, ...reports.flatMap(customFields)];
}

/** A CRM's custom field: Bitrix24's `UF_CRM_1579180371132`, Salesforce's `Loss_Reason__c`, Zoho's and amoCRM's exports name theirs by their labels. */
const CUSTOM_FIELD = /^(?:UF_CRM_\w+|\w+__c)$/;

/**
 * A deals file with no loss-reason column whose custom fields are not read (tester T38: a Bitrix24 REST
 * extract's reasons sat in `UF_CRM_1579180371132`, filled on 6 583 of 7 271 lost deals, and the run said
 * only «needs a loss-reason column»): named, with the --map line that reads one.
 */
function customFields(r: ImportReport): Alert[] {
  if (r.kind !== 'deals' || r.columns.some((c) => c.field === 'loss_reason')) return [];
  const custom = r.columns.filter((c) => c.field === undefined && CUSTOM_FIELD.test(c.header.trim())).map((c) => c.header.trim());
  if (custom.length === 0) return [];
  return [{ code: 'custom-fields', file: r.file, columns: custom.slice(0, 5), ...(custom.length > 5 ? { more: custom.length - 5 } : {}) }];
}

/** A workbook's other sheets of the same kind (one per pipeline, one per year): their rows are not read, so said. */
function otherSheets(reports: readonly ImportReport[]): Alert[] {
  return reports.flatMap((r) => (r.table.otherSheets ? [{ code: 'other-sheets' as const, file: r.file, sheet: r.table.sheet ?? '', sheets: r.table.otherSheets }] : []));
}
/** What the files' clocks say: activities without times or timed by another column, durations read as hours, and a file in UTC beside one on the company's clock. */
function timeAlerts(reports: ImportReport[]): Alert[] {
  // Activities with dates alone are read at midnight: a response on a deal's first day is before it.
  const untimed: Alert[] = reports.filter((r) => r.kind === 'activities' && (r.untimed ?? 0) >= UNTIMED_MIN && r.untimed! * 10 >= r.records * 9).map((r) => ({ code: 'untimed-activities', file: r.file, untimed: Math.min(r.untimed!, r.records), records: r.records }));
  // An activity timed by a column with times where the one its name matched holds dates alone: said, with the --map line that reads the dates.
  const timedAt: Alert[] = reports.flatMap((r) => (r.timedAt ? [timedAtAlert(r.file, r.timedAt)] : []));
  const lengths = CALL_LENGTH_CHECKS.flatMap((check) => reports.flatMap((r) => callLengthAlert(r, check)));
  // A call log in UTC (a telephony API's `Z` times) against deals on the company's clock, not shifted.
  // Deals in UTC too (both files from an API) are on one clock with the calls: nothing to shift.
  const dealsUtc = reports.some((r) => r.kind === 'deals' && r.utc);
  const utc: Alert[] = dealsUtc ? [] : reports.flatMap((r) => (r.kind === 'activities' && r.utc ? [{ code: 'utc-times' as const, file: r.file, ...r.utc }] : []));
  // The other way round: deals in UTC (HubSpot's API createdate) beside activities on the company's clock, not shifted.
  // Only activities with a time of day: dates alone (Salesforce's ActivityDate) are on no clock, and shifting them would move them to the day before.
  const local = reports.find((r) => r.kind === 'activities' && r.records > (r.untimed ?? 0) && !r.utc && !r.shifted);
  const utcDeals: Alert[] = local ? reports.flatMap((r) => (r.kind === 'deals' && r.utc ? [{ code: 'utc-deals' as const, file: r.file, ...r.utc, activities: local.file }] : [])) : [];
  return [...untimed, ...timedAt, ...lengths, ...utc, ...utcDeals];
}

/** Summarises import reports into the dataQuality block (first N skipped rows listed, all counted). */
export function dataQuality(reports: ImportReport[], found: Alert[] = [], maxListed = DEFAULT_LIMITS.maxListedSkips): DataQuality {
  // Bytes of a text file that are not text: NULs removed, bytes not UTF-8 read as «�».
  const bytes: Alert[] = [
    ...reports.filter((r) => r.table.nulBytes).map((r) => ({ code: 'nul-bytes' as const, file: r.file, count: r.table.nulBytes! })),
    ...reports.filter((r) => r.table.invalidUtf8Bytes).map((r) => ({ code: 'invalid-utf8' as const, file: r.file, count: r.table.invalidUtf8Bytes! })),
  ];
  // A code page judged on a few letters, where another reads them as well: said, with the option that overrides it.
  const doubt: Alert[] = reports.flatMap((r) => (r.table.encodingDoubt && r.table.encoding ? [{ code: 'encoding-doubt' as const, file: r.file, chosen: r.table.encoding, ...r.table.encodingDoubt }] : []));
  // Missed incoming calls with no employee are skipped: the missed share reads low, and is said so.
  // A PBX's missed calls that reached no line (hung up in an IVR or a queue) are dropped, and counted here too.
  const missedAlone: Alert[] = reports.flatMap((r) => {
    const pbx = r.dropped[NO_LINE_MISSED] ?? 0;
    const calls = missedNotRead(r);
    return calls > 0 ? [{ code: 'missed-no-manager' as const, file: r.file, calls, ...(pbx > 0 ? { pbx: true as const } : {}) }] : [];
  });
  // Deals assigned to no one: in no manager's figures nor the department's, so said.
  // Of the data rows, as many-skipped weighs them (a report's totals and footer rows are none).
  const unassigned: Alert[] = reports.flatMap((r) => (r.dealsNoManager ? [{ code: 'deals-no-manager' as const, file: r.file, deals: r.dealsNoManager, rows: dataRows(r), column: r.columns.find((c) => c.field === 'manager')?.header ?? 'manager' }] : []));
  // A call id column that is none (one value over different clients' calls): its legs were joined by channel, or not at all.
  const callIds: Alert[] = reports.flatMap((r) => (r.callIdUnusable ? [{ code: 'call-id-unusable' as const, file: r.file, ...r.callIdUnusable }] : []));
  const cut = damagedRows(reports);
  // Amounts in several currencies add up to a number in none of them.
  const currencies: Alert[] = reports
    .filter((r) => r.kind === 'deals' && (r.values.currency?.length ?? 0) > 1)
    .map((r) => ({ code: 'mixed-currencies', file: r.file, currencies: r.values.currency!.map((v) => ({ currency: v.value, deals: v.count })) }));
  currencies.push(...sideCurrencies(reports));
  // Slash dates that took the deals file's order: right only if that file's CRM wrote them the same way.
  const borrowed: Alert[] = reports.flatMap((r) => (r.dateOrderFrom ? [{ code: 'date-order-borrowed' as const, file: r.file, from: r.dateOrderFrom.file, order: r.dateOrderFrom.order, columns: r.dateOrderFrom.columns }] : []));
  // An amount column that shows two decimal formats: `15,000` read as 15 where `1,5` decided the comma.
  // `read` as it is counted (whole cents, as every amount is summed) and as the warning shows it: 1.234 is 1.23.
  const decimals: Alert[] = reports.flatMap((r) => (r.threeDecimals ?? []).map(({ header, ...d }) => ({ code: 'three-decimals' as const, file: r.file, column: header, ...d, read: Math.round(d.read * 100) / 100 })));
  // Rows under a repeated id that are another deal (another manager or status): not counted, so said.
  const repeated: Alert[] = reports.flatMap((r) => (r.repeatedIdsDiffer ? [{ code: 'repeated-ids-differ' as const, file: r.file, ...r.repeatedIdsDiffer }] : []));
  // Rows with no id amid the deals (not the export's last, as amoCRM's is): deals lost, so said.
  const idless: Alert[] = reports.flatMap((r) => (r.idlessDeals ? [{ code: 'idless-deals' as const, file: r.file, rows: r.idlessDeals }] : []));
  // A grouped report's blank grouping cells read as the row above (its subtotal rows show the layout): said, as a reading of the file.
  const grouped: Alert[] = reports.flatMap((r) => (r.sameAsAbove ? [{ code: 'same-as-above' as const, file: r.file, ...r.sameAsAbove }] : []));
  // Deal ids that lost their last digits (Excel's «5,80503E+18»): each row its own deal, and no activity links to them by id.
  const byId = reports.find((r) => r.kind === 'activities' && r.columns.some((c) => c.field === 'deal_id'));
  const lost: Alert[] = reports.flatMap((r) => (r.idsLostDigits ? [{ code: 'ids-lost-digits' as const, file: r.file, ...r.idsLostDigits, ...(byId ? { activities: byId.file } : {}) }] : []));
  // Amounts Excel wrote in its scientific form («1,23457E+06»): read as written, their last digits gone.
  const rounded: Alert[] = reports.flatMap((r) => (r.amountsLostDigits ? [{ code: 'amounts-lost-digits' as const, file: r.file, ...r.amountsLostDigits }] : []));
  // Client numbers Excel wrote in its scientific form with digits gone («7,91612E+10»): read as no client.
  const phones: Alert[] = reports.flatMap((r) => (r.clientsLostDigits && (r.kind === 'deals' || r.kind === 'activities') ? [{ code: 'clients-lost-digits' as const, file: r.file, kind: r.kind, ...r.clientsLostDigits }] : []));
  // A leads export given as the deals (Bitrix24's, Salesforce's): its won and lost are converted and discarded leads.
  const leads: Alert[] = reports.flatMap((r) => (r.kind === 'deals' && r.profile?.leads ? [{ code: 'leads-export' as const, file: r.file, crm: r.profile.crm }] : []));
  // An activities file whose every row was dropped for what it is (all planned: Odoo's scheduled activities)
  // reads as a team that did nothing: the zeros are said to be the file's, not the team's.
  const noneDone: Alert[] = reports.flatMap((r) => {
    const dropped = Object.entries(r.dropped).filter(([reason]) => reason !== EMPTY_ROW);
    const rows = dropped.reduce((n, [, c]) => n + c, 0);
    return r.kind === 'activities' && r.records === 0 && r.skippedCount === 0 && rows > 0 ? [{ code: 'activities-all-dropped' as const, file: r.file, rows, reasons: dropped.map(([reason, count]) => ({ reason, count })) }] : [];
  });
  // Activities naming their deal by a title several deals share («Заявка с сайта»): linked to none.
  const titles: Alert[] = reports.flatMap((r) => (r.sharedTitles ? [{ code: 'shared-titles' as const, file: r.file, ...r.sharedTitles }] : []));
  const alerts = [...bytes, ...doubt, ...sheetAlerts(reports), ...otherSheets(reports), ...cut, ...missedAlone, ...unassigned, ...callIds, ...timeAlerts(reports), ...titles, ...noneDone, ...unknownStagesClosed(reports), ...unknownValues(reports), ...currencies, ...borrowed, ...decimals, ...repeated, ...idless, ...grouped, ...lost, ...rounded, ...phones, ...leads, ...found];
  const skipped: SkippedRow[] = reports.flatMap((r) => r.skipped).slice(0, maxListed);
  return {
    rowsRead: reports.reduce((n, r) => n + r.rowsRead, 0),
    rowsSkipped: skipped,
    rowsSkippedCount: reports.reduce((n, r) => n + r.skippedCount, 0),
    files: reports.map((r) => ({
      file: r.file,
      kind: r.kind,
      format: [r.table.type, r.table.encoding, r.table.delimiter === '\t' ? 'tab' : r.table.delimiter, r.table.sheet].filter(Boolean).join(', '),
      rowsRead: r.rowsRead,
      records: r.records,
      skipped: r.skippedCount,
      ...(r.missedNoManager ? { missedNoManager: r.missedNoManager } : {}),
      ...(r.dealsNoManager ? { dealsNoManager: r.dealsNoManager } : {}),
      dropped: r.dropped,
      ...(r.table.nulBytes ? { nulBytesRemoved: r.table.nulBytes } : {}),
    })),
    // The English text of each alert, for readers of the JSON that predate `alerts`.
    warnings: alerts.map((a) => describeAlert(a, 'en')),
    alerts,
  };
}

/** What one pass over a set of exports gives: one engine result per period, and the record dates seen. */
export interface EnginesRun {
  results: Array<ReturnType<KpiEngine['finish']>>;
  /** The evidence facts of each period (spec/evidence.md), from the same read. */
  facts: EvidenceFacts[];
  shape: InputShape;
  reports: ImportReport[];
  /** What the run itself noticed (payments with no manager and no known deal). */
  alerts: Alert[];
  /**
   * Earliest and latest calendar day (ms at midnight) of the deals' created_at: a comparison's periods.
   * Activities and payments never widen them (spec, Before / after): a call log downloaded weeks
   * after the deals would stretch "after" and shrink every per-month figure.
   */
  firstDay: number | undefined;
  lastDay: number | undefined;
  /**
   * Of each period (its --from/--to), the calendar days (ms at midnight) of the first and last deal
   * created within it; undefined when none is. A comparison's period and kpi's dataPeriod span these
   * days, the deals counted (spec, Before / after): a --from on a day with no deal does not lengthen them.
   */
  dealDays: Array<{ first: number; last: number } | undefined>;
  /** The activities file and the times (ms) of its first and last activity, when it has any. */
  activities?: { file: string; first: number; last: number };
  /** How each period's deals sit against those dates (activities-outside-deals). */
  coverage?: Coverage[];
  /** The --map file's values, checked against every export of the run once it is read (unmatchedMapEntries). */
  mapEntries?: { file: string; entries: MapEntries };
  /** The plan file's rows, and which grouping of each engine holds its facts ([by, month], last). */
  plan?: PlanRow[];
  /** Of each comparison period (withinDeals; none for others), its first or last deals that stand far apart (strayEnds). */
  strays?: Array<ReturnType<typeof strayEnds> | undefined>;
}

/**
 * Reads one set of exports once and feeds every engine: deals into a store, activities streamed
 * through all engines (never held in memory), payments last. Each engine has its own period.
 */
export async function runEngines(files: KpiFiles, base: ImportOptions, overrides: Overrides, periods: DealsPeriod[], extras: KpiExtras = {}): Promise<EnginesRun> {
  await assertInputsReadable(files, base.cwd);
  // The small files first: a mistake in them is found before a long read of the deals.
  const plan = files.plan ? await importPlan(files.plan, importOptionsFor('plan', base, overrides)) : undefined;
  const spend = files.spend ? await importSpend(files.spend, importOptionsFor('spend', base, overrides)) : undefined;
  // The plan's facts come from one more grouping, by its manager or source and month.
  const withPlan = plan ? periods.map((p) => ({ ...p, groupBy: [...(p.groupBy ?? []), [planBy(plan.rows), 'month'] as GroupDim[]] })) : periods;
  // The thread that reads the second half of large deals and activities files.
  const helper = new Helper();
  try {
    const run = await readAll(files, base, overrides, withPlan, helper, spend && { rows: spend.rows, margin: extras.margin ?? 1 }, extras.onDeals);
    run.reports.push(...[spend?.report, plan?.report].filter((r) => r !== undefined));
    return plan ? { ...run, plan: plan.rows } : run;
  } finally {
    await helper.stop();
  }
}

/**
 * Checks that every file of a set can be opened, in the order they are read (plan, spend, deals,
 * activities, payments), before any is read: a mistyped activities path is said at once, not after
 * a minute of reading a large deals file. stdin (`-`) is not checked.
 */
export async function assertInputsReadable(files: KpiFiles, cwd: string): Promise<void> {
  for (const file of [files.plan, files.spend, files.deals, files.activities, files.payments]) if (file !== undefined && file !== '-') await assertReadableFile(file, cwd);
}

async function readAll(files: KpiFiles, base: ImportOptions, overrides: Overrides, given: DealsPeriod[], helper: Helper, spend?: { rows: SpendRow[]; margin: number }, onDeals?: (deals: DealStore) => void): Promise<EnginesRun> {
  const { store, report: dealsReport, map: dealsMap } = await readDeals(files.deals, importOptionsFor('deals', base, overrides), helper);
  onDeals?.(store);
  const periods = withinDeals(given, store);
  timing('deals read');
  // What reading them left behind is freed now, before the activities need memory (collect.ts).
  if (helper.used) collectGarbage();
  const reports: ImportReport[] = [dealsReport];
  // Slash dates a later file cannot settle may take the deals file's order, where one CRM wrote both.
  const later = (kind: RecordKind): ImportOptions => ({ ...importOptionsFor(kind, base, overrides), otherOrder: dateOrderShown(dealsReport) });
  let engines: KpiEngine[];
  const survey = surveyDeals(store, base.reportDay);
  const { first, last, future, negative } = survey;
  let activitiesMap: ColumnMap | undefined;
  let span: EnginesRun['activities'];
  const pay = paymentsReading(files.payments, store, () => ({ ...later('payments'), linkTo: store }));
  if (files.activities) {
    // The payments are read while the worker thread reads its half; what reading them left (their repeat check's table) is freed before the run's end, where its memory peaks.
    const r = await readActivities(files.activities, later('activities'), store, periods, helper, async (to) => {
      await pay.read(to);
      if (helper.used) collectGarbage();
    });
    engines = r.engines;
    reports.push(r.report);
    activitiesMap = r.map;
    if (r.first <= r.last) span = { file: r.report.file, first: r.first, last: r.last };
    timing('activities read');
  } else engines = periods.map((p) => new KpiEngine(store, p));
  const pinned = base.reportDayFrom ? { reportDateFrom: base.reportDayFrom } : {};
  const alerts: Alert[] = [...futureDeals(dealsReport.file, future, last, base.reportDay, periods).map((a) => ({ ...a, ...pinned })), ...oddDates(dealsReport.file, survey, base.reportDay, periods, store).map((a) => (a.code === 'closed-later' ? { ...a, ...pinned } : a))];
  // A negative amount (a refund, a typing mistake, accounting parentheses) is counted as written, and said.
  if (negative.deals > 0) alerts.push({ code: 'negative-amounts', file: dealsReport.file, ...negative });
  const paymentsReport = await pay.finish(engines, (log, file) => alerts.push(...paymentLogAlerts(log, file, periods.some((p) => p.from !== undefined || p.to !== undefined))));
  if (paymentsReport) reports.push(paymentsReport);
  // The worker's engines, merged into these, and the payments' log are freed before the deals are counted, where the run's memory peaks.
  if (helper.used) collectGarbage();
  if (spend) for (const e of engines) e.addSpend(spend.rows, spend.margin);
  const said = callsSaid(activitiesMap, reports.find((r) => r.kind === 'activities'), overrides.valueMaps);
  const amounts = paymentsReport && paymentColumns(paymentsReport);
  const shape = { ...inputShape(dealsMap, activitiesMap, Boolean(files.activities), Boolean(files.payments), store.reasons.values.some((r) => r !== ''), said), ...amounts, ...dealPhones(activitiesMap, dealsMap, store), ...(files.activities ? dealIds(dealsMap, engines, dealsReport) : {}) };
  const day = (ms: number) => Math.floor(ms / 86_400_000) * 86_400_000;
  const results = await finishEngines(engines, shape, helper);
  alerts.push(...untimedDeals(dealsReport.file, survey.untimed, store.size, reports, results));
  // A log that names clients by number beside deals with no number links no call to a deal: the evidence has no link to judge either.
  const evidence = { ...evidenceShape(dealsMap, activitiesMap, Boolean(files.activities), Boolean(files.payments), said?.direction), ...(holdsNoCalls(reports.find((r) => r.kind === 'activities')) ? { calls: false as const } : {}), ...(shape.dealPhones === false ? { dealPhones: false as const } : {}), ...(shape.dealIds === false || shape.dealIdDigits === false ? { dealIds: false as const } : {}), ...(amounts ? { paid: amounts.paidColumn } : {}) };
  const facts = engines.map((e, i) => e.evidenceFacts(evidence, (results[i]!.total.touches_per_won as number | null) ?? null));
  // A log of missed calls nobody took, or of calls between employees, has calls: «no call at all» would be false (a tester).
  const actsReport = reports.find((r) => r.kind === 'activities');
  const notRead = actsReport ? callsNotAManagers(actsReport) : 0;
  if (notRead > 0) for (const f of facts) f.callsNotRead = notRead;
  // Missed incoming calls nobody took are calls of the evidence all the same (calls_in: «missed incoming calls included»).
  const missed = actsReport ? missedNotRead(actsReport) : 0;
  facts.forEach((f, i) => withMissedNotRead(f, missed, periods[i]!.from === undefined && periods[i]!.to === undefined));
  timing('metrics computed');
  const mapEntries = mapEntriesOf(overrides);
  return {
    ...(mapEntries ? { mapEntries } : {}),
    ...(span ? { activities: span, coverage: activityCoverage(store, periods, span) } : {}),
    results,
    facts,
    shape,
    reports,
    alerts,
    firstDay: Number.isFinite(first) ? day(first) : undefined,
    lastDay: Number.isFinite(last) ? day(last) : undefined,
    // An unbounded period's days are the survey's first and last (no second pass over the deals).
    dealDays: periods.map((p) => (p.from === undefined && p.to === undefined ? (Number.isFinite(first) ? { first: day(first), last: day(last) } : undefined) : dealDaysIn(store, p))),
    ...(periods.some((p) => p.withinDeals) ? { strays: periods.map((p) => (p.withinDeals && p.from !== undefined && p.to !== undefined ? strayEnds(store, { from: p.from, to: p.to }) : undefined)) } : {}),
  };
}

/** A comparison's period (cutoverPeriods' two, a set of files' one): it runs over its deals' days (withinDeals). */
export type DealsPeriod = KpiOptions & { withinDeals?: true };

/**
 * The periods marked withinDeals, narrowed to the days of the deals created within them all (spec,
 * Before / after: a period runs from its first to its last deal creation date, activities never widen
 * it, and its activity counts use the activities dated within it). One rule for a cutover's two
 * periods (their first day and their last are the deals') and for a set of files' one (T39 F16: a
 * «до» call log running into «после» counted those calls as «до»).
 */
function withinDeals(periods: DealsPeriod[], store: DealStore): DealsPeriod[] {
  const marked = periods.filter((p) => p.withinDeals);
  if (marked.length === 0) return periods;
  const bound = (key: 'from' | 'to', pick: (a: string, b: string) => string) => (marked.some((p) => p[key] === undefined) ? undefined : marked.map((p) => p[key]!).reduce(pick));
  const span = dealDaysIn(store, { from: bound('from', (a, b) => (a < b ? a : b)), to: bound('to', (a, b) => (a > b ? a : b)) });
  if (!span) return periods;
  const [first, last] = [isoDay(span.first), isoDay(span.last)];
  return periods.map((p) => (p.withinDeals ? { ...p, from: p.from !== undefined && p.from > first ? p.from : first, to: p.to !== undefined && p.to < last ? p.to : last } : p));
}

/**
 * The payments file's reading: read when asked, once, and its log added to a set of engines once.
 * Payments may be read, and added to the engines, while a worker thread finishes the activities (they
 * depend on the deals alone); an error in them is reported after the activities', as a plain sequence
 * of reads would (finish). A file read in halves may yet be read again, into new engines.
 */
function paymentsReading(file: string | undefined, store: DealStore, options: () => ImportOptions) {
  let payments: { log: PaymentLog; report: ImportReport } | undefined;
  /** finish() ran: the log was handed on and dropped, and nothing is read again. */
  let finished = false;
  let error: unknown;
  let paid: KpiEngine[] | undefined;
  const add = (to: KpiEngine[]) => {
    if (!payments || paid === to) return;
    paid = to;
    for (const e of to) e.addPaymentLog(payments.log);
    timing('payments added');
  };
  const read = async (to?: KpiEngine[]) => {
    if (!file || payments || error || finished) return;
    try {
      timing('reading payments');
      // Resolved against the deals as they are read, into columns: no object is kept per payment.
      const log = new PaymentLog(store);
      const report = await importFile<LinkedPayment>(file, 'payments', options(), (p) => log.addLinked(p));
      log.odd.read();
      payments = { log, report };
      timing('payments read');
    } catch (e) {
      error = e;
    }
    if (to) add(to);
  };
  /**
   * Reads them if not yet, adds them to the final engines, hands the log to `said` (the payments'
   * alerts) and returns their report. The log is dropped then: the engines hold its sums, and its
   * arrays (7 MB for the benchmark's 190,000 payments) were kept to the run's end, where its memory peaks.
   */
  const finish = async (engines: KpiEngine[], said: (log: PaymentLog, file: string) => void): Promise<ImportReport | undefined> => {
    await read();
    if (error) throw error;
    if (!payments) return undefined;
    add(engines);
    const { log, report } = payments;
    payments = undefined;
    finished = true;
    said(log, report.file);
    return report;
  };
  return { read, finish };
}

/**
 * Every engine's metrics. Their callbacks (a pass over every outgoing call) are resolved on the
 * worker thread, when one is running, while this thread counts the deals; then the thread is stopped.
 */
async function finishEngines(engines: KpiEngine[], shape: InputShape, helper: Helper): Promise<EngineResult[]> {
  const resolving = helper.resolveCallbacks(engines.map((e) => e.callbackQuery()));
  const counted = engines.map((e) => e.countDeals(shape));
  timing('deals counted');
  const backs = await resolving;
  timing('callbacks resolved');
  const stopped = helper.stop();
  const results = engines.map((e, i) => e.finishCounted(counted[i]!, backs?.[i]));
  await stopped;
  return results;
}

/**
 * The first and last creation time of the deals, how many were created after the day following the
 * report date (a day of slack for time zones), and the deals with a negative amount.
 */
function surveyDeals(store: DealStore, reportDay: number | undefined): DealsSurvey {
  const futureFrom = reportDay === undefined ? Infinity : reportDay + 2 * DAY_MS;
  // A close in the weeks after it may be a date planned and kept; a year after, a mistyped year.
  const closedFrom = reportDay === undefined ? Infinity : reportDay + 366 * DAY_MS;
  let first = Infinity;
  let last = -Infinity;
  let future = 0;
  const negative = { deals: 0, sum: 0 };
  const placeholder = { deals: 0, earliest: Infinity };
  const closedLater = { deals: 0, latest: -Infinity };
  const closedBefore = { deals: 0, example: -1 };
  let untimed = 0;
  for (let i = 0; i < store.size; i++) {
    const c = store.created[i]!;
    if (c % DAY_MS === 0) untimed++;
    if (c < first) first = c;
    if (c > last) last = c;
    if (c >= futureFrom) future++;
    if (c < PLACEHOLDER_BEFORE) {
      placeholder.deals++;
      placeholder.earliest = Math.min(placeholder.earliest, c);
    }
    // A won or lost deal closed a year after the report date (an open one's close date may be planned).
    const closed = store.closed[i]!;
    if (store.status[i] !== STATUS_CODE.open && closed >= closedFrom) {
      closedLater.deals++;
      closedLater.latest = Math.max(closedLater.latest, closed);
    }
    // Closed before it was created, as the cycle reads it (cycleDays: a close kept to the minute, in the
    // creation's minute, is a cycle of 0; one with seconds before the creation is none): the alert counts
    // exactly the deals the cycle leaves out.
    if (store.status[i] !== STATUS_CODE.open && !Number.isNaN(closed) && cycleDays(c, closed) === undefined) {
      if (closedBefore.deals++ === 0) closedBefore.example = i;
    }
    if (store.amount[i]! < 0) {
      negative.deals++;
      negative.sum += store.amount[i]!;
    }
  }
  return { first, last, future, negative, placeholder, closedLater, closedBefore, untimed };
}

interface DealsSurvey {
  first: number;
  last: number;
  /** Deals created after the report date. */
  future: number;
  negative: { deals: number; sum: number };
  /** Deals created before 1990: a date left at its zero (1970-01-01 in Unix, 1900-01-01 in Excel). */
  placeholder: { deals: number; earliest: number };
  /** Won and lost deals closed more than a year after the report date. */
  closedLater: { deals: number; latest: number };
  /** Won and lost deals closed before they were created (before the minute of their creation): left out of the cycle. */
  closedBefore: { deals: number; example: number };
  /** Deals created at midnight: a creation date without a time of day, as a date-only column gives it (one with 00:00 written reads the same). */
  untimed: number;
}

/** No CRM kept a deal before 1990: a creation date before it is a date never filled in (Unix's 1970-01-01, Excel's 1900-01-01). */
const PLACEHOLDER_BEFORE = Date.UTC(1990, 0, 1);

/**
 * Dates no deal can have, which stretch a period or a cycle by decades without a word: a creation
 * date left at its zero (the «before» of a comparison began in 1970, and payback read 5 months where
 * it is 437), a won or lost deal closed more than a year after the report date (a cycle of 22,839 days).
 */
function oddDates(file: string, s: DealsSurvey, reportDay: number | undefined, periods: KpiOptions[], store: DealStore): Alert[] {
  const out: Alert[] = [];
  // Not said when every period starts (--from) after them: they are outside it.
  const outside = periods.every((p) => p.from !== undefined && dayOfIso(p.from) >= dayOf(PLACEHOLDER_BEFORE));
  if (s.placeholder.deals > 0 && !outside) out.push({ code: 'placeholder-dates', file, deals: s.placeholder.deals, earliest: isoDay(s.placeholder.earliest) });
  if (s.closedLater.deals > 0 && reportDay !== undefined) out.push({ code: 'closed-later', file, deals: s.closedLater.deals, latest: isoDay(s.closedLater.latest), reportDate: isoDay(reportDay) });
  if (s.closedBefore.deals > 0) {
    const i = s.closedBefore.example;
    const created = store.created[i]!;
    const closed = store.closed[i]!;
    // The same day twice says nothing («создана 31.03.2023, закрыта 31.03.2023»): its times say what is wrong.
    const times = isoDay(created) === isoDay(closed) ? { createdTime: isoMinute(created), closedTime: isoMinute(closed) } : {};
    out.push({ code: 'closed-before-created', file, deals: s.closedBefore.deals, id: store.idOf(i), created: isoDay(created), closed: isoDay(closed), ...times });
  }
  return out;
}

/**
 * Deals created after the report date: a mistyped year (2052 for 2025) stretches the period of «all
 * data» and the «after» of a comparison to decades, and every per-month figure falls with it, silently.
 * Not said when every period ends (--to) by the report date: those deals are outside it.
 */
function futureDeals(file: string, count: number, latest: number, reportDay: number | undefined, periods: KpiOptions[]): Alert[] {
  if (count === 0 || reportDay === undefined) return [];
  // Day numbers on both sides (the report date is in ms): a --to after it keeps those deals in the period.
  if (periods.every((p) => p.to !== undefined && dayOfIso(p.to) <= dayOf(reportDay))) return [];
  return [{ code: 'future-deals', file, deals: count, latest: isoDay(latest), reportDate: isoDay(reportDay) }];
}

/** Adds what a result's numbers show to its data quality: the alerts, and their English text (`warnings`). */
export function addAlerts(quality: DataQuality, found: readonly Alert[]): void {
  quality.alerts!.push(...found);
  quality.warnings.push(...found.map((a) => describeAlert(a, 'en')));
}

/** The lines the run's files wrote beside a manager's name («Анна (201)»: 201 → Анна, as written), for the user-ids alert. */
export function lineNamesOf(reports: readonly ImportReport[]): Record<string, LineSpelling> {
  return Object.assign({}, ...reports.map((r) => r.lineNames ?? {})) as Record<string, LineSpelling>;
}

/**
 * The same rule for a spend or payments file (its rows' currencies, counted as a deal's are): said when
 * they are several, or one the deals' are not (a deal amount with no mark is taken as roubles, the
 * currency of the CRMs read): spend of $2 500 against revenue in roubles gave a ROMI of 79 without a word.
 */
function sideCurrencies(reports: readonly ImportReport[]): Alert[] {
  const deals = new Set(dealCurrencies(reports));
  // A plan's revenue targets are compared with the deals' revenue as spend is (T39 F7: a plan of $1 500 read 6 666,7% of plan).
  return reports
    .filter((r) => (r.kind === 'spend' || r.kind === 'payments' || r.kind === 'plan') && (r.values.currency ?? []).some((v, _, all) => all.length > 1 || !deals.has(v.value)))
    .map((r) => {
      const said = { file: r.file, dealCurrencies: [...deals], currencies: r.values.currency!.map((v) => ({ currency: v.value, deals: v.count })) };
      return r.kind === 'plan' ? { code: 'plan-currencies', ...said } : { code: 'mixed-currencies', kind: r.kind as 'spend' | 'payments', ...said };
    });
}

/**
 * The currencies of the deals' amounts, by code, as their amounts or currency column name them; none
 * named, roubles: a deal amount with no mark is taken as roubles, the currency of the CRMs read. Every
 * reader counts a currency under its code (noteCurrency): «руб.» in the deals is the spend's «RUB».
 */
export function dealCurrencies(reports: readonly ImportReport[]): string[] {
  const seen = reports.filter((r) => r.kind === 'deals').flatMap((r) => (r.values.currency ?? []).map((v) => v.value));
  return seen.length > 0 ? [...new Set(seen)] : ['RUB'];
}

/** The KPI result (the JSON contract) of the engine at `index` of a run. */
export function kpiResultFromRun(run: EnginesRun, index: number, options: KpiOptions): KpiResult {
  const { managers, total, groups, spend, talkOverDay } = run.results[index]!;
  const asked = options.groupBy ?? [];
  const period = periodDays(options);
  // A plan's rows within the report's days, its deals' where --from/--to leave them open (T39 F2); by source, its facts need a source column (T39 F15).
  const days = planDays(period, run.dealDays[index]);
  const plan = run.plan && planVsFact(run.plan, groups[asked.length]!, days, run.shape.amount, !(planBy(run.plan) === 'source' && run.shape.source === false));
  const quality = dataQuality(run.reports, [...run.alerts, ...unmatchedMapEntries(run.mapEntries, run.reports), ...groupAlerts(run, asked, groups[asked.length], spend, { ...period, plan: days }, plan)]);
  const na = notApplicable(run.shape, spend !== undefined);
  const found = [...findAlerts(total, quality, managers.map((m) => m.manager), na, lineNamesOf(run.reports)), ...managerSpellings(managers), ...linkAlerts(run.facts[index]), ...clientLinkAlerts(run.facts[index], run.activities?.file ?? ''), ...wonCoverageAlerts(run.facts[index], na), ...wonValueAlerts(run.facts[index], na, total), ...emptyPeriod(run, options, Number(total.leads ?? 0)), ...nothingWon(run.reports, total, quality.alerts ?? []), ...odooNoLost(run.reports, total), ...(linkedNotApplicable(na) ? [] : coverageAlerts(run.coverage?.[index], run.activities?.file ?? '')), ...talkOverDayAlerts(run.reports, talkOverDay), ...paidNegative(managers, total)];
  addAlerts(quality, found);
  return {
    schemaVersion: 1,
    period: { from: options.from ?? null, to: options.to ?? null },
    ...dataPeriod(run, index),
    managers,
    total,
    notApplicable: na,
    dataQuality: quality,
    options: { touchNorm: options.touchNorm, callbackWindowHours: options.callbackWindowMs / 3_600_000 },
    ...(asked.length > 0 ? { groupBy: asked, groups: groups.slice(0, asked.length).flat() } : {}),
    ...(spend ? { spend } : {}),
    ...(plan ? { plan } : {}),
  };
}

/**
 * Managers whose talk on one calendar day passed 24 hours, which no day holds: a duration column
 * misread (Excel re-saved `05:23` as `5:23:00`, five hours for five minutes; or another unit). The
 * activities file and its duration column are named, for the --map line that reads its unit.
 */
function talkOverDayAlerts(reports: readonly ImportReport[], over: EngineResult['talkOverDay']): Alert[] {
  if (!over) return [];
  const log = reports.find((r) => r.kind === 'activities' && r.columns.some((c) => c.field === 'duration_s'));
  const column = log?.columns.find((c) => c.field === 'duration_s')?.header;
  const managers = over.slice(0, 5).map((o) => ({ manager: o.manager, day: isoDay(o.day * DAY_MS), minutes: Math.round(o.ms / 60_000) }));
  return [{ code: 'talk-over-day', file: log?.file ?? '', ...(column !== undefined ? { column } : {}), managers, ...(over.length > managers.length ? { more: over.length - managers.length } : {}), ...(longAsMilliseconds(log?.callLengths) ? { ms: true as const } : {}) }];
}

/**
 * Whether a log's long calls (whole numbers of an hour or more read as seconds) would be calls in
 * milliseconds: its first is 10 s or more so. A tester's Zoho log of seconds, its talk over a day from
 * repeated rows, was offered `ms` for calls of 4 200 s: as milliseconds, 4.2 s, no call.
 */
function longAsMilliseconds(lengths: CallLengths | undefined): boolean {
  return (lengths?.long ?? 0) > 0 && Number(lengths?.example) >= 10_000;
}

/**
 * What a call log's answered calls say of its duration column's unit, where none was stated; each is
 * said with the --map line, nothing is read otherwise:
 * - `call-hours`: whole numbers read as seconds whose median call lasts an hour or more are
 *   milliseconds (45000 read as 12.5 hours is 45 s; a tester's talk read 2416.7 minutes for 2.42);
 * - `clock-minutes`: clocks of no minutes (`00:05`) read as minutes and seconds, under a minute each,
 *   are perhaps hours and minutes (Pipedrive's «Длительность»; a tester's talk read 0.25 minutes for 15);
 * - `day-fractions`: numbers under a second are an Excel time saved without its format, a fraction of a
 *   day (0.0034722 for 5 minutes; a tester's talk read 0.001 minutes for 84.3).
 */
const CALL_LENGTH_CHECKS = [
  { says: readsAsMilliseconds, alert: (l: CallLengths) => ({ code: 'call-hours' as const, long: l.long, example: l.example ?? '' }) },
  { says: readsAsHoursAndMinutes, alert: (l: CallLengths) => ({ code: 'clock-minutes' as const, short: l.noMinutes ?? 0, example: l.clockExample ?? '' }) },
  { says: readsAsDayFractions, alert: (l: CallLengths) => ({ code: 'day-fractions' as const, short: l.underSecond ?? 0, example: l.fractionExample ?? '' }) },
];

/** The alert a check of CALL_LENGTH_CHECKS gives an activities file, if its call lengths say so. */
function callLengthAlert(r: ImportReport, check: (typeof CALL_LENGTH_CHECKS)[number]): Alert[] {
  const lengths = r.callLengths;
  if (r.kind !== 'activities' || !lengths || !check.says(lengths)) return [];
  const column = r.columns.find((c) => c.field === 'duration_s')?.header ?? '';
  return [{ file: r.file, column, calls: lengths.answered, ...check.alert(lengths) }];
}

/**
 * The days of the deals counted (KpiResult.dataPeriod): from the first to the last created within
 * --from/--to, so a --from on a day with no deal is not its first day; none when no deal is dated in the period.
 */
function dataPeriod(run: EnginesRun, index: number): Pick<KpiResult, 'dataPeriod'> {
  const days = run.dealDays[index];
  return days ? { dataPeriod: { from: isoDay(days.first), to: isoDay(days.last) } } : {};
}

/** The days (ms at midnight) of the first and last deal created within a period's --from/--to, as the engine counts them (by calendar day); none when none is. */
function dealDaysIn(store: DealStore, period: { from?: string; to?: string }): { first: number; last: number } | undefined {
  const fromDay = period.from ? dayOfIso(period.from) : -Infinity;
  const toDay = period.to ? dayOfIso(period.to) : Infinity;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < store.size; i++) {
    const d = dayOf(store.created[i]!);
    if (d < fromDay || d > toDay) continue;
    if (d < first) first = d;
    if (d > last) last = d;
  }
  return first <= last ? { first: first * DAY_MS, last: last * DAY_MS } : undefined;
}

/** A period given with --from/--to in which none of the file's deals was created (leads 0): said, with the days the file covers. */
function emptyPeriod(run: EnginesRun, options: KpiOptions, leads: number): Alert[] {
  if ((options.from === undefined && options.to === undefined) || leads > 0 || run.firstDay === undefined || run.lastDay === undefined) return [];
  const deals = run.reports.find((r) => r.kind === 'deals')?.records ?? 0;
  return [{ code: 'empty-period', from: options.from ?? null, to: options.to ?? null, first: isoDay(run.firstDay), last: isoDay(run.lastDay), deals }];
}

/** The period as day numbers (infinite for no bound), as the engine reads it. */
function periodDays(options: KpiOptions): { fromDay: number; toDay: number } {
  return { fromDay: options.from ? dayOfIso(options.from) : -Infinity, toDay: options.to ? dayOfIso(options.to) : Infinity };
}

/** What a spend or plan file says that looks wrong: sources no deal has, nothing in the period, names the plan has and the deals lack. */
function groupAlerts(run: EnginesRun, asked: GroupDim[][], planGroups: KpiGroup[] | undefined, spend: SpendSummary | undefined, period: { fromDay: number; toDay: number; plan: { fromDay: number; toDay: number } }, plan: PlanResult | undefined): Alert[] {
  const out: Alert[] = [];
  const missing = [...new Set(asked.flat())].filter((d): d is 'source' | 'pipeline' | 'stage' => (d === 'source' || d === 'pipeline' || d === 'stage') && run.shape[d] === false);
  if (missing.length > 0) out.push({ code: 'group-column-missing', dims: missing });
  if (spend) {
    if (spend.unmatched.length > 0) out.push({ code: 'spend-unmatched', sources: spend.unmatched });
    if (spend.noSource !== undefined) out.push({ code: 'spend-no-source', amount: spend.noSource });
    if (spend.total === 0 && !spend.monthsWithoutDeals && !spend.monthsWithoutSpend) out.push({ code: 'spend-empty', total: 0 });
    if (spend.monthsWithoutSpend || spend.monthsWithoutDeals) out.push({ code: 'spend-months', withoutSpend: spend.monthsWithoutSpend ?? [], withoutDeals: spend.monthsWithoutDeals ?? [] });
    if (spend.partialMonths) out.push({ code: 'partial-months', file: 'spend', months: spend.partialMonths });
    if (spend.sourcesWithoutSpend) out.push({ code: 'spend-sources', sources: spend.sourcesWithoutSpend });
  }
  if (run.plan && planGroups && plan) {
    if (plan.rows.length === 0) out.push({ code: 'plan-empty', rows: run.plan.length });
    const names = plan.not_applicable ? [] : planUnknown(run.plan, planGroups, period.plan);
    if (names.length > 0) out.push({ code: 'plan-unknown', by: planBy(run.plan), names });
    if (plan.not_applicable && !missing.includes('source')) out.push({ code: 'group-column-missing', dims: ['source'] });
    const outside = planMonthsOutside(run.plan, period, period.plan);
    if (outside.length > 0) out.push({ code: 'plan-outside', months: outside, from: isoDay(period.plan.fromDay * DAY_MS), to: isoDay(period.plan.toDay * DAY_MS) });
    const partial = planPartialMonths(run.plan, period);
    if (partial.length > 0) out.push({ code: 'partial-months', file: 'plan', months: partial });
  }
  return out;
}

/** Computes the KPIs of one set of exports (the `kpi` command). */
export async function computeKpisFromFiles(files: KpiFiles, base: ImportOptions, overrides: Overrides, options: KpiOptions, extras: KpiExtras = {}): Promise<KpiResult> {
  return kpiResultFromRun(await runEngines(files, base, overrides, [options], extras), 0, options);
}
