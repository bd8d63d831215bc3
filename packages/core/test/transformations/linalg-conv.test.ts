/**
 * The transformation laws for conv over random 1-d and 2-d geometries: strides, padding (negative
 * crops), both dilations, feature groups and random layouts of all three operands. vmap equals a
 * loop (either operand unmapped, or both mapped), jit equals eager, jvp matches central
 * differences and vjp is jvp's transpose. Operands are integers in [-3, 3] held as float32 and eps
 * is 0.5, so every side is an exact sum of products (tolerance 0).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { bilinearLaws } from './linalg-bilinear-laws.js';
import { permutationArb, upTo, windowAxesArb } from './linalg-cases.js';

const RUNS = 60;

interface ConvCase {
  readonly lhsShape: number[];
  readonly rhsShape: number[];
  readonly strides: number[];
  readonly padding: [number, number][];
  readonly options: Required<ax.lax.ConvOptions>;
}

/** `canonical` sizes (`[batch or out-feature, feature, ...spatial]`) laid out by `spec`. */
function laidOut(canonical: readonly number[], spec: readonly number[]): number[] {
  const shape = canonical.map(() => 0);
  spec.forEach((axis, i) => (shape[axis] = canonical[i]!));
  return shape;
}

const caseArb: fc.Arbitrary<ConvCase> = fc
  .record({
    batch: upTo(2),
    groups: upTo(2),
    groupIn: upTo(2),
    groupOut: upTo(2),
    spatial: windowAxesArb(1, 2),
  })
  .chain(({ batch, groups, groupIn, groupOut, spatial }) => {
    const rank = spatial.length + 2;
    return fc
      .tuple(permutationArb(rank), permutationArb(rank), permutationArb(rank))
      .map(([lhsSpec, rhsSpec, outSpec]) => ({
        lhsShape: laidOut([batch, groups * groupIn, ...spatial.map((a) => a.size)], lhsSpec),
        rhsShape: laidOut([groups * groupOut, groupIn, ...spatial.map((a) => a.window)], rhsSpec),
        strides: spatial.map((a) => a.stride),
        padding: spatial.map((a) => a.padding),
        options: {
          lhsDilation: spatial.map((a) => a.baseDilation),
          rhsDilation: spatial.map((a) => a.windowDilation),
          dimensionNumbers: { lhsSpec, rhsSpec, outSpec },
          featureGroupCount: groups,
        },
      }));
  });

const convOf =
  (c: ConvCase) =>
  (lhs: ax.Array, rhs: ax.Array): ax.Array =>
    ax.lax.conv(lhs, rhs, c.strides, c.padding, c.options);

describe('conv', () => {
  bilinearLaws(caseArb, convOf, RUNS);

  it('gives a strided 1-d conv the hand-computed gradients', () => {
    // out[i] = x[2i] w[0] + x[2i+1] w[1] over x of 5 (the last element unread): out = [x0+2x1, x2+2x3].
    const x = ax.array([1, 2, 3, 4, 5]).reshape([1, 1, 5]);
    const w = ax.array([1, 2]).reshape([1, 1, 2]);
    const [, pullback] = ax.vjp((a: ax.Array, b: ax.Array) => ax.lax.conv(a, b, [2], [[0, 0]]), x, w);
    const [gx, gw] = pullback(ax.array([1, 10]).reshape([1, 1, 2])) as ax.Array[];
    expect(Array.from(gx!.dataSync())).toEqual([1, 2, 10, 20, 0]);
    expect(Array.from(gw!.dataSync())).toEqual([31, 42]);
  });
});
