import { describe, expect, it } from 'vitest';
import { inspectCommand, shellWord } from '../../src/core/inspect-command.js';

describe('the inspect command a hint offers', () => {
  it('gives stdin a kind (inspect - refuses without one), and a file the kind it was read as', () => {
    expect(inspectCommand('-', 'activities')).toBe('crm-audit inspect - --kind activities');
    expect(inspectCommand('-')).toBe('crm-audit inspect - --kind deals');
    expect(inspectCommand('выгрузки/Сделки.csv', 'deals')).toBe('crm-audit inspect выгрузки/Сделки.csv --kind deals');
    expect(inspectCommand('samples/payments.csv')).toBe('crm-audit inspect samples/payments.csv');
  });

  it('quotes a path a shell would split or expand', () => {
    expect(shellWord('C:/exports/deals-2025_01.csv')).toBe('C:/exports/deals-2025_01.csv');
    expect(shellWord('my deals.csv')).toBe("'my deals.csv'");
    expect(shellWord("it's.csv")).toBe("'it'\\''s.csv'");
    expect(shellWord('$HOME/*.csv')).toBe("'$HOME/*.csv'");
    expect(shellWord('')).toBe("''");
  });
});
