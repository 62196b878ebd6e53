/**
 * Salesforce record ids come in two forms: 15 characters, case-sensitive (what reports show: a
 * report's `Opportunity ID`), and 18 characters, the 15 followed by a 3-character suffix computed
 * from the case of the 15 (what the API and Data Loader write: a task's `WhatId`). The same record
 * is one deal in either form; nothing else is read as a Salesforce id.
 */

/** The 32 characters a suffix character is drawn from: the 5 bits of a 5-character chunk's capitals. */
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

const ID_15 = /^[A-Za-z0-9]{15}$/;
const ID_18 = /^[A-Za-z0-9]{18}$/;

/**
 * The 3-character suffix of a 15-character id: for each chunk of 5 characters, bit i is set when its
 * i-th character is a capital A-Z, and the 5-bit number picks a character of SUFFIX_ALPHABET.
 */
export function salesforceSuffix(id15: string): string {
  let out = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    out += SUFFIX_ALPHABET[bits]!;
  }
  return out;
}

/**
 * The other form of a Salesforce id, or undefined for a value that is none: the 15 characters of an
 * 18-character id whose suffix is right for them, the 18-character form of a 15-character id.
 */
export function otherSalesforceForm(id: string): string | undefined {
  if (id.length === 15) return ID_15.test(id) ? id + salesforceSuffix(id) : undefined;
  if (id.length === 18 && ID_18.test(id)) {
    const head = id.slice(0, 15);
    return salesforceSuffix(head) === id.slice(15) ? head : undefined;
  }
  return undefined;
}
