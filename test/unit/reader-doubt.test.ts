/**
 * The table reader's doubt: one place decides when a table is not read with confidence, and says why, in the
 * model's JSON as in the finding.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { modelToJson } from '../../server/src/core/model-json';
import { DOUBT_THRESHOLDS, judge } from '../../server/src/core/parse/doubt';
import { checkText, parseReport } from '../../server/src/core/service';
import { FIXTURES, readMarkers } from '../helpers/fixtures';

const unreadable = readMarkers(readFileSync(path.join(FIXTURES, 'shapes', 'unreadable-table.txt'), 'utf8')).text;

describe('doubt', () => {
  it('a declined table says why in the JSON, in Chinese by default and in English when chosen', () => {
    const model = parseReport(unreadable);
    const zh = modelToJson(model).tables as Record<string, { confident: boolean; doubt?: string; reason?: string }>;
    assert.equal(zh.requests!.confident, false);
    assert.equal(zh.requests!.doubt, 'cell-counts');
    assert.equal(zh.requests!.reason, '多数行的数值个数与列数不符');
    const en = modelToJson(model, 'en').tables as Record<string, { reason?: string }>;
    assert.equal(en.requests!.reason, 'most rows do not have one value per column');
    // A table read with confidence has no reason.
    assert.equal(zh.proactive!.confident, true);
    assert.equal(zh.proactive!.reason, undefined);
  });

  it('the finding gives the same reason as the JSON', () => {
    const f = checkText(unreadable).findings.filter((x) => x.code === 'table-unreadable');
    assert.equal(f.length, 1);
    assert.ok(f[0]!.message.includes('多数行的数值个数与列数不符'), f[0]!.message);
  });

  it('each rule stops at its named threshold', () => {
    const base = { layoutRows: 25, valueRows: 25, matched: 25, exact: 25, positional: 0, stray: 0 };
    assert.equal(judge(base), undefined);
    const exactMin = Math.ceil(25 * DOUBT_THRESHOLDS.exactRowShare);
    assert.equal(judge({ ...base, exact: exactMin }), undefined);
    assert.equal(judge({ ...base, exact: exactMin - 1 })?.kind, 'cell-counts');
    assert.equal(judge({ ...base, positional: DOUBT_THRESHOLDS.maxPositional }), undefined);
    assert.equal(judge({ ...base, positional: DOUBT_THRESHOLDS.maxPositional + 1 })?.kind, 'unlabelled');
    assert.equal(judge({ ...base, matched: 2, exact: 2, valueRows: 2 })?.kind, 'few-rows');
    // One row carrying the values of several (crowdedMultiple times its cells): the rest fitting does not help.
    assert.equal(judge({ ...base, crowded: 0 }), undefined);
    assert.equal(judge({ ...base, crowded: 1 })?.kind, 'cell-counts');
    assert.equal(judge({ ...base, crowded: 1, oneCellALine: true })?.kind, 'order');
    // One cell a line: a row short of cells while rows of the form are missing (their values went elsewhere).
    const plain = { ...base, oneCellALine: true, matched: 24, exact: 24 };
    assert.equal(judge(plain), undefined);
    assert.equal(judge({ ...plain, exact: 23 })?.kind, 'order');
    assert.equal(judge({ ...plain, matched: 25, exact: 24 }), undefined, 'a whole table with one row short: the clerk\'s, reported');
    assert.equal(judge({ ...plain, oneCellALine: false, exact: 23 }), undefined, 'space-aligned text keeps its share');
    assert.equal(judge({ ...base, wrapped: DOUBT_THRESHOLDS.maxWrapped }), undefined);
    assert.equal(judge({ ...base, wrapped: DOUBT_THRESHOLDS.maxWrapped + 1 })?.kind, 'wrapped');
    // Short rows of space-separated text whose blanks nothing places.
    assert.equal(judge({ ...base, short: DOUBT_THRESHOLDS.maxShort }), undefined);
    assert.equal(judge({ ...base, short: DOUBT_THRESHOLDS.maxShort + 1 })?.kind, 'short');
    // A table of one row (T4): too few values, or values in pieces that are not whole groups.
    const one = { layoutRows: 1, valueRows: 1, matched: 1, exact: 0, positional: 0, stray: 0, columns: 15 };
    assert.equal(judge({ ...one, values: 10 }), undefined);
    assert.equal(judge({ ...one, values: 9 })?.kind, 'few-values');
    // … or more values than cells: which are its cells is a guess.
    assert.equal(judge({ ...one, values: 15, exact: 1 }), undefined);
    assert.equal(judge({ ...one, values: 16 })?.kind, 'many-values');
    assert.equal(judge({ ...one, values: 15, exact: 1, pieces: 3, wholePieces: true }), undefined);
    assert.equal(judge({ ...one, values: 15, exact: 1, pieces: 3, wholePieces: false })?.kind, 'spread');
  });
});
