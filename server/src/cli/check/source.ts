/**
 * The one step that turns a file into the text the checker reads. Today every input is a text file (any
 * encoding node/files.ts decodes); readers of other originals (.docx, .pdf, .html) plug in here, so the folder
 * pipeline, the workers and the in-process path all take them alike.
 */
import { readReportFile } from '../../node/files';

export interface Source {
  text: string;
  /** How the file was stored: an encoding for text files, or the original's format. */
  format: string;
}

export async function readSource(file: string, maxBytes?: number): Promise<Source> {
  const { text, encoding } = await readReportFile(file, maxBytes);
  return { text, format: encoding };
}
