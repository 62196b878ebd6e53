import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// A reviewer gave --hourly-cost without --managers and --monthly-cost without --cost: no money, no payback, nothing said.
describe('options given to no effect are said, and the run goes on', () => {
  it('audit --hourly-cost without --managers', () => {
    const ru = runCli(['audit', '--answers', 'samples/answers/leader.yaml', '--hourly-cost', '1500', '--lang', 'ru', '--now', '2025-03-01']);
    expect(ru.code).toBe(0);
    expect(ru.stderr).toBe('Внимание: --hourly-cost ни на что не влияет без --managers: деньги рекомендаций — это часы × число менеджеров × стоимость часа\n');
    const both = runCli(['audit', '--answers', 'samples/answers/leader.yaml', '--hourly-cost', '1500', '--managers', '6', '--now', '2025-03-01']);
    expect(both.stderr).toBe('');
  });

  it('compare --monthly-cost and --margin without --cost', () => {
    const en = runCli(['compare', '-d', 'samples/amocrm-deals.csv', '--cutover', '2025-01-01', '--monthly-cost', '100', '--margin', '0.3', '--lang', 'en', '--format', 'json']);
    expect(en.code).toBe(0);
    expect(en.stderr).toContain('Warning: --monthly-cost changes nothing without --cost: payback and ROI are computed from the one-off implementation cost\n');
    expect(en.stderr).toContain('Warning: --margin changes nothing without --cost: the margin share only goes into payback and ROI\n');
    expect(JSON.parse(en.stdout).payback).toBeNull();
    const withCost = runCli(['compare', '-d', 'samples/amocrm-deals.csv', '--cutover', '2025-01-01', '--cost', '1000', '--monthly-cost', '100', '--lang', 'en', '--format', 'json']);
    expect(withCost.stderr).not.toContain('changes nothing');
  });
});
