/**
 * Everything the checker knows about the 政府信息公开工作年度报告 format, as data.
 *
 * Sections, table captions, row and column labels and keys, which rows are groups, and which sums hold,
 * for the 2019 trial format (国办公开办函〔2019〕60号) and the 2021 format (国办公开办函〔2021〕30号).
 * Code elsewhere refers to rows and columns by key and reads labels from here; no label is spelled twice.
 * Reference: ../shared/spec/report-format.md §3–§6 and §9.
 */

export type Edition = '2019' | '2021';
export type TableKey = 'proactive' | 'requests' | 'appeals';
export type SectionNumber = 1 | 2 | 3 | 4 | 5 | 6;

/** A bilingual name, for messages. */
export interface Names {
  zh: string;
  en: string;
}

export interface SectionSpec {
  number: SectionNumber;
  numeral: string;
  /** Canonical title without the numeral: 总体情况. */
  title: string;
  en: string;
  /** Other titles real reports use for the same section. */
  variants: string[];
  /** Phrases of which at least one must occur in a title for it to be this section. */
  keywords: string[];
  table?: TableKey;
  /** Prose sections that must say something (R13). */
  mustHaveContent?: boolean;
}

export const SECTIONS: readonly SectionSpec[] = [
  {
    number: 1, numeral: '一', title: '总体情况', en: 'Overview',
    variants: ['总体情况概述', '基本情况', '概述', '总体工作情况'],
    keywords: ['总体', '概述', '基本情况', '概况'],
    mustHaveContent: true,
  },
  {
    number: 2, numeral: '二', title: '主动公开政府信息情况', en: 'Proactive disclosure',
    variants: ['主动公开情况', '主动公开政府信息', '主动公开政府信息的情况'],
    keywords: ['主动公开'],
    table: 'proactive',
  },
  {
    number: 3, numeral: '三', title: '收到和处理政府信息公开申请情况', en: 'Requests received and handled',
    variants: ['收到和处理申请情况', '依申请公开政府信息情况', '政府信息依申请公开情况', '收到和处理政府信息公开申请的情况'],
    keywords: ['申请'],
    table: 'requests',
  },
  {
    number: 4, numeral: '四', title: '政府信息公开行政复议、行政诉讼情况', en: 'Administrative reviews and lawsuits',
    variants: ['因政府信息公开工作被申请行政复议、提起行政诉讼情况', '政府信息公开行政复议和行政诉讼情况', '行政复议、行政诉讼情况',
      '因政府信息公开申请行政复议、提起行政诉讼的情况'],
    keywords: ['复议', '诉讼'],
    table: 'appeals',
  },
  {
    number: 5, numeral: '五', title: '存在的主要问题及改进情况', en: 'Main problems and improvements',
    variants: ['政府信息公开工作存在的主要问题及改进情况', '存在的主要问题及整改措施', '存在的问题及改进措施', '存在问题及改进措施',
      '存在的主要问题及改进措施', '政府信息公开工作存在的问题及改进措施'],
    keywords: ['问题', '改进', '整改'],
    mustHaveContent: true,
  },
  {
    number: 6, numeral: '六', title: '其他需要报告的事项', en: 'Other matters to report',
    variants: ['其他需报告的事项', '其他事项', '其他需要说明的事项'],
    keywords: ['其他', '其它'],
  },
];

export const CHINESE_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

// ---------------------------------------------------------------------------------------------
// Table T2: 主动公开政府信息情况
// ---------------------------------------------------------------------------------------------

export type ValueKind = 'count' | 'amount' | 'change' | 'any';

export interface ColumnSpec {
  key: string;
  label: string;
  en: string;
  kind: ValueKind;
  /** Labels also seen for this column. */
  variants?: string[];
  /** The unit its header states (本年收费金额（单位：万元）). */
  unit?: string;
}

export interface RowSpec {
  key: string;
  label: string;
  en: string;
  variants?: string[];
}

