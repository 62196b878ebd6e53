import { describe, expect, it } from 'vitest';
import { fileFormatText } from '../../src/render/format.js';

describe('how a file was read, as a reader of the language writes it', () => {
  it('names the type and the delimiter in words, keeps encodings and sheet names', () => {
    expect(fileFormatText('text, windows-1251, ;', 'ru')).toBe('текст (CSV), windows-1251, разделитель «;»');
    expect(fileFormatText('text, utf-8, tab', 'ru')).toBe('текст (CSV), utf-8, разделитель табуляция');
    expect(fileFormatText('xlsx, Лист1', 'ru')).toBe('XLSX, Лист1');
    expect(fileFormatText('html, windows-1251', 'ru')).toBe('HTML, windows-1251');
    expect(fileFormatText('text, windows-1251, ;', 'en')).toBe('text (CSV), windows-1251, delimiter ";"');
    expect(fileFormatText('text', 'ru')).toBe('текст (CSV)');
  });

  it('a comma delimiter is named, not left as a bare comma after a comma', () => {
    expect(fileFormatText('text, utf-8, ,', 'ru')).toBe('текст (CSV), utf-8, разделитель «,»');
    expect(fileFormatText('text, utf-8, ,', 'en')).toBe('text (CSV), utf-8, delimiter ","');
    expect(fileFormatText('text, |', 'en')).toBe('text (CSV), delimiter "|"');
  });
});

describe('numbers that round to zero carry no sign', () => {
  it('«0,0%», «0», «0,0 п. п.», never «−0,0%» or «+0,0 п. п.»', async () => {
    const { formatChange, formatCount, formatValue } = await import('../../src/render/format.js');
    expect(formatValue(-0.0000001, 'ratio', 'ru')).toBe('0,0%');
    expect(formatValue(-0, 'count', 'ru')).toBe('0');
    expect(formatCount(-0.2, 'en')).toBe('0');
    expect(formatChange(0.0000001, 'ratio', 'ru')).toBe('0,0 п.\u00a0п.');
    expect(formatChange(-0.0000001, 'ratio', 'en')).toBe('0.0 pp');
    expect(formatChange(0.004, 'days', 'ru')).toBe('0,0');
    // Real changes keep theirs.
    expect(formatChange(0.081, 'ratio', 'ru')).toBe('+8,1 п.\u00a0п.');
    expect(formatValue(-0.05, 'ratio', 'ru')).toBe('−5,0%');
    expect(formatChange(-1234.4, 'money', 'ru')).toBe('−1 234');
  });
});

describe('a relative change as a signed percentage', () => {
  it('«+24,1%», «−10,4%», «0,0%» for one that rounds to zero, «—» for none', async () => {
    const { formatRelative } = await import('../../src/render/format.js');
    expect(formatRelative(0.241, 'ru')).toBe('+24,1%');
    expect(formatRelative(-0.104, 'ru')).toBe('−10,4%');
    expect(formatRelative(0.0001, 'en')).toBe('0.0%');
    expect(formatRelative(null, 'ru')).toBe('—');
  });
});

describe('extra digits, where two values must not read the same', () => {
  it('are added after each format\'s own', async () => {
    const { formatValue } = await import('../../src/render/format.js');
    expect([formatValue(0.625, 'ratio', 'ru', 1), formatValue(18250, 'money', 'ru', 1), formatValue(4, 'count', 'en', 1), formatValue(5.7534, 'decimal', 'en', 2), formatValue(30.04, 'minutes', 'ru', 1)]).toEqual(['62,50%', '18 250,0', '4.0', '5.7534', '30,04']);
    expect(formatValue(0.625, 'ratio', 'ru')).toBe('62,5%');
  });
});

// A tester: 1 999 won of 2 000 read «100,0%» in the KPI tables, while the audit's sentences never read all for not all.
describe('a share strictly between none and all', () => {
  it('never reads as all or none, at any precision; all, none and values outside (0, 1) as they are', async () => {
    const { formatValue } = await import('../../src/render/format.js');
    expect(formatValue(1999 / 2000, 'ratio', 'ru')).toBe('99,9%');
    expect(formatValue(1 / 5000, 'ratio', 'ru')).toBe('0,1%');
    expect(formatValue(19999 / 20000, 'ratio', 'en', 1)).toBe('99.99%');
    expect(formatValue(1 / 50000, 'ratio', 'en', 1)).toBe('0.01%');
    expect([formatValue(1, 'ratio', 'ru'), formatValue(0, 'ratio', 'ru'), formatValue(0.5, 'ratio', 'ru')]).toEqual(['100,0%', '0,0%', '50,0%']);
    // A ratio over 1 (paid more than invoiced, a ROMI) or below 0 is not a share: rounded as it is.
    expect([formatValue(1.0004, 'ratio', 'ru'), formatValue(-0.0004, 'ratio', 'ru')]).toEqual(['100,0%', '0,0%']);
  });
});
