// How saved answers name a questionnaire read from a file: a path a re-run resolves beside the answers
// file (namedQuestionnaire), never the id alone, which named no built-in questionnaire.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { namedQuestionnaire, questionnaireRef } from '../../../src/cli/commands/audit.js';

const root = path.resolve('/work/client');

describe('questionnaireRef', () => {
  it('is relative to the answers folder when the questionnaire is in it or below, else absolute', () => {
    expect(questionnaireRef(path.join(root, 'q.yaml'), path.join(root, 'a.yaml'))).toBe('q.yaml');
    expect(questionnaireRef(path.join(root, 'forms', 'q.yaml'), path.join(root, 'a.yaml'))).toBe('forms/q.yaml');
    expect(questionnaireRef(path.join(root, 'q.yaml'), path.join(root, 'out', 'a.yaml'))).toBe(path.join(root, 'q.yaml'));
  });

  it('gives a bare name without an extension ./ so that it reads as a path, not a built-in id', () => {
    expect(questionnaireRef(path.join(root, 'crm-maturity'), path.join(root, 'a.yaml'))).toBe('./crm-maturity');
  });

  it('round-trips through namedQuestionnaire to the same file', () => {
    for (const [q, a] of [[path.join(root, 'forms', 'q.yaml'), path.join(root, 'a.yaml')], [path.join(root, 'q'), path.join(root, 'a.yaml')], [path.join(root, 'q.yaml'), path.join(root, 'out', 'a.yaml')]] as const) {
      expect(path.resolve(namedQuestionnaire({ questionnaire: questionnaireRef(q, a) }, a, '/', [])!)).toBe(q);
    }
  });
});
