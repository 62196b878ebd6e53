import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { warningLine } from '../../src/cli/warnings.js';

function context(columns: number | undefined): CliContext {
  const stderr = Object.assign(new PassThrough(), { isTTY: columns !== undefined, columns });
  return { stdout: new PassThrough(), stderr, stdin: new PassThrough(), env: { NO_COLOR: '1' }, cwd: '/', debug: false };
}

const text = 'These look like the same people written two ways (in the call log and in the CRM, say): "Smirnova Anna" and "Anna Smirnova". If so, pass --map with:\nmanagers:\n  "Smirnova Anna": "Anna Smirnova with a long name that goes past the edge of the terminal"';

describe('a warning on stderr', () => {
  it('wraps its sentences between words within a terminal, and leaves a --map snippet whole', () => {
    const lines = warningLine(context(41), 'en', text).trimEnd().split('\n');
    const snippet = lines.indexOf('managers:');
    expect(snippet).toBeGreaterThan(1);
    for (const l of lines.slice(0, snippet)) expect(l.length).toBeLessThanOrEqual(40);
    expect(lines.slice(0, snippet).join(' ')).toBe(`Warning: ${text.split('\n')[0]}`);
    expect(lines.slice(snippet)).toEqual(text.split('\n').slice(1));
  });

  it('is one line per line of its text where stderr is not a terminal', () => {
    expect(warningLine(context(undefined), 'en', text)).toBe(`Warning: ${text}\n`);
  });
});
