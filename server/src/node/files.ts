/**
 * Reading report files from disk: any encoding real reports come in (UTF-8 with or without BOM, UTF-16 with
 * or without BOM, GB18030/GBK, Big5), and walking folders for *.txt and *.md.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, constants as fsConstants, fstatSync, promises as fs, openSync, readSync, type Stats, statSync } from 'node:fs';
import * as path from 'node:path';
import { decodeChinese, guessUtf16 } from './encodings';

/** How much of a file is looked at for NUL bytes (none in a text file, many in UTF-16 and binary data). */
const NUL_PROBE_BYTES = 64 * 1024;
/** A file with more NUL bytes than this share that is not UTF-16 is binary data. */
const BINARY_NUL_SHARE = 0.01;

export interface ReadResult {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';
}

export class UnreadableFile extends Error {
  constructor(readonly path: string, reason: string) {
    super(reason);
  }
}

/** Decodes bytes of a text file; throws UnreadableFile for binary data. */
export function decode(bytes: Uint8Array, file = ''): ReadResult {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  // NUL bytes: UTF-16 without a BOM (its ASCII characters have a zero byte), or binary data; a stray one in
  // a text file is neither.
  const probe = bytes.subarray(0, NUL_PROBE_BYTES);
  // Counted only when there is one: a callback per byte was two thirds of the cost of decoding a report.
  let nul = 0;
  for (let i = probe.indexOf(0); i >= 0; i = probe.indexOf(0, i + 1)) nul++;
  const utf8 = isUtf8(bytes);
  const utf16 = nul > 0 || !utf8 ? guessUtf16(bytes) : undefined;
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  if (nul > probe.length * BINARY_NUL_SHARE) throw new UnreadableFile(file, 'binary data, not a text file');
  if (utf8) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  const chinese = decodeChinese(bytes);
  if (chinese) return chinese;
  throw new UnreadableFile(file, 'not valid UTF-8, UTF-16, GB18030 or Big5 text');
}

/**
 * The reasons above in Chinese, for what the CLI prints (the English text is what travels: between threads,
 * in JSON output and in logs).
 */
const REASONS_ZH: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^no such file or folder$/, () => '没有这个文件或文件夹'],
  [/^no such file$/, () => '没有这个文件'],
  [/^permission denied$/, () => '没有读取权限'],
  [/^is a directory$/, () => '是文件夹，不是文件'],
  [/^a loop of symbolic links$/, () => '符号链接形成了循环'],
  [/^the name is too long$/, () => '文件名过长'],
  [/^not a regular file \(a pipe, device or socket\)$/, () => '不是普通文件（是管道、设备或套接字），未读取'],
  [/^too large \((\d+) bytes, the limit is (\d+)\)$/, (m) => `文件过大（${m[1]} 字节，上限 ${m[2]} 字节），未读取`],
  [/^binary data, not a text file$/, () => '是二进制数据，不是文本文件'],
  [/^not valid UTF-8, UTF-16, GB18030 or Big5 text$/, () => '不是有效的 UTF-8、UTF-16、GB18030 或 Big5 文本'],
  [/^not a report file \(\.txt, \.md, \.govreport, \.docx, \.pdf, \.html\): not read$/, () => '不是报告文件（.txt、.md、.govreport、.docx、.pdf、.html），未读取'],
  [/^outside the workspace folders: not read$/, () => '在工作区文件夹之外，未读取'],
  [/^not a file on disk$/, () => '不是磁盘上的文件'],
];

/** Why a file could not be read, in the reader's language. */
export function reasonIn(reason: string, locale: 'zh' | 'en'): string {
  if (locale === 'en') return reason;
  for (const [re, zh] of REASONS_ZH) {
    const m = re.exec(reason);
    if (m) return zh(m);
  }
  return reason;
}

/** A file larger than the caller's limit, refused before it is read. */
export class FileTooLarge extends UnreadableFile {
  constructor(path: string, readonly size: number, readonly limit: number) {
    super(path, `too large (${size} bytes, the limit is ${limit})`);
  }
}

