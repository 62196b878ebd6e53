import { describe, expect, it } from 'vitest';
import { makeTable } from '../../src/render/text.js';

describe('terminal tables', () => {
  it('never wrap a number inside its no-break space («6 750» stays on one line)', () => {
    const text = 'вы это делаете: 6\u00a0750 звонков на 296 выигранных сделок; 91,2% звонков (6\u00a0159 из 6\u00a0750) привязаны к сделке.';
    const out = makeTable(['Что показали выгрузки'], [[text]], { color: false, wrap: [46] });
    const lines = out.split('\n').slice(3, -1).map((l) => l.replace(/^│ | *│$/g, ''));
    expect(lines.join(' ')).toBe(text);
    // Every grouped number is whole on one line.
    const numbers = (t: string) => t.match(/\d+(\u00a0\d{3})+/g) ?? [];
    expect(lines.flatMap(numbers)).toEqual(numbers(text));
    expect(out.split('\n').every((l) => l.length === out.split('\n')[0]!.length)).toBe(true);
  });
});
