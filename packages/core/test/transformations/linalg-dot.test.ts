/**
 * The transformation laws for dotGeneral over random batch, contracting and free axes laid out in
 * random orders: vmap equals a loop (either operand unmapped, or both mapped), jit equals eager,
 * jvp matches central differences and vjp is jvp's transpose. Operands are integers in [-3, 3]
 * held as float32 and eps is 0.5, so every side is an exact sum of products (tolerance 0).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { bilinearLaws } from './linalg-bilinear-laws.js';
import { permutationArb } from './linalg-cases.js';

const RUNS = 60;

interface DotCase {
  readonly lhsShape: number[];
  readonly rhsShape: number[];
  readonly contracting: [number[], number[]];
  readonly batch: [number[], number[]];
}

/** Axes roles in one operand: its batch, contracting and free axes, each with its size. */
type Role = readonly ['batch' | 'contract' | 'free', number, number];

/** Where each of the `count` axes of `kind` sits in `layout`. */
function axesOf(layout: readonly Role[], kind: Role[0], count: number): number[] {
  return [...Array(count).keys()].map((i) => layout.findIndex(([k, j]) => k === kind && j === i));
}

const size = fc.integer({ min: 1, max: 3 });
const sizes = fc.array(size, { maxLength: 2 });

const caseArb: fc.Arbitrary<DotCase> = fc
  .record({ batch: sizes, contract: sizes, lhsFree: sizes, rhsFree: sizes })
  .chain(({ batch, contract, lhsFree, rhsFree }) => {
    const roles = (free: number[]): Role[] => [
      ...batch.map((n, i) => ['batch', i, n] as const),
      ...contract.map((n, i) => ['contract', i, n] as const),
      ...free.map((n, i) => ['free', i, n] as const),
    ];
    const layout = (free: number[]): fc.Arbitrary<Role[]> =>
      permutationArb(roles(free).length).map((perm) => perm.map((p) => roles(free)[p]!));
    return fc.tuple(layout(lhsFree), layout(rhsFree)).map(([l, r]) => ({
      lhsShape: l.map(([, , n]) => n),
      rhsShape: r.map(([, , n]) => n),
      contracting: [axesOf(l, 'contract', contract.length), axesOf(r, 'contract', contract.length)],
      batch: [axesOf(l, 'batch', batch.length), axesOf(r, 'batch', batch.length)],
    }));
  });

const dot =
  (c: DotCase) =>
  (lhs: ax.Array, rhs: ax.Array): ax.Array =>
    ax.lax.dotGeneral(lhs, rhs, c.contracting, c.batch);

describe('dotGeneral', () => {
  bilinearLaws(caseArb, dot, RUNS);

  it('gives a matmul the textbook gradients ct rhs^T and lhs^T ct', () => {
    const a = ax.array([
      [1, 2],
      [3, 4],
    ]);
    const b = ax.array([
      [5, 6, 7],
      [8, 9, 10],
    ]);
    const ct = ax.array([
      [1, 0, -1],
      [2, 1, 0],
    ]);
    const [, pullback] = ax.vjp((x: ax.Array, y: ax.Array) => ax.lax.dotGeneral(x, y, [[1], [0]]), a, b);
    const [ga, gb] = pullback(ct) as ax.Array[];
    expect(Array.from(ga!.dataSync())).toEqual([-2, -2, 16, 25]);
    expect(Array.from(gb!.dataSync())).toEqual([7, 3, -1, 10, 4, -2]);
  });
});
