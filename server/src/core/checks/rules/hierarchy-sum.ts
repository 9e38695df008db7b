/**
 * hierarchy-sum compares several reports, so it is not run on one report: this module holds its metadata (for
 * the docs, the settings and the levels) and core/desk/hierarchy.ts does the work for the CLI over a folder.
 */
import type { Check } from '../types';

export const hierarchySum: Check = {
  meta: {
    code: 'hierarchy-sum',
    defaultSeverity: 'warning',
    fixes: [],
    description: { zh: '汇总报告的数字不等于其下级机关报告之和', en: "A summary (汇总) report's figure differs from the sum of its subordinates' reports" },
    docs: {
      why: {
        zh: '区、市的汇总报告（如“某区政府信息公开工作年度报告”）的表三、表四各数应等于名单中所列各下级机关报告的同一格之和。名单写在 govreport.json 的 roster 中（"summaryOf" 列出下级机关）。命令行检查整个文件夹时核对；任一报告的表格无法可靠读取、或某个下级机关没有本年度报告时，该表不核对。',
        en: "A district's or city's summary report must give, in tables 三 and 四, the sums of the same cells of its subordinates' reports, as listed in govreport.json's roster (\"summaryOf\"). Checked by the command line over a folder; a table is not compared when any report's table cannot be read with confidence or a subordinate has no report of the year.",
      },
      example: '名单：{ "agency": "示例区人民政府", "summaryOf": ["示例区教育局", "示例区民政局", "示例区卫生健康委员会"] }\n汇总报告：一、本年新收政府信息公开申请数量 … 总计 30\n三个下级机关：10 + 12 + 6 = 28',
      fix: {
        zh: '核对汇总报告与各下级机关报告，改正有误的一方。汇总数若有意不同（如含未列入名单的机关），请在名单中补齐下级机关。',
        en: "Compare the summary with the subordinates' reports and correct whichever is wrong. If the summary knowingly covers more agencies, add them to the roster.",
      },
    },
  },
  run: () => [],
};
