import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { parseGroupBy } from '../../src/cli/commands/kpi.js';

describe('parseGroupBy', () => {
  it('reads each grouping, its dimensions in order', () => {
    expect(parseGroupBy(['source', 'Source, Month', 'stage'])).toEqual([['source'], ['source', 'month'], ['stage']]);
    expect(parseGroupBy([])).toBeUndefined();
  });

  // T40 F20: `--by source --by source` made two tables and a workbook sheet cut to «… по источни (2)».
  it('takes a grouping typed twice once; a dimension twice in one grouping is refused', () => {
    expect(parseGroupBy(['source', 'month', 'source', 'SOURCE'])).toEqual([['source'], ['month']]);
    expect(parseGroupBy(['source,month', 'month,source'])).toEqual([['source', 'month'], ['month', 'source']]);
    expect(() => parseGroupBy(['source,source'])).toThrow(UserError);
    expect(() => parseGroupBy(['sorce'])).toThrow(UserError);
  });
});
