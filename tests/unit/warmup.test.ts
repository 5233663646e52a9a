import { describe, expect, it } from 'vitest';
import { generateOrg } from '../../src/model/generate.ts';
import { warmUp, WARM_UP_PASSES } from '../../src/store/warmup.ts';

/** A scheduler the test steps by hand. */
function manualScheduler() {
  const queue = new Map<number, () => void>();
  let next = 1;
  return {
    request: (run: () => void) => (queue.set(next, run), next++),
    cancel: (handle: number) => void queue.delete(handle),
    /** Runs everything scheduled until nothing is; returns how many callbacks ran. */
    drain() {
      let ran = 0;
      while (queue.size > 0) {
        const [handle, run] = queue.entries().next().value!;
        queue.delete(handle);
        run();
        ran++;
      }
      return ran;
    },
  };
}

describe('warmUp', () => {
  const doc = generateOrg({ roles: 200, seed: 3 });

  it('runs every stage of every pass, one per idle callback, then stops asking', () => {
    const scheduler = manualScheduler();
    warmUp(doc, 3, scheduler);
    // Four stages a pass (index, rules, metrics, layout), plus the last callback that finds the queue empty.
    expect(scheduler.drain()).toBe(3 * 4 + 1);
  });

  it('stops when told, before the next stage', () => {
    const scheduler = manualScheduler();
    const stop = warmUp(doc, WARM_UP_PASSES, scheduler);
    stop();
    expect(scheduler.drain()).toBe(0);
  });

  it('leaves the document untouched', () => {
    const before = JSON.stringify(doc);
    const scheduler = manualScheduler();
    warmUp(doc, 2, scheduler);
    scheduler.drain();
    expect(JSON.stringify(doc)).toBe(before);
  });
});
