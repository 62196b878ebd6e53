// Activities that name their deal by title (amoCRM's events, Pipedrive's activities): a title several
// deals share («Заявка с сайта», a web form's default) links to none of them, and the run says so.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('a deal title several deals share', () => {
  it('links no activity, and is said with how many activities and the title', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-titles-'));
    writeFileSync(
      path.join(dir, 'deals.csv'),
      ['ID,Название сделки,Бюджет ,Ответственный,Дата создания сделки,Этап сделки,Дата закрытия', '1,Заявка с сайта,100,Анна Смирнова,01.03.2025 10:00:00,Успешно реализовано,05.03.2025 10:00:00', '2,Заявка с сайта,200,Анна Смирнова,02.03.2025 10:00:00,Переговоры,не закрыта', '3,Поставка,300,Анна Смирнова,02.03.2025 11:00:00,Переговоры,не закрыта'].join('\n') + '\n',
    );
    writeFileSync(
      path.join(dir, 'events.csv'),
      ['Дата,Автор,Объект,Название,Событие,Значение до,Значение после', '03.03.2025 10:00:00,Анна Смирнова,Сделка,Заявка с сайта,Исходящий звонок,,Разговор 2 мин', '03.03.2025 11:00:00,Анна Смирнова,Сделка,Заявка с сайта,Исходящий звонок,,Разговор 1 мин', '03.03.2025 12:00:00,Анна Смирнова,Сделка,Поставка,Исходящий звонок,,Разговор 1 мин'].join('\n') + '\n',
    );
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'events.csv', '--now', '2025-06-30', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.dataQuality.alerts).toContainEqual({ code: 'shared-titles', file: 'events.csv', count: 2, example: 'Заявка с сайта' });
    // Only «Поставка» (created 02.03 11:00) has a response: 25 hours.
    expect(result.total).toMatchObject({ response_min_median: 1500, no_response: 2 });
    const ru = runCli(['kpi', '-d', 'deals.csv', '-a', 'events.csv', '--now', '2025-06-30', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('2 действия называют сделку названием, которое носят несколько сделок (например, «Заявка с сайта»)');
  });
});
