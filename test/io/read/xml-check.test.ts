import { describe, expect, it } from 'vitest';
import { decodeXmlText, MalformedXml, XmlCheck } from '../../../src/io/read/xml.js';

const PROLOG = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

describe('XmlCheck', () => {
  const check = (xml: string, split?: number): string | undefined => {
    const c = new XmlCheck();
    try {
      if (split === undefined) c.feed(xml);
      else for (let i = 0; i < xml.length; i += split) c.feed(xml.slice(i, i + split));
      c.end();
      return undefined;
    } catch (error) {
      if (error instanceof MalformedXml) return error.en;
      throw error;
    }
  };
  const GOOD = `\uFEFF${PROLOG}<!-- a comment --><x:worksheet a="1" b='2 > 1'><x:sheetData><x:row r="1"><x:c r="A1" t="str"><x:v>a &amp; b</x:v></x:c><x:c r="B1"/></x:row></x:sheetData><t><![CDATA[<not a tag>]]></t></x:worksheet>\n`;

  it('passes well-formed XML, whatever the chunks', () => {
    for (const split of [undefined, 1, 2, 3, 5, 7, 64]) expect(check(GOOD, split)).toBeUndefined();
  });

  it.each([
    ['<a><b></a>', '</a> where <b> should close'],
    ['<a></a></a>', '</a> closes no element'],
    ['<a><b>', '<b> is never closed'],
    ['<a><b', 'the part ends inside a tag'],
    ['<a></a><a></a>', 'a second root element <a>'],
    ['<a></a>junk', 'text outside the root element'],
    ['<a><b c="<"/></a>', 'a «<» inside the tag <b>'],
    ['<a>< b/></a>', 'a «<» that starts no tag'],
    ['', 'the part holds no XML element'],
  ])('refuses %s', (xml, why) => {
    expect(check(xml)).toBe(why);
    expect(check(xml, 1)).toBe(why);
  });
});

describe('decodeXmlText', () => {
  it('a CDATA section is its text as written (tester T66 M5: an XLSX amount read as «<![CDATA[10000]]>»), entities outside it decoded', () => {
    expect(decodeXmlText('<![CDATA[10000]]>')).toBe('10000');
    expect(decodeXmlText('a &amp; <![CDATA[b &amp; <c>]]> &lt;d_x000D_')).toBe('a & b &amp; <c> <d\r');
    expect(decodeXmlText('Иванов Иван')).toBe('Иванов Иван');
    // A section never closed (text cut out of a greater one by the cell's expression) is text as it stands (review R51: it recursed for ever).
    expect(decodeXmlText('<![CDATA[Петров')).toBe('<![CDATA[Петров');
    expect(decodeXmlText('<![CDATA[a]]> и <![CDATA[Петров &amp;')).toBe('a и <![CDATA[Петров &');
  });
});
