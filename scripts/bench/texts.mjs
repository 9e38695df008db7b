// The texts the benchmark runs on: the five seed reports, their 100-fold concatenations, and a ~1 MB report.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEEDS_DIR = path.join(ROOT, 'fixtures', 'seeds');

/** The seeds: [{ name: '001', file, text }]. */
export function seeds() {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f.slice(0, 3), file: path.join(SEEDS_DIR, f), text: readFileSync(path.join(SEEDS_DIR, f), 'utf8') }));
}

/** Texts joined by blank lines, so each starts on a line of its own. */
export function concat(texts) {
  return texts.map((t) => t.replace(/\s+$/, '')).join('\n\n') + '\n';
}

export function repeat(text, n) {
  return concat(Array.from({ length: n }, () => text));
}

export const utf8Bytes = (s) => Buffer.byteLength(s, 'utf8');

/** A report of at least `minBytes` UTF-8 bytes: the five seeds in turn, as often as it takes. */
export function bigReport(all, minBytes = 1_000_000) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < minBytes; i++) {
    const t = all[i % all.length].text;
    parts.push(t);
    size += utf8Bytes(t) + 2;
  }
  return concat(parts);
}

/** The core benchmark's cases: each seed, each seed ×100, all five, all five ×100. */
export function coreCases() {
  const s = seeds();
  const all = concat(s.map((x) => x.text));
  return [
    ...s.map((x) => ({ name: `seed ${x.name}`, text: x.text, scale: 1 })),
    { name: 'all five', text: all, scale: 1 },
    ...s.map((x) => ({ name: `seed ${x.name} ×100`, text: repeat(x.text, 100), scale: 100 })),
    { name: 'all five ×100', text: repeat(all, 100), scale: 100 },
  ];
}
