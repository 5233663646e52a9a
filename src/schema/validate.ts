/**
 * zod's validation of a document, the one step of the import pipeline (load.ts) that
 * needs zod: for the documents the fast validator does not accept, and for Node.
 * The app imports it on demand, so its entry holds no zod.
 */
import type { z } from 'zod';
import { normalizeRole } from './constants.ts';
import type { LoadError, LoadIssue, Validate } from './load.ts';
import { formatPath, type PathSegment } from './path.ts';
import { DocumentSchema, type OrgDocument } from './v1.ts';

/** Problems kept with their paths (the designer lists them; the message names the first and counts the rest). Enough for any real file, bounded for a hostile one. */
const MAX_ISSUES = 200;

/** The document zod builds from `input` (roles normalized), or the `invalid` refusal with its first issues. */
export const validateDocument: Validate = (input) => {
  const result = DocumentSchema.safeParse(input);
  if (!result.success) return { ok: false, error: invalid(result.error.issues) };
  const parsed = result.data as OrgDocument;
  return { ok: true, doc: { ...parsed, roles: parsed.roles.map(normalizeRole) } };
};

function invalid(zodIssues: readonly z.core.$ZodIssue[]): LoadError {
  const issues = zodIssues.slice(0, MAX_ISSUES).map(toLoadIssue);
  const first = issues[0];
  const more = zodIssues.length > 1 ? ` (and ${zodIssues.length - 1} more problem${zodIssues.length > 2 ? 's' : ''})` : '';
  return { code: 'invalid', message: first ? `${first.path || 'document'}: ${first.message}${more}` : 'The document is not valid.', issues };
}

function toLoadIssue(issue: z.core.$ZodIssue): LoadIssue {
  return { path: formatPath(issue.path as readonly PathSegment[]), message: issue.message };
}
