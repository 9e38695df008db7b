/**
 * The few requests the GovReport client and server exchange beyond standard LSP. Plain types and method
 * names only (no imports), shared by the client bundle and the server.
 */

/** Client → server: facts of one document for the status bar. */
export const REPORT_INFO = 'govreport/reportInfo';

export interface ReportInfoParams {
  uri: string;
}

export interface ReportInfo {
  uri: string;
  /** False when the document is not an annual report (nothing is checked). */
  isReport: boolean;
  year: number | null;
  agency: string | null;
  /** The table layout the report follows: '2021', '2019', or null without tables. */
  format: string | null;
  /** The layout its year calls for. */
  expectedFormat: string | null;
  errors: number;
  warnings: number;
  /** Information and hints. */
  notes: number;
}

/**
 * Client → server: check files on disk (the "check all reports in the workspace" command). The server
 * reads each file, publishes its diagnostics (push), and answers with a summary per file. The client sends
 * the workspace's files in batches and reports progress between them.
 */
export const CHECK_FILES = 'govreport/checkFiles';

export interface CheckFilesParams {
  uris: string[];
}

export interface CheckFileSummary {
  uri: string;
  isReport: boolean;
  errors: number;
  warnings: number;
  notes: number;
  /** Set when the file could not be read. */
  error?: string;
}

export interface CheckFilesResult {
  files: CheckFileSummary[];
}

/**
 * Client → server (notification): whether the user trusts the workspace, when that changes (it starts in
 * initializationOptions.workspaceTrusted). In an untrusted workspace a govreport.json cannot raise limits.
 */
export const WORKSPACE_TRUST = 'govreport/workspaceTrust';

export interface WorkspaceTrustParams {
  trusted: boolean;
}

/** Client → server: the 2021 template for a new report. */
export const TEMPLATE = 'govreport/template';

export interface TemplateParams {
  year: number;
  agency?: string;
}

export interface TemplateResult {
  text: string;
}

/**

 * Server → client notification, no params: settings or a govreport.json changed and every result was
 * computed again; the client asks again for what the protocol cannot refresh (the Outline, the status bar).
 */
export const SETTINGS_CHANGED = 'govreport/settingsChanged';

/**
 * Server command (workspace/executeCommand) that applies the safe fixes of a document ("Apply all automatic
 * fixes"); its argument is `{ uri }`, its answer a FixAllResult.
 */
export const COMMAND_FIX_ALL = 'govreport.fixAll';

/** What "apply all automatic fixes" did, and what it left for a person: for the client's notification. */
export interface FixAllResult {
  /** Whether the client applied the edits (false when there was nothing to do). */
  applied: boolean;
  /** Findings fixed, per code (safe fixes only: form, never content). */
  fixed: Record<string, number>;
  /** Findings left whose fixes a person must choose (skeletons, suggestions), the first of them (0-based lines). */
  left: { code: string; line: number; kinds: string[]; title: string }[];
  /** How many findings are left with such fixes in all. */
  leftCount: number;
  /** The findings of the fixed text, by severity. */
  errors: number;
  warnings: number;
  /** Information and hints. */
  notes: number;
}

/** The code action kind of "fix all" for editor.codeActionsOnSave. */
export const FIX_ALL_KIND = 'source.fixAll.govreport';

/** Settings section read with workspace/configuration. */
export const SETTINGS_SECTION = 'govreport';

/** The language id of reports. */
export const LANGUAGE_ID = 'govreport';

/** The URI scheme of an original (.docx, .pdf, .html) shown as its read-only text view: the file URI with this scheme. */
export const ORIGINAL_SCHEME = 'govreport-original';

/**
 * Client command that saves the active text view of an original as a .txt/.md to edit ("另存为可编辑的报告");
 * the server offers it instead of fixes on a view, which is read-only.
 */
export const COMMAND_SAVE_EDITABLE = 'govreport.saveEditable';

/** Client → server: the text view of an original file (the server reads and converts it). */
export const SOURCE_TEXT = 'govreport/sourceText';

export interface SourceTextParams {
  /** The original's file URI (or its govreport-original URI). */
  uri: string;
}

export interface SourceTextResult {
  text: string;
  kind: string;
  /** Why (part of) the original could not be read, in the user's language; empty when all was read. */
  problems: string[];
}

/** Client → server: the current report as a .docx in the official layout. */
export const EXPORT_DOCX = 'govreport/exportDocx';

export interface ExportDocxParams {
  uri: string;
}

export interface ExportDocxResult {
  /** The .docx, base64. */
  data: string;
  /** Tables exported as their lines, not as Word tables (read without confidence): their names. */
  asText: string[];
}
