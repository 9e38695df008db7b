/**
 * SARIF 2.1.0 output for code-scanning tools. Columns are UTF-16 code units (declared on the run), 1-based,
 * end columns exclusive, as SARIF defines them.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL_META, docsUrl } from '../core/checks/registry';
import type { Finding, Locale, Severity } from '../core/checks/types';
import type { Range } from '../core/text/lines';
import type { FileResult } from './text';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function region(r: Range): Record<string, number> {
  return {
    startLine: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  };
}

/** The base the relative artifact URIs are resolved against (SARIF §3.14.14: originalUriBaseIds). */
export const URI_BASE_ID = 'SRCROOT';

/**
 * Where a file is, as SARIF wants it: relative to `base` (with uriBaseId SRCROOT) when it lies inside it,
 * else an absolute file:// URI. Never a bare path.
 */
export function artifactLocation(file: string, base: string): { uri: string; uriBaseId?: string } {
  const abs = path.resolve(file);
  const rel = path.relative(base, abs);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: URI_BASE_ID };
  return { uri: pathToFileURL(abs).href };
}

/**
 * `suppressed`: findings dismissed by a baseline, per file; they are listed with a suppression of kind
 * external (the baseline file), as code-scanning tools expect, so they stay visible but do not count.
 */
export function toSarif(results: FileResult[], locale: Locale, version: string, base: string, suppressed: { path: string; findings: Finding[] }[] = []): Record<string, unknown> {
  const rules = ALL_META.map((m) => ({
    id: m.code,
    name: m.code.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: locale === 'en' ? m.description.en : m.description.zh },
    fullDescription: { text: locale === 'en' ? m.docs.why.en : m.docs.why.zh },
    helpUri: docsUrl(m.code, locale),
    defaultConfiguration: { level: LEVEL[m.defaultSeverity] },
    properties: { fixKinds: m.fixes },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const artifacts = results.map((r) => ({ location: artifactLocation(r.path, base), encoding: 'utf-8' }));
  const out: Record<string, unknown>[] = [];
  const dismissed = new Map(suppressed.map((s) => [s.path, s.findings]));
  results.forEach((r, ai) => {
    const loc = artifactLocation(r.path, base);
    for (const f of r.findings) out.push(result(f, loc, ai, index));
    for (const f of dismissed.get(r.path) ?? []) {
      out.push({ ...result(f, loc, ai, index), suppressions: [{ kind: 'external', status: 'accepted', justification: locale === 'en' ? 'dismissed in the baseline' : '已在基线中忽略' }] });
    }
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'govreport', version, semanticVersion: version.replace(/^(\d+\.\d+\.\d+).*$/, '$1'), informationUri: 'https://github.com/govreport/govreport', rules } },
      originalUriBaseIds: { [URI_BASE_ID]: { uri: pathToFileURL(base.endsWith(path.sep) ? base : base + path.sep).href } },
      artifacts,
      columnKind: 'utf16CodeUnits',
      results: out,
    }],
  };
}

function result(f: Finding, where: { uri: string; uriBaseId?: string }, artifactIndex: number, index: Map<string, number>): Record<string, unknown> {
  const artifact = { ...where, index: artifactIndex };
  const loc = { physicalLocation: { artifactLocation: artifact, region: region(f.range) } };
  const res: Record<string, unknown> = {
    ruleId: f.code,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [loc],
  };
  const ri = index.get(f.code);
  if (ri !== undefined) res.ruleIndex = ri;
  if (f.related?.length) {
    res.relatedLocations = f.related.filter((r) => !r.uri).map((r, i) => ({
      id: i,
      message: { text: r.message },
      physicalLocation: { artifactLocation: artifact, region: region(r.range) },
    }));
  }
  // Only a safe fix: a tool that applies every SARIF fix must not write a number or a fact nobody entered.
  if (f.fix?.kind === 'safe') {
    res.fixes = [{
      description: { text: f.fix.title },
      artifactChanges: [{
        artifactLocation: artifact,
        replacements: f.fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
      }],
    }];
  }
  return res;
}
