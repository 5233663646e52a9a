/**
 * The CLI's Io on the real process. Standard output never throws: a write that fails (the
 * reader of a pipe went away: EPIPE; the disk is full: ENOSPC) is remembered, later output
 * is dropped, and `flushed()` rejects with that error, so the command ends with one line
 * on stderr and exit 2 instead of Node's uncaught 'error' event and its stack trace.
 */
import type { Io } from './main.ts';

export function processIo(): Io {
  let failure: unknown;
  let last: Promise<void> = Promise.resolve();
  const fail = (cause: unknown) => {
    failure ??= cause;
  };
  // The stream emits 'error' besides calling the write's callback; unheard, that event would crash.
  process.stdout.on('error', fail);
  // Standard error broken too: there is nowhere left to say anything, so the exit code speaks.
  process.stderr.on('error', () => {});
  return {
    out: (text) => {
      if (failure !== undefined) return;
      last = new Promise((resolve) => {
        process.stdout.write(text, (error) => {
          if (error) fail(error);
          resolve();
        });
      });
    },
    err: (text) => {
      process.stderr.write(text);
    },
    // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    stdin: () => process.stdin,
    // Writes finish in order, so the last write's callback comes after every earlier one.
    flushed: () =>
      last.then(() => {
        if (failure !== undefined) throw failure;
      }),
  };
}
