/**
 * The sums' fast test (core/checks/sums.ts `anyFails`, walked from a plan remembered per table layout) must
 * say what the equations themselves say: whether one fails as written. Checked on every fixture and eval
 * report, as written and with cells changed (a value off by one, a percentage, a cell missing, a row gone),
 * and the memo of plans stays within its bound however many layouts it sees.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { anyFails, equationsOf, type Equation, MAX_SUM_PLANS, sumPlanCount } from '../../server/src/core/checks/sums';
import type { Cell, Table } from '../../server/src/core/model';
import { parseReport } from '../../server/src/core/parse/index';
import { FIXTURES, reportFiles, ROOT } from '../helpers/fixtures';


function countOf(c: Cell): number | null {
  const v = c.value;
  return v === null || c.percent || v < 0 || !Number.isInteger(v) ? null : v;
}

/** The reference: an equation whose cells are all counts and whose target is not the sum of its terms. */
function fails(eq: Equation): boolean {
  const t = countOf(eq.target);
  let sum = 0;
  for (const term of eq.terms) {
    const v = countOf(term.cell);
    if (v === null) return false;
    sum += term.sign * v;
  }
  return t !== null && Math.abs(t - sum) >= 1e-6;
}

/** Eval reports read (of several hundred: enough shapes, in a few seconds). */
const EVAL_REPORTS = 60;
/** Tables whose every cell is changed in turn. */
const CHANGED_TABLES = 40;

const reference = (t: Table) => equationsOf(t).some(fails);

function summedTables(): Table[] {
  const files = [...reportFiles(path.join(FIXTURES, 'checks')), ...reportFiles(path.join(ROOT, 'eval', 'reports')).slice(0, EVAL_REPORTS)];
  const tables: Table[] = [];
  for (const f of files) {
    const model = parseReport(readFileSync(f, 'utf8'));
    for (const t of Object.values(model.tables)) if (t.confident && t.key !== 'proactive' && t.rows.size > 0) tables.push(t);
  }
  return tables;
}

describe('the sums fast test agrees with the equations', () => {
  const tables = summedTables();

  it('on every fixture and eval report as written', () => {
    assert.ok(tables.length > 40, `enough tables (${tables.length})`);
    let failing = 0;
    for (const t of tables) {
      assert.equal(anyFails(t), reference(t));
      if (reference(t)) failing++;
    }
    assert.ok(failing > 0, 'some tables fail as written');
  });

  it('with a cell changed: off by one, a percentage, missing', () => {
    let changed = 0;
    let flipped = 0;
    // One table of each layout first: the requests and appeals tables of the fixtures and eval reports.
    for (const t of tables.filter((_, i) => i % Math.max(1, Math.floor(tables.length / CHANGED_TABLES)) === 0)) {
      const before = reference(t);
      for (const row of t.rows.values()) {
        for (const c of row.cells) {
          const saved = { value: c.value, percent: c.percent, state: c.state };
          // Another cell of the row, off by one along with a missing one: a row short of values takes part in
          // no sum, even one that does not hold the missing cell (T4's groups).
          const other = row.cells[(row.cells.indexOf(c) + 3) % row.cells.length]!;
          const otherValue = other.value;
          const trials: (() => void)[] = [
            () => { c.value = (c.value ?? 0) + 1; },
            () => { c.percent = true; },
            () => { c.value = null; c.state = 'missing'; },
            () => { c.value = 0.5; },
            () => { c.value = null; c.state = 'missing'; if (other !== c && other.value !== null) other.value += 1; },
          ];
          for (const change of trials) {
            change();
            const expected = reference(t);
            assert.equal(anyFails(t), expected, `${t.key} ${row.key}/${c.column}`);
            changed++;
            if (expected !== before) flipped++;
            c.value = saved.value;
            c.state = saved.state;
            other.value = otherValue;
            if (saved.percent === undefined) delete c.percent;
            else c.percent = saved.percent;
          }
        }
      }
    }
    assert.ok(changed > 1000 && flipped > 100, `changes made (${changed}) and some changed the answer (${flipped})`);
  });

  it('with rows gone (other layouts), and the memo of layouts stays bounded', () => {
    let layouts = 0;
    for (const t of tables.filter((x) => x.key === 'requests').slice(0, 6)) {
      const keys = [...t.rows.keys()];
      for (let drop = 0; drop < keys.length; drop++) {
        for (let drop2 = drop; drop2 < keys.length; drop2 += 3) {
          const rows = new Map([...t.rows].filter(([k]) => k !== keys[drop] && k !== keys[drop2]));
          const u: Table = { ...t, rows, missingRows: [...t.missingRows, keys[drop]!] };
          assert.equal(anyFails(u), reference(u), `without ${keys[drop]} and ${keys[drop2]}`);
          layouts++;
          assert.ok(sumPlanCount() <= MAX_SUM_PLANS);
        }
      }
    }
    assert.ok(layouts > MAX_SUM_PLANS, `more layouts (${layouts}) than the memo keeps`);
  });
});
