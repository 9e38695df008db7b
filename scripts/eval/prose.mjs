// The prose of a corpus report: title, opening paragraph with the statistics period, section 一's
// （一）…（五）, the sentences about requests and appeals whose numbers R8 compares, 五's problems and
// measures, 六's 信息处理费 sentence (or its absence). Numbers that are not counts of requests (items
// published, trainings, deputies' proposals, percentages) are there as near misses.
import { SECTION_TITLES, SECTION_VARIANTS, NUMERALS } from './format.mjs';

const sum = (a) => a.reduce((x, y) => x + (typeof y === 'number' ? y : 0), 0);

export function writeProse(r, truth, t3, t4, plant, plantedSums) {
  const { agency, self, year, level } = truth;
  const small = ['街道', '镇', '乡'].includes(level);
  const planted = [];
  const platform = small
    ? r.pick(['政务公开栏、区政府门户网站', '便民服务中心公示栏、政府网站信息公开专栏', '村（社区）公开栏和政务新媒体'])
    : r.pick(['政府门户网站、政务新媒体', '门户网站信息公开专栏、“政务公开”微信公众号', '政府网站、政务服务网和新闻发布会']);

  // Title and opening.
  const title = truth.damage.includes('title-split')
    ? [agency, `${year} 年政府信息公开工作年度报告`]
    : [`${agency}${year}年政府信息公开工作年度报告`];
  const periodYear = plant.has('period') ? year - 1 : year;
  const format = year >= 2021 ? '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）' : '《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）';
  const phone = `0${r.int(310, 999)}-${r.int(2000000, 8999999)}`;
  const intro = [
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和${format}要求，由${agency}编制。` +
      `全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。` +
      `本年度报告中所列数据的统计期限自${periodYear}年1月1日起至${periodYear}年12月31日止。` +
      `如对本年度报告有疑问，请与${agency}办公室联系（电话：${phone}）。`,
  ];

  // Headings as written.
  const headings = {};
  for (let n = 1; n <= 6; n++) {
    let numeral = `${NUMERALS[n]}、`;
    let title = SECTION_TITLES[n];
    if (truth.damage.includes('numerals')) numeral = { 1: '—、', 3: '3、', 5: '5、' }[n] ?? numeral;
    if (truth.damage.includes('long-titles') && SECTION_VARIANTS[n]) title = SECTION_VARIANTS[n][0];
    headings[n] = { numeral, title, text: `${numeral}${title}` };
  }

  // Section 一.
  const newTotal = t3.new[6];
  const carriedIn = t3.carriedIn[6];
  const handled = t3.total[6];
  const carriedOut = t3.carriedOut[6];
  const published = small ? r.int(20, 200) : r.int(300, 6000);
  const open1 = `${year}年，${self}认真贯彻落实《条例》和上级关于政务公开工作的部署要求，坚持以公开为常态、不公开为例外，` +
    `${r.pick(['围绕中心工作', '聚焦群众关切', '紧扣重点领域'])}深入推进决策、执行、管理、服务、结果公开，政府信息公开工作取得新进展。`;
  const proactive = `全年通过${platform}主动公开政府信息${published}条，其中政策文件${r.int(small ? 0 : 3, small ? 5 : 80)}条、` +
    `工作动态${r.int(10, Math.max(20, Math.round(published / 2)))}条${small ? '' : `，发布政策解读${r.int(2, 40)}篇`}。`;
  let says = newTotal;
  if (plant.has('prose-new')) {
    const wrong = [newTotal + carriedIn, newTotal].includes(newTotal + 2) ? newTotal + 3 : newTotal + 2;
    says = newTotal > 4 && r.chance(0.5) ? newTotal - 2 : wrong;
    if (says === newTotal + carriedIn) says += 1;
    planted.push({ kind: 'prose-new', says, table: newTotal });
  }
  let requests;
  if (says === 0 && carriedIn === 0) requests = `全年未收到政府信息公开申请。`;
  else {
    let nat = t3.new[0];
    const orgs = sum(t3.new.slice(1, 6));
    if (plant.has('prose-applicant') && says === newTotal && newTotal > 0) {
      planted.push({ kind: 'prose-applicant', says: nat + 2, table: nat });
      nat += 2;
    }
    requests = `全年共收到政府信息公开申请${says}件` +
      (says === newTotal && newTotal > 0 ? `，其中自然人申请${nat}件，法人或其他组织申请${orgs}件` : '') +
      (carriedIn ? `；上年结转${carriedIn}件` : '') + '。' +
      (handled ? `已按时办结${handled}件` : '') +
      (carriedOut ? `，结转下年度继续办理${carriedOut}件` : '') + (handled || carriedOut ? '。' : '');
    if (handled && r.chance(0.5) && truth.layout === '2021') {
      const g = (prefix) => sum(Object.entries(t3).filter(([k]) => k.startsWith(prefix)).map(([, v]) => v[6]));
      const parts = [['予以公开', t3.granted[6]], ['部分公开', t3.partial[6]], ['不予公开', g('denied.')], ['无法提供', g('unable.')],
        ['不予处理', g('rejected.')], ['其他处理', g('other.')]].filter(([, n]) => n > 0);
      // Only when the table's own result rows are the ones written (no typo planted into them).
      if (parts.length > 1 && !plantedSums.some((p) => p.kind === 'sum-typo-result')) requests += `办理结果中，${parts.map(([l, n]) => `${l}${n}件`).join('、')}。`;
    }
  }
  const management = r.pick([
    `严格落实政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”，全年未发生泄密事件。`,
    `动态更新政府信息公开指南和公开目录，规范公文公开属性认定，做到应公开尽公开。`,
    `建立健全政府信息发布协调机制，对拟公开信息逐条审核，确保公开信息准确、规范。`,
  ]);
  const platforms = r.pick([
    `持续优化政府网站信息公开专栏，调整栏目${r.int(2, 12)}个，及时更新公开内容；加强政务新媒体管理，发布信息${r.int(50, 900)}条。`,
    `加强政务公开专区建设，在便民服务大厅设置政府信息查阅点，方便群众查阅。`,
    `依托政务新媒体矩阵，第一时间发布与群众切身利益相关的信息，拓宽公开渠道。`,
  ]);
  const oversight = `将政务公开工作纳入年度考核，组织业务培训${r.int(1, 6)}次，参训${r.int(10, 300)}人次。` +
    r.pick(['本年度未发生因政府信息公开工作被责任追究的情况。', '全年未收到涉及政府信息公开的投诉举报。', '']);
  const s1 = small && r.chance(0.5)
    ? { paras: [open1, `一是主动公开。${proactive}二是依申请公开。${requests}三是加强管理。${management}四是平台建设。${platforms}`] }
    : { paras: [open1], subs: [
      { heading: '（一）主动公开政府信息情况', paras: [proactive] },
      { heading: '（二）依申请公开办理情况', paras: [requests] },
      { heading: '（三）政府信息管理情况', paras: [management] },
      { heading: '（四）政府信息公开平台建设情况', paras: [platforms] },
      { heading: '（五）监督保障情况', paras: [oversight] },
    ] };

  // Section 三: a sentence before the table, sometimes.
  const s3 = r.chance(0.35) && !plant.has('prose-new')
    ? [newTotal ? `${year}年度，${self}共收到政府信息公开申请${newTotal}件。` : `${year}年度，${self}未收到政府信息公开申请。`] : [];

  // Section 四.
  const review = t4 ? t4[4] : 0;
  const suits = t4 ? t4[9] + t4[14] : 0;
  let s4 = [];
  if (t4) {
    let reviewSays = review;
    if (plant.has('prose-review')) {
      reviewSays = review + r.int(1, 3);
      const written = plantedSums.find((p) => p.kind === 'sum-appeals' && p.column === 'review.total');
      if (written && reviewSays === written.written) reviewSays += 1;
      planted.push({ kind: 'prose-review', says: reviewSays, table: review });
    }
    if (reviewSays === 0 && suits === 0) s4 = [r.pick(['本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。', `${year}年，${self}无政府信息公开行政复议、行政诉讼案件。`])];
    else s4 = [`本年度共发生政府信息公开行政复议案件${reviewSays}件、行政诉讼案件${suits}件` +
      (t4[1] + t4[6] + t4[11] === 0 ? '，均未被纠错。' : '。')];
    if (r.chance(0.3)) s4 = [];
    if (plant.has('prose-review') && s4.length === 0) s4 = [`本年度共发生政府信息公开行政复议案件${reviewSays}件、行政诉讼案件${suits}件。`];
  }

  // Section 五.
  const problems = r.some([
    '政府信息公开的深度和广度有待进一步拓展，部分领域信息公开不够及时',
    '政策解读形式较为单一，图解、视频等解读方式运用不多',
    '工作人员业务水平参差不齐，对《条例》的理解把握还不够准确',
    '依申请公开答复的规范性有待提高，个别答复说理不够充分',
    '基层政务公开标准化规范化建设推进不够平衡',
    '政务新媒体更新频率不高，互动回应不够及时',
  ], 3);
  const measures = r.some([
    '加强业务培训，提高工作人员依法公开意识和能力',
    '丰富政策解读形式，提升解读质量和传播效果',
    '严格执行公开前保密审查，规范依申请公开办理流程',
    '完善考核评估机制，压实各科室（单位）公开责任',
    '深化基层政务公开标准化规范化建设，推动公开向村（社区）延伸',
  ], 3);
  const ord = ['一是', '二是', '三是'];
  let s5;
  if (plant.has('empty-5')) s5 = { paras: ['无。'] };
  else if (r.chance(0.5)) s5 = { subs: [
    { heading: '（一）存在的主要问题', paras: [`${problems.map((x, i) => `${ord[i]}${x}`).join('；')}。`] },
    { heading: '（二）改进措施', paras: [`${measures.map((x, i) => `${ord[i]}${x}`).join('。')}。`] },
  ] };
  else s5 = { paras: [`${year}年，${self}政府信息公开工作虽取得一定成效，但仍存在一些不足：${problems.map((x, i) => `${ord[i]}${x}`).join('；')}。`,
    `${year + 1}年，${self}将从以下方面改进：${measures.map((x, i) => `${ord[i]}${x}`).join('；')}。`] };

  // Section 六.
  const fee = r.pick([
    '本年度未收取信息处理费。',
    `${year}年，${self}未向申请人收取政府信息公开信息处理费。`,
    '依据《政府信息公开信息处理费管理办法》，本年度未发出收费通知，未收取信息处理费。',
  ]);
  const proposals = small ? '' : `本年度办理人大代表建议${r.int(2, 60)}件、政协委员提案${r.int(2, 60)}件，办复率100%。`;
  let s6;
  if (year >= 2021 && !plant.has('fee-missing')) s6 = [fee + (r.chance(0.4) ? proposals : '')];
  else if (plant.has('fee-missing')) s6 = [r.chance(0.5) && proposals ? proposals : '无其他需要报告的事项。'];
  else s6 = [r.chance(0.5) ? '本年度无其他需要报告的事项。' : fee];

  return { title, intro, headings, sections: { 1: s1, 3: s3, 4: s4, 5: s5, 6: s6 }, planted };
}
