import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { latinWords } from '../helpers/latin-words.js';

// An Asterisk CDR: no column names the manager (the extension is src or dst, by direction).
const CDR = ['calldate,clid,src,dst,dcontext,duration,billsec,disposition', '2024-07-01 14:05:12,"""Client"" <74951234567>",74951234567,101,from-trunk,70,65,ANSWERED', '2024-07-01 15:10:00,74951234568,74951234568,102,from-trunk,30,0,NO ANSWER'].join('\n');

describe('inspect on a file whose required column no rule finds', () => {
  it('lists the columns with their first values, instead of sending the user back to inspect', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-inspect-'));
    writeFileSync(path.join(dir, 'cdr.csv'), CDR);
    for (const [env, words] of [[{ LANG: 'ru_RU.UTF-8' }, 'колонки файла'], [{ LANG: 'C.UTF-8' }, "the file's columns"]] as const) {
      const run = runCli(['inspect', 'cdr.csv'], { cwd: dir, env });
      expect(run.code).toBe(2);
      expect(run.stderr).not.toContain('crm-audit inspect');
      expect(run.stderr).toContain(words);
      expect(run.stderr).toMatch(/["«]dst["»] \(["«]101["»], ["«]102["»]\)/);
      expect(run.stderr).toMatch(/activities:\n {2}columns:\n {4}manager: /);
      if (env.LANG.startsWith('ru')) expect(latinWords(run.stderr)).toEqual([]);
    }
  });
});

describe('inspect lists the stages no rule knows with their deals counted', () => {
  // A Bitrix24 leads export: «Не обработан» is one lead, said «1 deal» (it was «1 deals»).
  const leads = '\ufeff"ID";"Статус";"Сумма";"Ответственный";"Дата создания";"Источник"\n"101";"Некачественный лид";"";"Иванов Иван";"01.04.2025 10:00:00";"Веб-сайт"\n"102";"Не обработан";"";"Петров Пётр";"03.04.2025 11:00:00";"Звонок"\n"103";"Перезвонить";"5000";"Петров Пётр";"03.04.2025 12:00:00";"Звонок"\n"104";"Перезвонить";"";"Петров Пётр";"04.04.2025 12:00:00";"Звонок"\n';

  it('in English with the noun in agreement, in Russian after a colon', () => {
    const en = runCli(['inspect', '-', '--kind', 'deals', '--lang', 'en'], { input: leads });
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toMatch(/"Не обработан" +1 deal, 0 closed by the flag, 0 with a close date, 0 with an amount/);
    expect(en.stdout).toMatch(/"Перезвонить" +2 deals, 0 closed by the flag/);
    const ru = runCli(['inspect', '-', '--kind', 'deals', '--lang', 'ru'], { input: leads });
    expect(ru.stdout).toMatch(/«?"?Не обработан"?»? +сделок: 1, закрыто по флагу: 0/);
  });
});
