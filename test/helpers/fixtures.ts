/**
 * Fixture files: a report (`*.txt` or `*.md`) next to `<name>.expected.json` holding what a person expects
 * when reading it: model facts (a subset of `govreport parse --format json`) and the diagnostics as
 * [code, line] pairs, lines 1-based as an editor shows them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(ROOT, 'fixtures');

export interface Expected {
  description?: string;
  model?: Record<string, unknown>;
  diagnostics: [string, number][];
  /** Options to check with. */
  options?: { locale?: 'zh' | 'en'; levels?: Record<string, string> };
}

export interface Fixture {
  name: string;
  file: string;
  text: string;
  expected: Expected;
}

export function loadFixtures(dir = FIXTURES): Fixture[] {
  const out: Fixture[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = path.join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(txt|md)$/.test(e)) {
        const exp = p.replace(/\.(txt|md)$/, '.expected.json');
        if (!existsSync(exp)) continue;
        out.push({
          name: path.relative(dir, p),
          file: p,
          text: readFileSync(p, 'utf8').replace(/^\uFEFF/, ''),
          expected: JSON.parse(readFileSync(exp, 'utf8')) as Expected,
        });
      }
    }
  };
  walk(dir);
  return out;
}

/** Differences between an expected subset and the actual value, as readable paths. */
export function subsetDiff(expected: unknown, actual: unknown, at = ''): string[] {
  if (expected === null || typeof expected !== 'object') {
    return Object.is(expected, actual) ? [] : [`${at || '.'}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${at}: expected an array, got ${JSON.stringify(actual)}`];
    if (expected.length !== actual.length) return [`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
    return expected.flatMap((e, i) => subsetDiff(e, actual[i], `${at}[${i}]`));
  }
  if (actual === null || typeof actual !== 'object') return [`${at}: expected an object, got ${JSON.stringify(actual)}`];
  return Object.entries(expected as Record<string, unknown>).flatMap(([k, v]) => subsetDiff(v, (actual as Record<string, unknown>)[k], `${at}.${k}`));
}
