// Tester T54 F1: CSVs a Polish, Czech or Turkish Excel saved (Windows-1250, Windows-1254) were read as
// Windows-1252 without a word: «Ma³gorzata ¯ak», «Jiøí Novák», «Ayþe Yýlmaz». Which Latin code page
// reads the accented words as a language's words decides; Western text stays Windows-1252.
import { describe, expect, it } from 'vitest';
import { singleByteDecoder } from '../../../src/io/read/decode.js';
import { cp1250, cp1252, cp1254 } from '../../fixtures/exports.js';

const read = (bytes: Buffer) => singleByteDecoder(bytes).decode(bytes);

describe('a Latin code page other than Windows-1252', () => {
  it('reads Polish, Czech, Slovak, Hungarian and Croatian names in Windows-1250', () => {
    for (const text of [
      'manager;amount\nŁukasz Wójcik;100\nMałgorzata Żak;200\nPaweł Ślusarczyk;300\n',
      'manager;amount\nJiří Novák;100\nPetra Dvořáková;200\nTomáš Černý;300\n',
      'manager;amount\nĽubomír Šťastný;100\nMária Kováčová;200\nPeter Ďurovič;300\n',
      'manager;amount\nKöves Győző;100\nSzőllősi Éva;200\nTűzoltó Ákos;300\n',
      'manager;amount\nIvan Đurić;100\nAna Kovačević;200\nMarko Šimić;300\n',
    ]) expect(read(cp1250(text))).toBe(text);
  });

  it('reads Turkish names in Windows-1254, a file without «Ç» too, and «İ»', () => {
    const text = 'manager;amount\nAyşe Yılmaz;100\nÇağrı Şahin;200\nMehmet Öztürk;300\n';
    expect(read(cp1254(text))).toBe(text);
    // Review R46: Icelandic's þ and ý took «Ayþe Yýlmaz» for words, and «İ» lowered to no letter.
    for (const t of ['name\nAyşe Yılmaz\nFatma Kaya\nAyşe\nYılmaz\n', 'name\nİsmail Doğan\nİstanbul Şubesi\nEmine Aydın\n']) expect(read(cp1254(t))).toBe(t);
  });

  it('keeps German, French, Spanish, Portuguese and Nordic text in Windows-1252, a name that reads in both too', () => {
    for (const text of [
      'manager;amount\nJürgen Müller;100\nSören Groß;200\nZoë Weiß;300\n',
      'manager;amount\nFrançois Lefèvre;100\nHélène Dubois;200\nNoël Garçon;300\n',
      'manager;amount\nJosé Peña;100\nJoão Conceição;200\nÅsa Ærø;300\n',
      // Every accent here is one Windows-1250 has at the same byte: a tie stays Windows-1252.
      'manager;amount\nJosé Müller;100\n',
      // Review R46: symbols of Windows-1252 that are letters in Windows-1250 («¿», «º», «£», «³»),
      // beside Spanish words that read as Polish there («Muńoz»): one language a file keeps them Spanish.
      'deal;amount;note\nJosé Muñoz;1000;¿Cómo está?\nPeña;1000;Nº pedido\nEspaña;1000;m³\n',
      'deal;amount\nCafé;£1,200\nTea;£300\n',
    ]) expect(read(cp1252(text))).toBe(text);
  });
});

describe('--encoding names the two pages', () => {
  it('takes cp1250 and cp1254 (and their other names), as it refused them before', async () => {
    const { parseEncoding } = await import('../../../src/cli/input-options.js');
    expect(['cp1250', 'Windows-1250', 'latin2'].map(parseEncoding)).toEqual(['windows-1250', 'windows-1250', 'windows-1250']);
    expect(['cp1254', 'windows_1254'].map(parseEncoding)).toEqual(['windows-1254', 'windows-1254']);
  });
});
