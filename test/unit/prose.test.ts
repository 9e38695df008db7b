/**
 * How the prose reader reads a sentence: each number as the row, group or column its own clause speaks of
 * (`key=value`, `a+b=value` for a sum of subjects, `key=value%/bases` for a share), or nothing when that is
 * unclear. Sentences are real phrasing of published reports, rewritten.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paragraphsOf } from '../../server/src/core/parse/prose';
import { parseReport } from '../../server/src/core/service';

function read(text: string): string[] {
  return parseReport(text).prose.map((p) => {
    const key = [p.key, ...(p.plus ?? [])].join('+') + (p.applicant ? `@${p.applicant}` : '');
    return p.percent ? `${key}=${p.value}%/${p.percent.of.join('|')}` : `${key}=${p.value}`;
  });
}

const CASES: [string, string[]][] = [
  // Requests: received, carried in, handled, carried over.
  ['本年度共收到政府信息公开申请13件，上年结转1件，均在法定期限内办结12件，结转下年度2件。', ['received=13', 'carriedIn=1', 'total=12', 'carriedOut=2']],
  ['全年共收到政府信息公开申请18件，办结17件，结转下年度继续办理3件。', ['received=18', 'total=17', 'carriedOut=3']],
  ['2021年，本机关新收政府信息公开申请36件，已全部答复。', ['new=36']],
  ['全年受理政府信息公开申请267件，答复263件。', ['received=267', 'total=263']],
  ['本年度共收到政府信息公开申请十五件。', ['received=15']],
  ['本年度共收到13件政府信息公开申请。', ['received=13']],
  ['2021年共办理依申请公开件9件，均依法依规答复了申请人。', ['handled=9']],
  ['本年度收到申请13件，其中2件结转至下一年度办理。', ['received=13']],
  ['本年度收到申请13件，2件结转下年度。', ['received=13', 'carriedOut=2']],
  // Results, one by one, summed, and their items.
  ['收到申请13件，办结12件，其中予以公开6件、部分公开2件、不予公开1件、无法提供2件、不予处理1件。', ['received=13', 'total=12', 'granted=6', 'partial=2', 'denied=1', 'unable=2', 'rejected=1']],
  ['收到申请12件，其中6件予以公开。', ['received=12', 'granted=6']],
  ['收到申请13件，其中予以公开及部分公开8件。', ['received=13', 'disclosed=8']],
  ['收到申请13件，其中同意公开或部分公开共81件。', ['received=13', 'disclosed=81']],
  ['收到申请13件，不予公开和无法提供共3件。', ['received=13', 'denied+unable=3']],
  ['收到申请13件，予以公开、部分公开各2件。', ['received=13', 'granted=2', 'partial=2']],
  ['收到申请13件，其中其他处理1件。', ['received=13', 'other=1']],
  ['不予公开1件，属于国家秘密1件；重复申请2件。', ['denied=1', 'denied.1=1', 'rejected.2=2']],
  // Shares and rates.
  ['收到申请13件，予以公开6件，占46.15%；无法提供2件，占办结总数的16.67%。', ['received=13', 'granted=6', 'granted=46.15%/total|received', 'unable=2', 'unable=16.67%/total']],
  ['收到申请13件，其中同意公开或部分公开共8件，公开率为66.67%。', ['received=13', 'disclosed=8', 'openRate=66.67%/total|received|effective']],
  // Reviews and lawsuits: T4, never T3.
  ['本年度发生政府信息公开行政复议2件、行政诉讼1件。', ['review.total=2', 'suit.total=1']],
  ['行政复议3件，其中维持2件、尚未审结1件；行政诉讼2件，其中直接起诉1件，复议后起诉1件。', ['review.total=3', 'review.upheld=2', 'review.pending=1', 'suit.total=2', 'suitDirect.total=1', 'suitAfterReview.total=1']],
  ['本年度收到行政复议申请2件，已办结2件。', ['review.total=2']],
  ['本年度共办理政府信息公开行政复议案件2件。', []],
  ['行政复议被纠错1件，行政诉讼败诉0件。', ['review.corrected=1', 'suit.corrected=0']],
  ['行政复议、行政诉讼各1件。', ['review.total=1', 'suit.total=1']],
  // None: requests, reviews, lawsuits, and narrowed to an outcome.
  ['本年度未收到政府信息公开申请。', ['received=0']],
  ['本年度我办没有收到政府信息公开申请。', ['received=0']],
  ['2022年，我办没有接到自然人、法人或其他组织要求公开政府信息的申请。', ['received=0']],
  ['本年度无政府信息公开申请。', ['received=0']],
  ['本年度未发生政府信息公开行政复议、行政诉讼。', ['review.total=0', 'suit.total=0']],
  ['本年度未发生因政府信息公开被申请行政复议和提起行政诉讼的情况。', ['review.total=0', 'suit.total=0']],
  ['本年度发生行政复议2件，未发生行政诉讼。', ['review.total=2', 'suit.total=0']],
  ['本年度未发生行政复议被纠错、行政诉讼败诉的情况。', ['review.corrected=0', 'suit.corrected=0']],
  ['本年度发生行政复议55件，未发生被纠错的情况。', ['review.total=55', 'review.corrected=0']],
  ['本年度发生行政复议2件、行政诉讼1件，均未被纠错。', ['review.total=2', 'suit.total=1', 'review.corrected=0', 'suit.corrected=0']],
  ['全年无被纠错或败诉的情况。', ['corrected=0']],
  ['无一例败诉。', ['suit.corrected=0']],
  // Silent: something else counted.
  ['通过信函收到申请5件，召开会议3次，培训2次，主动公开政策文件86件、政府信息1520条。', []],
  ['另协助上级机关办理政府信息公开申请5件，配合协查政府信息公开申请3件。', []],
  ['较上年收到申请20件有所减少，同比减少7件。', []],
  ['截至目前累计收到申请120件。', []],
  ['2022年上半年，共受理政府信息公开申请267件，答复263件。其中同意公开或部分公开共81件，公开率为30.80%。', []],
  ['各乡镇（街道）共收到申请30件。', []],
  ['全年共受理人大代表建议15件，办结15件。', []],
  ['办结12件，平均办理时间为8个工作日。', []],
  // Silent: a part of a number already given, or several subjects.
  ['收到申请13件，其中网上申请10件、信函申请3件，自然人申请10件，法人或其他组织申请3件。', ['received=13', 'received@natural=10', 'received@orgs=3']],
  // Who applied: T3's columns, in the row the clause names or the sentence counted last.
  ['全年共收到政府信息公开申请154件，其中自然人申请112件，法人或其他组织申请62件。', ['received=154', 'received@natural=112', 'received@orgs=62']],
  ['本年度办结申请150件，其中自然人100件、商业企业25件。', ['total=150', 'total@natural=100', 'total@business=25']],
  ['本年度新收自然人申请102件。', ['new@natural=102']],
  // Unclear: no row counted before, several applicants together, 法人 or 企业 alone; a share of another row.
  ['其中自然人112件。', []],
  ['收到申请154件，其中自然人和法人或其他组织申请各77件。', ['received=154']],
  ['收到申请154件，其中法人申请62件、企业申请20件。', ['received=154']],
  ['收到申请154件，其中自然人申请112件，占72.73%。', ['received=154', 'received@natural=112', 'received@natural=72.73%/received']],
  ['收到申请154件，其中自然人申请112件，占申请总数的72.73%。', ['received=154', 'received@natural=112', 'received@natural=72.73%/received']],
  ['收到申请154件，其中自然人申请112件，占办结总数的75%。', ['received=154', 'received@natural=112']],
  ['收到申请13件，办结12件，其中按期办结11件，当场答复3件。', ['received=13', 'total=12']],
  ['收到并办结政府信息公开申请20件。', []],
  ['行政复议和行政诉讼共5件。', []],
  ['不予公开、无法提供分别为1件、2件。', []],
  // Silent: not exact, or not this kind of number.
  ['收到申请10余件，办结近20件。', []],
  ['按时办结率100%，满意率98%，申请量同比上升30%。', []],
  ['依据《条例》第二十条，主动公开政府信息。', []],
  ['严格依照《条例》第三十六条办理。', []],
  // Silent: nothing said of none.
  ['本年度未发生因政府信息公开工作被追责的情形。', []],
  ['申请人无正当理由逾期不补正的，不再处理。', []],
  ['本年度未收取信息处理费。', []],
];

describe('prose reader', () => {
  for (const [sentence, want] of CASES) {
    it(sentence, () => {
      assert.deepEqual(read(sentence), want);
    });
  }

  it('reads a sentence broken over two lines by PDF layout whole', () => {
    assert.deepEqual(read('2021年度，我局严格按照《条例》规定，共收到政府信息公开申请\n13件，办结12件，其中予以\n公开6件。'), ['received=13', 'total=12', 'granted=6']);
  });

  it('takes back the first half of a broken sentence that reads like a table label', () => {
    // 本年度共收到政府信息公开申请 alone on a line reads like the label 本年新收政府信息公开申请数量.
    assert.deepEqual(read('本年度共收到政府信息公开申请\n13件，办结12件。'), ['received=13', 'total=12']);
    // A label with numbering, or with values, is a table's.
    assert.deepEqual(paragraphsOf('一、本年新收政府信息公开申请数量\n13件', [[17, 20]]), [[17, 20]]);
    assert.deepEqual(paragraphsOf('新收申请数量 12\n13件', [[10, 13]]), [[10, 13]]);
  });

  it('joins lines that do not end a sentence, and only those', () => {
    const text = '（二）依申请公开\n本年度共收到政府信息公开申请\n13件。\n上年结转1件\n\n办结12件';
    const spans = (t: string) => {
      const out: [number, number][] = [];
      let at = 0;
      for (const line of t.split('\n')) {
        if (line) out.push([at, at + line.length]);
        at += line.length + 1;
      }
      return out;
    };
    const got = paragraphsOf(text, spans(text)).map(([a, b]) => text.slice(a, b));
    assert.deepEqual(got, ['（二）依申请公开', '本年度共收到政府信息公开申请\n13件。', '上年结转1件', '办结12件']);
  });
});