export interface ProactiveBlockSpec {
  /** 1, 5, 6, 8, 9: the item of 条例第二十条. */
  item: number;
  caption: string;
  columns: ColumnSpec[];
  rows: RowSpec[];
}

/** Units a cell may carry after its number (`251000元`, `3件`), and the kind of value each belongs to. */
export const VALUE_UNITS: Readonly<Record<string, 'count' | 'amount'>> = {
  万元: 'amount', 元: 'amount', 件: 'count', 个: 'count', 条: 'count', 项: 'count', 次: 'count', 宗: 'count', 份: 'count',
};

const count = (key: string, label: string, en: string, variants?: string[]): ColumnSpec =>
  ({ key, label, en, kind: 'count', ...(variants ? { variants } : {}) });

export const PROACTIVE: Record<Edition, ProactiveBlockSpec[]> = {
  '2021': [
    {
      item: 1, caption: '第二十条第（一）项',
      columns: [
        count('issued', '本年制发件数', 'issued this year'),
        count('repealed', '本年废止件数', 'repealed this year'),
        count('inForce', '现行有效件数', 'in force', ['现行有效件数（历史累计）']),
      ],
      rows: [
        { key: 'regulations', label: '规章', en: 'rules' },
        { key: 'normativeDocuments', label: '行政规范性文件', en: 'normative documents', variants: ['规范性文件'] },
      ],
    },
    {
      item: 5, caption: '第二十条第（五）项',
      columns: [count('decisions', '本年处理决定数量', 'decisions this year')],
      rows: [{ key: 'licensing', label: '行政许可', en: 'licensing' }],
    },
    {
      item: 6, caption: '第二十条第（六）项',
      columns: [count('decisions', '本年处理决定数量', 'decisions this year')],
      rows: [
        { key: 'penalties', label: '行政处罚', en: 'penalties' },
        { key: 'enforcement', label: '行政强制', en: 'enforcement' },
      ],
    },
    {
      item: 8, caption: '第二十条第（八）项',
      columns: [{
        key: 'amount', label: '本年收费金额（单位：万元）', en: 'fees collected (10,000 yuan)', kind: 'amount', unit: '万元',
        variants: ['本年收费金额（单位：万元，保留4位小数）', '本年收费金额'],
      }],
      rows: [{ key: 'fees', label: '行政事业性收费', en: 'administrative fees' }],
    },
  ],
  '2019': [
    {
      item: 1, caption: '第二十条第（一）项',
      columns: [
        count('made', '本年新制作数量', 'newly made'),
        count('published', '本年新公开数量', 'newly published'),
        count('totalPublic', '对外公开总数量', 'total public'),
      ],
      rows: [
        { key: 'regulations', label: '规章', en: 'rules' },
        { key: 'normativeDocuments', label: '规范性文件', en: 'normative documents' },
      ],
    },
    {
      item: 5, caption: '第二十条第（五）项',
      columns: [
        count('lastYear', '上一年项目数量', 'items last year'),
        { key: 'change', label: '本年增/减', en: 'change this year', kind: 'change' },
        count('decisions', '处理决定数量', 'decisions'),
      ],
      rows: [
        { key: 'licensing', label: '行政许可', en: 'licensing' },
        { key: 'otherServices', label: '其他对外管理服务事项', en: 'other services' },
      ],
    },
    {
      item: 6, caption: '第二十条第（六）项',
      columns: [
        count('lastYear', '上一年项目数量', 'items last year'),
        { key: 'change', label: '本年增/减', en: 'change this year', kind: 'change' },
        count('decisions', '处理决定数量', 'decisions'),
      ],
      rows: [
        { key: 'penalties', label: '行政处罚', en: 'penalties' },
        { key: 'enforcement', label: '行政强制', en: 'enforcement' },
      ],
    },
    {
      item: 8, caption: '第二十条第（八）项',
      columns: [
        count('lastYear', '上一年项目数量', 'items last year'),
        { key: 'change', label: '本年增/减', en: 'change this year', kind: 'change' },
      ],
      rows: [{ key: 'fees', label: '行政事业性收费', en: 'administrative fees' }],
    },
    {
      item: 9, caption: '第二十条第（九）项',
      columns: [
        count('projects', '采购项目数量', 'procurement projects'),
        { key: 'amount', label: '采购总金额', en: 'procurement amount', kind: 'amount' },
      ],
      rows: [{ key: 'procurement', label: '政府集中采购', en: 'government procurement' }],
    },
  ],
};

