/**
 * Findings of the core as LSP diagnostics. Diagnostic.data carries facts, never edits: the document version
 * the finding was computed for, the kinds of the fixes it offers, and what it concerns (table, row, column,
 * section …). With the code and the range, that identifies the finding; its edits are built when a code action
 * is asked for, from the analysis of that version (features/code-actions.ts). Validated with zod on the way
 * back in.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type Diagnostic, DiagnosticSeverity, type DiagnosticRelatedInformation, type Range, type TextEdit,
} from 'vscode-languageserver';
import { z } from 'zod';
import { docsPage, docsUrl } from '../core/checks/registry';
import { FIX_KINDS, type Finding, type FixKind, type Locale, type Severity } from '../core/checks/types';
import { fixesOf } from '../core/service';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The most fixes one finding offers (checks offer one or two). */
const MAX_FIXES = 8;
/** Facts kept in data: scalars, and lists of at most this many scalars (the rows a table lacks). */
const MAX_FACT_LIST = 40;
/** A fact string longer than this is left out (facts are keys and numbers, not text). */
const MAX_FACT_STRING = 200;

const fact = z.union([z.string().max(MAX_FACT_STRING), z.number(), z.boolean(), z.null()]);

export const diagnosticData = z.object({
  v: z.literal(2),
  /** The document version the finding was computed for. */
  version: z.number().int(),
  /** The kinds of the fixes it offers, in order. */
  fixes: z.array(z.enum(FIX_KINDS as [FixKind, ...FixKind[]])).max(MAX_FIXES),
  /** What the finding concerns, for tools: table, row, column, section, expected and actual values. */
  facts: z.record(z.string().max(40), z.union([fact, z.array(fact).max(MAX_FACT_LIST)])).optional(),
});

export type DiagnosticData = z.infer<typeof diagnosticData>;
type Facts = NonNullable<DiagnosticData['facts']>;

const isFact = (v: unknown) => v === null || typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && v.length <= MAX_FACT_STRING);

/** The small, flat facts of a finding's data (nested or long values are left out). */
function factsOf(data: Finding['data']): Facts | undefined {
  if (!data) return undefined;
  const out: Facts = {};
  let any = false;
  for (const [k, v] of Object.entries(data)) {
    if (isFact(v)) out[k] = v as z.infer<typeof fact>;
    else if (Array.isArray(v) && v.length <= MAX_FACT_LIST && v.every(isFact)) out[k] = v as z.infer<typeof fact>[];
    else continue;
    any = true;
  }
  return any ? out : undefined;
}

export const SOURCE = 'govreport';

/** The rule docs shipped next to the server (repository and .vsix both have docs/checks beside dist/). */
const LOCAL_DOCS = path.join(__dirname, '..', 'docs', 'checks');
const haveLocalDocs = existsSync(path.join(LOCAL_DOCS, 'README.md'));

/** Where a code's documentation opens: the local file when shipped (works offline), else the web page. */
export function docsHref(code: string, locale: Locale = 'zh'): string {
  return haveLocalDocs ? pathToFileURL(path.join(LOCAL_DOCS, docsPage(code, locale))).toString() : docsUrl(code, locale);
}

export function toDiagnostic(f: Finding, uri: string, version: number, locale: Locale = 'zh'): Diagnostic {
  const facts = factsOf(f.data);
  const data: DiagnosticData = { v: 2, version, fixes: fixesOf(f).map((x) => x.kind), ...(facts ? { facts } : {}) };
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: docsHref(f.code, locale) },
    source: SOURCE,
    message: f.message,
    data,
  };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r): DiagnosticRelatedInformation => ({
      location: { uri: r.uri ? toUri(r.uri) : uri, range: r.range },
      message: r.message,
    }));
  }
  return d;
}

/** A path (from the CLI's related info) or URI as a URI. */
function toUri(s: string): string {
  if (/^[a-z][\w+.-]*:/i.test(s)) return s;
  return `file://${s.startsWith('/') ? '' : '/'}${s.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * The facts a diagnostic brings back, if they are ours and valid: null when they are for another version of
 * the document (stale), undefined when absent or not ours (some clients drop data).
 */
export function dataOf(d: Diagnostic, version: number): DiagnosticData | null | undefined {
  if (d.source !== SOURCE) return undefined;
  const parsed = diagnosticData.safeParse(d.data);
  if (!parsed.success) return undefined;
  return parsed.data.version === version ? parsed.data : null;
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;
}

export type { TextEdit };
