/**
 * report-missing is about a folder of reports, not one report: this module holds its metadata (for the docs,
 * the settings and the levels) and core/desk/missing.ts does the work for the CLI over a folder.
 */
import type { Check } from '../types';

export const reportMissing: Check = {
  meta: {
    code: 'report-missing',
    defaultSeverity: 'warning',
    fixes: [],
    description: { zh: '名单中的机关没有本年度报告', en: 'An agency in the roster has no report of the year' },
    docs: {
      why: {
        zh: '审核一个地区的报告时，最先要知道的是谁还没有报送。govreport.json 的 roster 列出应报送的机关；命令行检查文件夹时，名单中没有本年度（文件夹中最新的报告年度）报告的机关各报告一次，位置是名单中的该项。机关名称按规范化后比较（空格、标点、“人民政府/政府”等不计，前面可多写或少写地名）。',
        en: "Reviewing an area's reports starts with who has not filed. govreport.json's roster lists the agencies that must; checking a folder, each roster agency without a report of the year (the latest report year in the folder) is reported once, at its roster entry. Names are compared normalised (spaces, punctuation, 人民政府/政府 and place names written in front do not matter).",
      },
      example: '"roster": ["示例区教育局", "示例区民政局"]\n（文件夹中只有示例区教育局的 2023 年度报告）',
      fix: {
        zh: '催报；或把报告放进文件夹；名称写法差别太大时，在名单中为该机关加上 "aliases"。',
        en: 'Ask for the report, or put it in the folder; if its name is written too differently, add "aliases" to its roster entry.',
      },
    },
  },
  run: () => [],
};
