/**
 * The line readings one parse lends the next (ParseCache, as the language server keeps per document): a
 * parse that reuses them reads the report exactly as a fresh parse does — after an edit of one line, after
 * lines inserted above (every later line moved), and for text that lost its layout (a line cut into pieces).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { type ParseCache, parseLines } from '../../server/src/core/parse/index';
import { splitLines } from '../../server/src/core/text/lines';
import { FIXTURES } from '../helpers/fixtures';

const read = (p: string) => readFileSync(path.join(FIXTURES, p), 'utf8');

function fresh(text: string): string {
  return JSON.stringify(parseLines(text, splitLines(text)));
}

function cached(text: string, cache: ParseCache): string {
  return JSON.stringify(parseLines(text, splitLines(text), cache));
}

/** Edits of a text: a line changed in the middle, two lines put above everything, the first edit undone. */
function edits(text: string): string[] {
  const lines = text.split('\n');
  const mid = Math.floor(lines.length / 2);
  const changed = lines.slice();
  changed[mid] = `${changed[mid]}0`;
  return [changed.join('\n'), `说明\n\n${changed.join('\n')}`, text];
}

describe('parse cache', () => {
  for (const file of ['seeds/000_24f5f2493d7fd78d.txt', 'shapes/markdown-pipe-tables.md', 'shapes/web-text-one-line.txt', 'shapes/web-text-cells-run-together.txt']) {
    it(`reads ${file} as a fresh parse does, edit after edit`, () => {
      const text = read(file);
      const cache: ParseCache = {};
      assert.equal(cached(text, cache), fresh(text));
      assert.ok(cache.lines && cache.lines.length === splitLines(text).length);
      for (const next of edits(text)) assert.equal(cached(next, cache), fresh(next));
    });
  }
  it('keeps a line cut into pieces as its pieces', () => {
    const text = read('shapes/web-text-one-line.txt');
    const cache: ParseCache = {};
    parseLines(text, splitLines(text), cache);
    assert.ok(cache.lines!.some((x) => x.length > 1 && x.every((p) => p.from !== undefined)));
  });
});
