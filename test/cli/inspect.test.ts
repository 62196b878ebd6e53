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
