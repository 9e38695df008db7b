/** `govreport rules`: the check codes, their default severity, the kinds of their fixes and what they check. */
import { ALL_META } from '../../core/checks/registry';
import type { Args } from '../args';
import { out } from '../io';

export function rules(args: Args): number {
  for (const m of ALL_META) {
    const d = args.locale === 'en' ? m.description.en : m.description.zh;
    out(`${m.code.padEnd(24)} ${m.defaultSeverity.padEnd(12)} ${(m.fixes.join(',') || '-').padEnd(20)} ${d}\n`);
  }
  return 0;
}
