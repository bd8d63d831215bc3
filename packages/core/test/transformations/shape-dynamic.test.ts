import fc from 'fast-check';
import { describe, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { jitLaw, jvpLaw, sizes, vjpLaw, vmapLaw, vmapOfVjpLaw, type Case } from './shape-laws.js';

/** One int32 scalar start per axis, from two below to two past the axis (clamped by the primitive). */
const startsFor = (shape: readonly number[]) => shape.map((d) => ({ shape: [], min: -2, max: d + 2 }));

/** A size in `[0, d]` per axis of `shape`. */
const within = (shape: readonly number[]) => fc.tuple(...shape.map((d) => fc.integer({ min: 0, max: d })));

// Operands of rank 0-3 and sizes 1-4; slice and update sizes over their whole range.
const dynamicSliceCase = sizes(0, 3, 1, 4).chain((shape) =>
  within(shape).map((sliceSizes): Case => ({
    params: { shape, sliceSizes },
    floats: [shape],
    indices: startsFor(shape),
    apply: ([x], starts) => ax.lax.dynamicSlice(x!, starts, sliceSizes),
  })),
);

const dynamicUpdateSliceCase = sizes(0, 3, 1, 4).chain((shape) =>
  within(shape).map((update): Case => ({
    params: { shape, update },
    floats: [shape, update],
    indices: startsFor(shape),
    apply: ([x, u], starts) => ax.lax.dynamicUpdateSlice(x!, u!, starts),
  })),
);

describe.each([
  ['dynamicSlice', dynamicSliceCase],
  ['dynamicUpdateSlice', dynamicUpdateSliceCase],
])('%s under transformations', (_, cases) => {
  it('vmap with random inAxes (starts mapped or not) and outAxes equals a loop', () => vmapLaw(cases, 200));
  it('jit equals eager', () => jitLaw(cases, 20));
  it('jvp equals central differences (exact on integer values)', () => jvpLaw(cases, 80));
  it('vjp transposes jvp: <ct, J v> == <J^T ct, v> exactly', () => vjpLaw(cases, 150));
  it('vmap of the vjp equals a loop of it (transposes compose with vmap)', () => vmapOfVjpLaw(cases, 100));
});
