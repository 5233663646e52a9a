/**
 * `parseDocument`: the import pipeline of load.ts, synchronous, with zod imported rather
 * than loaded on demand; for Node (the CLI, tests). The app uses `loadDocument`, which
 * gives the same result for every input (tests/unit/load.test.ts).
 */
import { finishLoad, startLoad, unreadable, type ParseOptions, type ParseResult } from './load.ts';
import { validateDocument } from './validate.ts';

/** Parses and validates the text of an org document. Never throws. */
export function parseDocument(text: string, options: ParseOptions = {}): ParseResult {
  try {
    const step = startLoad(text, options);
    return 'pending' in step ? finishLoad(step, validateDocument) : step;
  } catch (cause) {
    return unreadable(cause);
  }
}
