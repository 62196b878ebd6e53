/**
 * A map `map` wrote, without its notes on the columns not found (the `# …` lines it starts with, then a
 * blank line: every map carries them, test/cli/map-keeps-given.test.ts), to compare what it decides.
 */
export function decided(text: string): string {
  return text.replace(/^(?:#.*\n)+\n/, '');
}
