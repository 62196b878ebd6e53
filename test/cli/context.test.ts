import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { useColor, type CliContext } from '../../src/cli/context.js';

function context(tty: boolean, env: Record<string, string>): CliContext {
  const stdout = Object.assign(new PassThrough(), { isTTY: tty });
  return { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env, cwd: '/', debug: false };
}

describe('colour', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { TERM: 'dumb' }, false],
    [false, { FORCE_COLOR: '1' }, true],
    [true, { NO_COLOR: '1', FORCE_COLOR: '1' }, true],
    // A tester: FORCE_COLOR=0 on a terminal still coloured the output; chalk and Node read it as «no colour».
    [true, { FORCE_COLOR: '0' }, false],
    [true, { FORCE_COLOR: 'false' }, false],
    [true, { FORCE_COLOR: '' }, true],
  ])('on a terminal: %s, env %j: %s', (tty, env, expected) => {
    expect(useColor(context(tty, env))).toBe(expected);
  });
});
