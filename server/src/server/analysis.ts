/**
 * One analysis per document text: the model and the findings, computed on demand and cached until the
 * document or the settings change. The cache is keyed on the text itself as well as the version, so a client
 * that repeats a version number or opens a document twice never gets the old text's results. The core is fast
 * enough to re-read the whole document on every edit.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Locale } from '../core/checks/types';
import type { ReportModel } from '../core/model';
import { checkOptions } from '../core/options';
import { type ParseCache, parseLines } from '../core/parse/index';
import { type CheckOptions, checkText, overLimit, runChecks, sourceInfo } from '../core/service';
import { resolveLocale, type Settings } from '../core/settings';
import { type Line, type Range, splitLines } from '../core/text/lines';
import type { SourceView } from '../core/source/types';
import type { Originals } from './originals';
import type { OpenReport, ReportIndex } from './report-index';
import { withoutDismissed } from './baseline';
import { fileNameOf } from './uri-name';
import type { SettingsStore } from './settings';

export interface Analysis {
  uri: string;
  version: number;
  model: ReportModel;
  findings: Finding[];
  lines: Line[];
  locale: Locale;
  settings: Settings;
  /** Identifies this result for pull diagnostics: unique per analysis, never reused for another text. */
  resultId: string;
  /** The settings generation it was computed in. */
  generation: number;
  text: string;
  /** The options the findings were computed with (for fix all, which re-checks). */
  options: CheckOptions;
  /** For a text view of an original (.docx, .pdf, .html): the view, with its grids and places. */
  view?: SourceView;
}

/** Documents at least this long keep their line readings between edits. */
const REUSE_FROM = 50_000;

export class Analyzer {
  private readonly cache = new Map<string, Analysis>();
  /** Per document, the line readings of its last parse (typing re-reads only the lines it changed). */
  private readonly parses = new Map<string, ParseCache>();
  /** Bumped when settings change, so every cached analysis is stale. */
  private generation = 0;
  /** Numbers the analyses, for result ids. */
  private runs = 0;

  constructor(
    private readonly settings: SettingsStore,
    private readonly index: ReportIndex,
    private readonly clientLocale: () => string | undefined,
    private readonly openModel: (uri: string) => OpenReport | undefined,
    /** Where the user just edited a document (its recent edits, most recent last). */
    private readonly edited: (uri: string) => readonly Range[] = () => [],
    private readonly originals?: Originals,
  ) {}

  /**
   * The cached analysis of this exact text and version, if any (no work). Comparing the texts costs nothing
   * when the document is unchanged (the same string) and little otherwise (lengths or early characters differ).
   */
  peek(doc: TextDocument): Analysis | undefined {
    const a = this.cache.get(doc.uri);
    return a && a.version === doc.version && a.generation === this.generation && a.text === doc.getText() ? a : undefined;
  }

  async analyse(doc: TextDocument): Promise<Analysis> {
    const hit = this.peek(doc);
    if (hit) return hit;
    const generation = this.generation;
    const settings = await this.settings.get(doc.uri);
    const view = await this.originals?.forDocument(doc.uri, doc.getText());
    const fresh = this.peek(doc);
    if (fresh) return fresh;
    return this.run(doc, settings, generation, view);
  }

  private run(doc: TextDocument, settings: Settings, generation: number, view?: SourceView): Analysis {
    const text = doc.getText();
    const locale = resolveLocale(settings.locale, this.clientLocale());
    const options: CheckOptions = checkOptions(settings, { locale });
    if (view) options.source = sourceInfo(view);
    const edited = this.edited(doc.uri);
    if (edited.length > 0) options.edited = edited;
    let model: ReportModel;
    let findings: Finding[];
    let lines: Line[];
    if (overLimit(text, settings.maxFileSize)) {
      ({ model, findings } = checkText(text, options));
      lines = [];
    } else {
      lines = splitLines(text);
      // Only a large document is worth keeping its line readings for: a report of usual size re-reads in about
      // a millisecond, and fifty open reports should not hold fifty sets of tokens.
      let parse = this.parses.get(doc.uri);
      if (!parse && text.length >= REUSE_FROM) this.parses.set(doc.uri, (parse = {}));
      else if (parse && text.length < REUSE_FROM) {
        this.parses.delete(doc.uri);
        parse = undefined;
      }
      model = parseLines(text, lines, parse, view?.grids);
      const previous = model.isReport ? this.index.previousFor(doc.uri, model, this.openModel) : undefined;
      if (previous && locale === 'en') previous.label = `the ${previous.model.year} report (${previous.uri!.slice(previous.uri!.lastIndexOf('/') + 1)})`;
      if (previous) options.previous = previous;
      findings = settings.enable ? runChecks(model, lines, options) : [];
      // Findings the reviewer dismissed (govreport.json's "baseline"), as the CLI does.
      if (settings.baseline) findings = withoutDismissed(settings.baseline, findings, model, lines, fileNameOf(doc.uri));
    }
    this.index.update(doc.uri, model);
    const a: Analysis = { uri: doc.uri, version: doc.version, model, findings, lines, locale, settings, resultId: `${doc.version}:${generation}:${++this.runs}`, generation, text, options, ...(view ? { view } : {}) };
    if (generation === this.generation) this.cache.set(doc.uri, a);
    return a;
  }

  /** The latest analysis, whatever its version (for requests that tolerate a stale one). */
  latest(uri: string): Analysis | undefined {
    return this.cache.get(uri);
  }

  invalidateAll(): void {
    this.generation++;
  }

  /** The analysis is stale (its predecessor changed); the parse cache stays. */
  invalidate(uri: string): void {
    this.cache.delete(uri);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.parses.delete(uri);
  }
}
