import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('a file of the wrong kind says what it is', () => {
  it('audit --answers with an export', () => {
    const run = runCli(['audit', '--answers', 'samples/amocrm-deals.csv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('this is a CRM export (a table of deals, calls or payments), not an answers file');
    expect(run.stderr).toContain('--deals');
  });

  it('audit --answers with a questionnaire', () => {
    const run = runCli(['audit', '--answers', 'questionnaires/crm-maturity.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('this is a questionnaire, not an answers file');
  });

  it('validate with an answers file or an export', () => {
    const answers = runCli(['validate', 'samples/answers/leader.yaml']);
    expect(answers.code).toBe(2);
    expect(answers.stderr).toContain('this is an audit answers file, not a questionnaire');
    expect(answers.stderr).toContain('crm-audit audit --answers samples/answers/leader.yaml');
    const csv = runCli(['validate', 'samples/payments.csv']);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('crm-audit inspect samples/payments.csv');
    expect(runCli(['validate', 'questionnaires/crm-maturity.yaml']).code).toBe(0);
  });
});
