/** The clerk's editor, its pure parts: the new report's file name, the Outline's kinds. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SymbolKind } from 'vscode-languageserver';
import { reportFileName } from '../../client/src/reportName';
import { SECTION_KIND, SUBHEADING_KIND, TABLE_KIND } from '../../server/src/server/features/symbols';

describe('client: the new report\'s file name', () => {
  it('is <年份>年<机关>政府信息公开工作年度报告.txt, plain text', () => {
    assert.equal(reportFileName(2024, '某某区人民政府办公室'), '2024年某某区人民政府办公室政府信息公开工作年度报告.txt');
    assert.equal(reportFileName(2024), '2024年政府信息公开工作年度报告.txt');
  });
  it('drops what no file system takes, and numbers a second copy', () => {
    assert.equal(reportFileName(2023, ' 某局/某处: "试点" '), '2023年某局某处试点政府信息公开工作年度报告.txt');
    assert.equal(reportFileName(2023, '某局', 2), '2023年某局政府信息公开工作年度报告（2）.txt');
  });
});

describe('server: Outline kinds', () => {
  it('read as sections, sub-headings and tables: no "{ }" namespace, no "abc" string', () => {
    assert.equal(SECTION_KIND, SymbolKind.File);
    assert.equal(TABLE_KIND, SymbolKind.Struct);
    for (const k of [SECTION_KIND, SUBHEADING_KIND, TABLE_KIND]) assert.ok(!([SymbolKind.Namespace, SymbolKind.String, SymbolKind.Key, SymbolKind.Module, SymbolKind.Object] as number[]).includes(k));
  });
});
