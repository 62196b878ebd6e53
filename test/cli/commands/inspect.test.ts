import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-inspect-cmd-'));
const MEETINGS = 'Менеджер;Дата;Клиент\nАнна;01.02.2025 10:00;ООО А\nБорис;02.02.2025 11:00;ООО Б\n';

// Review R38 item 10: `inspect - --map m.yaml` (stdin, no --kind) lost the map's `rows: meeting`: the
// kind of stdin was never resolved, so the map's activities section did not apply. stdin is of the
// one kind the map is about, as a file with no header is; kpi reads the same rows as meetings.
describe('inspect of stdin with a --map file and no --kind', () => {
  writeFileSync(path.join(dir, 'rows.yaml'), 'activities:\n  rows: meeting\n  columns:\n    manager: "Менеджер"\n    at: "Дата"\n    client: "Клиент"\n');
  writeFileSync(path.join(dir, 'rows-only.yaml'), 'activities:\n  rows: meeting\n');
  writeFileSync(path.join(dir, 'two.yaml'), 'deals:\n  columns:\n    manager: "Менеджер"\nactivities:\n  rows: meeting\n');

  it.each(['rows.yaml', 'rows-only.yaml'])('%s: the rows are read as the map says, as with the file by its path', (map) => {
    const run = runCli(['inspect', '-', '--map', map, '--format', 'json'], { cwd: dir, input: MEETINGS });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { kind: string; rows?: string; records: number };
    expect(report).toMatchObject({ kind: 'activities', rows: 'meeting', records: 2 });
  });

  it('a map about two kinds says nothing of stdin: --kind is asked for, as without a map', () => {
    const run = runCli(['inspect', '-', '--map', 'two.yaml', '--lang', 'en'], { cwd: dir, input: MEETINGS });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('say what the file holds with --kind');
  });
});
