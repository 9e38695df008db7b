import type { SourceProblem } from '../../source/types';
import { span } from '../../text/lines';
import type { Bilingual, Check, RawFinding } from '../types';

const mb = (n: number | undefined) => ((n ?? 0) / 1024 / 1024).toFixed(0);

/** What a problem of an original means, in both languages (the CLI's `text` says it too). */
export function problemMessage(p: SourceProblem): Bilingual {
  switch (p.kind) {
    case 'scanned': return {
      zh: `无法读取：这是扫描件，PDF 中没有文字层（共 ${p.count ?? '?'} 页）。请用可复制文字的 PDF 或原始 .docx 检查`,
      en: `Cannot read: a scanned PDF without a text layer (${p.count ?? '?'} pages). Check a PDF with text, or the original .docx`,
    };
    case 'encrypted': return {
      zh: '无法读取：文件已加密（设有打开密码）。请去除密码另存后再检查',
      en: 'Cannot read: the file is encrypted (it has an open password). Remove the password, save, and check again',
    };
    case 'legacy': return {
      zh: '无法读取旧版 Word/WPS 文件（.doc/.wps）：请在 Word 或 WPS 中“另存为” .docx 后再检查',
      en: 'Cannot read a legacy Word/WPS file (.doc/.wps): save it as .docx in Word or WPS, then check again',
    };
    case 'too-large': return {
      zh: `未读取：文件超过上限（${mb(p.limit)} MB）`,
      en: `Not read: the file is over the limit (${mb(p.limit)} MB)`,
    };
    case 'too-many-pages': return {
      zh: `未读取：PDF 有 ${p.count} 页，超过上限 ${p.limit} 页`,
      en: `Not read: the PDF has ${p.count} pages, over the limit of ${p.limit}`,
    };
    case 'timeout': return p.count ? {
      zh: `只读取了前 ${p.count} 页：读取时间超过 ${(p.limit ?? 0) / 1000} 秒，其余页未检查`,
      en: `Only the first ${p.count} pages were read: reading took over ${(p.limit ?? 0) / 1000} s; the rest was not checked`,
    } : {
      zh: `未能读取：读取时间超过 ${(p.limit ?? 0) / 1000} 秒，已停止`,
      en: `Not read: reading took over ${(p.limit ?? 0) / 1000} s and was stopped`,
    };
    case 'undecodable': return {
      zh: `无法读取：PDF 中的文字无法解码为字符（字体未嵌入${p.detail ? `，缺少其字符映射 ${p.detail}` : '，编码无法识别'}）。请用嵌入字体的 PDF 或原始 .docx 检查`,
      en: `Cannot read: the PDF's text does not decode to characters (fonts not embedded${p.detail ? `, without their character maps ${p.detail}` : ', an unknown encoding'}). Check a PDF with embedded fonts, or the original .docx`,
    };
    case 'empty': return { zh: '无法读取：文件是空的', en: 'Cannot read: the file is empty' };
    case 'images': return {
      zh: `无法读取：文件中没有年度报告的文字，只有 ${p.count ?? '?'} 张图片（可能是扫描件或截图）。请用含文字的原件检查`,
      en: `Cannot read: the file holds no report text, only ${p.count ?? '?'} picture${p.count === 1 ? '' : 's'} (a scan or screenshots). Check an original with the text in it`,
    };
    case 'damaged': return {
      zh: `无法读取：文件已损坏或不是它的扩展名所说的格式${p.detail ? `（${p.detail}）` : ''}`,
      en: `Cannot read: the file is damaged or not what its name says${p.detail ? ` (${p.detail})` : ''}`,
    };
  }
}

export const sourceUnreadable: Check = {
  meta: {
    code: 'source-unreadable',
    defaultSeverity: 'warning',
    fixes: [],
    description: { zh: '原件（.docx/.pdf/.html）无法读取：扫描件或只有图片、文字无法解码、加密、损坏或旧版 .doc/.wps', en: 'The original (.docx/.pdf/.html) cannot be read: scanned or pictures only, text that does not decode, encrypted, damaged, or a legacy .doc/.wps' },
    docs: {
      why: {
        zh: '检查器直接读取 Word、PDF 和网页原件中的表格结构。扫描的 PDF 没有文字，字体未嵌入且编码无从识别的 PDF 只能读出乱码，加密或损坏的文件打不开，旧版 .doc/.wps 的格式无法可靠读取：此时给出一条提示，而不是一份空白或乱码的检查结果。',
        en: 'The checker reads the table structure of Word, PDF and web originals. A scanned PDF has no text, a PDF whose fonts are not embedded and whose encoding is unknown reads as garbage, an encrypted or damaged file cannot be opened, and legacy .doc/.wps files cannot be read reliably: one message says so, instead of an empty or garbled result.',
      },
      example: '（一个扫描版 PDF，或 2021年年报.doc）',
      fix: {
        zh: '扫描件：找可复制文字的 PDF 或原始 .docx；加密：去除密码另存；.doc/.wps：在 Word 或 WPS 中另存为 .docx。',
        en: 'Scanned: use a PDF with text or the original .docx; encrypted: remove the password; .doc/.wps: save as .docx in Word or WPS.',
      },
    },
  },
  run(ctx) {
    const out: RawFinding[] = [];
    const first = ctx.lines[0]?.text ?? '';
    const problems: SourceProblem[] = [...(ctx.source?.problems ?? [])];
    const images = ctx.source?.images?.length ?? 0;
    if (problems.length === 0 && images > 0 && !ctx.model.isReport) problems.push({ kind: 'images', count: images });
    for (const p of problems) {
      out.push({ range: span(0, 0, first.length), message: ctx.t(problemMessage(p)), data: { problem: p.kind, ...(p.count !== undefined ? { count: p.count } : {}) } });
    }
    return out;
  },
};
