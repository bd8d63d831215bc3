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
import { permutationArb } from './linalg-cases.js';

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

const small = (max: number): fc.Arbitrary<number> => fc.integer({ min: 1, max });

interface SpatialAxis {
  readonly size: number;
  readonly kernel: number;
  readonly stride: number;
  readonly padding: [number, number];
  readonly lhsDilation: number;
  readonly rhsDilation: number;
}

const spatialAxisArb: fc.Arbitrary<SpatialAxis> = fc.record({
  size: small(4),
  kernel: small(3),
  stride: small(2),
  padding: fc.tuple(fc.integer({ min: -1, max: 2 }), fc.integer({ min: -1, max: 2 })),
  lhsDilation: small(2),
  rhsDilation: small(2),
});

/** Conv's output size along one spatial axis (XLA's rule), to keep only cases with outputs. */
function outSize(a: SpatialAxis): number {
  const padded = (a.size - 1) * a.lhsDilation + 1 + a.padding[0] + a.padding[1];
  const window = (a.kernel - 1) * a.rhsDilation + 1;
  return padded < window ? 0 : Math.floor((padded - window) / a.stride) + 1;
}

const caseArb: fc.Arbitrary<ConvCase> = fc
  .record({
    batch: small(2),
    groups: small(2),
    groupIn: small(2),
    groupOut: small(2),
    spatial: fc
      .array(spatialAxisArb, { minLength: 1, maxLength: 2 })
      .filter((axes) => axes.every((a) => outSize(a) > 0)),
  })
  .chain(({ batch, groups, groupIn, groupOut, spatial }) => {
    const rank = spatial.length + 2;
    return fc
      .tuple(permutationArb(rank), permutationArb(rank), permutationArb(rank))
      .map(([lhsSpec, rhsSpec, outSpec]) => ({
        lhsShape: laidOut([batch, groups * groupIn, ...spatial.map((a) => a.size)], lhsSpec),
        rhsShape: laidOut([groups * groupOut, groupIn, ...spatial.map((a) => a.kernel)], rhsSpec),
        strides: spatial.map((a) => a.stride),
        padding: spatial.map((a) => a.padding),
        options: {
          lhsDilation: spatial.map((a) => a.lhsDilation),
          rhsDilation: spatial.map((a) => a.rhsDilation),
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
