/**
 * Originals as people hold them: the same report (fixtures/originals/clean.docx, sum-error-gbk.html) written
 * the ways Word, WPS and government sites write it — content controls, tracked changes, fields, a layout
 * frame around everything, `w:tblGrid` missing or wrong, stale spans kept by tracked property changes,
 * `<w:vMerge/>` without a value, deleted rows; HTML in a layout table, with `<th>`, `<br>` and `<p>` in cells,
 * `&nbsp;`, GBK without a meta tag. Each must read as the plain original does: the same text view, the same
 * tables, the same findings.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { checkView } from '../../server/src/core/service';
import { formatNumber } from '../../server/src/core/source/docx-numbering';
import { readSource, type SourceView } from '../../server/src/core/source/index';
import { FIXTURES } from '../helpers/fixtures';

const ORIGINALS = path.join(FIXTURES, 'originals');
const found = (v: SourceView) => checkView(v).findings.map((f) => `${f.code}@${f.range.start.line + 1}`).sort();
const said = (v: SourceView) => checkView(v).findings.map((f) => `${f.code} ${f.message}`).sort();
const tables = (v: SourceView) => {
  const { model } = checkView(v);
  return Object.fromEntries(Object.entries(model.tables).map(([k, t]) => [k, [t.confident, Object.fromEntries([...t.rows].map(([rk, r]) => [rk, r.cells.map((c) => c.value)]))]]));
};

const cleanDocx = readFileSync(path.join(ORIGINALS, 'clean.docx'));
const cleanXml = strFromU8(unzipSync(cleanDocx)['word/document.xml']!);
/** clean.docx with its document.xml changed by `edit`. */
function docxWith(edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(cleanDocx);
  const xml = edit(cleanXml);
  assert.notEqual(xml, cleanXml, 'the edit changed the document');
  files['word/document.xml'] = strToU8(xml);
  return zipSync(files);
}
/** A run holding a number, as LibreOffice writes it. */
const NUMBER_RUN = /<w:r><w:rPr><\/w:rPr><w:t>(\d+)<\/w:t><\/w:r>/g;
const BODY = /<w:body>([\s\S]*)(<w:sectPr[\s\S]*<\/w:body>)/;

async function sameAsClean(bytes: Uint8Array): Promise<SourceView> {
  const plain = await readSource(cleanDocx);
  const v = await readSource(bytes);
  assert.deepEqual(v.problems, []);
  // (a frame's last cell ends with an empty paragraph, as Word requires: one blank line more at the end)
  assert.equal(v.text.trimEnd(), plain.text.trimEnd(), 'the same text view');
  assert.deepEqual(tables(v), tables(plain));
  assert.deepEqual(found(v), found(plain));
  return v;
}

