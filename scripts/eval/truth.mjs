// The truth of each report in the eval corpus: who wrote it, the year, the table layout, every cell as
// written, the damage real conversions do, the errors planted on purpose, and the findings a careful
// reviewer expects. Made from a seeded generator, so the same plan gives the same corpus everywhere and the
// corpus grows by adding plan entries (or `--extra N` random ones).
import { rng } from './rng.mjs';
import { PROACTIVE, REQUEST_COLUMNS, requestRows, resultKeys, APPEAL_COLUMNS } from './format.mjs';
import { writeProse } from './prose.mjs';

// ---------------------------------------------------------------------------------------------------------
// Agencies: kinds and levels, each with the scale of its numbers.
// ---------------------------------------------------------------------------------------------------------
const FIRST = ['澄', '岚', '栖', '泓', '汀', '沅', '渌', '槐', '梓', '榆', '蓼', '芷', '荻', '棠', '蕴', '峤', '沣', '湄'];
const SECOND = ['溪', '川', '岭', '原', '阳', '浦', '塘', '洲', '峪', '坪', '湾', '桥', '丘', '渚'];
const place = (r) => r.pick(FIRST) + r.pick(SECOND);

/** Scales: requests per year, proactive figures, appeals. [lo, hi] ranges; `fees` in 万元. */
const PROFILES = {
  cityGov: { level: '市', name: (p) => `${p.city}市人民政府`, self: '我市', requests: [80, 400], rules: true,
    normative: [8, 30], licensing: [2000, 30000], penalties: [100, 2000], enforcement: [0, 120], fees: [500, 90000], review: [5, 40], suits: [2, 20] },
  countyGov: { level: '县', name: (p) => `${p.county}县人民政府`, self: '我县', requests: [15, 160],
    normative: [3, 20], licensing: [600, 12000], penalties: [60, 1500], enforcement: [0, 80], fees: [50, 9000], review: [1, 15], suits: [0, 8] },
  districtGovOffice: { level: '区', name: (p) => `${p.city}市${p.district}区人民政府办公室`, self: '我办', requests: [10, 90],
    normative: [2, 12], licensing: [0, 40], penalties: [0, 5], enforcement: [0, 0], fees: [0, 0], review: [0, 6], suits: [0, 3] },
  cityPolice: { level: '市', name: (p) => `${p.city}市公安局`, self: '我局', requests: [20, 180],
    normative: [1, 6], licensing: [8000, 200000], penalties: [2000, 60000], enforcement: [100, 3000], fees: [100, 3000], review: [3, 40], suits: [1, 15] },
  cityMarket: { level: '市', name: (p) => `${p.city}市市场监督管理局`, self: '我局', requests: [15, 120],
    normative: [1, 8], licensing: [3000, 60000], penalties: [200, 3000], enforcement: [20, 400], fees: [0, 60], review: [1, 12], suits: [0, 5] },
  cityHRSS: { level: '市', name: (p) => `${p.city}市人力资源和社会保障局`, self: '我局', requests: [10, 90],
    normative: [1, 10], licensing: [200, 3000], penalties: [5, 120], enforcement: [0, 10], fees: [0, 20], review: [1, 10], suits: [0, 6] },
  districtEdu: { level: '区', name: (p) => `${p.district}区教育局`, self: '我局', requests: [2, 30],
    normative: [0, 4], licensing: [10, 300], penalties: [0, 6], enforcement: [0, 0], fees: [0, 0], review: [0, 2], suits: [0, 1] },
  districtHealth: { level: '区', name: (p) => `${p.district}区卫生健康委员会`, self: '我委', requests: [3, 40],
    normative: [0, 3], licensing: [100, 2500], penalties: [10, 400], enforcement: [0, 20], fees: [0, 10], review: [0, 3], suits: [0, 2] },
  countyNatRes: { level: '县', name: (p) => `${p.county}县自然资源局`, self: '我局', requests: [15, 150],
    normative: [0, 5], licensing: [50, 800], penalties: [5, 200], enforcement: [0, 30], fees: [0, 400], review: [2, 20], suits: [1, 10] },
  countyHousing: { level: '县', name: (p) => `${p.county}县住房和城乡建设局`, self: '我局', requests: [3, 50],
    normative: [0, 5], licensing: [100, 1500], penalties: [5, 150], enforcement: [0, 15], fees: [0, 200], review: [0, 4], suits: [0, 3] },
  streetOffice: { level: '街道', name: (p) => `${p.district}区${p.street}街道办事处`, self: '我街道', requests: [0, 8],
    normative: [0, 0], licensing: [0, 20], penalties: [0, 10], enforcement: [0, 0], fees: [0, 0], review: [0, 1], suits: [0, 0] },
  townGov: { level: '镇', name: (p) => `${p.county}县${p.town}镇人民政府`, self: '我镇', requests: [0, 12],
    normative: [0, 1], licensing: [0, 80], penalties: [0, 25], enforcement: [0, 2], fees: [0, 0], review: [0, 1], suits: [0, 1] },
  townshipGov: { level: '乡', name: (p) => `${p.town}乡人民政府`, self: '我乡', requests: [0, 5],
    normative: [0, 0], licensing: [0, 10], penalties: [0, 5], enforcement: [0, 0], fees: [0, 0], review: [0, 0], suits: [0, 0] },
};
export const PROFILE_NAMES = Object.keys(PROFILES);

