import { describe, expect, it } from 'vitest';
import { edgeAtEnd, isEdge, isInvisible, trimEdges } from '../../../src/io/read/edges.js';
import { plainKey } from '../../../src/io/read/byte-cells.js';

describe('what is cut off the edges of a cell', () => {
  it('trims the spaces trim() removes and invisible characters, at either end only', () => {
    expect(trimEdges('\u200b101')).toBe('101');
    expect(trimEdges('102\u200e')).toBe('102');
    expect(trimEdges('\ufeff\u00a0 К1\u2060\u202f')).toBe('К1');
    // Other controls stay, to be shown as � in a message.
    expect(trimEdges('\u001b[2J\u0001')).toBe('\u001b[2J\u0001');
    expect(trimEdges('\t\r\n x \u000b\u000c')).toBe('x');
    // Inside a value nothing is cut: a name's inner invisible characters are cleanText's to remove.
    expect(trimEdges('Ива\u200bнов')).toBe('Ива\u200bнов');
    expect(trimEdges('\u200b\u00ad')).toBe('');
    // U+2065 is unassigned, not invisible; a visible character next to the ranges is kept.
    expect(trimEdges('\u2065x')).toBe('\u2065x');
    expect(trimEdges('x\u2010')).toBe('x\u2010');
    const plain = 'Клиент 1';
    expect(trimEdges(plain)).toBe(plain);
  });

  it('cuts every character trim() cuts', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (`a${ch}`.trim() === 'a') expect(isEdge(c), c.toString(16)).toBe(true);
      // Below the invisible characters, exactly what trim() removes (an escape stays, to be named as �).
      else if (c < 0xad) expect(isEdge(c), c.toString(16)).toBe(false);
    }
  });

  it('the byte path sees the same last character as the text path, for every character of the BMP in UTF-8', () => {
    const enc = new TextEncoder();
    let edges = 0;
    for (let c = 0x80; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const bytes = enc.encode(`x${String.fromCharCode(c)}`);
      expect(edgeAtEnd(bytes, 1, bytes.length), c.toString(16)).toBe(isEdge(c));
      // A cell ending in it is looked up by its bytes exactly when nothing would be trimmed.
      expect(plainKey(bytes, 0, bytes.length, true), c.toString(16)).toBe(!isEdge(c));
      if (isEdge(c)) edges++;
    }
    expect(edges).toBeGreaterThan(30);
  });

  it('a cell starting with an invisible character is never read by its bytes as it is', () => {
    const enc = new TextEncoder();
    for (let c = 0x80; c < 0x10000; c++) {
      if ((c >= 0xd800 && c <= 0xdfff) || !isInvisible(c)) continue;
      const bytes = enc.encode(`${String.fromCharCode(c)}101`);
      expect(plainKey(bytes, 0, bytes.length, true), c.toString(16)).toBe(false);
    }
  });
});
