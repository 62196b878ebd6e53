/** JSON with a trailing newline, stable key order as built (a module of its own: it needs no rendering library). */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
