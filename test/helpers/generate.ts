/**
 * Random reports with known numbers, for property tests: the data of a report (every table value, sums
 * consistent), and the text of the report rendered in one of the shapes real reports arrive in
 * (report-format.md §8). `render` returns the text and the values a careful reader must read back.
 */
import { APPEALS_GROUPS, type Edition, PROACTIVE, REQUEST_COLUMNS, REQUEST_ROWS } from '../../server/src/core/format/spec';
import { type Shape, renderTables, type TableOptions } from './generate-tables';

export type { Shape, TableOptions };

/** A small seeded PRNG (mulberry32), so a failing case is reproduced from its seed. */
export class Rand {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  /** A count as reports have them: mostly 0, sometimes small, now and then larger. */
  count(): number {
    const x = this.next();
    if (x < 0.45) return 0;
    if (x < 0.85) return this.int(1, 9);
    return this.chance(0.8) ? this.int(10, 120) : this.int(1000, 20000);
  }
}

export interface ReportData {
  edition: Edition;
  year: number;
  agency: string;
  /** T2: row key → values of its block's columns. */
  proactive: Record<string, number[]>;
  /** T3: row key → seven values (natural … otherOrg, total). */
  requests: Record<string, number[]>;
  /** T4: the fifteen values. */
  appeals: number[];
}

const AGENCIES = ['宝山区七星街道办事处', '四方台区人民政府办公室', '徐家营街道办事处', '灵山卫街道办事处', '市自然资源局', '区卫生健康委员会', '县市场监督管理局'];

function proactiveData(r: Rand, edition: Edition): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const b of PROACTIVE[edition]) {
    for (const row of b.rows) {
      out[row.key] = b.columns.map((c) => {
        if (c.kind === 'amount') return r.chance(0.5) ? 0 : Math.round(r.next() * 1e7) / 100; // 万元, 2 decimals
        if (c.kind === 'change') return r.chance(0.6) ? 0 : r.int(-9, 9);
        return r.count();
      });
    }
  }
  return out;
}

function requestsData(r: Rand, edition: Edition): Record<string, number[]> {
  const rows = REQUEST_ROWS[edition];
  const results = rows.filter((x) => x.group && x.key !== 'total').map((x) => x.key);
  const out: Record<string, number[]> = {};
  const withTotal = (six: number[]) => [...six, six.reduce((a, b) => a + b, 0)];
  // Most result rows are empty; a few carry numbers, as in real reports.
  for (const k of results) out[k] = withTotal([0, 1, 2, 3, 4, 5].map(() => (r.chance(0.25) ? r.count() : 0)));
  const total = [0, 1, 2, 3, 4, 5, 6].map((i) => results.reduce((s, k) => s + out[k]![i]!, 0));
  out.total = total;
  const carriedIn = withTotal([0, 1, 2, 3, 4, 5].map((i) => (r.chance(0.3) ? r.int(0, total[i]!) : 0)));
  const carriedOut = withTotal([0, 1, 2, 3, 4, 5].map(() => (r.chance(0.3) ? r.int(0, 6) : 0)));
  out.carriedIn = carriedIn;
  out.carriedOut = carriedOut;
  out.new = total.map((t, i) => t + carriedOut[i]! - carriedIn[i]!);
  return out;
}

function appealsData(r: Rand): number[] {
  const out: number[] = [];
  for (let g = 0; g < APPEALS_GROUPS.length; g++) {
    const four = [0, 1, 2, 3].map(() => (r.chance(0.3) ? r.int(0, 5) : 0));
    out.push(...four, four.reduce((a, b) => a + b, 0));
  }
  return out;
}

export function randomReport(r: Rand, edition: Edition = r.pick(['2021', '2019'] as const)): ReportData {
  const year = edition === '2021' ? r.int(2021, 2024) : r.int(2019, 2020);
  return {
    edition,
    year,
    agency: r.pick(AGENCIES),
    proactive: proactiveData(r, edition),
    requests: requestsData(r, edition),
    appeals: appealsData(r),
  };
}

/** How the headings and the text around the tables are written. */
export interface TextOptions {
  /** `## 一、…` and `### 三、…`, at inconsistent levels. */
  markdown: boolean;
  /** `—、总体情况`, `3、收到…`, `[bookmark: _Toc…]四、…`. */
  damagedHeadings: boolean;
  crlf: boolean;
  bom: boolean;
  /** Title split over two lines (agency, then year and title). */
  splitTitle: boolean;
}

export interface RenderOptions extends TextOptions, TableOptions {}

