/**
 * `main` with an Io of our own: a failed write to standard output, whether `out` throws
 * or the stream reports it later (`flushed` rejects), gives one line on stderr and exit 2;
 * `-` reads the Io's standard input with the size cap.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.ts';
import { MAX_FILE_BYTES } from '../../src/schema/load.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const presetPath = `${root}presets/lean-player-coach-pod.json`;

const errno = (code: string, message: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: ${message}, write`), { code });

async function* chunks(...parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}

/** An Io that records what is written; each part can be replaced. */
function testIo(overrides: Partial<Io> = {}): Io & { written: string[]; errors: string[] } {
  const written: string[] = [];
  const errors: string[] = [];
  return {
    out: (text) => void written.push(text),
    err: (text) => void errors.push(text),
    cwd: root,
    stdin: () => chunks(),
    flushed: () => Promise.resolve(),
    ...overrides,
    written,
    errors,
  };
}

describe('a failed write to standard output', () => {
  it('out throws ENOSPC: exit 2, one line naming it', async () => {
    const io = testIo({
      out: () => {
        throw errno('ENOSPC', 'no space left on device');
      },
    });
    expect(await main(['format', presetPath], io)).toBe(2);
    expect(io.errors).toEqual(['org: cannot write to standard output: no space left on the device (ENOSPC).\n']);
  });

  it('the stream reports EPIPE after the command has written: exit 2, one line', async () => {
    const io = testIo({ flushed: () => Promise.reject(errno('EPIPE', 'broken pipe')) });
    expect(await main(['stats', presetPath], io)).toBe(2);
    expect(io.written.join('')).toMatch(/^Lean Player-Coach Pod\n/);
    expect(io.errors).toEqual(['org: cannot write to standard output: the program reading it closed the pipe (EPIPE).\n']);
  });

  it('another write error keeps its own words on one line', async () => {
    const io = testIo({ flushed: () => Promise.reject(errno('EIO', 'i/o error\nsecond line')) });
    expect(await main(['new', 'blank'], io)).toBe(2);
    expect(io.errors).toEqual(['org: cannot write to standard output: EIO: i/o error second line, write.\n']);
  });

  it('check keeps its exit code 1 when the output is written', async () => {
    const io = testIo();
    expect(await main(['check', `${root}tests/fixtures/good/semantic-problems.json`], io)).toBe(1);
    expect(io.errors).toEqual([]);
  });
});

describe('- reads the Io standard input', () => {
  const text = readFileSync(presetPath, 'utf8');

  it('joins the chunks, whatever their boundaries', async () => {
    const bytes = Buffer.from(text);
    const io = testIo({ stdin: () => chunks(bytes.subarray(0, 7), bytes.subarray(7, 1000), bytes.subarray(1000)) });
    expect(await main(['format', '-'], io)).toBe(0);
    expect(io.written.join('')).toBe(text);
  });

  it('stops reading past the size cap and refuses as too large', async () => {
    let read = 0;
    const block = new Uint8Array(8 * 1024 * 1024);
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        read += block.length;
        yield block;
      }
    }
    const io = testIo({ stdin: endless });
    expect(await main(['check', '-'], io)).toBe(2);
    expect(io.errors).toHaveLength(1);
    expect(io.errors[0]).toMatch(/^org: cannot load standard input: .*\[too-large\]\n$/);
    // Twice the cap (UTF-16 of a document within it) and one block more, then it stops.
    expect(read).toBeLessThanOrEqual(2 * MAX_FILE_BYTES + 2 * block.length);
  });
});
