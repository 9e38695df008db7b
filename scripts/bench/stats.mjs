// Small statistics and printing helpers for the benchmark. Figures only: nothing here asserts.
import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';

/** Nearest-rank percentile of a list of numbers (p in 0..100). */
export function percentile(samples, p) {
  if (samples.length === 0) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

export function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { n: s.length, min: s[0], median: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1], mean };
}

/** Milliseconds with a precision that suits their size. */
export function ms(x) {
  if (x === undefined || Number.isNaN(x)) return 'n/a';
  if (x < 1) return `${x.toFixed(3)} ms`;
  if (x < 10) return `${x.toFixed(2)} ms`;
  if (x < 1000) return `${x.toFixed(1)} ms`;
  return `${(x / 1000).toFixed(2)} s`;
}

/** Decimal units: 1 KB = 1000 B, 1 MB = 10^6 B (the targets are in these). */
export function bytes(n) {
  if (n === undefined || Number.isNaN(n)) return 'n/a';
  if (n < 1000) return `${n} B`;
  if (n < 1e6) return `${(n / 1e3).toFixed(1)} KB`;
  return `${(n / 1e6).toFixed(2)} MB`;
}

export function ratio(x) {
  return Number.isFinite(x) ? `${x >= 100 ? x.toFixed(0) : x.toFixed(1)}×` : 'n/a';
}

/** Prints rows (arrays of strings) as an aligned text table; first row is the header. */
export function printTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(String(r[i] ?? '')))));
  const line = (r) => r.map((c, i) => pad(String(c ?? ''), widths[i], i > 0)).join('  ');
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
}

/** Rows as a Markdown table (for pasting into BENCHMARKS.md). */
export function markdownTable(rows) {
  const esc = (c) => String(c ?? '').replace(/\|/g, '\\|');
  const out = [`| ${rows[0].map(esc).join(' | ')} |`, `|${rows[0].map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const r of rows.slice(1)) out.push(`| ${r.map(esc).join(' | ')} |`);
  return out.join('\n');
}

/** Display width: CJK characters take two columns. */
function width(s) {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s, w, right) {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

export function heading(title) {
  console.log(`\n=== ${title} ${'='.repeat(Math.max(3, 90 - title.length))} (load ${loadavg()[0].toFixed(2)})`);
}

/** The machine, for the header of the output and BENCHMARKS.md. */
export function machine() {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    model = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
  } catch { /* not Linux */ }
  return {
    cpus: cpus().length,
    model,
    ramGiB: (totalmem() / 1024 ** 3).toFixed(1),
    node: process.version,
    load: loadavg().map((x) => x.toFixed(2)).join(' '),
  };
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux for all common architectures). */
const USER_HZ = 100;

/**
 * CPU time (user + system, ms) of this process's children that have ended and been waited for — a
 * spawnSync'd run's CPU is the difference around it. From /proc/self/stat (cutime, cstime), so Linux only;
 * undefined elsewhere. Resolution 10 ms.
 */
export function childrenCpuMs() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields after "(comm)" start at field 3 (state); cutime and cstime are fields 16 and 17.
    return ((Number(fields[16 - 3]) + Number(fields[17 - 3])) * 1000) / USER_HZ;
  } catch {
    return undefined;
  }
}