export function randomOptions(r: Rand, shape: Shape = r.pick(['tabs', 'pipes', 'cells', 'spaces'] as const)): RenderOptions {
  return {
    shape,
    markdown: shape === 'pipes' || r.chance(0.2),
    damagedHeadings: r.chance(0.3),
    crlf: r.chance(0.2),
    bom: r.chance(0.2),
    splitTitle: r.chance(0.4),
    groups: r.pick(['prefixed', 'later', 'own-line', 'missing', 'split'] as const),
    fullWidth: r.chance(0.25),
    spacesInWords: r.chance(0.3),
    doubled: shape === 'cells' && r.chance(0.6),
    pageNumbers: shape === 'spaces' && r.chance(0.7),
    pageStyle: r.pick(['dash', 'bare', 'chinese'] as const),
    wrap: shape === 'spaces' ? r.pick([0, 6, 8, 10, 14, 18, 24] as const) : 0,
    brokenHeader: shape === 'pipes' && r.chance(0.5),
    unlabelled: shape === 'pipes' && r.chance(0.4) ? 1 : 0,
    noTotalColumn: r.chance(0.15),
    headerless: r.chance(0.15),
    compact: shape === 'tabs' && r.chance(0.5),
    labelLines: shape === 'tabs' && r.chance(0.25),
    variants: r.chance(0.3),
    truncateAt: r.chance(0.1) ? r.int(6, 22) : 0,
    valueLine: r.pick(['first', 'middle', 'last'] as const),
    pageHeaders: shape === 'spaces' && r.chance(0.4),
    barePipes: shape === 'pipes' && r.chance(0.3),
    thousands: r.chance(0.3),
  };
}

const HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

function heading(n: number, o: TextOptions, r: Rand): string {
  let h = HEADINGS[n - 1]!;
  if (o.damagedHeadings) {
    if (n === 1) h = h.replace('一、', '—、');
    else if (n === 3) h = h.replace('三、', '3、');
    else if (n === 4) h = `[bookmark: _Toc${r.int(100, 999)}]${h}`;
  }
  if (o.markdown) h = `${'#'.repeat(r.int(2, 4))} ${h}`;
  return h;
}

/** The whole report: title, six sections, the three tables rendered in the chosen shape. */
export function render(d: ReportData, o: RenderOptions, r: Rand): string {
  const L: string[] = [];
  const title = `${d.year}年政府信息公开工作年度报告`;
  if (o.splitTitle) L.push(d.agency, '', o.markdown ? `# ${title}` : title, '');
  else L.push(o.markdown ? `# ${d.agency}${title}` : `${d.agency}${title}`, '');
  L.push(`本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告中所列数据的统计期限自${d.year}年1月1日起至${d.year}年12月31日止。`, '');
  L.push(heading(1, o, r), '');
  L.push('（一）主动公开', '', `${d.year}年，我单位通过门户网站和政务新媒体主动公开政府信息，及时回应社会关切。`, '');
  const t = (k: string) => d.requests[k]![6]!;
  L.push('（二）依申请公开', '', `全年共收到政府信息公开申请${t('new')}件，办结${t('total')}件，结转下年度继续办理${t('carriedOut')}件。`, '');
  L.push(heading(2, o, r), '', ...renderTables('proactive', d, o, r), '');
  L.push(heading(3, o, r), '', ...renderTables('requests', d, o, r), '');
  const a = d.appeals;
  L.push(heading(4, o, r), '', `全年发生政府信息公开行政复议${a[4]}件、行政诉讼${a[9]! + a[14]!}件。`, '', ...renderTables('appeals', d, o, r), '');
  L.push(heading(5, o, r), '', '一是公开内容不够全面；二是信息更新不够及时。下一步将加强培训，完善制度。', '');
  L.push(heading(6, o, r), '', '本年度未收取信息处理费。', '');
  const text = L.join(o.crlf ? '\r\n' : '\n');
  return o.bom ? `\uFEFF${text}` : text;
}

/** The values a reader must find: table → row → values in the table's present columns. */
export function expectedValues(d: ReportData, o: TableOptions): Record<'proactive' | 'requests' | 'appeals', Record<string, (number | null)[]>> {
  const requests: Record<string, (number | null)[]> = {};
  const kept = REQUEST_ROWS[d.edition].slice(0, o.truncateAt > 0 ? o.truncateAt : undefined).map((x) => x.key);
  for (const k of kept) requests[k] = o.noTotalColumn ? d.requests[k]!.slice(0, 6) : d.requests[k]!;
  return { proactive: d.proactive, requests, appeals: { values: d.appeals } };
}

export const REQUEST_COLUMN_KEYS = REQUEST_COLUMNS.map((c) => c.key);
