import { parseDocument } from 'yaml';
import { UserError } from '../../core/errors.js';
import { YAML_ERRORS_RU } from '../../core/messages/documents.js';

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
    const reason = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw UserError.of('E_YAML', 'doc.yaml', { reason, reasonRu: YAML_ERRORS_RU[first.code] ?? reason }, { file, ...(pos ? { at: { line: pos.line, column: pos.col } } : {}) });
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    throw UserError.of('E_YAML', 'doc.yamlAliases', { reason: (error as Error).message, max: MAX_YAML_ALIASES }, { file });
  }
}
