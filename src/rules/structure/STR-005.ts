/** STR-005: more layers than the headcount needs at the target span (rules.md, "Structure"). */
import { defineRule } from '../define.ts';
import { lt } from '../numbers.ts';
import { num, param } from '../param.ts';

/** minLayers(N, s): the least ℓ ≥ 1 with 1 + s + … + s^(ℓ−1) ≥ N, N when s ≤ 1; stops at `cap`. */
export function minLayers(total: number, s: number, cap = Infinity): number {
  if (!(s > 1)) return total;
  let layers = 1;
  let sum = 1;
  let term = 1;
  while (lt(sum, total) && layers < cap) {
    term *= s;
    sum += term;
    layers++;
  }
  return layers;
}

export const STR_005 = defineRule({
  id: 'STR-005',
  family: 'structure',
  title: 'No more layers than needed',
  why: 'Every extra layer slows decisions and adds cost; a department of this size can be run with fewer layers at a healthy span.',
  practice: 'Bain, "Streamlining spans and layers": more layers slow decisions; span/layer geometry',
  severities: ['warning'],
  params: {
    targetSpan: param(num({ above: 0 }), 7),
    layerSlack: param(num({ min: 0 }), 1),
  },
  messages: {
    tooManyLayers: 'The department has {layers} layers for {positions|# position|# positions}; at a span of {span}, {least|# layer|# layers} would do (up to {accepted} accepted). Remove a layer by widening spans or merging teams.',
  },
  check(ctx, report, { targetSpan, layerSlack }) {
    const root = ctx.root;
    if (root < 0) return;
    const { depth } = ctx.index;
    const { external, headcount, assistant } = ctx;
    let layers = 0;
    let total = 0;
    for (let r = 0; r < ctx.n; r++) {
      if (external[r]) continue;
      total += headcount[r]!;
      if (!assistant[r] && depth[r]! > layers) layers = depth[r]!;
    }
    // Past `layers` the exact minimum no longer matters: the finding needs layers > min + slack.
    const least = minLayers(total, targetSpan, Math.max(layers, 1));
    if (layers > least + layerSlack) {
      const id = ctx.roles[root]!.id;
      report('tooManyLayers', 'warning', [id], { layers, positions: total, span: targetSpan, least, accepted: least + layerSlack });
    }
  },
});
