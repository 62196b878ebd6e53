import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { canAsk, envFlag, isCi, useColor, whyNoQuestions, type CliContext } from '../../src/cli/context.js';

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
    // Read as CI is read (envFlag): any case, spaces aside.
    [true, { FORCE_COLOR: ' FALSE ' }, false],
  ])('on a terminal: %s, env %j: %s', (tty, env, expected) => {
    expect(useColor(context(tty, env))).toBe(expected);
  });
});

describe('CI', () => {
  it.each([
    [{}, false],
    [{ CI: '' }, false],
    [{ CI: '0' }, false],
    [{ CI: 'false' }, false],
    [{ CI: 'FALSE' }, false],
    [{ CI: 'true' }, true],
    [{ CI: '1' }, true],
    // Some runners set it to their name (CI=woodpecker): set at all, it is a CI job.
    [{ CI: 'woodpecker' }, true],
  ])('%j is a CI job: %s', (env, ci) => {
    expect(isCi(env)).toBe(ci);
  });

  it('a terminal under a truthy CI asks nothing (a CI job with a pty waited for keys until it was killed)', () => {
    const tty = (env: Record<string, string>) => ({ ...context(true, env), stdin: Object.assign(new PassThrough(), { isTTY: true }), stderr: Object.assign(new PassThrough(), { isTTY: true }) });
    expect(canAsk(tty({}))).toBe(true);
    expect(canAsk(tty({ CI: 'true' }))).toBe(false);
    expect(canAsk(tty({ CI: '0' }))).toBe(true);
  });

  it('why no question may be asked: the first reason that holds, the one an interactive audit says', () => {
    const on = (stdin: boolean, stderr: boolean, env: Record<string, string> = {}, stdinRead = false) => ({ ...context(true, env), stdin: Object.assign(new PassThrough(), { isTTY: stdin }), stderr: Object.assign(new PassThrough(), { isTTY: stderr }), stdinRead });
    expect(whyNoQuestions(on(true, true))).toBeUndefined();
    expect(whyNoQuestions(on(false, false, { CI: 'true' }))).toBe('noTerminal');
    expect(whyNoQuestions(on(true, false, { CI: 'true' }, true))).toBe('ci');
    expect(whyNoQuestions(on(true, false, {}, true))).toBe('stdinRead');
    expect(whyNoQuestions(on(true, false))).toBe('stderr');
  });
});

describe('envFlag: one reading of a variable that is a flag', () => {
  it('unset or empty says nothing; 0 and false (any case, spaces aside) are off; anything else on', () => {
    expect([undefined, '', ' '].map(envFlag)).toEqual([undefined, undefined, undefined]);
    expect(['0', 'false', 'False', ' 0 '].map(envFlag)).toEqual([false, false, false, false]);
    expect(['1', 'true', 'woodpecker'].map(envFlag)).toEqual([true, true, true]);
  });
});
