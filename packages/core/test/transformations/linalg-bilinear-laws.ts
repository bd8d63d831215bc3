/**
 * The four transformation laws for a bilinear primitive (dotGeneral, conv), as `it` blocks a test
 * file registers inside its `describe`. Operands are integers in [-3, 3] held as float32 and the
 * finite-difference step is 0.5, so every side is an exact sum of products: tolerance 0.
 */
import fc from 'fast-check';
import { it } from 'vitest';
import * as ax from '@addax/core';
import { checkJit, checkJvp, checkVjp, checkVmap, EXACT } from '../laws.js';
import { batchedShapes, batchPlanArb, operandsOf, outShapeOf } from './linalg-cases.js';

/** One random instance of the primitive: its operand shapes and whatever else fixes its params. */
export interface BilinearCase {
  readonly lhsShape: readonly number[];
  readonly rhsShape: readonly number[];
}

type Bilinear = (lhs: ax.Array, rhs: ax.Array) => ax.Array;

/**
 * Registers vmap (random inAxes, one operand possibly unmapped, random outAxes), jit, jvp
 * (central differences, exact for a bilinear map), vjp (transpose of jvp, in both operands and in
 * each alone) and vmap-of-vjp checks of `opOf(c)` over `numRuns` random cases each.
 */
export function bilinearLaws<C extends BilinearCase>(
  caseArb: fc.Arbitrary<C>,
  opOf: (c: C) => Bilinear,
  numRuns: number,
): void {
  const shapes = (c: C): (readonly number[])[] => [c.lhsShape, c.rhsShape];
  const differentiableArb = caseArb.chain((c) =>
    fc.record({
      c: fc.constant(c),
      primals: operandsOf(shapes(c)),
      tangents: operandsOf(shapes(c)),
      ct: operandsOf([outShapeOf(opOf(c), shapes(c))]),
    }),
  );

  it('under vmap equals a loop, for random inAxes (one operand may be unmapped) and outAxes', () => {
    const vmapArb = caseArb.chain((c) =>
      batchPlanArb([c.lhsShape.length, c.rhsShape.length]).chain((plan) =>
        operandsOf(batchedShapes(shapes(c), plan)).map((args) => ({ c, plan, args })),
      ),
    );
    fc.assert(
      fc.property(vmapArb, ({ c, plan, args }) =>
        ax.tidy(() => {
          const outRank = outShapeOf(opOf(c), shapes(c)).length;
          checkVmap(opOf(c), args, plan.inAxes, plan.outPick % (outRank + 1), EXACT);
        }),
      ),
      { numRuns },
    );
  });

  it('under jit equals eager', () => {
    const jitArb = caseArb.chain((c) => operandsOf(shapes(c)).map((args) => ({ c, args })));
    fc.assert(
      fc.property(jitArb, ({ c, args }) => ax.tidy(() => checkJit(opOf(c), args, EXACT))),
      { numRuns },
    );
  });

  it('has a jvp equal to central differences (exact for a bilinear map)', () => {
    fc.assert(
      fc.property(differentiableArb, ({ c, primals, tangents }) =>
        ax.tidy(() => checkJvp(opOf(c), primals, tangents, 0.5, EXACT)),
      ),
      { numRuns },
    );
  });

  it('has a vjp that is the transpose of its jvp, in both operands at once and in each alone', () => {
    fc.assert(
      fc.property(differentiableArb, ({ c, primals: [lhs, rhs], tangents: [tl, tr], ct: [ct] }) =>
        ax.tidy(() => {
          const op = opOf(c);
          checkVjp(op, [lhs!, rhs!], [tl!, tr!], ct!, EXACT);
          checkVjp((l) => op(l, rhs!), [lhs!], [tl!], ct!, EXACT);
          checkVjp((r) => op(lhs!, r), [rhs!], [tr!], ct!, EXACT);
        }),
      ),
      { numRuns },
    );
  });

  it('under vmap, has a vjp equal to a loop of vjps (the transposes batch too)', () => {
    const composedArb = caseArb.chain((c) => {
      const all = [...shapes(c), outShapeOf(opOf(c), shapes(c))];
      return batchPlanArb(all.map((s) => s.length)).chain((plan) =>
        operandsOf(batchedShapes(all, plan)).map((args) => ({ c, plan, args })),
      );
    });
    fc.assert(
      fc.property(composedArb, ({ c, plan, args }) =>
        ax.tidy(() => {
          [c.lhsShape, c.rhsShape].forEach((shape, side) => {
            const cotangentOf = (lhs: ax.Array, rhs: ax.Array, ct: ax.Array): ax.Array =>
              (ax.vjp(opOf(c), lhs, rhs)[1](ct) as ax.Array[])[side]!;
            checkVmap(cotangentOf, args, plan.inAxes, plan.outPick % (shape.length + 1), EXACT);
          });
        }),
      ),
      { numRuns },
    );
  });
}
