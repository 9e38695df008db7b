/** The spec copied into docs/spec is the team's spec (../shared/spec), when that folder is at hand. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { ROOT } from '../helpers/fixtures';

const SHARED = path.join(ROOT, '..', 'shared', 'spec');

for (const name of ['checks.md', 'report-format.md']) {
  it(`docs/spec/${name} is the shared spec's`, { skip: !existsSync(path.join(SHARED, name)) && 'no ../shared/spec here' }, () => {
    assert.equal(readFileSync(path.join(ROOT, 'docs', 'spec', name), 'utf8'), readFileSync(path.join(SHARED, name), 'utf8'),
      `docs/spec/${name} differs from ../shared/spec/${name}: copy it again`);
  });
}
