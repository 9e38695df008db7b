/** `govreport rules`: the check codes, their default severity, the kinds of their fixes and what they check. */
import { ALL_META } from '../../core/checks/registry';
import type { Args } from '../args';
import { out } from '../io';

const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', information: '提示', hint: '建议' };

export function rules(args: Args): number {
  const en = args.locale === 'en';
  for (const m of ALL_META) {
    const d = en ? m.description.en : m.description.zh;
    const severity = en ? m.defaultSeverity.padEnd(12) : `${SEVERITY_ZH[m.defaultSeverity] ?? m.defaultSeverity}  `;
    out(`${m.code.padEnd(24)} ${severity} ${(m.fixes.join(',') || '-').padEnd(20)} ${d}\n`);
  }
  return 0;
}
