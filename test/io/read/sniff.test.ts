import { describe, expect, it } from 'vitest';
import { cfbError, sniff } from '../../../src/io/read/sniff.js';

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

describe('sniff: a picture saved under an export’s name', () => {
  it.each([
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46])],
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
    ['WebP', Buffer.concat([Buffer.from('RIFF'), Buffer.from([36, 0, 0, 0]), Buffer.from('WEBPVP8 ')])],
  ])('%s is named as an image, not read as text with binary bytes', (format, head) => {
    expect(() => sniff(head, 'report.xlsx')).toThrow(expect.objectContaining({ code: 'E_NOT_TABLE', messageId: 'read.image', params: { format } }));
  });

  it('text that begins with the same letters is text', () => {
    expect(sniff(Buffer.from('GIF;manager\n1;Anna\n'), 'f.csv').type).toBe('text');
    expect(sniff(Buffer.from('RIFF,manager\n1,Anna\n'), 'f.csv').type).toBe('text');
  });
});

// A tester (T32 F6): Mango's call statistics without their header row begin `[];…` or `[MToxMDA…];…`, and were called JSON.
describe('sniff: JSON, and a table that begins with a bracket', () => {
  it.each([['[1, 2]'], ['[]'], ['  [\n {"a": 1}]'], ['{"deals": []}'], ['[-1.5e3,2]']])('%j is JSON', (text) => {
    expect(() => sniff(Buffer.from(text), 'f.csv')).toThrow(expect.objectContaining({ code: 'E_NOT_TABLE', messageId: 'read.json' }));
  });

  it.each([['[];1740985500;1740985675;0;101\n'], ['[MToxMDA0000];1740985500;101\n'], ['[1];2;3\n'], ['[] ; x\n']])('%j is a table', (text) => {
    expect(sniff(Buffer.from(text), 'f.csv').type).toBe('text');
  });
});

// Tester T49 F7: an encrypted .xlsx, a BIFF8 .xls and a Word document got one message («an old .xls or a
// password-protected .xlsx»). An OLE compound file is now told by the streams its directory names.
describe('sniff and cfbError: an OLE compound file', () => {
  const SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  /** A header, padding, and a directory of these entries' names (64 bytes of UTF-16LE each, as CFB writes them). */
  const compound = (...names: string[]) => Buffer.concat([SIGNATURE, Buffer.alloc(504), ...names.map((n) => Buffer.concat([Buffer.from(`${n}\0`, 'utf16le'), Buffer.alloc(126 - 2 * n.length)]))]);
  const refusal = (bytes: Buffer) => {
    const e = cfbError(bytes, 'x.xlsx');
    return [e.code, e.messageId, e.params];
  };

  it('is sniffed as such, not as text', () => {
    expect(sniff(compound('Root Entry', 'Workbook'), 'x.xls').type).toBe('cfb');
  });

  it('names a password-protected workbook, a legacy .xls, a Word or PowerPoint document, and else both likely ones', () => {
    expect(refusal(compound('Root Entry', 'EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces'))).toEqual(['E_LEGACY_XLS', 'read.encryptedXlsx', {}]);
    expect(refusal(compound('Root Entry', 'Workbook', '\u0005SummaryInformation'))).toEqual(['E_LEGACY_XLS', 'read.legacyXls', {}]);
    expect(refusal(compound('Root Entry', 'Book'))).toEqual(['E_LEGACY_XLS', 'read.legacyXls', {}]);
    expect(refusal(compound('Root Entry', 'WordDocument', '1Table'))).toEqual(['E_NOT_TABLE', 'read.oleDocument', { what: 'Word' }]);
    expect(refusal(compound('Root Entry', 'PowerPoint Document'))).toEqual(['E_NOT_TABLE', 'read.oleDocument', { what: 'PowerPoint' }]);
    // A Word document with a workbook embedded in it is a Word document (review R45 F7).
    expect(refusal(compound('Root Entry', 'WordDocument', 'ObjectPool', 'Workbook'))).toEqual(['E_NOT_TABLE', 'read.oleDocument', { what: 'Word' }]);
    expect(refusal(compound('Root Entry'))).toEqual(['E_LEGACY_XLS', 'read.oleUnknown', {}]);
    // A name inside another is not its stream: «Workbooks» is not «Workbook».
    expect(refusal(compound('Root Entry', 'Workbooks'))).toEqual(['E_LEGACY_XLS', 'read.oleUnknown', {}]);
  });
});

describe('sniff: an HTML ".xls" behind byte order marks', () => {
  const html = Buffer.from('<html><head><meta charset="utf-8"></head><body><table><tr><td>ID</td></tr></table></body></html>');
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  it('one BOM or two (T65: two were taken for CSV and refused with a --map naming the markup): HTML, its first BOM passed over', () => {
    expect(sniff(Buffer.concat([bom, html]), 'a.xls')).toMatchObject({ type: 'html', encoding: 'utf-8', bomLength: 3 });
    expect(sniff(Buffer.concat([bom, bom, html]), 'a.xls')).toMatchObject({ type: 'html', encoding: 'utf-8', bomLength: 3 });
    expect(sniff(Buffer.concat([bom, bom, Buffer.from('id;name\n1;a\n')]), 'a.csv').type).toBe('text');
  });
});

// Tester T75 (F3): Bitrix24 REST's crm.deal.list.xml and 1C's CommerceML were read as CSV, and the --map
// snippet named «<?xml version=…» as the manager column.
describe('sniff: an XML document that is no workbook', () => {
  it.each([
    ['<?xml version="1.0" encoding="UTF-8"?>\n<response><result><item><ID>1</ID></item></result></response>'],
    ['\ufeff<?xml version="1.0"?>\r\n<!-- exported -->\r\n<crm:deals xmlns:crm="urn:x"><deal/></crm:deals>'],
  ])('%j is refused as XML', (text) => {
    expect(() => sniff(Buffer.from(text), 'deals.xml')).toThrow(expect.objectContaining({ code: 'E_NOT_TABLE', messageId: 'read.xml' }));
  });

  it('in Windows-1251 with a root of Russian letters (CommerceML) too; XHTML is a page and Excel 2003 XML a workbook', () => {
    const commerceMl = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1251"?>\r\n<'), Buffer.from([0xca, 0xee, 0xec]), Buffer.from(' x="2.05">\r\n')]);
    expect(() => sniff(commerceMl, 'import.xml')).toThrow(expect.objectContaining({ messageId: 'read.xml' }));
    expect(sniff(Buffer.from('<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x">\n<html><body><table></table></body></html>'), 'f.xls').type).toBe('html');
    expect(sniff(Buffer.from('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'), 'f.xls').type).toBe('spreadsheetml');
  });
});
