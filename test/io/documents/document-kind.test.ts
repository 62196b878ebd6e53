import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { guessDocumentKind, parseDocumentAs } from '../../../src/io/documents/document-kind.js';

const refused = (text: string, file: string, expected: 'map' | 'config' | 'targets'): UserError => {
  try {
    parseDocumentAs(text, file, expected);
  } catch (e) {
    return e as UserError;
  }
  throw new Error('accepted');
};

// A tester: a hand-edited JSON answers file with an extra `}`, its first line full of commas, was «a CRM export» with a
// hint to pass it with --deals, and no line.
describe('what kind of file a document that does not parse is', () => {
  it('is never an export when it begins as JSON does or is named as a document', () => {
    const json = '{"questionnaire":"crm-maturity","answers":{"lead.concept":"yes",\n"journal.interactions": "no"\n}}}\n';
    expect(guessDocumentKind('a.json', undefined, json)).toBe('unknown');
    expect(guessDocumentKind('-', undefined, json)).toBe('unknown');
    expect(guessDocumentKind('a.yaml', undefined, 'ID;Name;Amount\n1;A;100\n')).toBe('unknown');
    for (const expected of ['map', 'config', 'targets'] as const) {
      const error = refused(json, 'x.json', expected);
      expect([error.messageId, error.where.at]).toEqual(['doc.json', { line: 3, column: 3 }]);
    }
  });

  it('an export is still said to be one', () => {
    expect(guessDocumentKind('-', undefined, 'ID;Название;Бюджет\n1;A;100\n')).toBe('export');
    expect(refused('ID;Название;Бюджет\n1;A;100\n', 'deals.csv', 'map').messageId).toBe('doc.exportForMap');
    expect(refused('ID,Name,Amount,Stage\n1,A,100,Won\n', '-', 'targets').messageId).toBe('doc.exportForTargets');
  });
});
