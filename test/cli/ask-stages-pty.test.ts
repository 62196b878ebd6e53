import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { decided } from '../helpers/map-notes.js';
import { crmExportFixtures } from '../fixtures/exports-crm.js';

const DRIVER = fileURLToPath(new URL('../helpers/pty-drive.py', import.meta.url));
const DOWN = '\u001b[B';

/** A Bitrix24 deals export whose portal renamed its success stage: «Выдано», closed, with amounts. */
const EXPORT = [
  'ID;Название сделки;Ответственный;Стадия сделки;Сделка закрыта;Дата создания;Сумма;Предполагаемая дата закрытия',
  '1;Окна;Иванов Иван;Сделка успешна;Да;01.02.2025;100000;05.02.2025',
  '2;Двери;Иванов Иван;Выдано;Да;03.02.2025;200000;10.02.2025',
  '3;Крыша;Петрова Анна;Выдано;Да;04.02.2025;50000;11.02.2025',
  '4;Забор;Петрова Анна;Новая;Нет;05.02.2025;;',
  '5;Гараж;Петрова Анна;Сделка провалена;Да;06.02.2025;;07.02.2025',
].join('\n');

function drive(steps: Array<[string, string]>, args: string[], cwd: string) {
  const env = { ...process.env, NO_COLOR: '1', TERM: 'xterm', PTY_COLS: '120' };
  const res = spawnSync('python3', [DRIVER, JSON.stringify(steps), process.execPath, BIN, ...args], { cwd, env, timeout: 60_000 });
  return { code: res.status, out: res.stdout.toString('utf8') };
}

describe('a closed stage no rule knows, on a terminal: asked once, saved as a --map file', () => {
  it('kpi asks what «Выдано» is, offers the guess from its deals, saves the answer, and the saved map gives the same numbers', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-stages-'));
    writeFileSync(path.join(dir, 'deals.csv'), EXPORT);
    const run = drive(
      [
        ['Этап «Выдано» (сделок: 2, закрыто: 2, с суммой: 2)', '\r'],
        ['Сохранить ответы как файл --map', 'map.yaml\r'],
      ],
      ['kpi', '-d', 'deals.csv'],
      dir,
    );
    expect(run.code, run.out).toBe(0);
    expect(run.out).toMatch(/Записано: map\.yaml/);
    // The evidence comment in the run's language (it was English in a Russian run).
    expect(decided(readFileSync(path.join(dir, 'map.yaml'), 'utf8'))).toBe('deals:\n  status:\n    "Выдано": won    # сделок — 2, закрыто — все, с суммой — все\n');
    const withMap = JSON.parse(runCli(['kpi', '-d', 'deals.csv', '--map', 'map.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(withMap.total).toMatchObject({ leads: 5, won: 3, lost: 1, open: 1, revenue: 350000 });
  });

  it('crm-audit map asks the same question on its own; without a terminal kpi stops with the snippet', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-stages-'));
    writeFileSync(path.join(dir, 'deals.csv'), EXPORT);
    const run = drive([['Этап «Выдано»', `${DOWN}\r`]], ['map', 'deals.csv', '-o', 'answers.yaml'], dir);
    expect(run.code, run.out).toBe(0);
    expect(readFileSync(path.join(dir, 'answers.yaml'), 'utf8')).toContain('"Выдано": lost');
    const refused = runCli(['kpi', '-d', 'deals.csv'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/"Выдано": won +# 2 deals, all closed, all with an amount: check/);
  });

  it('report, a CI command, asks nothing on a terminal: it stops with the snippet, as kpi does without one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-stages-'));
    writeFileSync(path.join(dir, 'deals.csv'), EXPORT);
    const run = drive([], ['report', '-d', 'deals.csv', '--now', '2026-12-01'], dir);
    expect(run.code, run.out).toBe(2);
    expect(run.out).not.toContain('Этап «Выдано» (');
    expect(run.out).toMatch(/"Выдано": won +# сделок — 2, закрыто — все, с суммой — все: проверьте/);
  });

  it('the --map file is never saved over the export, another input or the run\'s -o; an existing file only when the user says so', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-stages-'));
    writeFileSync(path.join(dir, 'deals.csv'), EXPORT);
    writeFileSync(path.join(dir, 'plan.csv'), 'Менеджер;Месяц;Лиды;Продажи;Выручка\nИванов Иван;02.2025;5;2;100000\n');
    writeFileSync(path.join(dir, 'old.yaml'), '# another client\n');
    const run = drive(
      [
        ['Этап «Выдано»', '\r'],
        ['Сохранить ответы как файл --map', 'deals.csv\r'],
        ['один из входных файлов', 'plan.csv\r'],
        ['plan.csv — это один из входных файлов', 'out.json\r'],
        ['этот запуск запишет отчёт', 'old.yaml\r'],
        ['Файл old.yaml уже есть. Заменить его?', '\r'],
        ['Сохранить ответы как файл --map', '\r'],
      ],
      ['kpi', '-d', 'deals.csv', '--plan', 'plan.csv', '--format', 'json', '-o', 'out.json'],
      dir,
    );
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('deals.csv — это один из входных файлов этого запуска');
    expect(run.out).toContain('в out.json этот запуск запишет отчёт (-o)');
    expect(readFileSync(path.join(dir, 'deals.csv'), 'utf8')).toBe(EXPORT);
    expect(readFileSync(path.join(dir, 'old.yaml'), 'utf8')).toBe('# another client\n');
    // «Нет» offers a free name beside it, which Enter takes.
    expect(readFileSync(path.join(dir, 'old-2.yaml'), 'utf8')).toContain('"Выдано": won');
    expect(JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')).total).toMatchObject({ won: 3 });
  });
});

// Tester T44: a reflexive «д» at this prompt saved a map named «д»; any extension was taken.
describe('the --map file\'s name', () => {
  it('a yes saves it beside the export as <export>.map.yaml; a name of another kind is asked again', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-stages-'));
    writeFileSync(path.join(dir, 'deals.csv'), EXPORT);
    const run = drive(
      [
        ['Этап «Выдано»', '\r'],
        ['Сохранить ответы как файл --map', 'notes.txt\r'],
        ['Файл --map — это .yaml, .yml или .json', '\u0015д\r'],
      ],
      ['kpi', '-d', 'deals.csv', '--format', 'json', '-o', 'out.json'],
      dir,
    );
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('Сохраняю как deals.map.yaml');
    expect(readFileSync(path.join(dir, 'deals.map.yaml'), 'utf8')).toContain('"Выдано": won');
  });
});

