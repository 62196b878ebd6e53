import { z } from 'zod';
import { ACTIVITY_KINDS } from '../../core/records.js';

const headers = z.array(z.string().min(1)).min(1);
const text = z.object({ ru: z.string().min(1), en: z.string().min(1) }).strict();

/**
 * A CRM profile (profiles/*.yaml): how one CRM writes one kind of export. The header signature
 * recognises the source; its columns take precedence over the generic aliases; its stage words add
 * to the built-in vocabulary; `unknownStage` says what a stage no rule knows means in that CRM.
 */
export const profileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
    crm: z.string().min(1).describe('the CRM and export, as inspect names it'),
    kind: z.enum(['deals', 'activities', 'payments']),
    signature: z
      .object({
        all: headers.optional().describe('headers every file of this source has'),
        oneOf: headers.optional().describe('headers of which every file of this source has at least one (a leads export: «Название лида» or "Lead name")'),
        any: headers.describe('headers typical of this source'),
        min: z.number().int().positive().describe('how many of `any` a file needs to be recognised'),
        also: z
          .object({ oneOf: headers, any: headers })
          .strict()
          .optional()
          .describe('headers too common to tell this source alone (a Russian Salesforce report\'s «Этап», «Сумма», «Дата создания»: amoCRM\'s and Bitrix24\'s say them too), counted with `any` only in a file with one of `oneOf` («Ответственный за возможность»)'),
      })
      .strict(),
    columns: z.record(z.string(), headers).default({}).describe('field: headers in priority order (company before contact for client)'),
    ignore: z
      .array(z.string().min(1))
      .default([])
      .describe('headers no generic alias may take in this CRM: a column that means something else there (Odoo\'s Company is the seller\'s own company in a multi-company database, not the client)'),
    coalesce: z
      .array(z.string().min(1))
      .default([])
      .describe('fields whose columns are read in priority order, the first filled one winning (Bitrix24 REST: an activity without START_TIME is dated by CREATED)'),
    stages: z
      .object({
        won: z.array(z.string()).default([]),
        lost: z.array(z.string()).default([]),
        open: z.array(z.string()).default([]),
      })
      .strict()
      .default({ won: [], lost: [], open: [] }),
    values: z
      .object({
        kind: z.record(z.string(), z.enum(ACTIVITY_KINDS)).default({}),
        direction: z.record(z.string(), z.enum(['in', 'out'])).default({}),
        missed: z.record(z.string(), z.boolean()).default({}),
        owner: z.record(z.string(), z.enum(['deal', 'lead', 'contact', 'company', 'other'])).default({}),
      })
      .strict()
      .default({ kind: {}, direction: {}, missed: {}, owner: {} })
      .describe('the codes this CRM writes for activity values (Bitrix24 REST: TYPE_ID 2 is a call, DIRECTION 1 incoming), added to the value maps after the user\'s and the built-in words'),
    otherKinds: z
      .enum(['keep', 'drop'])
      .default('keep')
      .describe('drop: a row whose kind no map names is no activity (amoCRM\'s list of events: a stage changed, a field edited), dropped and counted; keep: an activity of kind other'),
    leads: z
      .boolean()
      .default(false)
      .describe('the rows are leads, not deals (Bitrix24\'s, Salesforce\'s leads): won means converted into a deal, lost discarded; a lead\'s amount is an expectation, so revenue is not applicable'),
    plannedOnly: z
      .boolean()
      .default(false)
      .describe('the export is a list that holds planned activities only (Odoo\'s scheduled activities: a done one leaves it): without a done column every row is planned, dropped and said'),
    plannedAhead: z
      .boolean()
      .default(false)
      .describe('the export is a calendar, holding what is to come beside what took place (Odoo\'s meetings, with no done column): an entry dated after the report day (--now) is planned, dropped and said'),
    rows: z
      .enum(ACTIVITY_KINDS)
      .optional()
      .describe('the kind of every row of a file with no kind column: an export of one kind of activity (HubSpot\'s meetings, its e-mails); a call without it'),
    clientIds: z
      .record(z.string().min(1), z.enum(['contact', 'company', 'lead']))
      .default({})
      .describe('header: the record a client column names by its number (Bitrix24 REST\'s COMPANY_ID, CONTACT_ID), keyed as that record («company 5»), as a call bound to it is (CRM_ENTITY_TYPE, CRM_ENTITY_ID): a company and a contact of one number are two clients'),
    callIdDirection: z
      .record(z.string().min(1), z.enum(['in', 'out']))
      .default({})
      .describe('prefixes of the call id that say a call\'s direction (Zadarma\'s pbx_call_id: in_…, out_…), read where the sides say none'),
    units: z
      .record(z.string(), z.enum(['s', 'ms', 'hhmm']))
      .default({})
      .describe('header: the unit its durations are in, where the CRM differs from the generic reading (Salesforce\'s `Call Duration` is seconds, HubSpot\'s milliseconds)'),
    stageParentheses: z
      .enum(['reason', 'pipeline'])
      .default('reason')
      .describe('what a stage name carries in parentheses after a known stage: a loss reason (Kommo: `Venda perdida (Sem interesse)`) or its pipeline (HubSpot: `Closed lost (Partners)`)'),
    dateOnly: z
      .array(z.string().min(1))
      .default([])
      .describe('date columns whose time of day is an artefact (Bitrix24 REST writes a date field as the portal shows midnight UTC, T03:00:00+03:00): read as that date, the nearest midnight'),
    placeholders: z.array(z.string().min(1)).default([]).describe('what the CRM writes in an empty date (`не закрыта`)'),
    unknownStage: z.enum(['open', 'ask']).describe('open: every stage no rule knows is open (Pipedrive); ask: such a stage must be classified by the user when its deals are mostly closed (amoCRM, Bitrix24; a file no profile recognises is read so too)'),
    closeDateIsPlanned: z.boolean().default(false).describe('the close date of an open deal is its expected close: it says nothing about whether a stage is closed'),
    closeDateRequired: z
      .boolean()
      .default(false)
      .describe('the CRM requires a close date on every deal, the expected close of an open one (Zoho\'s Closing Date), yet an org may fill it on closing only: where the deals of stages no rule knows nearly all have one, no stage is guessed won or lost by it'),
    lostByReason: z
      .boolean()
      .default(false)
      .describe('a filled loss reason says the deal is lost where nothing else in the file does (Odoo sets it only by its Lost action and clears it when the opportunity is restored)'),
    clientLists: z
      .boolean()
      .default(false)
      .describe('a client cell may list several records separated by «;» (HubSpot\'s associations: «John Doe;Jane Roe»): the first is the client, each other one more key the client goes by'),
    oneWonStage: z
      .boolean()
      .default(false)
      .describe('each pipeline has exactly one won stage (amoCRM, Kommo, Bitrix24): where the file shows a pipeline\'s won stage, another closed stage of that pipeline is guessed lost'),
    notes: text,
  })
  .strict();

export type CrmProfile = z.infer<typeof profileSchema>;
