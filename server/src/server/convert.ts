/**
 * Findings of the core as LSP diagnostics. The fix travels in Diagnostic.data (with the document version it
 * was computed for) and is validated with zod when a code-action request brings it back.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type Diagnostic, DiagnosticSeverity, type DiagnosticRelatedInformation, type Range, type TextEdit,
} from 'vscode-languageserver';
import { z } from 'zod';
import { docsPage, docsUrl } from '../core/checks/registry';
import type { Finding, Locale, Severity } from '../core/checks/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const position = z.object({ line: z.number().int().min(0), character: z.number().int().min(0) });
const range = z.object({ start: position, end: position });
const fix = z.object({
  title: z.string().min(1).max(500),
  edits: z.array(z.object({ range, newText: z.string().max(1_000_000) })).min(1).max(10_000),
});

export const diagnosticData = z.object({
  v: z.literal(1),
  /** The document version the fixes were computed for. */
  version: z.number().int(),
  fixes: z.array(fix),
});

export type DiagnosticData = z.infer<typeof diagnosticData>;
export type FixData = z.infer<typeof fix>;

export const SOURCE = 'govreport';

/** The rule docs shipped next to the server (repository and .vsix both have docs/checks beside dist/). */
const LOCAL_DOCS = path.join(__dirname, '..', 'docs', 'checks');
const haveLocalDocs = existsSync(path.join(LOCAL_DOCS, 'README.md'));

/** Where a code's documentation opens: the local file when shipped (works offline), else the web page. */
export function docsHref(code: string, locale: Locale = 'zh'): string {
  return haveLocalDocs ? pathToFileURL(path.join(LOCAL_DOCS, docsPage(code, locale))).toString() : docsUrl(code, locale);
}

export function toDiagnostic(f: Finding, uri: string, version: number, locale: Locale = 'zh'): Diagnostic {
  const fixes = [...(f.fix ? [f.fix] : []), ...(f.moreFixes ?? [])];
  const data: DiagnosticData = { v: 1, version, fixes };
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

/** The fixes a diagnostic carries, if its data is ours, valid, and for this document version. */
export function fixesOf(d: Diagnostic, version: number): FixData[] | undefined {
  if (d.source !== SOURCE) return undefined;
  const parsed = diagnosticData.safeParse(d.data);
  if (!parsed.success || parsed.data.version !== version) return undefined;
  return parsed.data.fixes;
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;
}

export type { TextEdit };
