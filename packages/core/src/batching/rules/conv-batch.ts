import type { Array } from '../../array.js';
import { reshapeAxisInto, reshapeAxisOutOf } from '../../ad/rules/conv-axes.js';
import { conv } from '../../lax/linalg.js';
import type { BatchRule } from '../../primitive.js';
import type { ConvParams } from '../../primitives/params.js';

function convWith(lhs: Array, rhs: Array, p: ConvParams, featureGroupCount = p.featureGroupCount): Array {
  return conv(lhs, rhs, p.windowStrides, p.padding, { ...p, featureGroupCount });
}

/**
 * conv under vmap (JAX's `_conv_general_dilated_batch_rule`, without batch groups): a mapped lhs
 * folds into conv's batch axis; a mapped kernel folds into its output features; both mapped make
 * each batch element a feature group of its own. The batch is unfolded from the output afterwards.
 */
export const convBatch: BatchRule<ConvParams> = ([lhs, rhs], dims, p, size) => {
  const [lhsDim, rhsDim] = [dims[0] ?? null, dims[1] ?? null];
  const { lhsSpec, rhsSpec, outSpec } = p.dimensionNumbers;
  const g = p.featureGroupCount;
  if (rhsDim === null) {
    const out = convWith(reshapeAxisInto(lhsDim!, lhsSpec[0]!, lhs!), rhs!, p);
    return [[reshapeAxisOutOf(outSpec[0]!, size, out)], [outSpec[0]!]];
  }
  if (lhsDim !== null) {
    const out = convWith(
      reshapeAxisInto(lhsDim, lhsSpec[1]!, lhs!),
      reshapeAxisInto(rhsDim, rhsSpec[0]!, rhs!),
      p,
      g * size,
    );
    return [[reshapeAxisOutOf(outSpec[1]!, size, out)], [outSpec[1]!]];
  }
  if (g === 1) {
    const out = convWith(lhs!, reshapeAxisInto(rhsDim, rhsSpec[0]!, rhs!), p);
    return [[reshapeAxisOutOf(outSpec[1]!, size, out)], [outSpec[1]!]];
  }
  // The groups must stay outermost in the kernel's output features: split them off, fold the batch
  // into what remains, and put them back; the output is unfolded the same way.
  const o = rhsSpec[0]!;
  const split = reshapeAxisOutOf(o + (rhsDim <= o ? 1 : 0), g, rhs!);
  const kernel = reshapeAxisInto(o, o, reshapeAxisInto(rhsDim + (o < rhsDim ? 1 : 0), o + 1, split));
  const f = outSpec[1]!;
  const out = reshapeAxisOutOf(f + 1, size, reshapeAxisOutOf(f, g, convWith(lhs!, kernel, p)));
  return [[reshapeAxisInto(f, f + 1, out)], [f]];
};
