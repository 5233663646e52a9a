/**
 * The marked chart of a comparison as a picture to export (issue 18, point 3): the compare
 * view opens the export dialog with it, so SVG and PNG go through the chart export's own
 * pipeline (exportPicture.ts: the same choices, progress, Cancel and worker encoding):
 *
 *   <ExportDialog format="png" source={comparePicture(base, proposed, diff, { kinds })} onClose={…} />
 */
import type { ChangeKind, DocumentDiff } from '../compare/diff.ts';
import { renderCompareSvg } from '../compare/svg.ts';
import type { OrgDocument } from '../schema/v1.ts';
import type { PictureSource } from './exportPicture.ts';

/** The proposal's chart with its differences from the base marked; `kinds` the compare view's filter (default all four). */
export function comparePicture(base: OrgDocument, proposed: OrgDocument, diff: DocumentDiff, options: { readonly kinds?: readonly ChangeKind[] } = {}): PictureSource {
  const kinds = options.kinds;
  return {
    // The file is named after both documents: "Current → Proposal.png".
    name: `${base.name} → ${proposed.name}`,
    draw: (choices) => renderCompareSvg(base, proposed, diff, kinds ? { ...choices, kinds } : choices),
  };
}