describe('a required column no rule finds, on a terminal: picked from the columns with their values', () => {
  const EXPORT_NO_MANAGER = ['Кто ведёт;ID;Дата создания;Этап сделки;Бюджет', 'Иванов Иван;1;01.02.2025;Успешно реализовано;1000', 'Петрова Анна;2;02.02.2025;Переговоры;'].join('\n');

  it('kpi asks which column is the manager, showing its values, and reads the file with the answer', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-columns-'));
    writeFileSync(path.join(dir, 'deals.csv'), EXPORT_NO_MANAGER);
    const run = drive(
      [
        ['Какая колонка — ответственный менеджер?', '\r'],
        ['Сохранить ответы как файл --map', 'columns.yaml\r'],
      ],
      ['kpi', '-d', 'deals.csv'],
      dir,
    );
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('Иванов Иван · Петрова Анна');
    expect(readFileSync(path.join(dir, 'columns.yaml'), 'utf8')).toBe('deals:\n  columns:\n    manager: "Кто ведёт"\n');
    const json = JSON.parse(runCli(['kpi', '-d', 'deals.csv', '--map', 'columns.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(json.managers.map((m: { manager: string; won: number }) => [m.manager, m.won])).toEqual([['Иванов Иван', 1], ['Петрова Анна', 0]]);
  });

  it('without a terminal, stops with a snippet naming the field', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-columns-'));
    writeFileSync(path.join(dir, 'deals.csv'), EXPORT_NO_MANAGER);
    const refused = runCli(['kpi', '-d', 'deals.csv'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/deals:\n {2}columns:\n {4}manager: /);
  });
});

// A tester: a Beeline log («Абонент» the employee, «Номер» the client's phone) had «Номер» pre-selected
// as the manager, and Enter gave 7 managers that were phone numbers.
describe('a plan whose one target column no rule names', () => {
  it('asks which target the file has, in words, then its column, then the stage; one saved map reads both files', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-stages-'));
    writeFileSync(path.join(dir, 'deals.csv'), EXPORT);
    writeFileSync(path.join(dir, 'plan.csv'), 'Менеджер;Месяц;План\nИванов Иван;02.2025;250000\n');
    const run = drive(
      [
        // «План» holds 250 000: money, so the revenue target is the one highlighted (Enter takes it).
        ['Что из этого есть в выгрузке?', '\r'],
        ['Какая колонка — план по выручке?', '\r'],
        ['Этап «Выдано»', '\r'],
        ['Сохранить ответы как файл --map', 'both.yaml\r'],
      ],
      ['kpi', '-d', 'deals.csv', '--plan', 'plan.csv', '--format', 'json', '-o', 'out.json'],
      dir,
    );
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('план по лидам');
    expect(run.out).not.toMatch(/Какая колонка — (leads|won|revenue)/);
    // One prompt for the run's answers (two prompts wrote two files, and a run with either asked the other question again).
    expect(run.out.slice(0, run.out.indexOf('Этап «Выдано»'))).not.toContain('Сохранить ответы как файл --map');
    expect(readFileSync(path.join(dir, 'both.yaml'), 'utf8')).toBe('plan:\n  columns:\n    revenue: "План"\ndeals:\n  status:\n    "Выдано": won    # сделок — 2, закрыто — все, с суммой — все\n');
    const json = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8'));
    // Иванов Иван won «Окна» (100 000) and «Двери» («Выдано», 200 000) in February 2025: 300 000 of 250 000.
    expect(json.plan.rows).toEqual([{ by: { manager: 'Иванов Иван', month: '2025-02' }, revenue: { plan: 250000, fact: 300000, achieved: 1.2 } }]);
    // Without a terminal, the saved map answers every question: the run asks nothing and gives the same plan.
    const again = runCli(['kpi', '-d', 'deals.csv', '--plan', 'plan.csv', '--map', 'both.yaml', '--format', 'json'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).plan.rows).toEqual(json.plan.rows);
  });
});

describe('the answers of a run that then stops on «none of these»', () => {
  it('are still offered, and the saved map holds them (the stage is not asked again)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-stages-'));
    writeFileSync(path.join(dir, 'deals.csv'), EXPORT);
    writeFileSync(path.join(dir, 'calls.csv'), 'Кто;Дата;Тип;Клиент\n101;01.02.2025 10:00;Звонок;ООО А\n');
    const run = drive(
      [
        ['Этап «Выдано»', '\r'],
        ['Какая колонка — ответственный менеджер?', '\r'],
        ['Сохранить ответы как файл --map', 's.yaml\r'],
      ],
      ['kpi', '-d', 'deals.csv', '-a', 'calls.csv'],
      dir,
    );
    expect(run.code, run.out).toBe(2);
    expect(run.out).toContain('manager: "<заголовок в вашем файле>"');
    expect(readFileSync(path.join(dir, 's.yaml'), 'utf8')).toBe('deals:\n  status:\n    "Выдано": won    # сделок — 2, закрыто — все, с суммой — все\n');
    const deals = runCli(['kpi', '-d', 'deals.csv', '--map', 's.yaml', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(deals.stdout).total).toMatchObject({ leads: 5, won: 3, lost: 1, open: 1, revenue: 350000 });
  });
});

