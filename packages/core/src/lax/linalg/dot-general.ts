import type { Array } from '../../array.js';
import { ShapeDtype } from '../../aval.js';
import type { DType } from '../../dtype.js';
import { DTypeError, ParameterError, ShapeError } from '../../errors.js';
import { bind1 } from '../../interpreters.js';
import { definePrimitive } from '../../primitive.js';
import type { DotGeneralParams, PrimitiveParams } from '../../primitives/params.js';
import { formatShape } from '../../shape.js';
import { mul } from '../elementwise.js';
import { reduceSum } from '../reductions.js';
import { broadcastInDim, transpose } from '../shape.js';

/**
 * The dtypes contractions and windowed reductions accept (bool has no sum of products).
 *
 * @example
 * ```ts
 * LINALG_DTYPES.includes('bool'); // false
 * ```
 */
export const LINALG_DTYPES: readonly DType[] = ['float32', 'int32', 'uint32'];

/**
 * Raises a DTypeError unless both operands have one dtype from {@link LINALG_DTYPES}.
 *
 * @example
 * ```ts
 * checkLinalgDTypes('conv', lhs.aval, rhs.aval);
 * ```
 */
export function checkLinalgDTypes(where: string, lhs: ShapeDtype, rhs: ShapeDtype): void {
  for (const [role, x] of [
    ['lhs', lhs],
    ['rhs', rhs],
  ] as const) {
    if (!LINALG_DTYPES.includes(x.dtype)) {
      throw new DTypeError(
        `${where}: ${role} ${x.describe()} has dtype ${x.dtype}; ${where} accepts ${LINALG_DTYPES.join(', ')}`,
      );
    }
  }
  if (lhs.dtype !== rhs.dtype) {
    throw new DTypeError(
      `${where}: operands must have equal dtypes, got ${lhs.describe()} and ${rhs.describe()} (cast one first)`,
    );
  }
}

function resolveAxes(where: string, param: string, axes: readonly number[], x: ShapeDtype): number[] {
  return axes.map((a) => {
    if (!Number.isInteger(a) || a < -x.ndim || a >= x.ndim) {
      throw new ParameterError(`${where}: axis ${a} in ${param} is out of range for operand ${x.describe()}`);
    }
    return a < 0 ? a + x.ndim : a;
  });
}

function checkSides(param: string, pair: DotGeneralParams['contractingDims']): void {
  if (!globalThis.Array.isArray(pair) || pair.length !== 2 || pair[0].length !== pair[1].length) {
    throw new ParameterError(
      `dotGeneral: ${param} must be [lhsAxes, rhsAxes] of equal length, got ${JSON.stringify(pair)}`,
    );
  }
}

function dotGeneralRule(raw: DotGeneralParams, [lhs, rhs]: readonly ShapeDtype[]): DotGeneralParams {
  checkSides('contractingDims', raw.contractingDims);
  checkSides('batchDims', raw.batchDims);
  const resolved = [lhs!, rhs!].map((x, side) => {
    const which = side === 0 ? 'lhs' : 'rhs';
    const contracting = resolveAxes(
      'dotGeneral',
      `contractingDims (${which})`,
      raw.contractingDims[side]!,
      x,
    );
    const batch = resolveAxes('dotGeneral', `batchDims (${which})`, raw.batchDims[side]!, x);
    if (new Set([...contracting, ...batch]).size !== contracting.length + batch.length) {
      throw new ParameterError(
        `dotGeneral: ${which} axes repeat across contractingDims ${formatShape(contracting)} and batchDims ${formatShape(batch)} of ${x.describe()}`,
      );
    }
    return { contracting, batch };
  });
  return {
    contractingDims: [resolved[0]!.contracting, resolved[1]!.contracting],
    batchDims: [resolved[0]!.batch, resolved[1]!.batch],
  };
}

function checkPairedSizes(
  kind: string,
  lhs: ShapeDtype,
  rhs: ShapeDtype,
  [la, ra]: readonly [readonly number[], readonly number[]],
): void {
  la.forEach((l, i) => {
    const r = ra[i]!;
    if (lhs.shape[l] !== rhs.shape[r]) {
      throw new ShapeError(
        `dotGeneral: ${kind} sizes differ: lhs ${lhs.describe()} axis ${l} has size ${lhs.shape[l]}, ` +
          `rhs ${rhs.describe()} axis ${r} has size ${rhs.shape[r]}`,
      );
    }
  });
}

