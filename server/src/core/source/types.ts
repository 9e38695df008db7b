/**
 * What a report read from its original (.docx, .html, .pdf) becomes: a text view — the text every range of the
 * model and the findings refers to — plus the table grids the original carries, and where each line and cell
 * of the view is in the original. Plain data: no parser or library types leak out of the source readers.
 */

export type SourceKind = 'docx' | 'html' | 'pdf' | 'legacy';

/** Where something is in the original. Numbers are 1-based, as a person counts them. */
export interface Place {
  /** PDF page. */
  page?: number;
  /** The table's number in the document (tables continued across pages keep one number). */
  table?: number;
  /** Row and column in the table's grid (merged cells count every grid row and column they cover). */
  row?: number;
  column?: number;
  /** Paragraph number outside tables. */
  paragraph?: number;
}

/** One cell of the original table, at the text view's line `line`, columns [start, end). */
export interface GridCell {
  text: string;
  line: number;
  start: number;
  end: number;
  /** Grid row and column of the cell's top-left corner, 0-based within its grid. */
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
  /**
   * A row covered by a cell merged down from above (vMerge continue, rowspan): the cell itself is on an
   * earlier row; this is its place in this row. Its text is the merged cell's; it has no text in the view.
   */
  continued?: boolean;
  /** The merged cell holds a value (a number or a "not filled" mark) rather than a label. */
  valueLike?: boolean;
}

export interface GridRow {
  /** The text view line of this row. */
  line: number;
  /** Grid row index, 0-based. */
  index: number;
  page?: number;
  /** The row's cells in column order, continuations included. */
  cells: GridCell[];
}

export interface Grid {
  /** 1-based table number in the document. */
  table: number;
  rows: GridRow[];
}

/** Why an original could not be read (or not all of it). */
export type SourceProblemKind = 'scanned' | 'encrypted' | 'damaged' | 'legacy' | 'too-large' | 'too-many-pages' | 'timeout' | 'empty'
  /** A PDF's text does not decode to characters (a font not embedded, without the character maps it needs). */
  | 'undecodable'
  /** No report in the text, but pictures: a scan or screenshots pasted into Word or a web page (said by the checks). */
  | 'images';

export interface SourceProblem {
  kind: SourceProblemKind;
  /** A detail for the message (the library's words, a count). */
  detail?: string;
  /** Numbers the message names (pages, limit). */
  count?: number;
  limit?: number;
}

/**
 * What reading an original may ask of its host (the core has no file system): pdf.js's character maps
 * (CMaps, in its binary .bcmap form) for Chinese fonts that are not embedded. Undefined: none available.
 */
export interface SourceEnv {
  /** The CMap named `name` (e.g. "UniGB-UCS2-H", "Adobe-GB1-UCS2"), or undefined when it is not bundled. */
  readCMap?(name: string): Promise<Uint8Array | undefined>;
}

export interface SourceView {
  kind: SourceKind;
  /** The text view, `\n`-separated. */
  text: string;
  grids: Grid[];
  /** For each line of the view: where it is in the original (table rows: table and row; prose: paragraph). */
  lines: Place[];
  problems: SourceProblem[];
  /** PDF page count, when known. */
  pages?: number;
  /**
   * Pictures of a .docx or .html (a table or a page pasted as an image), each as the view line it stands at:
   * the line of the paragraph it is in, or the next line written after it. Not in the text: the view holds
   * only what the original says in words.
   */
  images?: number[];
  /** Detected character set of an HTML page. */
  charset?: string;
}

/** Limits that bound the time and memory of reading an original. Named here, next to what they govern. */
export const SOURCE_LIMITS = {
  /** Bytes of a .docx/.pdf/.html file read at all (a report is well under 10 MB; a scan can be 50). */
  maxFileBytes: 64 * 1024 * 1024,
  /** Uncompressed bytes of word/document.xml (a 100-page report is about 2 MB; a zip bomb is refused). */
  maxXmlBytes: 48 * 1024 * 1024,
  /** Entries of a .docx zip (Word writes about 20). */
  maxZipEntries: 5000,
  /** Pages of a PDF (a report has 5 to 30; a 10,000-page file is not read). */
  maxPdfPages: 300,
  /** Wall-clock budget for reading a PDF's pages; beyond it the rest is not read. */
  maxPdfMs: 30_000,
  /** Characters of the text view (a report is 20,000; the checker's own limit applies after). */
  maxViewChars: 4_000_000,
  /** Table nesting followed in HTML and .docx. */
  maxDepth: 64,
} as const;

export type SourceLimits = { -readonly [K in keyof typeof SOURCE_LIMITS]: number };
