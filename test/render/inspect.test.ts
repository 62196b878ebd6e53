import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDeals } from '../../src/io/map/import.js';
import { renderInspect } from '../../src/render/inspect.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-inspect-'));

// A tester's Odoo list: inspect headed the archive flag's values «Значения поля active», a field id
// with no word a Russian reader knows; every field whose values inspect lists gets its Russian word.
describe('the headings of the values inspect lists', () => {
  const file = path.join(dir, 'odoo.csv');
  writeFileSync(file, [
    'Создано,Возможность,Продавец,Этап,Ожидаемая выручка,Дата закрытия,Активно,Причина проигрыша',
    '2025-03-01 10:00:00,Сделка 1,Анна,Выиграно,100000,2025-03-11 10:00:00,True,',
    '2025-03-02 09:00:00,Сделка 2,Анна,Предложение,50000,2025-03-05 09:00:00,False,Слишком дорого',
    '2025-03-04 11:00:00,Сделка 3,Анна,Новое,30000,,True,',
  ].join('\n') + '\n');

  it('names a field in Russian beside its key, Odoo\'s archive flag too; English keeps the key alone', async () => {
    const { report } = await importDeals(file, { cwd: dir, stdin: process.stdin, maxBadRows: { count: 100 } });
    expect(Object.keys(report.values)).toContain('active');
    const ru = renderInspect(report, { lang: 'ru', color: false });
    const headings = ru.split('\n').filter((l) => l.startsWith('Значения поля'));
    expect(headings.length).toBeGreaterThan(1);
    for (const h of headings) expect(h).toMatch(/^Значения поля \w+ \([а-яё :]+\)$/);
    expect(ru).toContain('Значения поля active (активна ли: не в архиве)');
    expect(renderInspect(report, { lang: 'en', color: false })).toContain('Values of active\n');
  });
});
