import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeMapDocuments } from '../../src/cli/map-snippet.js';

const STAGES = 'deals:\n  status:\n    "Выдано": won    # 3 deals, all closed: check\n';
const MANAGER = 'deals:\n  columns:\n    manager: "Ответственный"    # or "Менеджер": check\n';

describe('mergeMapDocuments: the user\'s map with each later snippet set into it', () => {
  it('keeps the map\'s comments and answers, sets each later entry by its path, a later one winning on the same key', () => {
    const base = '# the sales team\ndeals:\n  columns:\n    manager: "Менеджер"\n  status:\n    "Выдано": lost\n';
    const merged = mergeMapDocuments(base, STAGES, 'deals:\n  columns:\n    amount: "Сумма"\n');
    expect(merged.startsWith('# the sales team\n')).toBe(true);
    expect(parse(merged)).toEqual({ deals: { columns: { manager: 'Менеджер', amount: 'Сумма' }, status: { Выдано: 'won' } } });
  });

  it('writes a snippet\'s comment after a value four spaces after it, as the snippet does', () => {
    expect(mergeMapDocuments('', MANAGER, STAGES)).toBe(`${MANAGER}  status:\n    "Выдано": won    # 3 deals, all closed: check\n`);
  });

  // T40 F5: the «Тип» snippet's commented alternative came back a live key indented 7 spaces, and the map no YAML.
  it('a commented line under a value stays a comment line where it stood, and the map stays YAML', () => {
    const kind = 'activities:\n  columns:\n    kind: "Тип"    # the activity\'s kind\n    # direction: "Тип"   # or the call\'s direction\n';
    const withManager = mergeMapDocuments(kind, 'activities:\n  columns:\n    manager: "Ответственный"    # or "Менеджер": check\n');
    expect(withManager).toBe('activities:\n  columns:\n    kind: "Тип"    # the activity\'s kind\n    # direction: "Тип"   # or the call\'s direction\n    manager: "Ответственный"    # or "Менеджер": check\n');
    // Last in its map, the line stays a comment (after the map's values).
    const last = mergeMapDocuments(kind, MANAGER);
    expect(parse(last)).toEqual({ activities: { columns: { kind: 'Тип' } }, deals: { columns: { manager: 'Ответственный' } } });
    expect(last).toMatch(/^\s*# direction: "Тип" {3}# or the call's direction$/m);
    // Merged twice over, as a user pasting each snippet in turn does.
    expect(parse(mergeMapDocuments(withManager, STAGES))).toEqual({ activities: { columns: { kind: 'Тип', manager: 'Ответственный' } }, deals: { status: { Выдано: 'won' } } });
  });

  it('a map of comments alone, or an empty one, takes the snippets after its comments', () => {
    expect(mergeMapDocuments('# nothing to decide', MANAGER)).toBe(`# nothing to decide\n${MANAGER}`);
    expect(parse(mergeMapDocuments('', STAGES))).toEqual({ deals: { status: { Выдано: 'won' } } });
  });

  it('a map written in flow style comes out in block style, the snippets\' comments never inside braces', () => {
    const merged = mergeMapDocuments('deals: {columns: {manager: "Менеджер"}}\n', STAGES);
    expect(merged).not.toContain('{');
    expect(merged).toContain('    "Выдано": won    # 3 deals, all closed: check');
    expect(parse(merged)).toEqual({ deals: { columns: { manager: 'Менеджер' }, status: { Выдано: 'won' } } });
  });

  it('a later document\'s own comments (its notes of the columns not found) are kept after the given ones', () => {
    const merged = mergeMapDocuments('# ours\n\ndeals:\n  columns:\n    manager: "М"\n', `# deals.csv: columns some metrics need are not found\n\n${STAGES}`);
    expect(merged).toBe(`# ours\n# deals.csv: columns some metrics need are not found\n\ndeals:\n  columns:\n    manager: "М"\n  status:\n    "Выдано": won    # 3 deals, all closed: check\n`);
  });
});
