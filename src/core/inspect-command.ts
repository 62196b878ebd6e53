/**
 * The `crm-audit inspect` command a hint offers for a file, ready to run: the path as one shell word,
 * and the kind the run read it as. `inspect -` refuses stdin without `--kind`, and a hint for
 * `map - < deals.csv` offered «crm-audit inspect -», which did just that.
 */
export function inspectCommand(file: string, kind?: string): string {
  // A document given as stdin is an export of a kind nobody said: the example inspect's own refusal gives.
  const k = kind ?? (file === '-' ? 'deals' : undefined);
  return `crm-audit inspect ${shellWord(file)}${k ? ` --kind ${k}` : ''}`;
}

/** A path as one word of a shell command: as it is when no character in it is special to a shell, else in single quotes. */
export function shellWord(word: string): string {
  if (word !== '' && /^[\p{L}\p{N}_./:@%+,=-]+$/u.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
