import { describe, expect, it } from 'vitest';
import { sniff } from '../../../src/io/read/sniff.js';

describe('sniff: UTF-16 without a byte order mark', () => {
  const text = 'id;manager;created_at;stage;amount\r\n' + Array.from({ length: 12 }, (_, i) => `${i + 1};Иванов Иван;01.02.2025;Сделка провалена;Отказ клиента без объяснения причин\r\n`).join('');

  it('Russian text, where most high bytes are 0x04 rather than zero, is UTF-16 (LE and BE)', () => {
    expect(sniff(Buffer.from(text, 'utf16le'), 'f.csv')).toMatchObject({ type: 'text', encoding: 'utf-16le', bomLength: 0 });
    expect(sniff(Buffer.from(text, 'utf16le').swap16(), 'f.csv')).toMatchObject({ type: 'text', encoding: 'utf-16be', bomLength: 0 });
  });

  it('the same text in Windows-1251 or UTF-8 is not taken for UTF-16', () => {
    expect(sniff(Buffer.from(text, 'utf8'), 'f.csv').encoding).toBeUndefined();
    expect(sniff(Buffer.from(text.replace(/[А-яЁё]/g, 'æ'), 'latin1'), 'f.csv').encoding).toBeUndefined();
  });
});
