import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// Tester T39 F12: a target with nothing after it (`conversion:`, YAML's null) said «ожидалось: число или текст; получено: null»,
// JSON's word in a Russian message.

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-targets-empty-'));
const write = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const deals = write('deals.csv', 'id,manager,created_at,closed_at,status,amount\n1,Иванов,2025-01-01 10:00,2025-01-05 10:00,won,100\n2,Иванов,2025-01-20 10:00,,open,\n3,Иванов,2025-02-01 10:00,2025-02-03 10:00,won,200\n4,Иванов,2025-02-20 10:00,,open,\n');
const compare = (targets: string, lang: string) => runCli(['compare', '-d', deals, '--cutover', '2025-02-01', '--targets', targets, '--now', '2026-12-05', '--lang', lang]);

describe('an empty target is said as one (T39 F12)', () => {
  it('Russian: «пустое значение», where it is, and no «null»; English alike; exit 2', () => {
    const file = write('t.yaml', 'targets:\n  conversion:\n');
    const ru = compare(file, 'ru');
    expect(ru.code).toBe(2);
    expect(ru.stderr).toBe(`ошибка: ${file}, строка 2, символ 3, в targets.conversion: пустое значение: у «conversion» не задана цель\n  подсказка: впишите цель (0.2 или «+20%»; где лучше меньше — «−30%») или уберите строку\n`);
    expect(ru.stderr).not.toContain('null');
    const en = compare(file, 'en');
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(`error: ${file}, at line 2, column 3, at targets.conversion: an empty value: no target is given for "conversion"\n  hint: write the target (0.2 or "+20%"; "-30%" where lower is better) or remove the line\n`);
  });

  it('said beside the file\'s other mistakes, each where it is', () => {
    const file = write('t2.yaml', 'targets:\n  conversion:\n  response_min_median: 30\n');
    const run = compare(file, 'ru');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('строка 2, символ 3, в targets.conversion: пустое значение');
    expect(run.stderr).toContain('строка 3, символ 3, в targets.response_min_median: цель — изменение от −100% до +1000%; проценты пишут долей или со знаком %: 30 → 0.3 или «+30%»');
    expect(run.stderr).not.toContain('null');
  });

  it('a config\'s compare.targets alike', () => {
    const config = write('crm-audit.config.yaml', `lang: ru\nkpi: { deals: ${deals} }\ncompare:\n  cutover: 01.02.2025\n  targets: { conversion: }\n`);
    const run = runCli(['report', '--config', config, '--now', '2026-12-05', '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('строка 5, символ 14, в compare.targets.conversion: пустое значение: у «conversion» не задана цель');
    expect(run.stderr).not.toContain('null');
  });
});
