import assert from 'node:assert/strict';

import { csvField, neutraliseFormula, toCsv, EXPORT_COLUMNS } from '../../../../../src/api/actions/export';

describe('csvField', () => {
  it('should leave plain text and numbers as they are', () => {
    assert.equal(csvField('County Police'), 'County Police');
    assert.equal(csvField(42), '42');
  });

  it('should quote a field with a comma, a quote or a line break and double its quotes', () => {
    assert.equal(csvField('a, b'), '"a, b"');
    assert.equal(csvField('say "yes"'), '"say ""yes"""');
    assert.equal(csvField('line 1\r\nline 2'), '"line 1\r\nline 2"');
  });

  for (const start of ['=', '+', '-', '@', '\t', '\r']) {
    it(`should neutralise a formula starting with ${JSON.stringify(start)}`, () => {
      const field = csvField(`${start}HYPERLINK("http://evil.example","x")`);
      assert.ok(field.startsWith(`"'${start}`) || field.startsWith(`'${start}`), field);
    });
  }

  it('should not touch text with a formula character later on', () => {
    assert.equal(neutraliseFormula('a=b'), 'a=b');
  });
});

describe('toCsv', () => {
  it('should write a byte-order mark, the header row and CRLF line ends', () => {
    const text = toCsv([]).toString('utf8');
    assert.ok(text.startsWith('\uFEFFAction id,'));
    assert.ok(text.endsWith('\r\n'));
    assert.equal(text.split('\r\n')[0].split(',').length, EXPORT_COLUMNS.length);
  });
});
