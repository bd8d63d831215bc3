/**
 * The transformation laws for every elementwise primitive (see elementwise-specs.ts for the
 * operand ranges): vmap equals a loop for random inAxes (null included) and outAxes, jit equals
 * eager, and for the differentiable ones jvp matches central differences and vjp is jvp's
 * transpose; the rest have zero tangents.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import {
  checkJit,
  checkJvp,
  checkVjp,
  checkVmap,
  EXACT,
  floatArray,
  shapeArb,
  type Tolerance,
} from '../laws.js';
import { operandArb, SPECS, type Spec } from './elementwise-specs.js';

/** Batched values are computed by the same kernels as the loop, so they agree exactly. */
const VMAP_TOL = EXACT;
/** Both sides of <ct, J v> == <J^T ct, v> are sums of at most 27 products of float32 values. */
const VJP_TOL: Tolerance = { rtol: 1e-4, atol: 1e-4 };

/** Operands of `spec` all of `shape`. */
function operandsArb(spec: Spec, shape: readonly number[]): fc.Arbitrary<ax.Array[]> {
  return fc.tuple(...spec.kinds.map((k) => operandArb(k, shape)));
}

/** A vmap case: per-operand inAxes (at least one mapped), outAxes, and operands batched accordingly. */
function vmapCaseArb(spec: Spec) {
  return fc
    .record({
      shape: shapeArb(0, 3, 3),
      size: fc.integer({ min: 1, max: 3 }),
      picks: fc.array(fc.option(fc.nat(), { nil: null }), {
        minLength: spec.kinds.length,
        maxLength: spec.kinds.length,
      }),
      firstMapped: fc.nat(),
      out: fc.nat(),
    })
    .chain(({ shape, size, picks, firstMapped, out }) => {
      const rank = shape.length;
      const inAxes = picks.map((p) => (p === null ? null : p % (rank + 1)));
      if (!inAxes.some((a) => a !== null)) inAxes[firstMapped % inAxes.length] = firstMapped % (rank + 1);
      const args = spec.kinds.map((k, i) => {
        const a = inAxes[i] ?? null;
        return operandArb(k, a === null ? shape : [...shape.slice(0, a), size, ...shape.slice(a)]);
      });
      return fc.tuple(...args).map((xs) => ({ args: xs, inAxes, outAxes: out % (rank + 1) }));
    });
}

/** `f` as a function of the operands in `wrt`, the others fixed at `operands`. */
function restrict(spec: Spec, operands: readonly ax.Array[], wrt: readonly number[]) {
  return (...ds: ax.Array[]): ax.Array => {
    const all = [...operands];
    wrt.forEach((w, i) => (all[w] = ds[i]!));
    return spec.f(...all);
  };
}

/** Operands of one shape (brought away from kinks by `prepare`) and a tangent for each one in `wrt`. */
function smoothCaseArb(spec: Spec) {
  const { wrt, prepare } = spec.smooth!;
  return shapeArb(0, 3, 3).chain((shape) =>
    fc.tuple(
      operandsArb(spec, shape).map((xs) => (prepare ? prepare(xs) : xs)),
      fc.tuple(...wrt.map(() => floatArray(shape, -1, 1))),
      floatArray(shape, -1, 1),
    ),
  );
}

describe.each(SPECS.map((s) => [s.name, s] as const))('%s', (_, spec) => {
  test('vmap(f) equals a loop of f for random inAxes (null included) and outAxes', () => {
    fc.assert(
      fc.property(vmapCaseArb(spec), ({ args, inAxes, outAxes }) =>
        checkVmap(spec.f, args, inAxes, outAxes, VMAP_TOL),
      ),
      { numRuns: 25 },
    );
  });

  test('jit(f) equals f', () => {
    fc.assert(
      fc.property(
        shapeArb(0, 3, 3).chain((shape) => operandsArb(spec, shape)),
        (args) => checkJit(spec.f, args, EXACT),
      ),
      { numRuns: 6 },
    );
  });

  const smooth = spec.smooth;
  if (smooth) {
    test(`jvp matches central differences (eps ${smooth.eps}, rtol ${smooth.tol.rtol}, atol ${smooth.tol.atol})`, () => {
      fc.assert(
        fc.property(smoothCaseArb(spec), ([operands, tangents]) => {
          const primals = smooth.wrt.map((w) => operands[w]!);
          checkJvp(restrict(spec, operands, smooth.wrt), primals, tangents, smooth.eps, smooth.tol);
        }),
        { numRuns: 25 },
      );
    });

    test('vjp is the transpose of jvp: <ct, J v> == <J^T ct, v>', () => {
      fc.assert(
        fc.property(smoothCaseArb(spec), ([operands, tangents, ct]) => {
          const primals = smooth.wrt.map((w) => operands[w]!);
          checkVjp(restrict(spec, operands, smooth.wrt), primals, tangents, ct, VJP_TOL);
        }),
        { numRuns: 15 },
      );
    });
  } else {
    test('jvp gives a zero tangent', () => {
      fc.assert(
        fc.property(
          shapeArb(0, 3, 3).chain((shape) => fc.tuple(operandsArb(spec, shape), fc.constant(shape))),
          ([operands, shape]) => {
            const tangents = operands.map((x) =>
              x.dtype === 'float32' ? ax.ones([...shape]) : ax.zerosLike(x),
            );
            const [y, dy] = ax.jvp(spec.f, operands, tangents) as [ax.Array, ax.Array];
            expect(dy.shape).toEqual(y.shape);
            expect(Array.from(dy.dataSync()).every((v) => v === 0)).toBe(true);
          },
        ),
        { numRuns: 5 },
      );
    });
  }
});
