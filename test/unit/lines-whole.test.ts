/**
 * prose-lines.ts wholeReadings: each line's reading of the whole line by line number, taken as the readings
 * themselves when there is one a line in line order, is the reading the long way places there (every reading
 * of a whole line put at its line's number) — on every fixture as the parser reads its lines (pieces of lines
 * that lost their layout included), and on the same readings with pieces put in at random.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lostPieces } from '../../server/src/core/parse/lost';
import { wholeReadings } from '../../server/src/core/parse/prose-lines';
import { type LineInfo, readLine } from '../../server/src/core/parse/tokens';
import { type Line, splitLines } from '../../server/src/core/text/lines';
import { loadFixtures } from '../helpers/fixtures';

/** The long way: every reading of a whole line placed at its line's number. */
function byLine(lines: readonly Line[], infos: readonly LineInfo[]): (LineInfo | undefined)[] {
  const out = new Array<LineInfo | undefined>(lines.length);
  for (const info of infos) if (info.from === undefined) out[info.line.index] = info;
  return out;
}

function agree(lines: readonly Line[], infos: readonly LineInfo[], what: string): void {
  const fast = wholeReadings(lines, infos);
  const slow = byLine(lines, infos);
  assert.equal(fast.length, slow.length, what);
  for (let i = 0; i < slow.length; i++) assert.equal(fast[i], slow[i], `${what}: line ${i}`);
}

/** A line's readings as the parser reads them: the pieces of a line that lost its layout, or the line. */
const readOwn = (line: Line): LineInfo[] => lostPieces(line) ?? [readLine(line)];

describe('each line\'s whole reading by line number', () => {
  const fixtures = loadFixtures();

  it('on every fixture, as the parser reads its lines', () => {
    let pieces = 0;
    for (const f of fixtures) {
      const lines = splitLines(f.text);
      const infos = lines.flatMap(readOwn);
      if (infos.length > lines.length) pieces++;
      agree(lines, infos, f.name);
    }
    assert.ok(fixtures.length > 100, 'the fixtures were found');
    assert.ok(pieces > 0, 'some fixture has lines read as pieces');
  });

  it('with pieces put in at random: one a line kept, or a line read as several', () => {
    let seed = 11;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (const f of fixtures.slice(0, 60)) {
      const lines = splitLines(f.text);
      const infos = lines.map((l) => readOwn(l)[0]!);
      for (let round = 0; round < 5; round++) {
        const k = next(infos.length);
        const at = infos[k]!;
        const piece: LineInfo = { ...at, from: 0, to: at.line.text.length };
        // A line whose one reading is a piece (the same count of readings), then a line read as two pieces.
        const one = infos.slice();
        one[k] = piece;
        agree(lines, one, `${f.name}: line ${k} one piece`);
        const two = infos.slice();
        two.splice(k, 1, piece, { ...piece });
        agree(lines, two, `${f.name}: line ${k} two pieces`);
      }
      agree(lines, infos, f.name);
    }
  });
});
