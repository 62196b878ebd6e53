import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/render/terminal-safe.js';
import { mdCell } from '../../src/render/text.js';

describe('terminalSafe', () => {
  it('shows each control character of the data as U+FFFD and keeps tabs, line ends and CR LF', () => {
    expect(terminalSafe('Иван\u001b]0;title\u0007\u001b[2J', false)).toBe('Иван\ufffd]0;title\ufffd\ufffd[2J');
    expect(terminalSafe('a\tb\nc\r\nd\re\u0008f\u007fg\u009bh', false)).toBe('a\tb\nc\r\nd\ufffde\ufffdf\ufffdg\ufffdh');
    expect(terminalSafe('Петрова Анна 1 250 ₽', false)).toBe('Петрова Анна 1 250 ₽');
    // A direction override or isolate reverses the rest of a line on a bidi-aware terminal (tester T52 F7); Arabic or Hebrew letters stay.
    expect(terminalSafe('\u202egsm.exe.csv \u2066x\u2069 شركة', true)).toBe('\ufffdgsm.exe.csv \ufffdx\ufffd شركة');
  });

  it('keeps this program colours when the text is coloured, and only them', () => {
    expect(terminalSafe('\u001b[1mИтого\u001b[22m \u001b[31mx\u001b[39m', true)).toBe('\u001b[1mИтого\u001b[22m \u001b[31mx\u001b[39m');
    // A name that hides the rest of the screen (conceal) or blinks is not one of this program's colours.
    expect(terminalSafe('Иванов\u001b[8m Иван \u001b[5;31m', true)).toBe('Иванов\ufffd[8m Иван \ufffd[5;31m');
    expect(terminalSafe('\u001b[1mИтого\u001b[22m', false)).toBe('\ufffd[1mИтого\ufffd[22m');
    expect(terminalSafe('\u001b[2J\u001b]8;;http://x\u001b\\', true)).toBe('\ufffd[2J\ufffd]8;;http://x\ufffd\\');
  });

  it('makes a Markdown cell safe too', () => {
    expect(mdCell('Иван\u001b[2J|x\r\ny')).toBe('Иван\ufffd\\[2J\\|x<br>y');
  });
});