describe('a call log whose employee is «Абонент»: the column of names is the answer pre-selected', () => {
  it('Enter takes «Абонент», and the saved map reads two managers', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-beeline-'));
    writeFileSync(
      path.join(dir, 'calls.csv'),
      ['Дата и время;Абонент;Номер;Направление;Статус;Длительность', '01.04.2025 10:05:00;Иванов Иван (доб. 101);79161111111;Входящий;Отвечен;2:00', '02.04.2025 10:00:00;Петрова Анна (доб. 102);79163333333;Исходящий;Отвечен;5:00', '03.04.2025 12:00:00;Иванов Иван (доб. 101);202;Внутренний;Отвечен;0:30'].join('\n'),
    );
    writeFileSync(path.join(dir, 'deals.csv'), ['ID,Ответственный,Дата создания сделки,Этап сделки', '1,Иванов Иван,01.04.2025 10:00:00,Переговоры', '2,Петрова Анна,02.04.2025 09:00:00,Переговоры'].join('\n'));
    const run = drive(
      [
        ['Какая колонка — ответственный менеджер?', '\r'],
        ['Сохранить ответы как файл --map', 'map.yaml\r'],
      ],
      ['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--format', 'json'],
      dir,
    );
    expect(run.code, run.out).toBe(0);
    expect(decided(readFileSync(path.join(dir, 'map.yaml'), 'utf8'))).toBe('activities:\n  columns:\n    manager: "Абонент"\n');
    const json = JSON.parse(runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--map', 'map.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(json.managers.map((m: { manager: string; calls_in: number; calls_out: number }) => [m.manager, m.calls_in, m.calls_out])).toEqual([['Иванов Иван', 1, 0], ['Петрова Анна', 0, 1]]);
  });
});

