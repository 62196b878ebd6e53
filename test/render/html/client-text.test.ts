import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeAlert, type Alert } from '../../../src/core/kpi/alerts.js';
import { METRICS } from '../../../src/core/kpi/catalog.js';
import { baseName, clientDefinition, clientNames, clientWarnings, withBaseNames, withoutSnippet } from '../../../src/render/html/client-text.js';
import { renderHtml } from '../../../src/render/html/index.js';
import { htmlStructure } from '../../helpers/html-structure.js';
import { kpiResult } from '../../helpers/results.js';

const FILE = '/work/main/samples/salesforce.csv';
const ids: Alert = { code: 'manager-ids', ids: ['0058a00000LLRscAAH', '0058a00000M0S7nAAF'] };
const spellings: Alert = { code: 'manager-spellings', names: [{ name: 'Петрова А.', as: 'Петрова Анна' }] };
const currencies: Alert = { code: 'mixed-currencies', file: FILE, currencies: [{ currency: 'MXN', deals: 212 }, { currency: 'USD', deals: 102 }] };

describe('the client\'s text in the HTML report', () => {
  it('a file by its base name, whatever the folder, Windows\' too', () => {
    expect(baseName(FILE)).toBe('salesforce.csv');
    expect(baseName('C:\\Выгрузки\\сделки.xlsx')).toBe('сделки.xlsx');
    expect(baseName('deals.csv')).toBe('deals.csv');
    // On Linux a backslash is a character of the name (tester T52 F9: «deals 2024\2025 Q1.csv» showed as «2025 Q1.csv»).
    if (path.sep === '/') expect(baseName('/srv/deals 2024\\2025 Q1.csv')).toBe('deals 2024\\2025 Q1.csv');
    expect(withBaseNames(`${FILE}: суммы; снова ${FILE}`, [FILE, 'deals.csv'])).toBe('salesforce.csv: суммы; снова salesforce.csv');
  });

  // A reviewer: a comparison of 2024/deals.csv with 2025/deals.csv showed two «deals.csv».
  it('two files of one base name by as many folders as tell them apart', () => {
    const names = clientNames(['/home/me/2024/deals.csv', '/home/me/2025/deals.csv', '/home/me/calls.xls', 'C:\\a\\x\\p.csv', 'C:\\b\\x\\p.csv']);
    expect([...names.values()]).toEqual(['2024/deals.csv', '2025/deals.csv', 'calls.xls', 'a/x/p.csv', 'b/x/p.csv']);
    expect(withBaseNames('/home/me/2024/deals.csv и /home/me/2025/deals.csv', ['/home/me/2024/deals.csv', '/home/me/2025/deals.csv'])).toBe('2024/deals.csv и 2025/deals.csv');
  });

  // A tester: the Salesforce report's Data quality carried «передайте --map с разделом:» and a YAML section.
  it('an alert without its --map snippet and the instruction before it: a short plain sentence instead', () => {
    for (const lang of ['ru', 'en']) {
      for (const a of [ids, spellings]) {
        const full = describeAlert(a, lang);
        expect(full).toContain('managers:\n');
        const client = withoutSnippet(full, lang);
        expect(client).not.toMatch(/\n|managers:|передайте|pass --map/);
        expect(client.endsWith(lang === 'ru' ? 'Это исправит файл соответствий (--map) при следующем запуске.' : 'A mapping file (--map) on the next run fixes this.')).toBe(true);
      }
    }
    expect(withoutSnippet(describeAlert(ids, 'ru'), 'ru')).toBe('Менеджеры указаны кодами пользователей CRM или внутренними номерами АТС, а не именами («0058a00000LLRscAAH», «0058a00000M0S7nAAF»): так пишут выгрузки с полями API (OwnerId, ASSIGNED_BY_ID, RESPONSIBLE_ID) и журналы звонков АТС. Цифры верны, но в отчёте будут коды. Это исправит файл соответствий (--map) при следующем запуске.');
    // A warning without a snippet stays as it is.
    expect(withoutSnippet(describeAlert(currencies, 'ru'), 'ru')).toBe(describeAlert(currencies, 'ru'));
  });

  it('the Data quality section: base names, no snippet, the warnings otherwise whole', async () => {
    const k = kpiResult();
    k.dataQuality = { ...k.dataQuality, files: [{ ...k.dataQuality.files[0]!, file: FILE }], rowsSkipped: [{ ...k.dataQuality.rowsSkipped[0]!, file: FILE }], alerts: [currencies, ids] };
    const html = await renderHtml({ lang: 'ru', generatedAt: '2026-01-15T10:00:00.000Z', kpi: k });
    expect(html).not.toContain('/work/main');
    expect(html).not.toContain('managers:');
    const part = html.slice(html.indexOf('data-section="data-quality"'));
    const s = htmlStructure(part);
    expect(s.tables[0]![1]![0]).toBe('salesforce.csv');
    expect(s.tables[1]![1]![0]).toBe('salesforce.csv');
    expect(clientWarnings(k.dataQuality, 'ru')[0]).toMatch(/^salesforce\.csv: суммы сделок в разных валютах \(MXN — 212, USD — 102\)/);
  });

  it('definitions without the notes on the JSON\'s keys', async () => {
    const loss = METRICS.find((m) => m.key === 'loss_reasons')!;
    expect(clientDefinition(loss.definition.ru)).toBe('Проигранные сделки по причинам; пустая — «не указана»');
    expect(clientDefinition(loss.definition.en)).toBe('Lost deals by reason; an empty one shows as "not given"');
    const html = await renderHtml({ lang: 'ru', generatedAt: '2026-01-15T10:00:00.000Z', kpi: kpiResult() });
    expect(html).toContain('<td>Причины отказа</td><td>Проигранные сделки по причинам; пустая — «не указана»</td>');
    expect(html).not.toMatch(/JSON/);
  });
});
