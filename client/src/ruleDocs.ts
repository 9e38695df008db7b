/**
 * The check documentation shipped in the extension: docs/checks/<code>.md, one file per check code. The
 * folder is listed at run time, so new checks need no client change.
 */
import * as vscode from 'vscode';

export interface RuleDoc {
  code: string;
  uri: vscode.Uri;
}

const CODE = /^[a-z0-9][a-z0-9-]*$/;

export class RuleDocs {
  private list: Promise<RuleDoc[]> | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  get folder(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'docs', 'checks');
  }

  /** The documented codes, sorted (read once). */
  all(): Promise<RuleDoc[]> {
    this.list ??= this.read();
    return this.list;
  }

  private async read(): Promise<RuleDoc[]> {
    try {
      const entries = await vscode.workspace.fs.readDirectory(this.folder);
      const docs = entries
        .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md') && CODE.test(name.slice(0, -3)))
        .map(([name]) => ({ code: name.slice(0, -3), uri: vscode.Uri.joinPath(this.folder, name) }))
        .sort((a, b) => a.code.localeCompare(b.code));
      if (docs.length === 0) this.list = undefined; // try again next time
      return docs;
    } catch {
      this.list = undefined;
      return [];
    }
  }

  async find(code: string): Promise<RuleDoc | undefined> {
    return (await this.all()).find((d) => d.code === code);
  }

  /** The first Markdown heading of a code's page, without the code itself, for the quick pick. */
  async title(doc: RuleDoc): Promise<string> {
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(doc.uri));
      const heading = /^#\s+(.+)$/m.exec(text)?.[1] ?? '';
      return heading.replace(/`/g, '').replace(doc.code, '').replace(/^[\s:：—–-]+|[\s:：—–-]+$/g, '');
    } catch {
      return '';
    }
  }
}

/** The check code of a diagnostic, whichever form the code takes. */
export function diagnosticCode(d: vscode.Diagnostic): string | undefined {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return code === undefined ? undefined : String(code);
}
