/**
 * Pictures in originals: a table pasted into Word or a web page as an image is there, not missing — the
 * checker cannot read it and says so once per table (table-unreadable, a warning), never `table-missing` errors
 * on a report whose clerk did fill the table in. A file of pictures only (a scan pasted into Word, a page of
 * screenshots) is said to be unreadable, as a scanned PDF is, instead of passing as "not a report".
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { checkView } from '../../server/src/core/service';
import { readSource, type SourceView } from '../../server/src/core/source/index';
import { FIXTURES } from '../helpers/fixtures';

const ORIGINALS = path.join(FIXTURES, 'originals');
const cleanDocx = readFileSync(path.join(ORIGINALS, 'clean.docx'));
const cleanXml = strFromU8(unzipSync(cleanDocx)['word/document.xml']!);
const cleanHtml = readFileSync(path.join(ORIGINALS, 'clean.html'), 'utf8');

function docxWith(xml: string): Uint8Array {
  assert.notEqual(xml, cleanXml, 'the edit changed the document');
  const files = unzipSync(cleanDocx);
  files['word/document.xml'] = strToU8(xml);
  return zipSync(files);
}

/** A paragraph holding a picture, as Word writes one inline (DrawingML). */
const DRAWING = '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="5400000" cy="3600000"/><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="rId99"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>';
/** The same in an old file's VML. */
const VML = '<w:p><w:r><w:pict><v:shape><v:imagedata r:id="rId98"/></v:shape></w:pict></w:r></w:p>';

/** The n-th (0-based) top-level table of a document or page replaced by `by`. */
function replaceTable(text: string, open: string, close: string, n: number, by: string): string {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(open, at + 1);
  assert.ok(at >= 0, `table ${n} found`);
  const end = text.indexOf(close, at) + close.length;
  return text.slice(0, at) + by + text.slice(end);
}

const codes = (v: SourceView) => checkView(v).findings.map((f) => f.code);
const said = (v: SourceView) => checkView(v).findings.map((f) => [f.code, f.severity, f.message, f.range.start.line]);

describe('pictures in originals', () => {
  it('a .docx whose T3 is a picture: one table-unreadable warning at section 三, no table-missing, T2 and T4 still checked', async () => {
    const v = await readSource(docxWith(replaceTable(cleanXml, '<w:tbl>', '</w:tbl>', 1, DRAWING)));
    assert.equal(v.images?.length, 1);
    const { model, findings } = checkView(v);
    assert.ok(model.tables.proactive && model.tables.appeals && !model.tables.requests);
    const three = model.sections.find((s) => s.number === 3)!;
    assert.deepEqual(findings.map((f) => [f.code, f.severity, f.range.start.line, f.data]), [
      ['table-unreadable', 'warning', three.heading.range.start.line, { table: 'requests', doubt: 'picture' }],
    ]);
    assert.match(findings[0]!.message, /^“三、收到和处理政府信息公开申请情况”的表格是图片，无法读取，未检查其数据/);
  });

  it('an old .docx with its pictures in VML, and every table a picture: three warnings, no errors', async () => {
    let xml = cleanXml;
    for (let i = 0; i < 3; i++) xml = replaceTable(xml, '<w:tbl>', '</w:tbl>', 0, VML);
    const v = await readSource(docxWith(xml));
    assert.deepEqual(codes(v), ['table-unreadable', 'table-unreadable', 'table-unreadable']);
    assert.deepEqual(checkView(v).findings.map((f) => f.data?.table), ['proactive', 'requests', 'appeals']);
  });

  it('a page whose T4 is an <img>: the same warning; an icon-sized image where a table belongs does not hide a missing table', async () => {
    const picture = await readSource(new TextEncoder().encode(replaceTable(cleanHtml, '<table', '</table>', 2, '<p><img src="t4.png" width="640" height="300"></p>')));
    assert.deepEqual(said(picture).map((x) => x.slice(0, 2)), [['table-unreadable', 'warning']]);
    assert.equal(checkView(picture).findings[0]!.data?.table, 'appeals');
    const icon = await readSource(new TextEncoder().encode(replaceTable(cleanHtml, '<table', '</table>', 2, '<p><img src="share.png" width="16" height="16"></p>')));
    assert.deepEqual(codes(icon), ['table-missing']);
  });

  it('a picture elsewhere (a photo in section 一) changes nothing in a report whose tables are there', async () => {
    const photo = '<p><img src="meeting.jpg" width="800" height="600"></p>';
    const withPhoto = cleanHtml.replace(/(一、总体情况[^<]*<\/[a-z0-9]+>)/, `$1${photo}`);
    assert.notEqual(withPhoto, cleanHtml);
    const v = await readSource(new TextEncoder().encode(withPhoto));
    assert.equal(v.images?.length, 1);
    assert.deepEqual(said(v), said(await readSource(new TextEncoder().encode(cleanHtml))));
  });

  it('pictures only (a scan pasted into Word, a page of screenshots): source-unreadable, naming how many', async () => {
    const body = /<w:body>[\s\S]*(<w:sectPr[\s\S]*<\/w:body>)/;
    const docx = await readSource(docxWith(cleanXml.replace(body, (_, sect) => `<w:body>${DRAWING}${DRAWING}${DRAWING}${sect}`)));
    const r = checkView(docx);
    assert.equal(r.model.isReport, false);
    assert.deepEqual(r.findings.map((f) => [f.code, f.severity, f.data]), [['source-unreadable', 'warning', { problem: 'images', count: 3 }]]);
    assert.equal(r.findings[0]!.message, '无法读取：文件中没有年度报告的文字，只有 3 张图片（可能是扫描件或截图）。请用含文字的原件检查');
    const page = await readSource(new TextEncoder().encode('<html><body><div class="nav">首页 &gt; 政务公开</div><img src="p1.jpg"><img src="p2.jpg"></body></html>'));
    assert.deepEqual(checkView(page, { locale: 'en' }).findings.map((f) => f.message), ['Cannot read: the file holds no report text, only 2 pictures (a scan or screenshots). Check an original with the text in it']);
    // No pictures, no report: nothing to say, as before.
    assert.deepEqual(codes(await readSource(new TextEncoder().encode('<html><body><p>通知公告</p></body></html>'))), []);
  });
});
