import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeUserError, UserError, UserErrors } from '../../../src/core/errors.js';
import { loadTargets } from '../../../src/io/documents/targets-file.js';

const dir = mkdtempSync(path.join(tmpdir(), 'targets-file-'));
let n = 0;
/** Writes `text` as a targets file and reads it. */
function load(text: string): Promise<Record<string, number> | undefined> {
  const file = `t${n++}.yaml`;
  writeFileSync(path.join(dir, file), text);
  return loadTargets(file, dir, process.stdin);
}
/** The lines a person reads for a refused targets file, in `lang`, without the file name, the line (said once below) and the hint. */
async function refused(text: string, lang: string): Promise<string[]> {
  const error = await load(text).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserErrors);
  return (error as UserErrors).errors.map((e) => describeUserError(e, lang).replace(/^t\d+\.yaml, (строка \d+, символ \d+, |at line \d+, column \d+, )?/, '').replace(/\n {2}(hint|подсказка): [^\n]*$/, ''));
}

// A tester: `"0.2"`, `0,2`, `"-0.3"` and `–25%` were refused by a message that gave 0.2 as its example.
describe('a target written as text', () => {
  it.each([
    ['"0.2"', 0.2],
    ['0,2', 0.2],
    ['"+0.2"', 0.2],
    ['"-0.3"', -0.3],
    ['"−0,3"', -0.3],
    ['–25%', -0.25],
    ['"‒25%"', -0.25],
    ['"- 25 %"', -0.25],
    ['.2', 0.2],
    ['",2"', 0.2],
    ['"+12,5%"', 0.125],
    ['"20 %"', 0.2],
    ['−30%', -0.3],
    ['"1e-1"', 0.1],
    // Before three digits a comma may separate thousands, but 1500 (+150000%) is no target: 1.5 is the one reading.
    ['"1,500"', 1.5],
    ['"-1.000%"', -0.01],
  ])('%s reads %d', async (value, target) => {
    expect(await load(`targets:\n  conversion: ${value}\n`)).toEqual({ conversion: target });
  });

  it.each([
    ['много', 'в targets.conversion: цель — доля (например, 0.2) или проценты (например, «+20%»); получено: «много»', 'at targets.conversion: a target is a fraction such as 0.2 or a percentage such as "+20%"; got "много"'],
    ['"0.2.3"', 'в targets.conversion: цель — доля (например, 0.2) или проценты (например, «+20%»); получено: «0.2.3»', 'at targets.conversion: a target is a fraction such as 0.2 or a percentage such as "+20%"; got "0.2.3"'],
    // The em dash is a sentence's dash, not a minus sign.
    ['"— 25%"', 'в targets.conversion: цель — доля (например, 0.2) или проценты (например, «+20%»); получено: «— 25%»', 'at targets.conversion: a target is a fraction such as 0.2 or a percentage such as "+20%"; got "— 25%"'],
    ['"20"', 'в targets.conversion: цель — изменение от −100% до +1000%; проценты пишут долей или со знаком %: 20 → 0.2 или «+20%»', 'at targets.conversion: a target is a change from -100% to +1000%; write a percentage as a fraction or with a % sign: 20 → 0.2 or "+20%"'],
    ['"–150%"', 'в targets.conversion: «–150%» — меньше −100%: цель — изменение от −100% до +1000%', 'at targets.conversion: "–150%" is below -100%: a target is a change from -100% to +1000%'],
    // A tester: these were Infinity%, passed as in range (a goal never met, exit 0) while the bare 1e400 was refused.
    ['"+1e400%"', 'в targets.conversion: «+1e400%» — больше +1000%: цель — изменение от −100% до +1000%', 'at targets.conversion: "+1e400%" is above +1000%: a target is a change from -100% to +1000%'],
    ['"1e400"', 'в targets.conversion: «1e400» — больше +1000%: цель — изменение от −100% до +1000%', 'at targets.conversion: "1e400" is above +1000%: a target is a change from -100% to +1000%'],
    ['"-1e400"', 'в targets.conversion: «-1e400» — меньше −100%: цель — изменение от −100% до +1000%', 'at targets.conversion: "-1e400" is below -100%: a target is a change from -100% to +1000%'],
    // 1% and 1000% are both targets: neither is guessed.
    [
      '"1,000%"',
      'в targets.conversion: «1,000%» может быть и 1%, и 1000%: запятая или точка перед тремя цифрами может отделять и дробную часть, и тысячи; напишите то, что имеется в виду',
      'at targets.conversion: "1,000%" may be 1% or 1000%: a comma or dot before three digits may be a decimal mark or a thousands separator; write the one meant',
    ],
  ])('%s is refused, saying why', async (value, ru, en) => {
    const text = `targets:\n  conversion: ${value}\n`;
    expect(await refused(text, 'ru')).toEqual([ru]);
    expect(await refused(text, 'en')).toEqual([en]);
  });
});

