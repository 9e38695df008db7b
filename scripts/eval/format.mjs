// The format of the report as the eval corpus writes it, taken from docs/spec/report-format.md §3–§6 and
// written out here on purpose: the corpus must not borrow the product's own format data (a mistake there
// would then be invisible to the evaluation).

export const SECTION_TITLES = {
  1: '总体情况',
  2: '主动公开政府信息情况',
  3: '收到和处理政府信息公开申请情况',
  4: '政府信息公开行政复议、行政诉讼情况',
  5: '存在的主要问题及改进情况',
  6: '其他需要报告的事项',
};
export const SECTION_VARIANTS = {
  4: ['因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
  5: ['政府信息公开工作存在的主要问题及改进情况', '存在的主要问题及整改措施'],
};
export const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** T2 blocks per layout: caption, column labels, rows [key, label]. Column keys as in the CLI's JSON. */
export const PROACTIVE = {
  2021: [
    { item: '一', columns: [['issued', '本年制发件数'], ['repealed', '本年废止件数'], ['inForce', '现行有效件数']],
      rows: [['regulations', '规章'], ['normativeDocuments', '行政规范性文件']] },
    { item: '五', columns: [['decisions', '本年处理决定数量']], rows: [['licensing', '行政许可']] },
    { item: '六', columns: [['decisions', '本年处理决定数量']], rows: [['penalties', '行政处罚'], ['enforcement', '行政强制']] },
    { item: '八', columns: [['amount', '本年收费金额（单位：万元）']], rows: [['fees', '行政事业性收费']] },
  ],
  2019: [
    { item: '一', columns: [['made', '本年新制作数量'], ['published', '本年新公开数量'], ['totalPublic', '对外公开总数量']],
      rows: [['regulations', '规章'], ['normativeDocuments', '规范性文件']] },
    { item: '五', columns: [['lastYear', '上一年项目数量'], ['change', '本年增/减'], ['decisions', '处理决定数量']],
      rows: [['licensing', '行政许可'], ['otherServices', '其他对外管理服务事项']] },
    { item: '六', columns: [['lastYear', '上一年项目数量'], ['change', '本年增/减'], ['decisions', '处理决定数量']],
      rows: [['penalties', '行政处罚'], ['enforcement', '行政强制']] },
    { item: '八', columns: [['lastYear', '上一年项目数量'], ['change', '本年增/减']], rows: [['fees', '行政事业性收费']] },
    { item: '九', columns: [['projects', '采购项目数量'], ['amount', '采购总金额']], rows: [['procurement', '政府集中采购']] },
  ],
};
export const CONTENT_HEADER = '信息内容';
export const caption = (item) => `第二十条第（${item}）项`;

export const REQUEST_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const REQUEST_COLUMNS = [
  ['natural', '自然人'], ['business', '商业企业'], ['research', '科研机构'], ['publicInterest', '社会公益组织'],
  ['legal', '法律服务机构'], ['otherOrg', '其他'], ['total', '总计'],
];
export const GROUPS = {
  results: '三、本年度办理结果',
  denied: '（三）不予公开',
  unable: '（四）无法提供',
  rejected: '（五）不予处理',
  other: '（六）其他处理',
};
const items = (group, labels) => labels.map((l, i) => ({ key: `${group}.${i + 1}`, label: `${i + 1}.${l}`, group }));
/** T3 rows in order: key, label, the group it sits under (results rows under `results` too). */
export function requestRows(layout) {
  const rows = [
    { key: 'new', label: '一、本年新收政府信息公开申请数量' },
    { key: 'carriedIn', label: '二、上年结转政府信息公开申请数量' },
    { key: 'granted', label: '（一）予以公开', group: 'results' },
    { key: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', group: 'results' },
    ...items('denied', ['属于国家秘密', '其他法律行政法规禁止公开', '危及“三安全一稳定”', '保护第三方合法权益',
      '属于三类内部事务信息', '属于四类过程性信息', '属于行政执法案卷', '属于行政查询事项']),
    ...items('unable', ['本机关不掌握相关政府信息', '没有现成信息需要另行制作', '补正后申请内容仍不明确']),
    ...items('rejected', ['信访举报投诉类申请', '重复申请', '要求提供公开出版物', '无正当理由大量反复申请',
      '要求行政机关确认或重新出具已获取信息']),
  ];
  if (layout === '2019') rows.push({ key: 'other', label: '（六）其他处理', group: 'results' });
  else rows.push(...items('other', ['申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '其他']));
  rows.push({ key: 'total', label: '（七）总计', group: 'results' }, { key: 'carriedOut', label: '四、结转下年度继续办理' });
  return rows;
}
/** Result rows summed by R2 (everything under 三、 except （七）总计). */
export const resultKeys = (layout) => requestRows(layout).filter((r) => r.group && r.key !== 'total').map((r) => r.key);

export const APPEAL_GROUPS = [['review', '行政复议'], ['suitDirect', '未经复议直接起诉'], ['suitAfterReview', '复议后起诉']];
export const OUTCOMES = [['upheld', '结果维持'], ['corrected', '结果纠正'], ['other', '其他结果'], ['pending', '尚未审结'], ['total', '总计']];
export const APPEAL_COLUMNS = APPEAL_GROUPS.flatMap(([g]) => OUTCOMES.map(([o]) => `${g}.${o}`));
