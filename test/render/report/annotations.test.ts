import { describe, expect, it } from 'vitest';
import { evaluate, parseAssertion } from '../../../src/core/assert.js';
import { renderGithubAnnotations } from '../../../src/render/report/annotations.js';

const tree = { total: { conversion: 0.207, missed_share: 0.25 }, managers: { 'Алексеева Мария': { response_min_median: 66.2333 }, 'Белов Игорь': { response_min_median: 31 } } };
const judge = (expr: string) => evaluate(parseAssertion(expr), tree);

describe('GitHub Actions annotations', () => {
  it('one ::error per offending value of an error assertion, ::warning for warn, nothing for passes', () => {
    const out = renderGithubAnnotations([judge('managers.*.response_min_median<=30'), judge('warn:total.conversion>=0.25'), judge('total.missed_share<=0.3')], 'ru');
    expect(out).toBe(
      [
        '::error title=crm-audit%3A managers.*.response_min_median<=30::Алексеева Мария: Реакция (медиана) 66,2 мин > 30 мин',
        '::error title=crm-audit%3A managers.*.response_min_median<=30::Белов Игорь: Реакция (медиана) 31,0 мин > 30 мин',
        '::warning title=crm-audit%3A total.conversion>=0.25::Отдел: Конверсия 20,7%25 < 25%25',
        '',
      ].join('\n'),
    );
  });

  it('names the config file an assertion came from, escaping as the runner expects', () => {
    const r = judge('total.missed_share<=0.2');
    const out = renderGithubAnnotations([r], 'en', new Map([[r.assertion, 'ci/crm-audit,main.yaml']]));
    expect(out).toBe('::error file=ci/crm-audit%2Cmain.yaml,title=crm-audit%3A total.missed_share<=0.2::Department: Missed share 25.0%25 > 20%25\n');
  });

  it('names the line of the config\'s entry where it is known', () => {
    const r = judge('total.missed_share<=0.2');
    const out = renderGithubAnnotations([r], 'en', new Map([[r.assertion, { file: 'crm-audit.config.yaml', line: 12 }]]));
    expect(out).toBe('::error file=crm-audit.config.yaml,line=12,title=crm-audit%3A total.missed_share<=0.2::Department: Missed share 25.0%25 > 20%25\n');
  });

  it('escapes %, CR and LF in the message so one failure stays one annotation', () => {
    const r = evaluate(parseAssertion('managers.*.response_min_median<=30'), { managers: { '50%\nпроцентов\r': { response_min_median: 40 } } });
    expect(renderGithubAnnotations([r], 'en')).toBe('::error title=crm-audit%3A managers.*.response_min_median<=30::50%25%0Aпроцентов%0D: Response (median) 40.0 min > 30 min\n');
  });

  it('unit economics and the plan by their labels and units, as the report tables show them (not «cac 18 250», «plan.leads.achieved:  0,78»)', () => {
    const t = { total: { cac: 18250 }, plan: { leads: { plan: 9, fact: 7, achieved: 7 / 9 } } };
    const out = renderGithubAnnotations([evaluate(parseAssertion('total.cac<=15000'), t), evaluate(parseAssertion('plan.leads.achieved>=0.8'), t)], 'ru');
    expect(out).toBe('::error title=crm-audit%3A total.cac<=15000::Отдел: CAC 18 250 > 15 000\n::error title=crm-audit%3A plan.leads.achieved>=0.8::План / факт: Лиды: %25 плана 77,8%25 < 80%25\n');
  });

  it('prints nothing when everything passed', () => {
    expect(renderGithubAnnotations([judge('total.conversion>=0.2')], 'en')).toBe('');
  });
});
