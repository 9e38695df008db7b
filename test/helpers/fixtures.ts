/**
 * Fixture files: a report (`*.txt` or `*.md`) and what a person expects when reading it.
 *
 * The expected findings are written in the report itself, as markdownlint's test files do: a marker
 * `{{code}}` at the end of a line expects a finding of that code starting on that line, and
 * `{{code: words}}` also expects its message to contain the words. Markers (with one space before them) are
 * removed before the text is checked, so columns and line numbers are the report's own. A fixture without
 * markers expects no finding at all, which is how a near miss says "stay quiet".
 *
 * An optional `<name>.expected.json` beside it holds model facts (a subset of `govreport parse --format json`),
 * options to check with, last year's report, and, for fixtures not yet converted (the seeds), the findings as
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

/** An expected-finding marker: `{{code}}` or `{{code: words the message contains}}`, with one space before it. */
const MARKER = / ?\{\{([a-z0-9-]+)(?::\s*([^}]*?))?\s*\}\}/g;

export interface Marked {
  /** The text without its markers. */
  text: string;
  diagnostics: [string, number][];
  /** "<code>@<line>" → words the message must contain. */
  messages: Record<string, string>;
}

/** Reads the markers out of a fixture's text. */
export function readMarkers(raw: string): Marked {
  const diagnostics: [string, number][] = [];
  const messages: Record<string, string> = {};
  const lines = raw.split(/(\r\n|\n|\r)/);
  for (let i = 0; i < lines.length; i += 2) {
    const line = (i >> 1) + 1;
    lines[i] = lines[i]!.replace(MARKER, (_, code: string, words: string | undefined) => {
      diagnostics.push([code, line]);
      if (words) messages[`${code}@${line}`] = words;
      return '';
    });
  }
  return { text: lines.join(''), diagnostics, messages };
}

/** The report files under a folder (.txt and .md, not README.md), depth first, in name order. */
export function reportFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = path.join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(txt|md)$/.test(e) && e !== 'README.md') out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Every line of the fixture reports (a sample of real text for tests of the line scans and readers). */
export function fixtureLines(dir = FIXTURES): string[] {
  return reportFiles(dir).flatMap((p) => readFileSync(p, 'utf8').split(/\r\n|\r|\n/));
}

export function loadFixtures(dir = FIXTURES): Fixture[] {
  return reportFiles(dir).map((p) => {
    const exp = p.replace(/\.(txt|md)$/, '.expected.json');
    const side = existsSync(exp) ? JSON.parse(readFileSync(exp, 'utf8')) as Partial<Expected> & { messages?: Record<string, string> } : {};
    const marked = readMarkers(readFileSync(p, 'utf8').replace(/^\uFEFF/, ''));
    const inline = marked.diagnostics.length > 0 || !side.diagnostics;
    if (inline && side.diagnostics) throw new Error(`${p}: findings both inline and in ${path.basename(exp)}`);
    const expected = {
      ...side,
      diagnostics: inline ? marked.diagnostics : side.diagnostics!,
      ...(inline && Object.keys(marked.messages).length ? { messages: { ...(side.messages ?? {}), ...marked.messages } } : {}),
    } as Expected;
    return { name: path.relative(dir, p), file: p, text: marked.text, expected };
  });
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