/**
 * The axes of an operand of rank `ndim` that are in none of `used` (neither contracted nor
 * batched), in order.
 *
 * @example
 * ```ts
 * freeAxes(4, [1], [3]); // [0, 2]
 * ```
 */
export function freeAxes(ndim: number, ...used: (readonly number[])[]): number[] {
  const taken = new Set(used.flat());
  return globalThis.Array.from({ length: ndim }, (_, i) => i).filter((i) => !taken.has(i));
}

function dotGeneralEval([lhs, rhs]: readonly ShapeDtype[], p: DotGeneralParams): ShapeDtype[] {
  checkLinalgDTypes('dotGeneral', lhs!, rhs!);
  checkPairedSizes('contracting dimension', lhs!, rhs!, p.contractingDims);
  checkPairedSizes('batch dimension', lhs!, rhs!, p.batchDims);
  const [lc, rc] = p.contractingDims;
  const [lb, rb] = p.batchDims;
  const shape = [
    ...lb.map((a) => lhs!.shape[a]!),
    ...freeAxes(lhs!.ndim, lc, lb).map((a) => lhs!.shape[a]!),
    ...freeAxes(rhs!.ndim, rc, rb).map((a) => rhs!.shape[a]!),
  ];
  return [new ShapeDtype(shape, lhs!.dtype)];
}

/**
 * Both operands broadcast to `[batch, lhsFree, rhsFree, contracting]`, multiplied, and the
 * contracting axes summed away.
 */
function dotGeneralDecompose([lhs, rhs]: readonly Array[], p: DotGeneralParams): Array[] {
  const [lc, rc] = p.contractingDims;
  const [lb, rb] = p.batchDims;
  const lf = freeAxes(lhs!.ndim, lc, lb);
  const rf = freeAxes(rhs!.ndim, rc, rb);
  const l = transpose(lhs!, [...lb, ...lf, ...lc]);
  const r = transpose(rhs!, [...rb, ...rf, ...rc]);
  const sizes = (x: Array, axes: readonly number[]): number[] => axes.map((a) => x.shape[a]!);
  const nb = lb.length;
  const shape = [...sizes(lhs!, lb), ...sizes(lhs!, lf), ...sizes(rhs!, rf), ...sizes(lhs!, lc)];
  const range = (start: number, n: number): number[] =>
    globalThis.Array.from({ length: n }, (_, i) => start + i);
  const contractStart = nb + lf.length + rf.length;
  const lDims = [...range(0, nb + lf.length), ...range(contractStart, lc.length)];
  const rDims = [...range(0, nb), ...range(nb + lf.length, rf.length + lc.length)];
  const product = mul(broadcastInDim(l, shape, lDims), broadcastInDim(r, shape, rDims));
  return [reduceSum(product, range(contractStart, lc.length))];
}

export const dotGeneralP = definePrimitive<PrimitiveParams['dotGeneral']>({
  name: 'dotGeneral',
  params: dotGeneralRule,
  abstractEval: dotGeneralEval,
  decompose: dotGeneralDecompose,
});

/**
 * `lax.dot_general`: sums products over the paired `contractingDims` and maps over the paired
 * `batchDims`. The output axes are the batch axes, then lhs's remaining axes, then rhs's, as in XLA.
 * Operands share one dtype (float32, int32 or uint32; integers wrap).
 *
 * @example
 * ```ts
 * // A batched matmul: [2, 3, 4] x [2, 4, 5] -> [2, 3, 5]
 * ax.lax.dotGeneral(a, b, [[2], [1]], [[0], [0]]);
 * ```
 */
export function dotGeneral(
  lhs: Array,
  rhs: Array,
  contractingDims: readonly [readonly number[], readonly number[]],
  batchDims: readonly [readonly number[], readonly number[]] = [[], []],
): Array {
  return bind1(dotGeneralP, [lhs, rhs], {
    contractingDims: [[...contractingDims[0]], [...contractingDims[1]]],
    batchDims: [[...batchDims[0]], [...batchDims[1]]],
  });
}