// A tester: the hint for a CSV given as targets showed `conversion: +20%` at the top, and that was refused.
describe('where the targets are in the file', () => {
  it('reads them under targets:, under цели:, or at the top when no key is targets', async () => {
    expect(await load('targets:\n  conversion: +20%\n')).toEqual({ conversion: 0.2 });
    expect(await load('цели:\n  conversion: +25%\n')).toEqual({ conversion: 0.25 });
    expect(await load('conversion: +20%\nresponse_min_median: "-30 %"\n')).toEqual({ conversion: 0.2, response_min_median: -0.3 });
  });

  it('says a wrong key at the top as a metric, where it is, with the closest', async () => {
    expect(await refused('convertion: 0.1\n', 'en')).toEqual(['at convertion: no such metric: "convertion"; did you mean "conversion"?']);
    expect(await refused('conversion: 20\n', 'en')).toEqual(['at conversion: a target is a change from -100% to +1000%; write a percentage as a fraction or with a % sign: 20 → 0.2 or "+20%"']);
    expect(await refused('targets:\n  conversion: 0.1\nfoo: 1\n', 'en')).toEqual(['at (top level): unknown key: "foo"']);
    expect(await refused('{}\n', 'en')).toEqual(['at targets: a required value is missing (expected a "key: value" map)']);
  });

  it('says targets: and цели: in one file as two sections, at the second (tester T56: «unknown key «цели»»)', async () => {
    const text = 'targets:\n  conversion: +20%\nцели:\n  win_rate: +10%\n';
    expect(await refused(text, 'en')).toEqual(['at цели: the file has two sections of targets: "targets:" and "цели:"']);
    expect(await refused(text, 'ru')).toEqual(['в цели: в файле два раздела целей: «targets:» и «цели:»']);
  });

  // «Конверсия» is the row's label in the Russian report.
  it('says a row label used as a key with its id', async () => {
    expect(await refused('targets:\n  Конверсия: +20%\n', 'ru')).toEqual(['в targets.Конверсия: нет такого показателя: «Конверсия»; возможно, вы имели в виду «conversion»']);
    expect(await refused('Лидов в месяц: 10%\nResponse, min (median): -30%\n', 'en')).toEqual([
      'at Лидов в месяц: no such metric: "Лидов в месяц"; did you mean "leads_per_month"?',
      'at Response, min (median): no such metric: "Response, min (median)"; did you mean "response_min_median"?',
    ]);
    const error = (await load('Конверсия: 5%\n').catch((e: unknown) => e)) as UserErrors;
    expect(describeUserError(error.errors[0]!, 'en')).toMatch(/\n {2}hint: the metrics of a comparison: leads_per_month, conversion, win_rate, revenue_per_month, average_check, cycle_days_median, touches_per_won, response_min_median, missed_share, callback_rate, won_per_manager_per_month$/);
  });
});

// A tester: a value refused in a targets file or config was said by its key path only; the parser knows its line.
describe('the line of a refused value', () => {
  it('is said beside its path, at the key; an unknown metric at its own key', async () => {
    const error = await load('# targets\ntargets:\n  win_rate: 0.1\n  conversion: 15\n').then(() => undefined, (e: unknown) => e as UserErrors);
    expect(describeUserError(error!.errors[0]!, 'ru')).toMatch(/^t\d+\.yaml, строка 4, символ 3, в targets\.conversion: цель — изменение от −100% до \+1000%; проценты пишут долей или со знаком %: 15 → 0\.15 или «\+15%»$/);
    const flow = await load('targets: { win_rate: 0.1, convertion: 15% }\n').then(() => undefined, (e: unknown) => e as UserErrors);
    expect(describeUserError(flow!.errors[0]!, 'en')).toMatch(/^t\d+\.yaml, at line 1, column 27, at targets\.convertion: no such metric/);
  });
});

// A tester: a targets file `hello` (or `[1,2]`) was read as a map of its characters, each «0», «1», … an unknown key,
// in time that grew with the square of its length; report -c refused the same file at once.
describe('a targets file that is a text or a list', () => {
  it('is refused at once, as a whole, as report -c refuses it', async () => {
    for (const [text, ru] of [
      ['hello\n', 'на верхнем уровне документа: ожидалось: набор «ключ: значение»; получено: «hello»'],
      ['[1, 2]\n', 'на верхнем уровне документа: ожидалось: набор «ключ: значение»; получено: список'],
      ['42\n', 'на верхнем уровне документа: ожидалось: набор «ключ: значение»; получено: 42'],
    ]) {
      const error = await load(text!).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect(error).not.toBeInstanceOf(UserErrors);
      expect((error as UserError).code).toBe('E_TARGETS');
      expect(describeUserError(error as UserError, 'ru')).toBe(`t${n - 1}.yaml, ${ru}`);
    }
  });

  it('a long one is quoted by its start only', async () => {
    const error = (await load(`${'x'.repeat(20_000)}\n`).catch((e: unknown) => e)) as UserError;
    expect(describeUserError(error, 'en')).toBe(`t${n - 1}.yaml, at (top level): expected a "key: value" map; got a text of 20000 characters: "${'x'.repeat(40)}…"`);
  });
});

// A tester: 20 000 misspelt metrics were each said, each with every metric in its hint (7 MB on stderr, 11 s).
describe('many unknown metrics', () => {
  it('are said one by one for the first 10, at their lines, the metrics listed under the first only; the rest counted', async () => {
    const text = `targets:\n${Array.from({ length: 25 }, (_, i) => `  m${i}: 0.1\n`).join('')}  conversion: 0.2\n`;
    const error = (await load(text).catch((e: unknown) => e)) as UserErrors;
    expect(error.errors).toHaveLength(11);
    const said = error.errors.map((e) => describeUserError(e, 'ru'));
    expect(said[0]).toMatch(/^t\d+\.yaml, строка 2, символ 3, в targets\.m0: нет такого показателя: «m0»\n {2}подсказка: показатели сравнения: leads_per_month, /);
    expect(said[9]).toMatch(/^t\d+\.yaml, строка 11, символ 3, в targets\.m9: нет такого показателя: «m9»$/);
    expect(said[10]).toMatch(/^t\d+\.yaml: …и ещё 15 ошибок в этом файле: выше названы первые 10\n/);
    expect(describeUserError(error.errors[10]!, 'en')).toMatch(/^t\d+\.yaml: …and 15 more errors in this file: the first 10 are said above\n {2}hint: /);
  });
});