// A tester: an amoCRM export whose «Дата создания» was renamed «Поступила». The terminal pre-selected
// «ID» (100000 · 100001), the first column, and Enter failed on every row «100000 — не дата».
describe('a column no name matches: the answer pre-selected is one whose values fit, else none', () => {
  const renamed = ['ID,Ответственный,Этап сделки,Поступила,Бюджет', '100000,Петрова Анна,Закрыто и не реализовано,02.03.2024,1000', '100001,Иванов Иван,Успешно реализовано,03.03.2024,2000'];

  it('Enter takes the column of dates, and the saved map reads the export', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-renamed-'));
    writeFileSync(path.join(dir, 'deals.csv'), renamed.join('\n'));
    const run = drive(
      [
        ['Какая колонка — дата создания сделки?', '\r'],
        ['Сохранить ответы как файл --map', 'map.yaml\r'],
      ],
      ['kpi', '-d', 'deals.csv', '--format', 'json', '-o', 'out.json'],
      dir,
    );
    expect(run.code, run.out).toBe(0);
    expect(decided(readFileSync(path.join(dir, 'map.yaml'), 'utf8'))).toBe('deals:\n  columns:\n    created_at: "Поступила"\n');
    expect(JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')).total).toMatchObject({ leads: 2, won: 1, lost: 1 });
  });

  it('no column holds dates: «none of these» is pre-selected, and Enter stops with the snippet', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-renamed-'));
    writeFileSync(path.join(dir, 'deals.csv'), renamed.map((l) => l.split(',').filter((_, i) => i !== 3).join(',')).join('\n'));
    const run = drive([['Какая колонка — дата создания сделки?', '\r']], ['kpi', '-d', 'deals.csv'], dir);
    expect(run.code, run.out).toBe(2);
    expect(run.out).toContain('❯ ни одна из них (остановить и показать фрагмент --map)');
    expect(run.out).toContain('created_at: "<заголовок в вашем файле>"');
    expect(run.out).not.toContain('не дата');
  });
});

