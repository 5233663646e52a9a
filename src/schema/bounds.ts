/**
 * Bounds on what the format leaves open, so that every document that loads can be
 * written. Rule parameters (`settings.rules[ID].params`) are the one field that may hold
 * any JSON; `JSON.parse` reads nesting that `JSON.stringify` cannot write (V8 throws
 * "Maximum call stack size exceeded" beyond roughly 10,000 levels), and a huge number of
 * small values would grow past the longest string a browser can make once Export JSON
 * indents them. The parameters of rules.md nest 4 levels and hold about 100 values in all.
 *
 * Both validators apply the same check to the rules they built: the fast one (fast.ts)
 * gives up on a document that exceeds a bound, and zod (v1.ts) words the refusal, with
 * the JSON path. The walk is iterative and never goes below the depth bound, nor past
 * the count bound, so a 100,000-deep value is refused in a few steps.
 */
import type { PathSegment } from './path.ts';

/** How deep arrays and objects may nest in one parameter's value (`[[1]]` nests 2). */
export const MAX_PARAM_DEPTH = 32;
/** How many values (each number, string, boolean, null, array and object) the rule parameters of a document hold at most, in all. */
export const MAX_PARAM_VALUES = 10_000;

export interface BoundIssue {
  /** From the `settings.rules` record: `[ruleId, 'params', name, …]`. */
  readonly path: readonly PathSegment[];
  readonly message: string;
}

type Params = Readonly<Record<string, unknown>>;

/** An array or object reached in a parameter's value, with what is needed to name its path. */
interface Frame {
  readonly value: object;
  readonly depth: number;
  readonly parent: Frame | null;
  readonly seg: PathSegment;
}

function pathOf(frame: Frame): PathSegment[] {
  const segs: PathSegment[] = [];
  for (let f: Frame | null = frame; f !== null; f = f.parent) segs.push(f.seg);
  return segs.reverse();
}

/**
 * The first bound the parameters of `rules` (a validated `settings.rules` record) exceed,
 * in document order, or undefined when they keep within both.
 */
export function paramsBoundIssue(rules: Readonly<Record<string, { readonly params?: Params }>>): BoundIssue | undefined {
  let values = 0;
  const stack: Frame[] = [];
  for (const id of Object.keys(rules)) {
    const params = rules[id]?.params;
    if (params === undefined) continue;
    stack.push({ value: params, depth: 0, parent: { value: params, depth: 0, parent: null, seg: id }, seg: 'params' });
    while (stack.length > 0) {
      const frame = stack.pop()!;
      if (frame.depth > MAX_PARAM_DEPTH) {
        return {
          path: pathOf(frame),
          message: `arrays and objects nest more than ${MAX_PARAM_DEPTH} levels deep here; a rule parameter may nest at most ${MAX_PARAM_DEPTH} levels, so that the document can be saved`,
        };
      }
      const { value, depth } = frame;
      const keys: readonly PathSegment[] | null = Array.isArray(value) ? null : Object.keys(value);
      const length = keys === null ? (value as readonly unknown[]).length : keys.length;
      values += length;
      if (values > MAX_PARAM_VALUES) {
        return {
          path: [id, 'params'],
          message: `the rule parameters hold more than ${MAX_PARAM_VALUES.toLocaleString('en')} values in all, the most a document may hold (so that it can always be saved)`,
        };
      }
      // Children last first, so that they are visited (and a problem found) in document order.
      for (let i = length - 1; i >= 0; i--) {
        const seg = keys === null ? i : keys[i]!;
        const child: unknown = (value as Record<PathSegment, unknown>)[seg];
        if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1, parent: frame, seg });
      }
    }
  }
  return undefined;
}