function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ELOOP': return 'a loop of symbolic links';
    case 'ENAMETOOLONG': return 'the name is too long';
    default: return (err as Error).message;
  }
}

/** Refuses what is not a regular file within the limit (checked on the path, then again on the open handle). */
function checkKind(st: Stats, file: string, maxBytes: number): void {
  if (st.isDirectory()) throw new UnreadableFile(file, 'is a directory');
  if (!st.isFile()) throw new UnreadableFile(file, 'not a regular file (a pipe, device or socket)');
  if (st.size > maxBytes) throw new FileTooLarge(file, st.size, maxBytes);
}

/**
 * Reads a regular file's bytes, at most `maxBytes`. Anything else (a FIFO, a device, a socket, a directory)
 * is refused before it is opened, so no read can block or run forever; the file is opened non-blocking and
 * checked again on its handle, in case it was swapped between the two looks.
 */
export async function readFileBytes(file: string, maxBytes = Number.MAX_SAFE_INTEGER): Promise<Buffer> {
  try {
    checkKind(await fs.stat(file), file, maxBytes);
  } catch (err) {
    throw err instanceof UnreadableFile ? err : new UnreadableFile(file, reasonOf(err));
  }
  let handle;
  try {
    handle = await fs.open(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (err) {
    throw new UnreadableFile(file, reasonOf(err));
  }
  try {
    const hst = await handle.stat();
    checkKind(hst, file, maxBytes);
    // Read what is there now, never more than the limit (a file growing while read is cut at the limit).
    const want = Math.min(hst.size, maxBytes);
    const buf = Buffer.alloc(want);
    let got = 0;
    while (got < want) {
      const { bytesRead } = await handle.read(buf, got, want - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return got === want ? buf : buf.subarray(0, got);
  } catch (err) {
    if (err instanceof UnreadableFile) throw err;
    throw new UnreadableFile(file, reasonOf(err));
  } finally {
    await handle.close();
  }
}

/** readFileBytes for callers that cannot wait (the server's lookup of last year's report while checking). */
export function readFileBytesSync(file: string, maxBytes = Number.MAX_SAFE_INTEGER): Buffer {
  let fd: number | undefined;
  try {
    checkKind(statSync(file), file, maxBytes);
    fd = openSync(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    const st = fstatSync(fd);
    checkKind(st, file, maxBytes);
    const buf = Buffer.alloc(Math.min(st.size, maxBytes));
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return got === buf.length ? buf : buf.subarray(0, got);
  } catch (err) {
    throw err instanceof UnreadableFile ? err : new UnreadableFile(file, reasonOf(err));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export async function readReportFile(file: string, maxBytes?: number): Promise<ReadResult> {
  return decode(await readFileBytes(file, maxBytes), file);
}

/** Report files a folder is searched for: text, and the originals the source readers read (and .doc/.wps, to say why not). */
const REPORT_EXT = new Set(['.txt', '.md', '.markdown', '.govreport', '.docx', '.pdf', '.html', '.htm', '.doc', '.wps']);
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

/** Expands files and folders into report files (folders recursively: text, .docx, .pdf, .html), sorted. */
export async function collectFiles(inputs: string[]): Promise<{ files: string[]; missing: UnreadableFile[] }> {
  const files: string[] = [];
  const missing: UnreadableFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      missing.push(new UnreadableFile(dir, reasonOf(err)));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(p);
      } else if (e.isFile() && REPORT_EXT.has(path.extname(e.name).toLowerCase())) files.push(p);
    }
  };
  for (const input of inputs) {
    let st;
    try {
      st = await fs.stat(input);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      missing.push(new UnreadableFile(input, code === 'ENOENT' ? 'no such file or folder' : reasonOf(err)));
      continue;
    }
    if (st.isDirectory()) await walk(input);
    else files.push(input);
  }
  return { files, missing };
}