describe('crm-audit map asks every question a run would, and writes one map', () => {
  it('the manager column and then the renamed stage, in one --map file that reads the export', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-map-'));
    const lines = EXPORT.split('\n');
    // The Bitrix24 export with its manager column renamed to something no rule knows, moved first.
    const rows = lines.map((l) => {
      const cells = l.split(';');
      const manager = cells.splice(2, 1)[0]!;
      return [l === lines[0] ? 'Кто ведёт' : manager, ...cells].join(';');
    });
    writeFileSync(path.join(dir, 'deals.csv'), rows.join('\n'));
    const run = drive(
      [
        ['Какая колонка — ответственный менеджер?', '\r'],
        ['Этап «Выдано»', '\r'],
      ],
      ['map', 'deals.csv', '-o', 'map.yaml'],
      dir,
    );
    expect(run.code, run.out).toBe(0);
    expect(decided(readFileSync(path.join(dir, 'map.yaml'), 'utf8'))).toBe('deals:\n  columns:\n    manager: "Кто ведёт"\n  status:\n    "Выдано": won    # сделок — 2, закрыто — все, с суммой — все\n');
    const json = JSON.parse(runCli(['kpi', '-d', 'deals.csv', '--map', 'map.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(json.total).toMatchObject({ leads: 5, won: 3, lost: 1, open: 1, revenue: 350000 });
  });
});

describe('compare asks the same questions as kpi on a terminal', () => {
  it('a renamed closed stage in a before/after split: asked once, then the comparison', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-compare-'));
    writeFileSync(path.join(dir, 'deals.csv'), EXPORT);
    const run = drive([['Этап «Выдано»', '\r'], ['Сохранить ответы как файл --map', '\r']], ['compare', '-d', 'deals.csv', '--cutover', '04.02.2025'], dir);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toMatch(/Конверсия/);
  });
});

describe('a deals file no profile recognises, on a terminal', () => {
  it('kpi asks what its closed stage «Оплачено полностью» is, as map does, and counts the answer (it was counted open without a question)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-generic-pty-'));
    writeFileSync(path.join(dir, 'deals.csv'), [
      'ID;Менеджер;Дата создания;Статус;Сумма;Дата закрытия',
      '1;Иванов;01.03.2025 10:00;Оплачено полностью;1000;01.04.2025 12:00',
      '2;Иванов;02.03.2025 10:00;Думает над КП;2000;',
      '3;Петров;03.03.2025 10:00;Оплачено полностью;3000;03.04.2025 12:00',
    ].join('\n'));
    const run = drive([['Этап «Оплачено полностью» (сделок: 2, закрыто: 2, с суммой: 2)', '\r'], ['Сохранить ответы как файл --map', '\r']], ['kpi', '-d', 'deals.csv'], dir);
    expect(run.code, run.out).toBe(0);
    expect(run.out).not.toContain('Этап «Думает над КП»');
    expect(run.out).not.toContain('посчитаны открытыми');
    expect(run.out).toMatch(/Отдел +3 +2 +0 +1/);
  });
});

describe('a Salesforce report whose company names its stages, on a terminal', () => {
  it('kpi asks once about the stage at a probability of 100% («Contract Signed»), not those at 20% or 0%, and counts the answer', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-sf-pty-'));
    writeFileSync(path.join(dir, 'report.csv'), crmExportFixtures()['salesforce-report-renamed-stages.csv']!);
    const run = drive([['The stage "Contract Signed" (2 deals, 2 at a probability of 100%, 2 with an amount) is', '\r'], ['Save the answers as a --map file', 'sf.yaml\r']], ['kpi', '-d', 'report.csv', '--lang', 'en'], dir);
    expect(run.code, run.out).toBe(0);
    for (const open of ['Discovery', 'Proposal Sent']) expect(run.out).not.toContain(`The stage "${open}"`);
    expect(run.out).not.toContain('The stage "Lost to Competitor"');
    expect(run.out).toMatch(/Department +7 +3 +1 +3/);
    expect(readFileSync(path.join(dir, 'sf.yaml'), 'utf8')).toBe('deals:\n  status:\n    "Contract Signed": won    # 2 deals, all at a probability of 100%, all with an amount\n');
  });
});

