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
