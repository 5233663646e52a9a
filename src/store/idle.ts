/** Work for idle moments: `requestIdleCallback` where there is one, else a short timer (Node, tests, Safari). */
export interface Scheduler {
  readonly request: (run: () => void) => number;
  readonly cancel: (handle: number) => void;
}

/** Runs callbacks when the browser is idle, and at the latest after `timeout` ms. */
export const idleScheduler = (timeout = 1000): Scheduler =>
  typeof requestIdleCallback === 'function'
    ? { request: (run) => requestIdleCallback(run, { timeout }), cancel: (h) => cancelIdleCallback(h) }
    : { request: (run) => setTimeout(run, 16) as unknown as number, cancel: (h) => clearTimeout(h) };