describe('amoCRM and two manager columns, on a terminal', () => {
  it('an amoCRM stage renamed from the won one («Оплачено», closed with amounts) is asked once; the answer is applied', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-amo-pty-'));
    writeFileSync(path.join(dir, 'leads.csv'), [
      'ID,Бюджет,Ответственный,Дата создания сделки,Дата закрытия,Этап сделки',
      '1,100000,Иван,01.03.2025 10:00:00,11.03.2025 10:00:00,Оплачено',
      '2,50000,Иван,02.03.2025 10:00:00,не закрыта,Переговоры с ЛПР',
      '3,70000,Анна,03.03.2025 10:00:00,05.03.2025 10:00:00,Оплачено',
    ].join('\n'));
    const run = drive([['Этап «Оплачено»', '\r'], ['Сохранить ответы как файл --map', '\r']], ['kpi', '-d', 'leads.csv'], dir);
    expect(run.code, run.out).toBe(0);
    expect(run.out).not.toContain('Этап «Переговоры с ЛПР»');
    expect(run.out).toMatch(/Отдел +3 +2 +0 +1/);
  });

  it('a manager two columns could hold: asked which, the chosen column read', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-two-managers-pty-'));
    writeFileSync(path.join(dir, 'deals.csv'), ['ID;Ответственный;Менеджер;Дата создания;Стадия;Сумма', '1;Колл-центр;Иванов Иван;01.02.2025;Сделка успешна;100', '2;Колл-центр;Петрова Анна;02.02.2025;Сделка провалена;'].join('\n'));
    const run = drive([['Какая колонка — ответственный менеджер?', `${DOWN}\r`], ['Сохранить ответы как файл --map', 'm.yaml\r']], ['kpi', '-d', 'deals.csv'], dir);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('менеджер может быть в нескольких колонках');
    expect(decided(readFileSync(path.join(dir, 'm.yaml'), 'utf8'))).toBe('deals:\n  columns:\n    manager: "Менеджер"\n');
    expect(run.out).toMatch(/Петрова Анна/);
  });

  it('crm-audit map asks the same question and writes the chosen column', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-two-managers-pty-'));
    writeFileSync(path.join(dir, 'deals.csv'), ['ID;Ответственный;Менеджер;Дата создания;Стадия;Сумма', '1;Колл-центр;Иванов Иван;01.02.2025;Сделка успешна;100'].join('\n'));
    const run = drive([['Какая колонка — ответственный менеджер?', `${DOWN}\r`]], ['map', 'deals.csv', '-o', 'm.yaml'], dir);
    expect(run.code, run.out).toBe(0);
    // The whole map, its opening notes on the columns not found too (decided() leaves them out everywhere else):
    // «Ответственный», the column not chosen, is named not mapped.
    expect(readFileSync(path.join(dir, 'm.yaml'), 'utf8')).toBe(
      [
        '# deals.csv: не найдены колонки, без которых часть показателей не рассчитать:',
        '#   - «Цикл, дн. (сред.)», «Цикл, дн. (медиана)» — нужна колонка даты закрытия в файле сделок (closed_at)',
        '#   - Повторные продажи, Доля повторных — нужна колонка клиента, компании или контакта в файле сделок (client)',
        '#   - Причины отказа — нужна колонка причины отказа в файле сделок (loss_reason)',
        '# Не сопоставлены: «Ответственный».',
        '# Если такая колонка в выгрузке есть, назовите её в файле --map: deals: columns: closed_at: "заголовок колонки".',
        '',
        'deals:',
        '  columns:',
        '    manager: "Менеджер"',
        '',
      ].join('\n'),
    );
  });
});

