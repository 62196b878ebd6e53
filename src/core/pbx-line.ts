/**
 * A telephony line after a person's name, as a PBX names an employee: «Иван Петров (101)», «(доб. 101)»,
 * «(ext. 101)», «(вн. 101)», «<101>». One rule for the manager read from a cell, the column proposed as the
 * manager, and the spellings alert (three copies disagreed: «<102>» was a line to one and a word to another).
 */
export const LINE_AFTER_NAME = /\s*(?:\(\s*(?:доб\.?|ext\.?|вн\.?)?\s*\d{2,6}\s*\)|<\d{2,6}>)$/iu;

/** The digits of the line after a name («Анна (доб. 201)»: «201»; '' for a name without one). */
export function lineAfterName(name: string): string {
  return (LINE_AFTER_NAME.exec(name)?.[0] ?? '').replace(/\D/g, '');
}

/** Whether a name may end in a line (its last character closes one): a test cheaper than the pattern, for a cell read often. */
export function mayEndInLine(name: string): boolean {
  const last = name.charCodeAt(name.length - 1);
  return last === 0x29 || last === 0x3e;
}
