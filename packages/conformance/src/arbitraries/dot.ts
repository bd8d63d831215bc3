import fc from 'fast-check';
import type * as ax from '@addax/core';
import { permutationArb } from './axes.js';
import { dimArb } from './shapes.js';

/** Operand shapes and dimension numbers of one `dotGeneral`. */
export interface DotCase {
  readonly lhsShape: number[];
  readonly rhsShape: number[];
  readonly params: ax.DotGeneralParams;
}

/** Which group an operand axis belongs to, and its position in that group. */
type Role = readonly ['batch' | 'contracting' | 'free', number];

/** The axes of one operand in a random order, and where each group's axes ended up. */
function placeAxes(
  roles: readonly Role[],
  order: readonly number[],
): { roles: Role[]; at: (g: Role[0]) => number[] } {
  const placed = order.map((i) => roles[i]!);
  const at = (group: Role[0]): number[] =>
    placed
      .map((r, axis) => [r, axis] as const)
      .filter(([r]) => r[0] === group)
      .sort(([a], [b]) => a[1] - b[1])
      .map(([, axis]) => axis);
  return { roles: placed, at };
}

/** Shapes and dimension numbers from group sizes, the operands' axes in the given orders. */
function dotCase(
  sizes: { batch: number[]; contracting: number[]; lhsFree: number[]; rhsFree: number[] },
  lhsOrder: readonly number[],
  rhsOrder: readonly number[],
): DotCase {
  const roles = (free: number[]): Role[] => [
    ...sizes.batch.map((_, i): Role => ['batch', i]),
    ...sizes.contracting.map((_, i): Role => ['contracting', i]),
    ...free.map((_, i): Role => ['free', i]),
  ];
  const side = (free: number[], order: readonly number[]) => {
    const { roles: placed, at } = placeAxes(roles(free), order);
    const size = ([group, i]: Role): number =>
      group === 'batch' ? sizes.batch[i]! : group === 'contracting' ? sizes.contracting[i]! : free[i]!;
    return { shape: placed.map(size), batch: at('batch'), contracting: at('contracting') };
  };
  const lhs = side(sizes.lhsFree, lhsOrder);
  const rhs = side(sizes.rhsFree, rhsOrder);
  return {
    lhsShape: lhs.shape,
    rhsShape: rhs.shape,
    params: { contractingDims: [lhs.contracting, rhs.contracting], batchDims: [lhs.batch, rhs.batch] },
  };
}

const group = (max: number): fc.Arbitrary<number[]> => fc.array(dimArb(4), { maxLength: max });

/** Any dimension numbers: up to two batch, two contracting and two free axes a side, in any order. */
function generalDotArb(): fc.Arbitrary<DotCase> {
  return fc
    .record({ batch: group(2), contracting: group(2), lhsFree: group(2), rhsFree: group(2) })
    .chain((sizes) => {
      const shared = sizes.batch.length + sizes.contracting.length;
      return fc
        .tuple(permutationArb(shared + sizes.lhsFree.length), permutationArb(shared + sizes.rhsFree.length))
        .map(([l, r]) => dotCase(sizes, l, r));
    });
}

/** `[m, k] x [k, n]`, and a third of the time `[b, m, k] x [b, k, n]`: the common layouts, no size 0. */
function matmulArb(): fc.Arbitrary<DotCase> {
  const dim = fc.tuple(dimArb(4, 0));
  const batch = fc.oneof({ arbitrary: fc.constant<number[]>([]), weight: 2 }, { arbitrary: dim, weight: 1 });
  return fc.record({ batch, contracting: dim, lhsFree: dim, rhsFree: dim }).map((sizes) => {
    const b = sizes.batch.length;
    const lhsOrder = b ? [0, 2, 1] : [1, 0];
    const rhsOrder = b ? [0, 1, 2] : [0, 1];
    return dotCase(sizes, lhsOrder, rhsOrder);
  });
}

/**
 * `dotGeneral` cases: any dimension numbers (batch, contracting and free axes in any order, empty
 * groups and zero sizes included), and plain and batched matrix products a third of the time,
 * since those are the layouts kernels special-case.
 *
 * @example
 * ```ts
 * fc.sample(dotGeneralArb(), 1); // e.g. [{ lhsShape: [3, 2], rhsShape: [2, 4], params: ... }]
 * ```
 */
export function dotGeneralArb(): fc.Arbitrary<DotCase> {
  return fc.oneof({ arbitrary: generalDotArb(), weight: 2 }, { arbitrary: matmulArb(), weight: 1 });
}