/** The header cell before the value columns of every T2 block. */
export const PROACTIVE_CONTENT_HEADER = '信息内容';

// ---------------------------------------------------------------------------------------------
// Table T3: 收到和处理政府信息公开申请情况
// ---------------------------------------------------------------------------------------------

export const REQUESTS_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export const REQUEST_COLUMNS: ColumnSpec[] = [
  count('natural', '自然人', 'natural persons'),
  count('business', '商业企业', 'businesses'),
  count('research', '科研机构', 'research institutions'),
  count('publicInterest', '社会公益组织', 'public-interest organisations'),
  count('legal', '法律服务机构', 'legal service organisations'),
  count('otherOrg', '其他', 'other organisations', ['其它']),
  count('total', '总计', 'total', ['合计']),
];

/** Header cells that group columns but hold no values. */
export const REQUEST_HEADER_GROUPS = ['申请人情况', '法人或其他组织'];

/**
 * Who applied, as the prose names them (其中自然人申请 112 件，法人或其他组织申请 62 件): T3's columns a count
 * of applicants adds up, 法人或其他组织 the sum of its five sub-columns (R8).
 */
export const APPLICANT_COLUMNS: Readonly<Record<string, { columns: string[]; label: string; en: string }>> = {
  natural: { columns: ['natural'], label: '自然人', en: 'natural persons' },
  orgs: { columns: ['business', 'research', 'publicInterest', 'legal', 'otherOrg'], label: '法人或其他组织', en: 'legal persons and other organisations' },
  business: { columns: ['business'], label: '商业企业', en: 'businesses' },
  research: { columns: ['research'], label: '科研机构', en: 'research institutions' },
  publicInterest: { columns: ['publicInterest'], label: '社会公益组织', en: 'public-interest organisations' },
  legal: { columns: ['legal'], label: '法律服务机构', en: 'legal service organisations' },
};

export interface RequestRowSpec extends RowSpec {
  /** The group label this row sits under, if any: （三）不予公开 … */
  group?: string;
  /** Its numbering as printed: 一、 （一） 1. */
  numbering: string;
}

export interface RequestGroupSpec {
  key: string;
  numbering: string;
  label: string;
  en: string;
}

export const REQUEST_GROUPS: RequestGroupSpec[] = [
  { key: 'results', numbering: '三、', label: '本年度办理结果', en: 'results this year' },
  { key: 'denied', numbering: '（三）', label: '不予公开', en: 'withheld' },
  { key: 'unable', numbering: '（四）', label: '无法提供', en: 'cannot be provided' },
  { key: 'rejected', numbering: '（五）', label: '不予处理', en: 'not processed' },
  { key: 'other', numbering: '（六）', label: '其他处理', en: 'otherwise handled' },
];

const r = (key: string, numbering: string, label: string, en: string, group?: string, variants?: string[]): RequestRowSpec =>
  ({ key, numbering, label, en, ...(group ? { group } : {}), ...(variants ? { variants } : {}) });