// ---------------------------------------------------------------------------------------------------------
// The plan: one entry per report. Coverage is chosen here (every damage and every planted error at least
// twice, clean reports of every level); the numbers and wording come from the seed.
// ---------------------------------------------------------------------------------------------------------
export const PLAN = [
  { profile: 'countyGov', year: 2023 },
  { profile: 'streetOffice', year: 2021, damage: ['groups-missing', 't4-headerless'] },
  { profile: 'districtEdu', year: 2022, plant: ['sum-typo-result'], damage: ['label-normative'] },
  { profile: 'townGov', year: 2020, damage: ['blank-cells'] },
  { profile: 'cityPolice', year: 2024, plant: ['sum-appeals', 'prose-review'], damage: ['numerals'] },
  { profile: 'countyNatRes', year: 2019, plant: ['sum-total-col'], damage: ['bookmark'] },
  { profile: 'townshipGov', year: 2022, layout: '2019', plant: ['fee-missing'] },
  { profile: 'districtHealth', year: 2025, plant: ['prose-new'], damage: ['label-heji', 'page-numbers'] },
  { profile: 'cityMarket', year: 2021, plant: ['period'], damage: ['fullwidth'] },
  { profile: 'streetOffice', year: 2023, plant: ['empty-5'], damage: ['truncated-t3', 'missing-4'] },
  { profile: 'districtGovOffice', year: 2020, plant: ['sum-carriedout'], damage: ['long-titles'] },
  { profile: 'countyHousing', year: 2024, damage: ['no-total-column'] },
  { profile: 'cityHRSS', year: 2022, plant: ['sum-typo-result', 'prose-new'], damage: ['title-split', 'bookmark'] },
  { profile: 'townGov', year: 2025, damage: ['damaged-cell'] },
  { profile: 'countyGov', year: 2021, plant: ['fee-missing'], damage: ['groups-missing', 'page-numbers'] },
  { profile: 'districtEdu', year: 2019 },
  { profile: 'cityPolice', year: 2023, plant: ['sum-total-col'], damage: ['t4-headerless', 'numerals'] },
  { profile: 'streetOffice', year: 2024, damage: ['blank-cells'] },
  { profile: 'countyNatRes', year: 2022, plant: ['prose-review'], damage: ['label-normative', 'label-heji'] },
  { profile: 'townshipGov', year: 2020, plant: ['period'] },
  { profile: 'cityGov', year: 2023, plant: ['prose-applicant'], damage: ['long-titles', 'fullwidth'] },
  { profile: 'districtHealth', year: 2021, plant: ['sum-appeals'], damage: ['truncated-t3'] },
  { profile: 'countyHousing', year: 2025, plant: ['sum-carriedout', 'empty-5'] },
  { profile: 'cityMarket', year: 2019, plant: ['prose-applicant'], damage: ['title-split'] },
];

