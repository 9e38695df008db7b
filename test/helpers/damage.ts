/** Random damage to a report's text, for property tests: what conversion and careless editing do. */
import fc from 'fast-check';

export type Damage =
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'swap'; at: number }
  | { kind: 'digit'; at: number; digit: number }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'unicode'; at: number; text: string }
  | { kind: 'nul'; at: number };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
export const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: position, count: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('swap' as const), at: position }),
  fc.record({ kind: fc.constant('digit' as const), at: position, digit: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: position }),
  fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('\t\t0\t0', '| 1 | 2 |', '- 3 -', '一、', '（七）总计\t1', '\r', '\r\n\r\n', '\u2028', '[bookmark: x]', '|||', '\t\t\t')) }),
  fc.record({ kind: fc.constant('unicode' as const), at: position, text: fc.string({ unit: 'binary', maxLength: 12 }) }),
  fc.record({ kind: fc.constant('nul' as const), at: position }),
);

export function applyDamage(text: string, d: Damage): string {
  const lines = text.split('\n');
  const li = Math.floor(d.at * lines.length);
  const ci = Math.floor(d.at * text.length);
  switch (d.kind) {
    case 'delete':
      lines.splice(li, d.count);
      return lines.join('\n');
    case 'swap': {
      // Swap two cells of the nearest line with several cells.
      for (let k = li; k < lines.length; k++) {
        const cells = lines[k]!.split(/(\t|\|| {2,})/);
        if (cells.length >= 5) {
          [cells[0], cells[cells.length - 1]] = [cells[cells.length - 1]!, cells[0]!];
          lines[k] = cells.join('');
          break;
        }
      }
      return lines.join('\n');
    }
    case 'digit': {
      const k = text.slice(ci).search(/\d/);
      return k < 0 ? text : text.slice(0, ci + k) + String(d.digit) + text.slice(ci + k + 1);
    }
    case 'cut':
      return text.slice(0, ci);
    case 'insert':
      lines.splice(li, 0, d.text);
      return lines.join('\n');
    case 'unicode':
      return text.slice(0, ci) + d.text + text.slice(ci);
    case 'nul':
      return `${text.slice(0, ci)}\u0000${text.slice(ci)}`;
  }
}

