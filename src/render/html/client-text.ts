import path from 'node:path';
import { warningLines } from '../../core/kpi/alerts.js';
import type { DataQuality } from '../../core/kpi/types.js';
import { say } from '../../core/messages.js';
import { HTML_TEXT } from '../../core/messages/html.js';

/**
 * Text of a document a consultant hands to a client: no folders of the consultant's machine, no CLI
 * snippets to paste (a tester: «/work/main/samples/amocrm-deals.csv» and a `managers:` YAML section in
 * the client's Data quality). The terminal, JSON and Markdown keep them whole.
 */

/**
 * A path's parts: split at `\` too where it is a Windows path (on Windows, or written with a drive or a
 * server: «C:\exports\deals.csv», a result made there), at `/` alone elsewhere, where `\` is a character
 * a file name may hold («deals 2024\2025 Q1.csv» was shown as «2025 Q1.csv»: tester T52 F9).
 */
function pathParts(file: string): string[] {
  const windows = path.sep === '\\' || /^(?:[A-Za-z]:\\|\\\\)/.test(file);
  return file.split(windows ? /[\\/]/ : /\//).filter(Boolean);
}

/** A file's base name: «deals.csv» of «/home/me/exports/deals.csv» or of «C:\exports\deals.csv». */
export function baseName(file: string): string {
  return pathParts(file).pop() ?? file;
}

/**
 * Each of `files` by the fewest of its last path parts that tell it from the others: its base name, or
 * «2025/deals.csv» beside «2024/deals.csv» (a reviewer: two «deals.csv» of a comparison looked alike).
 */
export function clientNames(files: readonly string[]): Map<string, string> {
  const unique = [...new Set(files)];
  const parts = new Map(unique.map((f) => [f, pathParts(f)]));
  const out = new Map<string, string>();
  for (const f of unique) {
    const own = parts.get(f)!;
    let n = 1;
    const tail = (p: readonly string[], k: number) => p.slice(-k).join('/');
    while (n < own.length && unique.some((g) => g !== f && tail(parts.get(g)!, n) === tail(own, n))) n++;
    out.set(f, own.length === 0 ? f : tail(own, n));
  }
  return out;
}

/** `text` with every path of `files` (those in a folder) written as its client name (clientNames), the longest first. */
export function withBaseNames(text: string, files: readonly string[]): string {
  const names = clientNames(files);
  const paths = [...names.keys()].filter((f) => pathParts(f).length > 1 && names.get(f) !== f).sort((a, b) => b.length - a.length);
  return paths.reduce((out, p) => out.split(p).join(names.get(p)!), text);
}

/**
 * An alert without the `--map` section it ends with (its last sentence, «…передайте --map с разделом:»,
 * and the YAML under it): a short plain sentence instead. Any other text is kept as it is.
 */
export function withoutSnippet(text: string, lang: string): string {
  const cut = text.indexOf('\n');
  if (cut < 0) return text;
  const head = text.slice(0, cut).trimEnd();
  if (!head.endsWith(':')) return text;
  const last = head.lastIndexOf('. ');
  const kept = last < 0 ? '' : head.slice(0, last + 1);
  const plain = say(HTML_TEXT.mapFixes, lang);
  return kept ? `${kept} ${plain}` : plain;
}

/** The warnings of Data quality as a client reads them: files by their base names, no `--map` snippets. */
export function clientWarnings(q: Pick<DataQuality, 'warnings' | 'alerts' | 'files'>, lang: string): string[] {
  const files = q.files.map((f) => f.file);
  return warningLines(q, lang).map((w) => withBaseNames(withoutSnippet(w, lang), files));
}

/** A metric's definition without its note on the JSON's keys («(в JSON — ключ unspecified)»): the JSON's readers have the spec. */
export function clientDefinition(text: string): string {
  return text.replace(/\s*\((?:в JSON|the JSON key)[^)]*\)/g, '');
}
