/**
 * The words report prose uses when it counts requests, reviews and lawsuits (R8), as data: what each word
 * says about the number near it. Words are matched on normalised text (NFKC, no white space), longest first,
 * so `上年结转` is a row and not last year, `不予公开` is not `予以公开`, `无法提供` is not a negation.
 */

/** What a word says. */
export type TermKind =
  /** A T3 row or group: `key` is a prose key (format/spec.ts `proseTarget`). */
  | 'row'
  /** What a count is about: requests (T3), or one of the T4 groups. */
  | 'domain'
  /** A T4 outcome: `key` is upheld, corrected, other or pending. */
  | 'outcome'
  /** Who applied: a column of T3, or its group (`key`: a key of format/spec.ts `APPLICANT_COLUMNS`). */
  | 'applicant'
  /** A share: 占 N%. */
  | 'share'
  /** A rate the tables give: `key` is its numerator's prose key. */
  | 'rate'
  /** A negation: 未, 没有, 无. */
  | 'neg'
  /** 各: each of the subjects before it. */
  | 'each'
  /** 均, 都: all of the subjects before it. */
  | 'all'
  /** Joins subjects: 和, 及, 、. */
  | 'conj'
  /** The count is about something else, another time, a part, or is not exact: stay silent. */
  | 'silence'
  /** Words that may stand between a subject and its number without changing what is counted. */
  | 'noise';

export type Domain = 'requests' | 'review' | 'suit' | 'suitDirect' | 'suitAfterReview';

export interface Term {
  kind: TermKind;
  key?: string;
  domain?: Domain;
  /**
   * A row word that does not name the requests by itself (收到, 办结, 结转下年度): it speaks of T3 only in a
   * sentence about requests. Rows without it (予以公开, 上年结转) are T3's own words.
   */
  generic?: boolean;
  /** A receiving verb (收到, 受理): in a sentence about reviews or lawsuits it counts them all. */
  receiving?: boolean;
  /** A silencing word that holds for the rest of its paragraph, not only its clause. */
  paragraph?: boolean;
}

const T = (kind: TermKind, extra: Omit<Term, 'kind'> = {}): Term => ({ kind, ...extra });