const REQUEST_ROWS_COMMON_HEAD: RequestRowSpec[] = [
  r('new', '一、', '本年新收政府信息公开申请数量', 'new requests this year'),
  r('carriedIn', '二、', '上年结转政府信息公开申请数量', 'carried over from last year'),
  r('granted', '（一）', '予以公开', 'granted', 'results'),
  r('partial', '（二）', '部分公开（区分处理的，只计这一情形，不计其他情形）', 'partly granted', 'results', ['部分公开']),
  r('denied.1', '1.', '属于国家秘密', 'state secrets', 'denied'),
  r('denied.2', '2.', '其他法律行政法规禁止公开', 'barred by other laws and regulations', 'denied', ['其他法律法规禁止公开']),
  r('denied.3', '3.', '危及“三安全一稳定”', 'endangers the "three securities and one stability"', 'denied'),
  r('denied.4', '4.', '保护第三方合法权益', "protects a third party's rights", 'denied'),
  r('denied.5', '5.', '属于三类内部事务信息', 'internal affairs', 'denied'),
  r('denied.6', '6.', '属于四类过程性信息', 'process information', 'denied'),
  r('denied.7', '7.', '属于行政执法案卷', 'enforcement case files', 'denied'),
  r('denied.8', '8.', '属于行政查询事项', 'administrative enquiries', 'denied'),
  r('unable.1', '1.', '本机关不掌握相关政府信息', 'not held by this agency', 'unable'),
  r('unable.2', '2.', '没有现成信息需要另行制作', 'would have to be created', 'unable'),
  r('unable.3', '3.', '补正后申请内容仍不明确', 'still unclear after correction', 'unable'),
  r('rejected.1', '1.', '信访举报投诉类申请', 'petitions and complaints', 'rejected'),
  r('rejected.2', '2.', '重复申请', 'repeated requests', 'rejected'),
  r('rejected.3', '3.', '要求提供公开出版物', 'asks for published material', 'rejected'),
  r('rejected.4', '4.', '无正当理由大量反复申请', 'mass repeated requests without cause', 'rejected'),
  r('rejected.5', '5.', '要求行政机关确认或重新出具已获取信息', 'asks to confirm or reissue information already obtained', 'rejected'),
];

const REQUEST_ROWS_COMMON_TAIL: RequestRowSpec[] = [
  r('total', '（七）', '总计', 'total', 'results', ['合计']),
  r('carriedOut', '四、', '结转下年度继续办理', 'carried over to next year'),
];

