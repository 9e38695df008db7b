/** When a document's check waits for the edits still coming (a burst) and when it runs at once (typing). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BurstPace } from '../../server/src/server/pace';

describe('burst pace', () => {
  it('one edit between checks is checked at once, however fast', () => {
    const pace = new BurstPace();
    for (let i = 0; i < 50; i++) {
      pace.edited('u');
      assert.equal(pace.wait('u'), 0);
      pace.started('u')();
    }
  });

  it('many edits since the last check began wait about as long as that check took, at most a short quiet time, never past the cap', () => {
    const pace = new BurstPace();
    pace.edited('u');
    const ended = pace.started('u');
    for (let i = 0; i < 30; i++) pace.edited('u');
    ended();
    const now = Date.now();
    const wait = pace.wait('u', now);
    assert.ok(wait >= 5 && wait <= 500, String(wait));
    // Half a second after the last check, a burst without end is checked anyway.
    assert.equal(pace.wait('u', now + 500), 0);
    // A document never checked, or forgotten, waits for nothing.
    assert.equal(pace.wait('other'), 0);
    pace.forget('u');
    assert.equal(pace.wait('u', now), 0);
  });

  it('however long the last check took, a burst waits only a short quiet time for the next edit', () => {
    const pace = new BurstPace();
    const now = Date.now();
    pace.edited('u');
    const slow = pace.started('u', now);
    for (let i = 0; i < 30; i++) pace.edited('u');
    slow(now + 400);
    const wait = pace.wait('u', now + 400);
    assert.ok(wait >= 5 && wait <= 40, String(wait));
  });
});
