/**
 * The workspace the server serves: its folders (from initialize, then workspace/didChangeWorkspaceFolders) and
 * whether the client trusts it. Files on disk are indexed and served only inside the folders, judged on real
 * paths, so a link inside a folder to a file elsewhere is elsewhere. Without folders nothing on disk is served.
 */
import { promises as fs, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The path of a file: URI, or undefined for other schemes and malformed URIs. */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

export class Workspace {
  /** The folders' paths as the client gave them (walked as such), and their real paths (to judge containment). */
  private given: string[] = [];
  private roots: string[] = [];
  /** False in an untrusted workspace (VS Code's restricted mode): then a govreport.json may not widen anything. */
  trusted = true;

  /** The folders, as file: URIs (others are ignored). */
  setFolders(uris: readonly string[]): void {
    this.given = [...new Set(uris.map(pathOf).filter((p): p is string => p !== undefined))];
    this.roots = [...new Set(this.given.map(real))];
  }

  /** The folders' paths, as given. */
  get folders(): readonly string[] {
    return this.given;
  }

  /** Whether a real path lies in a folder. */
  containsReal(file: string): boolean {
    return this.roots.some((root) => file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
  }

  /** Whether a path lies in a folder, judged on its real path (a link inside to a file elsewhere is elsewhere). */
  containsPath(p: string): boolean {
    return this.roots.length > 0 && this.containsReal(real(p));
  }

  /** The real path of the file a URI names, if it lies in a folder (undefined otherwise, or if it does not exist). */
  async inside(uri: string): Promise<string | undefined> {
    const p = pathOf(uri);
    if (p === undefined || this.roots.length === 0) return undefined;
    let file: string;
    try {
      file = await fs.realpath(p);
    } catch {
      // Not there (or a loop of links): judged by where it would be, so the caller reports why it cannot read it.
      file = path.resolve(p);
    }
    return this.containsReal(file) ? file : undefined;
  }
}
