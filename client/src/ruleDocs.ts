/**
 * The check documentation shipped in the extension, one language per page: docs/checks/<code>.md in Chinese,
 * docs/checks/en/<code>.md in English, one file per check code. The folders are listed at run time, so new
 * checks need no client change.
 */
import * as vscode from 'vscode';
import type { Locale } from './locale';

export interface RuleDoc {
  code: string;
  uri: vscode.Uri;
}

const CODE = /^[a-z0-9][a-z0-9-]*$/;

export class RuleDocs {
  private readonly lists = new Map<Locale, Promise<RuleDoc[]>>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  folder(locale: Locale = 'zh'): vscode.Uri {
    const base = vscode.Uri.joinPath(this.extensionUri, 'docs', 'checks');
    return locale === 'en' ? vscode.Uri.joinPath(base, 'en') : base;
  }

  /** The documented codes in a language, sorted (read once). */
  all(locale: Locale = 'zh'): Promise<RuleDoc[]> {
    let list = this.lists.get(locale);
    if (!list) this.lists.set(locale, (list = this.read(locale)));
    return list;
  }

  private async read(locale: Locale): Promise<RuleDoc[]> {
    const folder = this.folder(locale);
    try {
      const entries = await vscode.workspace.fs.readDirectory(folder);
      const docs = entries
        .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md') && CODE.test(name.slice(0, -3)))
        .map(([name]) => ({ code: name.slice(0, -3), uri: vscode.Uri.joinPath(folder, name) }))
        .sort((a, b) => a.code.localeCompare(b.code));
      if (docs.length === 0) this.lists.delete(locale); // try again next time
      return docs;
    } catch {
      this.lists.delete(locale);
      return [];
    }
  }

  async find(code: string, locale: Locale = 'zh'): Promise<RuleDoc | undefined> {
    return (await this.all(locale)).find((d) => d.code === code);
  }

  /** The first Markdown heading of a code's page without the code itself (its description), for the quick pick. */
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
