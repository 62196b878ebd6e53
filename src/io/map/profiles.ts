import { readFileSync } from 'node:fs';
import { FIELDS, normalizeHeader, type RecordKind } from './fields.js';
import type { CrmProfile } from './profile-schema.js';
import { packageFile } from '../package-files.js';

export type { CrmProfile };

// dist/profiles.json is written by the build from profiles/*.yaml (validated there against
// profile-schema.ts), read from src/ by the tests too.
const BUNDLE = packageFile('dist', 'profiles.json');

let cache: CrmProfile[] | undefined;

/** The built-in CRM profiles (profiles/*.yaml). */
export function crmProfiles(): CrmProfile[] {
  if (!cache) {
    try {
      cache = JSON.parse(readFileSync(BUNDLE, 'utf8')) as CrmProfile[];
    } catch (error) {
      throw new Error(`the CRM profiles are not built (${(error as Error).message}): run npm run build`);
    }
  }
  return cache;
}

/** A profile recognised in a header, with how many of its signature headers the header has. */
export interface ProfileMatch {
  profile: CrmProfile;
  matched: string[];
}

/**
 * The profile whose signature the header matches best: every `all` header present and at least
 * `min` of `any` (and of `also.any` where the file has one of `also.oneOf`); the most matched headers
 * win (the earlier profile on a tie). A column counts once, however many of the signature's names read
 * as its header.
 */
export function detectProfile(headers: readonly string[], kind: RecordKind): ProfileMatch | undefined {
  const present = new Map(headers.map((h) => [normalizeHeader(h), h] as const));
  let best: ProfileMatch | undefined;
  for (const profile of crmProfiles()) {
    if (profile.kind !== kind) continue;
    const sig = profile.signature;
    if (sig.all && !sig.all.every((h) => present.has(normalizeHeader(h)))) continue;
    if (sig.oneOf && !sig.oneOf.some((h) => present.has(normalizeHeader(h)))) continue;
    // One column once: a profile's label and its API name read the same («Expected Revenue», «expected_revenue»).
    const columns = new Set<string>();
    // Headers too common to say the source alone count beside one of its own (signature.also).
    const any = sig.also && sig.also.oneOf.some((h) => present.has(normalizeHeader(h))) ? [...sig.any, ...sig.also.any] : sig.any;
    // As the file writes them: inspect said «Expected Revenue» of a file headed `expected_revenue` (tester T68).
    const matched = any.flatMap((h) => {
      const key = normalizeHeader(h);
      if (!present.has(key) || columns.has(key)) return [];
      columns.add(key);
      return [present.get(key)!];
    });
    if (matched.length < sig.min) continue;
    if (!best || matched.length > best.matched.length) best = { profile, matched };
  }
  return best;
}

/** Every header some profile of this kind names: the header search knows them too. */
export function profileHeaders(kind: RecordKind): string[] {
  return crmProfiles()
    .filter((p) => p.kind === kind)
    .flatMap((p) => Object.values(p.columns).flat())
    .map(normalizeHeader);
}

const kindHeaderCache = new Map<RecordKind, ReadonlySet<string>>();

/**
 * Every header (normalised) a kind knows: its fields' aliases and its profiles' columns and signatures.
 * A header outside every other kind's set is evidence of this kind alone (kind-said.ts).
 */
export function kindHeaders(kind: RecordKind): ReadonlySet<string> {
  let set = kindHeaderCache.get(kind);
  if (!set) {
    const signatures = crmProfiles()
      .filter((p) => p.kind === kind)
      .flatMap((p) => [...p.signature.any, ...(p.signature.all ?? []), ...(p.signature.oneOf ?? []), ...(p.signature.also?.oneOf ?? [])]);
    set = new Set([...FIELDS[kind].flatMap((f) => f.aliases), ...profileHeaders(kind), ...signatures.map(normalizeHeader)]);
    kindHeaderCache.set(kind, set);
  }
  return set;
}

/**
 * The CRM a profile's files come from: its id up to the first hyphen (`salesforce-report` and
 * `salesforce-activities` are one Salesforce org's files, written in its user's date format).
 */
export function profileCrm(id: string): string {
  const dash = id.indexOf('-');
  return dash === -1 ? id : id.slice(0, dash);
}
