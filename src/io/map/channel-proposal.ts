import { fill, say } from '../../core/messages.js';
import { CHANNEL_TEXT } from '../../core/messages/read.js';
import type { ColumnMap } from './mapping.js';
import { lineOf } from './lines.js';
import { mostly } from './people.js';
import { phoneKey } from './values.js';

/**
 * A PBX log with no manager column names its employees by line, read from its channel columns (`channel`,
 * `dstchannel`: the line on each side of a call). A log whose channel columns no alias names (Issabel's
 * and Elastix's CDR report: «Src. Channel», «Dst. Channel») was refused for a manager column it does not
 * need, with a snippet asking for one. These are the channel columns told by their values, for the
 * refusal's snippet to propose instead: what pasted reads the log.
 */

/** The fields a PBX log's sides are read from (lines.ts callSides). */
export const SIDE_FIELDS = ['channel', 'dstchannel', 'caller', 'callee'] as const;
export type SideField = (typeof SIDE_FIELDS)[number];

/** The channel columns proposed, by the field each would feed, and a side's number column no alias named (Issabel's «Source»). */
export type ChannelColumns = Partial<Record<SideField, string>>;

/** A PBX channel, a line's or a trunk's («PJSIP/101-00000011», «SIP/trunk-0a1», «Local/101@from-queue-…;1», «DAHDI/1-1»). */
const PBX_CHANNEL = /^(?:pjsip|sip|iax2|local|sccp|skinny|mgcp|h323|ooh323|unistim|motif|dahdi|zap|misdn)\/\S/i;

/** Header words of a call's calling side, and of its called side. */
const CALLER_SIDE = /\b(?:src|source|from|orig\w*|caller|calling)\b|исход|откуда|звонящ|вызывающ/iu;
const CALLEE_SIDE = /\b(?:dst|dest\w*|to|callee|called|answer\w*)\b|назнач|куда|вызываем|принявш/iu;

/**
 * The channel columns of a call log that would name its employees, or undefined: one or two columns no
 * field reads, each header once, at least half of whose first filled values are PBX channels and of
 * which some channel is a line's (a log of trunks alone names no employee). Two are the calling side's
 * and the called side's by their headers' words, else in the file's order; one is the side its header
 * names (the calling side when it names none). Only where each side of a call then has a column (a
 * channel, else the caller's or the callee's number) and no direction column (which the sides would
 * not be read beside: lines.ts callSides).
 */
export function channelColumns(map: ColumnMap, sampleRows: readonly string[][]): ChannelColumns | undefined {
  if (map.kind !== 'activities' || sampleRows.length === 0 || ['direction', 'channel', 'dstchannel'].some((f) => map.fields.has(f))) return undefined;
  const headers = map.columns.map((c) => c.header);
  const values = (i: number) => sampleRows.map((r) => (r[i] ?? '').trim()).filter((v) => v !== '');
  const found = map.columns.filter((c) => c.field === undefined && headers.indexOf(c.header) === c.index && mostly(values(c.index), (v) => PBX_CHANNEL.test(v))).map((c) => c.index);
  if (found.length === 0 || found.length > 2 || !found.some((i) => values(i).some((v) => lineOf(v) !== undefined))) return undefined;
  const out = found.length === 2 ? twoSides(headers[found[0]!]!, headers[found[1]!]!) : oneSide(headers[found[0]!]!);
  // A side's number names the client of a call (the caller of an incoming one): proposed where its header says the side.
  for (const [field, side, other] of [['caller', CALLER_SIDE, CALLEE_SIDE], ['callee', CALLEE_SIDE, CALLER_SIDE]] as const) {
    if (map.fields.has(field)) continue;
    const number = map.columns.find((c) => c.field === undefined && !found.includes(c.index) && headers.indexOf(c.header) === c.index && side.test(c.header) && !other.test(c.header) && mostly(values(c.index), (v) => lineOf(v) !== undefined || phoneKey(v) !== undefined));
    if (number) out[field] = number.header;
  }
  const caller = out.channel !== undefined || out.caller !== undefined || map.fields.has('caller');
  const callee = out.dstchannel !== undefined || out.callee !== undefined || map.fields.has('callee');
  return caller && callee ? out : undefined;
}

/** Two channel columns: the calling side's first unless their headers say the other way round. */
function twoSides(left: string, right: string): ChannelColumns {
  const swapped = CALLEE_SIDE.test(left) && CALLER_SIDE.test(right) && !CALLER_SIDE.test(left);
  return swapped ? { channel: right, dstchannel: left } : { channel: left, dstchannel: right };
}

/** One channel column: the called side's where its header says so alone, else the calling side's. */
function oneSide(header: string): ChannelColumns {
  return CALLEE_SIDE.test(header) && !CALLER_SIDE.test(header) ? { dstchannel: header } : { channel: header };
}

/** A side's note in the snippet, to check. */
export function channelNote(field: SideField, lang: string): string {
  return say(CHANNEL_TEXT[`${field}Note`], lang);
}

/** What the refusal says of a manager whose employees are in the channels. */
export function channelsSaid(channels: ChannelColumns, lang: string): string {
  const ru = lang === 'ru';
  const named = [channels.channel, channels.dstchannel].flatMap((h) => (h === undefined ? [] : [ru ? `«${h}»` : `"${h}"`])).join(', ');
  return fill(say(CHANNEL_TEXT.managerInChannels, lang), { named });
}