/** Each entry: the spellings, and what they say. */
const ENTRIES: [string[], Term][] = [
  // --- T3 rows: receiving, handling, carrying over -------------------------------------------
  [['收到', '受理', '接到', '接收', '收悉', '登记'], T('row', { key: 'received', generic: true, receiving: true })],
  [['新收', '新增', '新接收'], T('row', { key: 'new', generic: true, receiving: true })],
  [['申请总数', '申请数量', '申请量', '申请总量'], T('row', { key: 'received', domain: 'requests' })],
  [['上年结转', '上年度结转', '上一年度结转', '上一年结转', '去年结转', '往年结转', '上年遗留'], T('row', { key: 'carriedIn' })],
  [['办结', '已办结', '全部办结', '答复', '作出答复', '予以答复', '回复', '办理完毕', '处理完毕'], T('row', { key: 'total', generic: true })],
  [['办理', '处理'], T('row', { key: 'handled', generic: true })],
  [['结转下年度', '结转下年', '结转至下年度', '结转到下年度', '结转下一年度', '结转至下一年度', '结转到下一年度', '转入下一年度',
    '转入下年度', '继续办理', '正在办理', '尚在办理', '仍在办理', '办理中', '尚未办结', '未办结'], T('row', { key: 'carriedOut', generic: true })],
  // --- T3 results -------------------------------------------------------------------------------
  [['予以公开', '同意公开', '全部公开'], T('row', { key: 'granted' })],
  [['部分公开', '区分处理'], T('row', { key: 'partial' })],
  [['予以公开和部分公开', '予以公开及部分公开', '予以公开或部分公开', '同意公开和部分公开', '同意公开或部分公开',
    '同意公开及部分公开', '全部或部分公开', '全部公开和部分公开', '全部公开或部分公开', '公开和部分公开', '公开或部分公开', '公开及部分公开'],
  T('row', { key: 'disclosed' })],
  [['不予公开'], T('row', { key: 'denied' })],
  [['无法提供', '信息不存在'], T('row', { key: 'unable' })],
  [['不予处理'], T('row', { key: 'rejected' })],
  [['其他处理'], T('row', { key: 'other' })],
  // The items of 不予公开, 无法提供, 不予处理, 其他处理, by the words of their labels.
  [['国家秘密'], T('row', { key: 'denied.1' })],
  [['法律行政法规禁止公开', '法律法规禁止公开'], T('row', { key: 'denied.2' })],
  [['三安全一稳定'], T('row', { key: 'denied.3' })],
  [['第三方合法权益'], T('row', { key: 'denied.4' })],
  [['内部事务信息'], T('row', { key: 'denied.5' })],
  [['过程性信息'], T('row', { key: 'denied.6' })],
  [['行政执法案卷'], T('row', { key: 'denied.7' })],
  [['行政查询事项'], T('row', { key: 'denied.8' })],
  [['不掌握相关政府信息', '本机关不掌握', '不掌握'], T('row', { key: 'unable.1' })],
  [['没有现成信息', '需要另行制作', '另行制作'], T('row', { key: 'unable.2' })],
  [['补正后申请内容仍不明确', '申请内容仍不明确', '申请内容不明确'], T('row', { key: 'unable.3' })],
  [['信访举报投诉', '信访举报投诉类申请', '信访类'], T('row', { key: 'rejected.1' })],
  [['重复申请'], T('row', { key: 'rejected.2' })],
  [['公开出版物'], T('row', { key: 'rejected.3' })],
  [['大量反复申请'], T('row', { key: 'rejected.4' })],
  [['确认或重新出具'], T('row', { key: 'rejected.5' })],
  [['逾期不补正', '逾期未补正', '未补正'], T('row', { key: 'other.1' })],
  [['未按收费通知', '逾期未缴纳', '未缴纳费用'], T('row', { key: 'other.2' })],
  // --- what is counted ---------------------------------------------------------------------------
  [['申请', '依申请公开', '申请件', '公开申请', '申请公开', '依申请公开件'], T('domain', { domain: 'requests' })],
  [['行政复议', '复议', '复议申请', '行政复议申请', '复议案件', '行政复议案件'], T('domain', { domain: 'review' })],
  [['行政诉讼', '诉讼', '起诉', '应诉', '行政应诉', '诉讼案件', '行政诉讼案件'], T('domain', { domain: 'suit' })],
  [['未经复议直接起诉', '直接起诉', '直接提起行政诉讼', '直接提起诉讼'], T('domain', { domain: 'suitDirect' })],
  [['复议后起诉', '复议后提起行政诉讼', '复议后提起诉讼', '经复议后起诉'], T('domain', { domain: 'suitAfterReview' })],
  // --- T4 outcomes ------------------------------------------------------------------------------
  [['维持', '结果维持', '予以维持', '被维持'], T('outcome', { key: 'upheld' })],
  [['纠正', '纠错', '被纠错', '被纠正', '结果纠正', '撤销', '被撤销', '确认违法', '责令'], T('outcome', { key: 'corrected' })],
  [['败诉'], T('outcome', { key: 'corrected', domain: 'suit' })],
  [['其他结果', '终止', '撤回'], T('outcome', { key: 'other' })],
  [['尚未审结', '未审结', '正在审理', '审理中', '尚在审理', '未结案', '在审'], T('outcome', { key: 'pending' })],
  // --- who applied: T3's columns ---------------------------------------------------------------
  [['自然人'], T('applicant', { key: 'natural' })],
  [['法人或其他组织', '法人和其他组织', '法人或者其他组织', '法人及其他组织', '法人或其它组织', '法人和其它组织'], T('applicant', { key: 'orgs' })],
  [['商业企业'], T('applicant', { key: 'business' })],
  [['科研机构'], T('applicant', { key: 'research' })],
  [['社会公益组织'], T('applicant', { key: 'publicInterest' })],
  [['法律服务机构'], T('applicant', { key: 'legal' })],
  // --- shares and rates -------------------------------------------------------------------------
  [['占', '占比', '所占比例', '比例为'], T('share')],
  [['公开率', '信息公开率', '申请公开率'], T('rate', { key: 'openRate' })],
  // --- structure ----------------------------------------------------------------------------------
  [['未', '没有', '无', '尚未', '未曾', '从未', '并未', '没'], T('neg')],
  [['各'], T('each')],
  [['均', '都', '全部', '皆'], T('all')],
  [['和', '及', '与', '或', '、', '以及', '或者', '和/或', '/', '并', '并且'], T('conj')],
  // --- the count is about something else, another time or a part; or it is not exact ------------
  [['办结率', '答复率', '按时办结率', '按期办结率', '满意率', '及时率', '纠错率', '败诉率', '受理率', '回复率', '增长率', '上线率'], T('silence')],
  [['上年', '上年度', '去年', '上一年', '上一年度', '前年', '往年', '同比', '环比', '较', '相比', '比上年', '增长', '增加', '减少',
    '下降', '上升', '持平', '历年', '累计', '以来', '截至', '截止', '近年', '近三年'], T('silence')],
  // Part of the year: said once (2022年上半年，…), it holds for the rest of the paragraph.
  [['上半年', '下半年', '季度', '一季度', '二季度', '三季度', '四季度', '前三季度', '月份', '同期'], T('silence', { paragraph: true })],
  [['协查', '协助', '协办', '配合', '转办', '转交', '转送', '代为', '咨询', '来电', '来访', '来信', '信函', '电话', '热线', '留言', '信访',
    '涉及', '关于', '网上', '网络', '在线', '线上', '线下', '当面', '现场', '邮寄', '传真', '邮件', '邮箱', '窗口', '法人',
    '企业', '组织', '公民', '个人', '律师', '当场', '延期', '逾期', '超期'], T('silence')],
  [['会议', '培训', '政策文件', '文件', '信息', '解读', '发布会', '建议', '提案', '人次', '工作日', '天', '小时', '篇', '万元', '元'],
    T('silence')],
  [['各乡镇', '各街道', '各部门', '各单位', '各级', '下属', '所属', '区直', '市直', '县直', '直属', '各村', '各社区', '基层'], T('silence')],
  // 分别: several subjects, several numbers, paired by order: left alone.
  [['分别', '分别为', '依次为', '每', '平均', '约', '近', '大约', '将近', '超过', '逾', '不足', '左右', '以上', '以下', '不到', '接近', '近乎'], T('silence')],
  // --- words that change nothing --------------------------------------------------------------------
  [['政府信息公开', '信息公开', '政府信息', '公开', '申请人', '自然人、法人或其他组织', '自然人、法人和其他组织', '公民、法人或者其他组织',
    '公民、法人或其他组织', '公民、法人和其他组织', '要件', '受理件', '各类', '总数', '数量', '总量', '共计', '合计', '总计',
    '其中', '包括', '含', '具体为', '本年度', '本年', '全年', '年度', '今年', '当年', '办理结果', '处理结果', '依法',
    '依规', '按时', '按期', '及时', '法定期限内', '法定时限内', '规定时限内', '期限内', '发生', '提起', '被申请', '产生', '出现', '引发',
    '因', '原行政行为', '原具体行政行为', '原行为', '原决定', '原答复', '一审', '二审', '无正当理由', '无论', '情况', '情形', '共', '计', '了', '为', '达', '有', '的', '已', '被', '是', '等', '件', '个', '类', '中',
    '宗', '起', '例', '次', '政务公开'], T('noise')],
];