describe('an activities «Тип» column its values do not decide: asked once on a terminal, refused with the snippet without one', () => {
  const DEALS = ['ID;Ответственный;Дата создания;Стадия;Сумма', '1;Иванов Иван;01.02.2025;Сделка успешна;100'].join('\n');
  const CALLS = ['Ответственный;Дата;Тип;Клиент', 'Иванов Иван;01.02.2025 10:00;Звонок;ООО А', 'Иванов Иван;01.02.2025 11:00;Входящий;ООО Б'].join('\n');

  it('kpi asks what the column holds, with its values, and saves the answer', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-type-pty-'));
    writeFileSync(path.join(dir, 'deals.csv'), DEALS);
    writeFileSync(path.join(dir, 'calls.csv'), CALLS);
    const run = drive([['Что в колонке «Тип» (Звонок · Входящий)?', `${DOWN}\r`], ['Сохранить ответы как файл --map', 'm.yaml\r']], ['kpi', '-d', 'deals.csv', '-a', 'calls.csv'], dir);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('по значениям колонки «Тип» не понять, что в ней');
    expect(decided(readFileSync(path.join(dir, 'm.yaml'), 'utf8'))).toBe('activities:\n  columns:\n    direction: "Тип"\n');
    const withMap = runCli(['inspect', 'calls.csv', '--map', 'm.yaml'], { cwd: dir });
    expect(withMap.stdout).toMatch(/"Тип" +-> direction\n/);
  });

  it('without a terminal kpi stops (exit 2) in Russian with both lines to choose from; inspect lists it as undecided', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-type-pty-'));
    writeFileSync(path.join(dir, 'deals.csv'), DEALS);
    writeFileSync(path.join(dir, 'calls.csv'), CALLS);
    const refused = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--lang', 'ru'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('ошибка: calls.csv: по значениям колонки «Тип» не понять, вид это активности или направление звонка: «Звонок», «Входящий»');
    expect(refused.stderr).toContain('activities:\n  columns:\n    kind: "Тип"          # вид активности (звонок, письмо, встреча, задача)\n    # direction: "Тип"   # или направление звонка (входящий, исходящий)\n');
    const en = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toContain('error: calls.csv: the values of the column "Тип" do not say whether it is the activity\'s kind or the call\'s direction: "Звонок", "Входящий"');
    const inspect = runCli(['inspect', 'calls.csv', '--lang', 'ru'], { cwd: dir });
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toMatch(/«Тип» +-> direction \(не решено: по значениям «Звонок», «Входящий» не понять, вид это или направление; укажите в файле --map: kind или direction\)/);
  });

  it('inspect shows a column its values decided', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-type-pty-'));
    writeFileSync(path.join(dir, 'calls.csv'), ['Ответственный;Дата;Тип;Клиент', 'Иванов Иван;01.02.2025 10:00;Звонок;ООО А', 'Иванов Иван;01.02.2025 11:00;Письмо;ООО Б'].join('\n'));
    expect(runCli(['inspect', 'calls.csv', '--lang', 'ru'], { cwd: dir }).stdout).toMatch(/«Тип» +-> тип действия \(kind\) \(по значениям: «Звонок», «Письмо»\)\n/);
    expect(runCli(['inspect', 'calls.csv', '--lang', 'en'], { cwd: dir }).stdout).toMatch(/"Тип" +-> kind \(by its values: "Звонок", "Письмо"\)\n/);
  });
});

describe('managers given as CRM user ids, on a terminal: crm-audit map asks their names', () => {
  const F = '0058a00000MNWtFAAX';
  const K = '0058a00000MNWtKAAX';
  const E = '0058a00000MNWteAAH';
  const DEALS = [
    'Id,OwnerId,Name,StageName,Amount,CloseDate,CreatedDate,IsWon,IsClosed',
    `006A,${F},A,Closed Won,1000,2025-01-20,2025-01-05T10:00:00.000Z,1,1`,
    `006B,${K},B,Closed Won,500,2025-01-25,2025-01-06T10:00:00.000Z,1,1`,
    `006D,${E},D,Prospecting,700,2025-02-20,2025-01-08T10:00:00.000Z,0,0`,
  ].join('\n');

  it('each id once (Enter keeps it), two ids may be one person; the saved map names them in the report', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-ids-'));
    writeFileSync(path.join(dir, 'deals.csv'), DEALS);
    const run = drive(
      [
        [`Кто это: ${F}?`, 'Мария Алексеева\r'],
        [`Кто это: ${K}?`, 'Мария Алексеева\r'],
        [`Кто это: ${E}?`, '\r'],
      ],
      ['map', 'deals.csv', '-o', 'names.yaml', '--lang', 'ru'],
      dir,
    );
    expect(run.code, run.out).toBe(0);
    expect(decided(readFileSync(path.join(dir, 'names.yaml'), 'utf8'))).toBe(`managers:\n  "${F}": "Мария Алексеева"\n  "${K}": "Мария Алексеева"\n`);
    const kpi = runCli(['kpi', '-d', 'deals.csv', '--map', 'names.yaml', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(kpi.stdout).managers.map((m: { manager: string; leads: number }) => [m.manager, m.leads])).toEqual([[E, 1], ['Мария Алексеева', 2]]);
  });

  it('without a terminal the ids are written commented out: a placeholder never becomes a name', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-ids-'));
    writeFileSync(path.join(dir, 'deals.csv'), DEALS);
    const run = runCli(['map', 'deals.csv', '--lang', 'en'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(decided(run.stdout)).toBe(`# managers:\n#   "${F}": "First Last"\n#   "${K}": "First Last"\n#   "${E}": "First Last"\n`);
    expect(run.stderr).toContain('No terminal: this is a proposal');
  });
});
