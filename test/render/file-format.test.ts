import { describe, expect, it } from 'vitest';
import { fileFormatText } from '../../src/render/format.js';

describe('how a file was read, as a reader of the language writes it', () => {
  it('names the type and a tab in Russian, keeps encodings, delimiters and sheet names', () => {
    expect(fileFormatText('text, windows-1251, ;', 'ru')).toBe('текст (CSV), windows-1251, ;');
    expect(fileFormatText('text, utf-8, tab', 'ru')).toBe('текст (CSV), utf-8, табуляция');
    expect(fileFormatText('xlsx, Лист1', 'ru')).toBe('XLSX, Лист1');
    expect(fileFormatText('text, windows-1251, ;', 'en')).toBe('text, windows-1251, ;');
  });
});