/** A spelling, with what the scan below compares before the whole of it: its length and second character. */
interface Spelling {
  word: string;
  length: number;
  second: number;
  term: Term;
}

/** Words by their first character, longest first: FIRST[code] indexes LISTS, -1 when no word starts so. */
const LISTS: Spelling[][] = [];
const FIRST = new Int16Array(0x10000).fill(-1);
for (const [spellings, term] of ENTRIES) {
  for (const s of spellings) {
    const c = s.charCodeAt(0);
    if (FIRST[c] === -1) FIRST[c] = LISTS.push([]) - 1;
    const list = LISTS[FIRST[c]!]!;
    if (list.some((e) => e.word === s)) throw new Error(`prose word listed twice: ${s}`);
    list.push({ word: s, length: s.length, second: s.length > 1 ? s.charCodeAt(1) : -1, term });
  }
}
for (const list of LISTS) list.sort((a, b) => b.length - a.length);

export interface Word {
  term: Term;
  start: number;
  end: number;
}

/** The words of `text[from, to)`, left to right, each the longest spelling that starts where it does. */
export function wordsOf(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  let i = from;
  while (i < to) {
    const at = FIRST[text.charCodeAt(i)]!;
    let hit: Spelling | undefined;
    if (at >= 0) {
      // The first character matched by FIRST; the second is compared before the rest.
      const next = text.charCodeAt(i + 1);
      for (const e of LISTS[at]!) {
        if (i + e.length > to) continue;
        if (e.length === 1 || (e.second === next && (e.length === 2 || text.startsWith(e.word, i)))) {
          hit = e;
          break;
        }
      }
    }
    if (hit) {
      out.push({ term: hit.term, start: i, end: i + hit.length });
      i += hit.length;
    } else i++;
  }
  return out;
}