export const REQUEST_ROWS: Record<Edition, RequestRowSpec[]> = {
  '2021': [
    ...REQUEST_ROWS_COMMON_HEAD,
    r('other.1', '1.', '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'applicant did not correct in time', 'other'),
    r('other.2', '2.', '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'applicant did not pay the fee in time', 'other'),
    r('other.3', '3.', '其他', 'other', 'other'),
    ...REQUEST_ROWS_COMMON_TAIL,
  ],
  '2019': [
    ...REQUEST_ROWS_COMMON_HEAD,
    r('other', '（六）', '其他处理', 'otherwise handled', 'results'),
    ...REQUEST_ROWS_COMMON_TAIL,
  ],
};

// ---------------------------------------------------------------------------------------------
// Table T4: 政府信息公开行政复议、行政诉讼情况
// ---------------------------------------------------------------------------------------------

const OUTCOMES: [string, string, string][] = [
  ['upheld', '结果维持', 'upheld'],
  ['corrected', '结果纠正', 'corrected'],
  ['other', '其他结果', 'other outcome'],
  ['pending', '尚未审结', 'pending'],
  ['total', '总计', 'total'],
];

export interface AppealsGroupSpec {
  key: string;
  label: string;
  en: string;
}

export const APPEALS_GROUPS: AppealsGroupSpec[] = [
  { key: 'review', label: '行政复议', en: 'administrative review' },
  { key: 'suitDirect', label: '未经复议直接起诉', en: 'lawsuit without review' },
  { key: 'suitAfterReview', label: '复议后起诉', en: 'lawsuit after review' },
];

export const APPEALS_COLUMNS: (ColumnSpec & { group: string; outcome: string })[] = APPEALS_GROUPS.flatMap((g) =>
  OUTCOMES.map(([k, label, en]) => ({ key: `${g.key}.${k}`, label, en, kind: 'count' as const, group: g.key, outcome: k })));

/** Header words of T4 that are not column names. */
export const APPEALS_HEADER_WORDS = ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉'];

export const APPEALS_ROW: RowSpec = { key: 'values', label: '', en: 'values' };

// ---------------------------------------------------------------------------------------------
// Sums
// ---------------------------------------------------------------------------------------------

/**
 * A sum that must hold: `target` = Σ terms (signed). Row and column keys may end in `.*` to mean every
 * row or column with that prefix. `over` says what the sum runs along:
 * - 'rows': target and terms are rows; the sum holds in every column independently (R1, R2);
 * - 'columns': target and terms are columns; the sum holds in every row independently (R3, R5–R7).
 */
export interface SumSpec {
  id: string;
  code: 'sum-row-total' | 'sum-results-total' | 'sum-balance' | 'sum-appeals-total';
  table: TableKey;
  over: 'rows' | 'columns';
  target: string;
  terms: { key: string; sign: 1 | -1 }[];
  names: Names;
}

const plus = (...keys: string[]) => keys.map((key) => ({ key, sign: 1 as const }));

export const SUMS: readonly SumSpec[] = [
  {
    id: 'R1', code: 'sum-balance', table: 'requests', over: 'rows', target: 'carriedOut',
    terms: [...plus('new', 'carriedIn'), { key: 'total', sign: -1 }],
    names: { zh: '本年新收 + 上年结转 = 办理结果总计 + 结转下年度', en: 'new + carried in = total handled + carried out' },
  },
  {
    id: 'R2', code: 'sum-results-total', table: 'requests', over: 'rows', target: 'total',
    terms: plus('granted', 'partial', 'denied.*', 'unable.*', 'rejected.*', 'other', 'other.*'),
    names: { zh: '（七）总计 = 各项办理结果之和', en: 'total = sum of all results' },
  },
  {
    id: 'R3', code: 'sum-row-total', table: 'requests', over: 'columns', target: 'total',
    terms: plus('natural', 'business', 'research', 'publicInterest', 'legal', 'otherOrg'),
    names: { zh: '“总计”列 = 各类申请人之和', en: 'total column = sum of all applicant types' },
  },
  ...APPEALS_GROUPS.map((g, i): SumSpec => ({
    id: `R${5 + i}`, code: 'sum-appeals-total', table: 'appeals', over: 'columns', target: `${g.key}.total`,
    terms: plus(`${g.key}.upheld`, `${g.key}.corrected`, `${g.key}.other`, `${g.key}.pending`),
    names: { zh: `${g.label}“总计” = 前四项之和`, en: `${g.en} total = the four outcomes` },
  })),
];

/** Which edition of the format a report year calls for (§2). */
export function editionForYear(year: number | undefined): Edition | undefined {
  if (year === undefined) return undefined;
  return year >= 2021 ? '2021' : '2019';
}

/** The whole-table column keys of T2 in one order, for a flat view of the table. */
export function proactiveColumnKeys(edition: Edition): string[] {
  const keys: string[] = [];
  for (const b of PROACTIVE[edition]) for (const c of b.columns) if (!keys.includes(c.key)) keys.push(c.key);
  return keys;
}

export function requestRowKeys(edition: Edition): string[] {
  return REQUEST_ROWS[edition].map((row) => row.key);
}

export const TABLE_NAMES: Record<TableKey, Names & { section: SectionNumber }> = {
  proactive: { zh: '主动公开政府信息情况表', en: 'proactive disclosure table', section: 2 },
  requests: { zh: '收到和处理政府信息公开申请情况表', en: 'requests table', section: 3 },
  appeals: { zh: '行政复议、行政诉讼情况表', en: 'reviews and lawsuits table', section: 4 },
};

/**
 * Column names only a table's header holds (no generic 总计/其他): two of them in a section whose table the
 * reader did not find mean the table is there in words — run together, or cut up past reading — not absent.
 */
export const TABLE_HEADER_SIGNS: Record<TableKey, readonly string[]> = {
  proactive: ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'],
  requests: ['商业企业', '科研机构', '社会公益组织', '法律服务机构'],
  appeals: ['结果维持', '结果纠正', '其他结果', '尚未审结'],
};
/** How many of a table's header signs show it is there. */
export const TABLE_SIGNS_NEEDED = 2;

/** 信息处理费 wording for R12. */
export const FEE_WORDS = ['信息处理费', '处理费'];

// ---------------------------------------------------------------------------------------------
// R8: what a number stated in the prose may equal
// ---------------------------------------------------------------------------------------------

/**
 * The table quantity a prose count speaks of, as alternative scopes. Each scope is a sum of terms: T3 row keys
 * or group keys (`denied` sums its items), each counted in the 总计 column, or T4 column keys; a term written
 * `-key` is subtracted. The first scope is the one messages name; the others are what the prose may count
 * instead (§7: 收到 N 件 may count the new requests, or the new and those carried in).
 */
export interface ProseTarget {
  table: 'requests' | 'appeals';
  scopes: string[][];
}

/** Prose keys that are not a row, group or column of their own. */
const PROSE_SCOPES: Record<string, string[][]> = {
  received: [['new'], ['new', 'carriedIn']],
  new: [['new'], ['new', 'carriedIn']],
  // 办理 N 件: those handled to an end, or all there were to handle.
  handled: [['total'], ['new'], ['new', 'carriedIn']],
  disclosed: [['granted', 'partial']],
  // 公开率: granted and partly granted, or granted alone, over one of the bases below.
  openRate: [['granted', 'partial'], ['granted']],
  // A base for rates that leaves out the requests not processed or otherwise handled.
  effective: [['total', '-rejected', '-other']],
  corrected: [APPEALS_GROUPS.map((g) => `${g.key}.corrected`)],
};

const REQUEST_GROUP_KEYS = new Set(REQUEST_GROUPS.filter((g) => g.key !== 'results').map((g) => g.key));
const REQUEST_ROW_KEYS = new Set([...REQUEST_ROWS['2021'], ...REQUEST_ROWS['2019']].map((row) => row.key));
const APPEALS_COLUMN_KEYS = new Set(APPEALS_COLUMNS.map((c) => c.key));

/**
 * Targets already worked out, by prose key: a pure function of a short key, over the few keys the prose
 * reader gives (bounded all the same). The targets are shared: callers do not change them.
 */
const PROSE_TARGETS = new Map<string, ProseTarget | undefined>();
const PROSE_TARGETS_MAX = 256;

/** What the prose key counts in the tables; undefined for a key the format does not know. */
export function proseTarget(key: string): ProseTarget | undefined {
  if (PROSE_TARGETS.has(key)) return PROSE_TARGETS.get(key);
  const target = targetOfKey(key);
  if (PROSE_TARGETS.size < PROSE_TARGETS_MAX) PROSE_TARGETS.set(key, target);
  return target;
}

function targetOfKey(key: string): ProseTarget | undefined {
  const scopes = PROSE_SCOPES[key];
  if (scopes) return { table: APPEALS_COLUMN_KEYS.has(scopes[0]![0]!) ? 'appeals' : 'requests', scopes };
  if (REQUEST_ROW_KEYS.has(key) || REQUEST_GROUP_KEYS.has(key)) return { table: 'requests', scopes: [[key]] };
  if (APPEALS_COLUMN_KEYS.has(key)) return { table: 'appeals', scopes: [[key]] };
  // suit.<outcome>: both kinds of lawsuit.
  const m = /^suit\.(\w+)$/.exec(key);
  if (m && APPEALS_COLUMN_KEYS.has(`suitDirect.${m[1]}`)) {
    return { table: 'appeals', scopes: [[`suitDirect.${m[1]}`, `suitAfterReview.${m[1]}`]] };
  }
  return undefined;
}
