import { parseDocument } from 'yaml';
import { UserError } from '../../core/errors.js';

/** At most this many alias dereferences per document: stops "billion laughs" expansion. */
export const MAX_YAML_ALIASES = 100;

/**
 * Parses YAML (JSON is YAML too) into plain data. Syntax errors name the line and column; alias
 * expansion is bounded; duplicate keys are errors.
 */
export function parseYaml(text: string, file: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, strict: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    const at = pos ? `line ${pos.line}, column ${pos.col}` : undefined;
    throw new UserError('E_YAML', `not valid YAML: ${first.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`, { file, ...(at ? { path: at } : {}) });
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    throw new UserError('E_YAML', `the document cannot be expanded: ${(error as Error).message}`, { file }, `aliases are limited to ${MAX_YAML_ALIASES} expansions per document`);
  }
}