export const DAMAGE = ['groups-missing', 't4-headerless', 'label-normative', 'label-heji', 'blank-cells', 'numerals', 'bookmark',
  'page-numbers', 'fullwidth', 'truncated-t3', 'missing-4', 'long-titles', 'no-total-column', 'damaged-cell', 'title-split'];
export const PLANTS = ['sum-typo-result', 'sum-total-col', 'sum-carriedout', 'sum-appeals', 'prose-new', 'prose-review', 'prose-applicant', 'period',
  'fee-missing', 'empty-5'];

/** A random plan entry for growing the corpus beyond PLAN (`--extra N`). */
export function randomEntry(seed) {
  const r = rng(seed * 7919 + 17);
  const year = r.int(2019, 2025);
  const entry = { profile: r.pick(PROFILE_NAMES), year };
  if (year >= 2022 && r.chance(0.15)) entry.layout = '2019';
  if (r.chance(0.6)) entry.plant = r.some(PLANTS, r.int(1, 2));
  if (r.chance(0.7)) entry.damage = r.some(DAMAGE, r.int(1, 3));
  return entry;
}

// ---------------------------------------------------------------------------------------------------------
// Numbers.
// ---------------------------------------------------------------------------------------------------------
const between = (r, [lo, hi]) => r.int(lo, hi);
/** Split n into parts by weights, at random (a multinomial draw). */
function spread(r, n, weights) {
  const out = weights.map(() => 0);
  const sum = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < n; i++) {
    let x = r.next() * sum;
    let k = 0;
    while (x >= weights[k] && k < weights.length - 1) x -= weights[k++];
    out[k]++;
  }
  return out;
}
/** An amount in 万元 with 0–4 decimals, as a string the way a clerk writes it. */
function amount(r, [lo, hi]) {
  if (hi === 0 || r.chance(0.25)) return '0';
  const whole = r.int(lo, hi);
  const dec = r.int(0, 4);
  if (dec === 0) return String(whole);
  const frac = String(r.int(1, 10 ** dec - 1)).padStart(dec, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

function proactive(r, p, layout) {
  const rows = {};
  const big = (range) => (range[1] === 0 || r.chance(0.2) ? 0 : between(r, range));
  if (layout === '2021') {
    const issued = big(p.normative);
    const repealed = Math.min(r.int(0, 3), issued + 2);
    const inForce = issued === 0 && repealed === 0 && p.normative[1] === 0 ? 0 : issued + r.int(5, 60);
    rows.regulations = p.rules ? { issued: r.int(1, 4), repealed: r.int(0, 2), inForce: r.int(20, 60) } : { issued: 0, repealed: 0, inForce: 0 };
    rows.normativeDocuments = { issued, repealed, inForce };
    rows.licensing = { decisions: big(p.licensing) };
    rows.penalties = { decisions: big(p.penalties) };
    rows.enforcement = { decisions: big(p.enforcement) };
    rows.fees = { amount: amount(r, p.fees) };
  } else {
    const made = big(p.normative);
    rows.regulations = p.rules ? { made: 2, published: 2, totalPublic: r.int(20, 60) } : { made: 0, published: 0, totalPublic: 0 };
    rows.normativeDocuments = { made, published: made, totalPublic: made + (p.normative[1] ? r.int(3, 50) : 0) };
    const item = (range) => {
      const lastYear = range[1] === 0 ? 0 : r.int(0, 30);
      const change = lastYear === 0 ? 0 : r.int(-3, 3);
      return { lastYear, change: change === 0 && r.chance(0.3) ? '0%' : change, decisions: big(range) };
    };
    rows.licensing = item(p.licensing);
    rows.otherServices = item([0, p.licensing[1] ? 50 : 0]);
    rows.penalties = item(p.penalties);
    rows.enforcement = item(p.enforcement);
    const feeItems = p.fees[1] ? r.int(0, 12) : 0;
    rows.fees = { lastYear: feeItems, change: 0 };
    const projects = p.fees[1] ? r.int(0, 40) : 0;
    rows.procurement = { projects, amount: projects ? amount(r, [10, 3000]) : '0' };
  }
  return rows;
}

/** T3 by column: new and carriedIn drawn, results spread over the rows clerks use, R1–R3 hold. */
function requests(r, p, layout) {
  const n = between(r, p.requests);
  const byApplicant = spread(r, n, [70, 18, 1, 2, 5, 4]);
  const keys = resultKeys(layout);
  const weight = (k) => ({ granted: 40, partial: 10, 'denied.4': 3, 'denied.6': 2, 'denied.1': 0.5, 'unable.1': 18, 'unable.2': 4,
    'unable.3': 2, 'rejected.1': 3, 'rejected.2': 4, 'rejected.5': 1, 'other.1': 2, 'other.3': 5, other: 6 }[k] ?? 0.2);
  const rows = Object.fromEntries(requestRows(layout).map((row) => [row.key, Array(7).fill(0)]));
  for (let c = 0; c < 6; c++) {
    const carriedIn = n > 10 && r.chance(0.35) ? r.int(0, Math.max(1, Math.round(byApplicant[c] / 10))) : 0;
    const handled = byApplicant[c] + carriedIn;
    const carriedOut = handled > 3 && r.chance(0.4) ? r.int(0, Math.min(4, Math.round(handled / 5))) : 0;
    rows.new[c] = byApplicant[c];
    rows.carriedIn[c] = carriedIn;
    rows.carriedOut[c] = carriedOut;
    const parts = spread(r, handled - carriedOut, keys.map(weight));
    keys.forEach((k, i) => { rows[k][c] = parts[i]; });
    rows.total[c] = handled - carriedOut;
  }
  for (const v of Object.values(rows)) v[6] = v.slice(0, 6).reduce((a, b) => a + b, 0);
  return rows;
}

function appeals(r, p) {
  const part = (range) => {
    const t = between(r, range);
    const [upheld, corrected, other, pending] = spread(r, t, [60, 10, 15, 15]);
    return [upheld, corrected, other, pending, t];
  };
  return [...part(p.review), ...part(p.suits), ...part([0, Math.ceil(p.suits[1] / 2)])];
}

// ---------------------------------------------------------------------------------------------------------
// Planted errors: change what was written, and say what a reviewer must find.
// ---------------------------------------------------------------------------------------------------------
const COL = Object.fromEntries(REQUEST_COLUMNS.map(([k], i) => [k, i]));

function plantSums(r, kind, t3, t4, planted) {
  if (kind === 'sum-appeals') {
    const g = r.int(0, 2) * 5;
    const was = t4[g + 4];
    t4[g + 4] = was + r.int(1, 3);
    planted.push({ code: 'sum-appeals-total', kind, table: 'appeals', row: 'values', column: APPEAL_COLUMNS[g + 4], written: t4[g + 4], sum: was,
      accept: ['sum-appeals-total'] });
    return;
  }
  if (kind === 'sum-typo-result') {
    // A clerk's typo in one result cell of the 自然人 column; the row's 总计 and the column's （七）总计 keep the right figures.
    const row = r.pick(['granted', 'unable.1', 'partial', 'rejected.2']);
    const was = t3[row][0];
    t3[row][0] = was + r.pick([1, 2, 10]);
    planted.push({ code: 'sum-row-total', kind, table: 'requests', row, column: 'natural', written: t3[row][0], sum: was,
      accept: ['sum-row-total', 'sum-results-total'] });
    return;
  }
  if (kind === 'sum-total-col') {
    // The 总计 of one row added up wrong.
    const row = r.pick(['new', 'granted', 'total']);
    const was = t3[row][6];
    t3[row][6] = was === 0 ? 1 : was + r.pick([1, -1, 2]);
    planted.push({ code: 'sum-row-total', kind, table: 'requests', row, column: 'total', written: t3[row][6], sum: was,
      accept: ['sum-row-total', 'sum-balance', 'sum-results-total'] });
    return;
  }
  if (kind === 'sum-carriedout') {
    // 结转下年度 copied from last year: its 自然人 and 总计 cells agree with each other but not with R1.
    const k = r.int(1, 3);
    t3.carriedOut[0] += k;
    t3.carriedOut[6] += k;
    planted.push({ code: 'sum-balance', kind, table: 'requests', row: 'carriedOut', column: 'natural', written: t3.carriedOut[0], sum: t3.carriedOut[0] - k,
      accept: ['sum-balance'] });
  }
}

// ---------------------------------------------------------------------------------------------------------
// One report.
// ---------------------------------------------------------------------------------------------------------
export function makeTruth(entry, index) {
  const seed = 1000 + index;
  const r = rng(seed);
  const p = PROFILES[entry.profile];
  const names = { city: place(r), district: place(r), county: place(r), town: place(r), street: place(r) };
  const agency = p.name(names);
  const year = entry.year;
  const edition = year >= 2021 ? '2021' : '2019';
  const layout = entry.layout ?? edition;
  const damage = new Set(entry.damage ?? []);
  const plant = new Set(entry.plant ?? []);
  const t2 = proactive(r, p, layout);
  const t3 = requests(r, p, layout);
  const t4 = appeals(r, p);
  const planted = [];
  for (const k of ['sum-typo-result', 'sum-total-col', 'sum-carriedout', 'sum-appeals']) if (plant.has(k)) plantSums(r, k, t3, t4, planted);

  // What is written in each cell: numbers, blanks (null) and damaged strings; the structure as written.
  const requestLayout = {
    rows: requestRows(layout).map((x) => x.key),
    groupsMissing: damage.has('groups-missing') ? ['results', 'denied', 'other'] : [],
    truncatedAfter: damage.has('truncated-t3') ? r.pick(['unable.3', 'denied.8']) : null,
    totalColumn: !damage.has('no-total-column'),
    labels: {},
  };
  if (damage.has('label-heji')) requestLayout.labels.total = '（七）合计';
  const blanks = [];
  if (damage.has('blank-cells')) {
    if (layout === '2019') {
      // §8.10: the 2019 trial T3 with the 总计 column left blank on the result rows and empty fields.
      for (const k of resultKeys(layout)) blanks.push([k, 6]);
      blanks.push(['total', 6]);
      for (let c = 2; c < 6; c++) if (t3.carriedIn[c] === 0) blanks.push(['carriedIn', c]);
    } else {
      blanks.push(['carriedOut', r.int(0, 5)], ['carriedIn', 2], ['carriedIn', 3]);
    }
  }
  const written = Object.fromEntries(Object.entries(t3).map(([k, v]) => [k, v.map((x) => x)]));
  for (const [k, c] of blanks) written[k][c] = null;
  const invalid = [];
  if (damage.has('damaged-cell')) {
    const k = r.pick(['partial', 'denied.2', 'rejected.3']);
    const c = r.pick([2, 3, 4]);
    invalid.push({ table: 'requests', row: k, column: REQUEST_COLUMNS[c][0], raw: written[k][c] === 0 ? 'O' : `${written[k][c]}l` });
    written[k][c] = invalid[0].raw;
  }
  const rowsPresent = requestLayout.truncatedAfter
    ? requestLayout.rows.slice(0, requestLayout.rows.indexOf(requestLayout.truncatedAfter) + 1) : requestLayout.rows;
  const section4 = !damage.has('missing-4');

  const t2Rows = {};
  for (const b of PROACTIVE[layout]) for (const [k] of b.rows) t2Rows[k] = b.columns.map(([c]) => t2[k][c]);
  const proactiveLabels = {};
  if (damage.has('label-normative') && layout === '2021') proactiveLabels.normativeDocuments = '规范性文件';

  const truth = {
    id: '',
    seed,
    profile: entry.profile,
    level: p.level,
    agency,
    self: p.self,
    year,
    edition,
    layout,
    damage: [...damage],
    plant: [...plant],
    tables: {
      proactive: { layout, labels: proactiveLabels, rows: t2Rows,
        columns: Object.fromEntries(PROACTIVE[layout].flatMap((b) => b.rows.map(([k]) => [k, b.columns.map(([c]) => c)]))) },
      requests: { layout, ...requestLayout, rowsPresent, columns: REQUEST_COLUMNS.map(([k]) => k), values: written, invalid },
      ...(section4 ? { appeals: { header: !damage.has('t4-headerless'), values: t4 } } : {}),
    },
    planted,
  };
  truth.prose = writeProse(r, truth, t3, t4, plant, planted);
  truth.expected = expectedFindings(truth, plant, damage, planted, invalid, blanks);
  truth.id = `${String(index + 1).padStart(2, '0')}-${entry.profile}-${year}`;
  return truth;
}

/** The hand-written shapes that carry the debris (render-text.mjs): Word and converter text keeps bookmarks, text copied from a PDF its page numbers. */
const DEBRIS_SHAPES = { bookmark: ['tab', 'md', 'md-split', 'word-cells', 'spaces'], pageNumbers: ['tab', 'md', 'word-cells', 'spaces'] };

/**
 * The findings a careful reviewer expects, each with the severity the checks page gives it and the shapes it
 * applies to (`shapes`: only those, where the debris is; otherwise all). `allow` lists
 * codes that may also come, on the same cause, without being false alarms.
 */
function expectedFindings(truth, plant, damage, planted, invalid, blanks) {
  const out = [];
  const add = (code, what, extra = {}) => out.push({ code, what, ...extra });
  // A wrong 总计 planted in a T3 printed without its 总计 column is written nowhere in the table: no sum can
  // catch it. The prose that cites that figure then disagrees with the row's parts, which the checker may say.
  // So is an error planted in T4 when section 四 and its table are left out.
  const unprinted = (p) => (p.table === 'requests' && p.column === 'total' && damage.has('no-total-column'))
    || (p.table === 'appeals' && damage.has('missing-4'));
  for (const p of planted) {
    if (unprinted(p)) continue;
    // A typo in one result cell of a T3 without its 总计 column breaks only its column's （七）总计: no sum
    // says which of the results it is, so the finding can only be at that （七）总计.
    const at = p.kind === 'sum-typo-result' && damage.has('no-total-column') ? { ...p, row: 'total' } : p;
    add(p.code, `${p.kind}: ${p.table} ${p.row} ${p.column} written ${p.written}, sums to ${p.sum}`, { accept: p.accept, at, kind: 'sum' });
  }
  for (const p of truth.prose.planted) add('text-table-mismatch', `${p.kind}: prose says ${p.says}, table has ${p.table}`, { kind: 'prose', says: p.says, tableValue: p.table });
  if (plant.has('period')) add('period-year', `statistics period says ${truth.year - 1}`, { kind: 'form' });
  if (plant.has('empty-5')) add('section-empty', '五 is only 无', { kind: 'form' });
  if (plant.has('fee-missing') && truth.year >= 2021) add('fee-statement-missing', '六 says nothing of 信息处理费', { kind: 'form' });
  if (truth.layout === '2019' && truth.year >= 2021) add('format-outdated', `${truth.year} report in the 2019 layout`, { kind: 'structure' });
  if (damage.has('missing-4')) add('section-missing', 'section 四 and its table absent', { kind: 'structure', allow: ['table-missing'] });
  if (damage.has('truncated-t3')) add('table-row-missing', `T3 cut off after ${truth.tables.requests.truncatedAfter}`, { kind: 'structure' });
  if (damage.has('no-total-column')) {
    add('table-column-missing', 'T3 without its 总计 column', { kind: 'structure', allow: ['table-cell-count', ...(planted.some(unprinted) ? ['text-table-mismatch'] : [])] });
  }
  if (damage.has('label-normative') && truth.layout === '2021') add('table-label', '规范性文件 for 行政规范性文件', { kind: 'form' });
  if (damage.has('label-heji')) add('table-label', '（七）合计 for （七）总计', { kind: 'form' });
  if (blanks.length) add('table-cell-blank', `${blanks.length} blank cells in T3`, { kind: 'form' });
  for (const i of invalid) add('table-cell-invalid', `${i.row} ${i.column} written ${i.raw}`, { kind: 'form' });
  if (damage.has('numerals')) add('section-numbering', 'damaged heading numerals', { kind: 'form' });
  if (damage.has('long-titles')) add('section-title', 'long or old section titles', { kind: 'form' });
  if (damage.has('bookmark')) add('conversion-debris', '[bookmark: …] before a heading', { kind: 'form', shapes: DEBRIS_SHAPES.bookmark });
  if (damage.has('page-numbers')) add('conversion-debris', 'page numbers inside the tables', { kind: 'form', shapes: DEBRIS_SHAPES.pageNumbers });
  return out;
}
