/**
 * How soon V8 optimises the checker's functions in a run of `govreport check`: later than its default.
 *
 * The checker's reader is a few large functions (the parse, the segmenting of a table region, the row
 * builders) that V8's optimising compiler inlines deeply: each compile of one takes 100–500 ms of CPU on
 * V8's compiler thread, and some are compiled two or three times as the reports they meet widen their types.
 * At V8's default budget (132 KB of bytecode executed between looks at a function's heat) most of that
 * compiling happens within the first hundred reports, and it is most of a run's CPU on a folder of 200.
 * Looking later lets the baseline code do the first reports and optimises the functions that stay hot, with
 * the types they really meet. Measured on the bench's corpora (2 cores, load 6–9, CPU of the whole process,
 * `node --interrupt-budget=N`): 200 reports 2.3–2.5 s → 1.1–1.5 s, 2,000 reports 7.8–8.5 s → 6.3–7.0 s;
 * 400 KB is less good on 200, 900 KB no better than 600 KB. Outputs are byte-identical (the flag changes
 * when code is compiled, never what it computes).
 *
 * Set for the CLI's process only (worker threads share it): the language server keeps V8's default, as an
 * editor session is long and its hot paths are few.
 */
import { setFlagsFromString } from 'node:v8';

/** Bytecode executed between V8's looks at a function's heat, in bytes (V8's default is 132 KB). */
export const INTERRUPT_BUDGET = 600_000;

let tuned = false;

/** Sets the budget once, before any report is checked, unless the user passed a budget to node. */
export function tuneTiering(): void {
  if (tuned) return;
  tuned = true;
  if (process.execArgv.some((a) => a.startsWith('--interrupt-budget'))) return;
  try {
    setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  } catch {
    // A runtime without the flag: V8's default stays.
  }
}