describe('.docx as Word and WPS write it', () => {
  it('the whole report inside a one-cell layout table reads as if the frame were not there', async () => {
    await sameAsClean(docxWith((x) => x.replace(BODY, (_, body, sect) => `<w:body><w:tbl><w:tblGrid><w:gridCol w:w="9000"/></w:tblGrid><w:tr><w:tc>${body}<w:p/></w:tc></w:tr></w:tbl>${sect}`)));
  });
  it('a layout table of two columns holding the report tables: the tables are read as tables', async () => {
    // A frame with a table inside is layout, whatever its columns: its cells are read in order.
    const v = await readSource(docxWith((x) => x.replace(BODY, (_, body, sect) => `<w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>　</w:t></w:r></w:p></w:tc><w:tc>${body}<w:p/></w:tc></w:tr></w:tbl>${sect}`)));
    assert.deepEqual(tables(v), tables(await readSource(cleanDocx)));
    assert.deepEqual(found(v).filter((f) => !f.startsWith('section')), []);
  });
  it('numbers in content controls (w:sdt), inline and around a whole cell', async () => {
    await sameAsClean(docxWith((x) => x.replace(NUMBER_RUN, (run) => `<w:sdt><w:sdtPr><w:alias w:val="数值"/><w:rPr><w:b/></w:rPr></w:sdtPr><w:sdtContent>${run}</w:sdtContent></w:sdt>`)));
    await sameAsClean(docxWith((x) => x.replace(/<w:tc>(?=(?:(?!<\/w:tc>)[\s\S])*<w:t>\d+<\/w:t>)/g, '<w:sdt><w:sdtContent><w:tc>').replace(/(<w:t>\d+<\/w:t><\/w:r><\/w:p><\/w:tc>)/g, '$1</w:sdtContent></w:sdt>')));
  });
  it('tracked changes: insertions count, deletions, moved-away text and deleted rows do not', async () => {
    let id = 0;
    const v = await sameAsClean(docxWith((x) => x
      .replace(NUMBER_RUN, (run) => `<w:del w:id="${++id}" w:author="审核人"><w:r><w:delText>999</w:delText></w:r></w:del><w:moveFrom w:id="${++id}" w:author="审核人"><w:r><w:t>888</w:t></w:r></w:moveFrom><w:ins w:id="${++id}" w:author="审核人">${run}</w:ins>`)
      // A row deleted with tracking on, still in the file: its cells must not be read.
      .replace(/(<\/w:tr>)(<w:tr><w:trPr>)(<\/w:trPr>)/, `$1<w:tr><w:trPr><w:del w:id="${++id}" w:author="审核人"/></w:trPr><w:tc><w:p><w:r><w:t>已删除的行</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>777</w:t></w:r></w:p></w:tc></w:tr>$2$3`)));
    assert.doesNotMatch(v.text, /999|888|777|已删除的行/);
  });
  it('stale spans in tracked property changes (w:tcPrChange) and a missing or wrong w:tblGrid change nothing', async () => {
    await sameAsClean(docxWith((x) => x
      .replace(/<\/w:tcPr>/g, '<w:tcPrChange w:id="1" w:author="a"><w:tcPr><w:gridSpan w:val="7"/><w:vMerge w:val="restart"/></w:tcPr></w:tcPrChange></w:tcPr>')
      .replace(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/, '')
      .replace(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/, '<w:tblGrid><w:gridCol w:w="9000"/></w:tblGrid>')
      .replace(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/, '<w:tblGrid><w:tblGridChange w:id="2"><w:tblGrid><w:gridCol w:w="1"/></w:tblGrid></w:tblGridChange></w:tblGrid>')));
  });
  it('merged down the way Word writes it (<w:vMerge/>, no value) as LibreOffice\'s "continue" does', async () => {
    assert.ok(cleanXml.includes('<w:vMerge w:val="continue"/>'));
    await sameAsClean(docxWith((x) => x.replace(/<w:vMerge w:val="continue"\/>/g, '<w:vMerge/>')));
  });
  it('numbers in fields (a complex field and w:fldSimple): the result counts, the code does not', async () => {
    let n = 0;
    await sameAsClean(docxWith((x) => x.replace(NUMBER_RUN, (run) => (++n % 2
      ? `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> = 1+1 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run}<w:r><w:fldChar w:fldCharType="end"/></w:r>`
      : `<w:fldSimple w:instr=" MERGEFIELD 数量 ">${run}</w:fldSimple>`))));
  });
  it('表三 split into two tables by a page break, its header rows copied or not: one table, the planted error only', async () => {
    const files = unzipSync(readFileSync(path.join(ORIGINALS, 'sum-error.docx')));
    const xml = strFromU8(files['word/document.xml']!);
    const plain = await readSource(readFileSync(path.join(ORIGINALS, 'sum-error.docx')));
    for (const copyHeader of [true, false]) {
      const start = [...xml.matchAll(/<w:tbl>/g)][1]!.index!;
      const end = xml.indexOf('</w:tbl>', start) + '</w:tbl>'.length;
      const t3 = xml.slice(start, end);
      const props = t3.slice(0, t3.indexOf('<w:tr>'));
      const rows = [...t3.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
      const at = rows.findIndex((r) => r.includes('（四）无法提供'));
      assert.ok(at > 3);
      const first = `${props}${rows.slice(0, at).join('')}</w:tbl>`;
      const second = `${props}${[...(copyHeader ? rows.slice(0, 3) : []), ...rows.slice(at)].join('')}</w:tbl>`;
      files['word/document.xml'] = strToU8(`${xml.slice(0, start)}${first}<w:p><w:r><w:br w:type="page"/></w:r></w:p>${second}${xml.slice(end)}`);
      const v = await readSource(zipSync(files));
      assert.equal(v.grids.length, plain.grids.length + 1, 'two tables in the file');
      const { model } = checkView(v);
      assert.equal(model.tables.requests!.confident, true);
      assert.deepEqual(tables(v), tables(plain));
      assert.deepEqual(said(v), said(plain), copyHeader ? 'header copied' : 'no header');
    }
  });
  it('hidden text (w:vanish: a template\'s instructions) is not read; text merely formatted is', async () => {
    const hidden = '<w:r><w:rPr><w:vanish/></w:rPr><w:t>【填写说明：本段写明主动公开的条数】</w:t></w:r>';
    const v = await sameAsClean(docxWith((x) => x
      .replace('<w:t>条。</w:t></w:r>', `<w:t>条。</w:t></w:r>${hidden}`)
      .replace(/<w:r><w:rPr><\/w:rPr><w:t>(\d+)<\/w:t><\/w:r>/, '<w:r><w:rPr><w:b/><w:vanish w:val="false"/></w:rPr><w:t>$1</w:t></w:r>')));
    assert.doesNotMatch(v.text, /填写说明/);
  });
  it('a content control never filled: its prompt is not read; a paragraph says （待填写）, a cell is blank', async () => {
    const prompt = (run: string) => `<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>${run}</w:sdtContent></w:sdt>`;
    const ask = prompt('<w:r><w:t>单击或点击此处输入文字。</w:t></w:r>');
    const v = await readSource(docxWith((x) => {
      // The count of items published, in the prose; and the first cell of T3 (natural persons' new requests).
      const at = x.indexOf('一、本年新收政府信息公开申请数量');
      const rest = x.slice(at).replace(/<w:r><w:rPr><\/w:rPr><w:t>\d+<\/w:t><\/w:r>/, ask);
      return (x.slice(0, at) + rest).replace('<w:r><w:rPr></w:rPr><w:t>120</w:t></w:r>', ask);
    }));
    assert.doesNotMatch(v.text, /单击或点击此处输入文字/);
    assert.match(v.text, /全年主动公开政府信息（待填写）条。/);
    assert.match(v.text, /^一、本年新收政府信息公开申请数量\t\t0\t/m);
    const codes = found(v).map((f) => f.split('@')[0]);
    assert.ok(codes.includes('placeholder-unfilled'), codes.join(' '));
    assert.ok(codes.includes('table-cell-blank'), codes.join(' '));
  });
});

describe('.docx with Word\'s automatic list numbers', () => {
  /** numbering.xml: 一、 then （一） under it (chineseCounting), and an instance that restarts at 三. */
  const NUMBERING = `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:pPr><w:ind w:left="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
</w:numbering>`;
  const HEADING = /(<w:p><w:pPr><w:pStyle w:val="Heading2"\/>)([\s\S]*?<w:t>)([一二三四五六]、)/g;
  function numbered(edit: (xml: string) => string, styles?: (xml: string) => string): Uint8Array {
    const files = unzipSync(cleanDocx);
    const xml = edit(cleanXml);
    assert.notEqual(xml, cleanXml);
    assert.equal((cleanXml.match(HEADING) ?? []).length, 6, 'the six headings found, their numbers typed');
    files['word/document.xml'] = strToU8(xml);
    files['word/numbering.xml'] = strToU8(NUMBERING);
    if (styles) files['word/styles.xml'] = strToU8(styles(strFromU8(files['word/styles.xml']!)));
    return zipSync(files);
  }
  it('headings numbered by the list (w:numPr on each) read 一、 … 六、 as Word draws them', async () => {
    await sameAsClean(numbered((x) => x.replace(HEADING, '$1<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>$2')));
  });
  it('headings numbered through their style (Heading 2 carries the list, w:basedOn followed)', async () => {
    await sameAsClean(numbered((x) => x.replace(HEADING, '$1$2'), (st) => st
      .replace(/(<w:style w:type="paragraph" w:styleId="Heading2">[\s\S]*?<w:basedOn w:val=")Heading("\/>)/, '$1编号标题$2')
      .replace('</w:styles>', '<w:style w:type="paragraph" w:styleId="编号标题"><w:basedOn w:val="Heading"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style></w:styles>')));
  });
  it('a list restarted at 三 (w:startOverride) after two typed headings', async () => {
    let n = 0;
    const v = await sameAsClean(numbered((x) => x.replace(HEADING, (_, a, b) => (++n <= 2 ? `${a}${b}${'一二'[n - 1]}、` : `${a}<w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr>${b}`))));
    assert.match(v.text, /^三、收到和处理政府信息公开申请情况$/m);
  });
  it('a multilevel list defined by a list style (w:numStyleLink → the style → the list with the levels)', async () => {
    const files = unzipSync(cleanDocx);
    files['word/document.xml'] = strToU8(cleanXml.replace(HEADING, '$1<w:numPr><w:ilvl w:val="0"/><w:numId w:val="6"/></w:numPr>$2'));
    files['word/numbering.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="1"><w:styleLink w:val="报告标题列表"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="报告标题列表"/></w:abstractNum>
<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num></w:numbering>`);
    files['word/styles.xml'] = strToU8(strFromU8(files['word/styles.xml']!).replace('</w:styles>',
      '<w:style w:type="numbering" w:styleId="报告标题列表"><w:name w:val="报告标题列表"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style></w:styles>'));
    await sameAsClean(zipSync(files));
  });
  it('without numbering.xml a list paragraph is read as written; a bullet adds nothing', async () => {
    const files = unzipSync(cleanDocx);
    files['word/document.xml'] = strToU8(cleanXml.replace(HEADING, '$1<w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr>$2$3'));
    await sameAsClean(zipSync(files));
  });
  it('writes counters as Word does: Chinese counting, legal, full-width, circled, letters, roman', () => {
    const cases: [number, string, string][] = [[1, 'chineseCounting', '一'], [10, 'chineseCounting', '十'], [11, 'chineseCounting', '十一'], [20, 'chineseCountingThousand', '二十'],
      [105, 'chineseCountingThousand', '一百零五'], [110, 'chineseCounting', '一百一十'], [3, 'chineseLegalSimplified', '叁'], [12, 'decimalFullWidth', '１２'],
      [2, 'decimalEnclosedCircle', '②'], [3, 'ideographTraditional', '丙'], [28, 'upperLetter', 'BB'], [14, 'lowerRoman', 'xiv'], [7, 'decimal', '7'], [4, 'bogus', '4']];
    for (const [n, fmt, want] of cases) assert.equal(formatNumber(n, fmt), want, `${n} ${fmt}`);
  });
});

const gbkHtml = readFileSync(path.join(ORIGINALS, 'sum-error-gbk.html'));
const htmlText = new TextDecoder('gb18030').decode(gbkHtml);

describe('.html as government sites publish it', () => {
  const plain = () => readSource(gbkHtml);
  async function sameAs(html: string | Uint8Array) {
    const base = await plain();
    const v = await readSource(typeof html === 'string' ? strToU8(html) : html);
    assert.deepEqual(v.problems, []);
    assert.deepEqual(tables(v), tables(base));
    // The page's frame adds lines before the report: findings compared by what they say, not their line.
    assert.deepEqual(said(v), said(base));
    return v;
  }
  it('the report inside a page frame of layout tables (menus, a side column)', async () => {
    const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(htmlText)![1]!;
    await sameAs(`<html><head><meta charset="utf-8"></head><body><table width="100%"><tr><td colspan="2"><a href="/">首页</a> &gt; 政务公开</td></tr>
<tr><td width="200"><ul><li>机构概况</li><li>政策文件</li></ul></td><td><div class="article">${body}</div></td></tr>
<tr><td colspan="2">主办单位：示例 &nbsp;&nbsp; 网站标识码 1234</td></tr></table></body></html>`);
  });
  it('cells as CMS editors write them: <th>, <p> and <span> inside, &nbsp; and <br> around the text', async () => {
    const html = htmlText.replace(/<td([^>]*)>([^<]*)<\/td>/g, (_, a, t) => (/^\d+$/.test(t) ? `<td${a}><p style="text-align:center"><span>&nbsp;${t}&nbsp;</span></p></td>` : `<th${a}><p>${t}<br></p></th>`));
    assert.notEqual(html, htmlText);
    await sameAs(html.replace(/charset=[\w-]+/i, 'charset=utf-8'));
  });
  it('a table\'s <caption> and text outside its cells are read before the table, not lost', async () => {
    let n = 0;
    const html = htmlText.replace(/charset=[\w-]+/i, 'charset=utf-8')
      .replace(/<table([^>]*)>/g, (_, a) => `<table${a}><caption>表${'一二三四'[n++]}（单位：件）</caption>`);
    const v = await sameAs(html);
    const lines = v.text.split('\n');
    const at = lines.indexOf('表二（单位：件）');
    assert.ok(at > 0, v.text.slice(0, 800));
    assert.match(lines[at + 1]!, /^（本列数据的勾稽关系为/);
  });
  it('what a page hides (display:none, hidden) is not read: share buttons, a printing copy, metadata', async () => {
    const html = htmlText.replace(/charset=[\w-]+/i, 'charset=utf-8')
      .replace(/<h2>/, '<div style="DISPLAY: none"><p>分享到：微信 微博</p><table><tr><td>1</td><td>2</td></tr></table></div><p hidden>打印本页</p><span style="display:none;">阅读次数：99</span><img style="display:none" src="x.png"><h2>');
    const v = await sameAs(html);
    assert.doesNotMatch(v.text, /分享到|打印本页|阅读次数/);
  });
  it('a page saved from Word (网页格式): o:p tags, conditional comments, a hidden row of spacer cells, &nbsp; for blanks', async () => {
    const html = htmlText.replace(/charset=[\w-]+/i, 'charset=utf-8')
      .replace('<head>', '<head><!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->')
      .replace(/<td([^>]*)>([^<]*)<\/td>/g, (_, a, t) => `<td${a} style='border:solid windowtext 1.0pt'><p class=MsoNormal><span lang=EN-US>${t || '&nbsp;'}<o:p></o:p></span></p></td>`)
      .replace(/<\/table>/g, "<![if !supportMisalignedColumns]><tr height=0><td width=85 style='border:none'></td><td width=60 style='border:none'></td><td width=60 style='border:none'></td></tr><![endif]></table>");
    await sameAs(html);
  });
  it('GBK without any meta tag is told from UTF-8 by its bytes', async () => {
    // The page's own GBK bytes, the meta tag cut out (the bytes read as latin1 keep every byte as it is).
    const noMeta = Buffer.from(gbkHtml.toString('latin1').replace(/<meta[^>]*>/gi, ''), 'latin1');
    assert.doesNotMatch(noMeta.toString('latin1'), /charset/i);
    assert.ok(noMeta.length < gbkHtml.length);
    await sameAs(noMeta);
  });
});

describe('markup readers on damaged originals', () => {
  /** A small seeded generator, so a failure repeats. */
  const prng = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  /** The text with a few random slices cut out, doubled or moved: tags left open, closed twice, out of order. */
  const damage = (text: string, rnd: () => number): string => {
    let s = text;
    for (let k = 0; k < 1 + Math.floor(rnd() * 4); k++) {
      const a = Math.floor(rnd() * s.length);
      const b = Math.min(s.length, a + Math.floor(rnd() * 2000));
      const piece = s.slice(a, b);
      const at = Math.floor(rnd() * s.length);
      const op = Math.floor(rnd() * 3);
      s = op === 0 ? s.slice(0, a) + s.slice(b) : op === 1 ? s.slice(0, at) + piece + s.slice(at) : s.slice(0, a) + s.slice(b, at) + piece + s.slice(Math.max(at, b));
    }
    return s;
  };
  it('a .docx whose document.xml is cut and spliced at random: a view or one problem, never a throw, and the checks run', async () => {
    const rnd = prng(12);
    for (let i = 0; i < 40; i++) {
      const v = await readSource(docxWith((x) => damage(x, rnd) + ' '));
      assert.equal(typeof v.text, 'string');
      assert.ok(v.problems.length <= 1, JSON.stringify(v.problems));
      const { findings } = checkView(v);
      for (const f of findings) assert.ok(f.range.start.line < v.lines.length, `${f.code} on a line of the view`);
    }
  });
  it('an HTML page cut and spliced at random: the same', async () => {
    const rnd = prng(34);
    for (let i = 0; i < 40; i++) {
      const v = await readSource(strToU8(damage(htmlText, rnd)), 'html');
      assert.equal(typeof v.text, 'string');
      assert.ok(v.problems.length <= 1, JSON.stringify(v.problems));
      checkView(v);
    }
  });
});
