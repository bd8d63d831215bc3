import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { checkVmap, EXACT } from '../laws.js';
import { jitLaw, jvpLaw, sizes, sortedAxes, vjpLaw, vmapLaw, vmapOfVjpLaw, type Case } from './shape-laws.js';

const modes = fc.constantFrom('clip' as const, 'fill' as const);

/** Index vectors for `map` into `shape`, drawn from one below to one past each axis's range. */
const indexOperand = (shape: readonly number[], batch: readonly number[], map: readonly number[]) => ({
  shape: [...batch, map.length],
  min: -1,
  max: Math.max(...shape) + 1,
});

// Operands of rank 1-3 and sizes 1-4, index batches of rank 0-2 and sizes 1-3, slice and window
// sizes over their whole range (0 included), both modes. The fill value is finite (7), so a finite
// difference across an out-of-range slice is 0, as the tangent must be.
const gatherCase = fc
  .record({ shape: sizes(1, 3, 1, 4), batch: sizes(0, 2), mode: modes })
  .chain(({ shape, batch, mode }) =>
    fc
      .record({
        sliceSizes: fc.tuple(...shape.map((d) => fc.integer({ min: 0, max: d }))),
        startIndexMap: fc.shuffledSubarray([...shape.keys()]),
        collapse: fc.array(fc.boolean(), { minLength: shape.length, maxLength: shape.length }),
      })
      .chain(({ sliceSizes, startIndexMap, collapse }) => {
        const collapsedSliceDims = [...shape.keys()].filter((a) => sliceSizes[a] === 1 && collapse[a]);
        const offsets = shape.length - collapsedSliceDims.length;
        return sortedAxes(batch.length + offsets, offsets).map((offsetDims): Case => {
          const params = { offsetDims, collapsedSliceDims, startIndexMap, sliceSizes, mode, fillValue: 7 };
          return {
            params: { shape, batch, ...params },
            floats: [shape],
            indices: [indexOperand(shape, batch, startIndexMap)],
            apply: ([x], [indices]) => ax.lax.gather(x!, indices!, params),
          };
        });
      }),
  );

const scatterCase = fc
  .record({
    shape: sizes(1, 3, 1, 4),
    batch: sizes(0, 2),
    mode: modes,
    insert: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  })
  .chain(({ shape, batch, mode, insert }) => {
    const axes = [...shape.keys()];
    const insertedWindowDims = axes.filter((a) => insert[a]);
    const windowAxes = axes.filter((a) => !insert[a]);
    return fc
      .record({
        windows: fc.tuple(...windowAxes.map((a) => fc.integer({ min: 0, max: shape[a]! }))),
        scatterDimsToOperandDims: fc.shuffledSubarray(axes),
        updateWindowDims: sortedAxes(batch.length + windowAxes.length, windowAxes.length),
      })
      .map(({ windows, scatterDimsToOperandDims, updateWindowDims }): Case => {
        let [w, b] = [0, 0];
        const updates = [...Array(batch.length + windows.length).keys()].map((d) =>
          updateWindowDims.includes(d) ? windows[w++]! : batch[b++]!,
        );
        const params = { updateWindowDims, insertedWindowDims, scatterDimsToOperandDims, mode };
        return {
          params: { shape, updates, ...params },
          floats: [shape, updates],
          indices: [indexOperand(shape, batch, scatterDimsToOperandDims)],
          apply: ([x, u], [indices]) => ax.lax.scatterAdd(x!, indices!, u!, params),
        };
      });
  });

describe.each([
  ['gather', gatherCase],
  ['scatterAdd', scatterCase],
])('%s under transformations', (_, cases) => {
  it('vmap with random inAxes (operand, indices or both mapped) and outAxes equals a loop', () =>
    vmapLaw(cases, 200));
  it('jit equals eager', () => jitLaw(cases, 20));
  it('jvp equals central differences (exact on integer values)', () => jvpLaw(cases, 80));
  it('vjp transposes jvp: <ct, J v> == <J^T ct, v> exactly', () => vjpLaw(cases, 150));
  it('vmap of the vjp equals a loop of it (transposes compose with vmap)', () => vmapOfVjpLaw(cases, 100));
});

describe('gather batching corner cases', () => {
  // Rows of a [3, 2] operand, one index vector per row picked.
  const rows = (x: ax.Array, indices: ax.Array): ax.Array =>
    ax.lax.gather(x, indices, {
      offsetDims: [1],
      collapsedSliceDims: [0],
      startIndexMap: [0],
      sliceSizes: [1, 2],
    });

  it('maps uint32 indices together with the operand', () => {
    const x = ax.arange(12, undefined, 1, 'float32').reshape([2, 3, 2]);
    const indices = ax.array(
      [
        [[2], [0]],
        [[1], [5]],
      ],
      'uint32',
    );
    checkVmap(rows, [x, indices], [0, 0], 0, EXACT);
  });

  it('gives an empty result when operand and indices are mapped over a batch of size 0', () => {
    const out = ax.vmap(rows)(ax.zeros([0, 3, 2]), ax.zeros([0, 4, 1], 'int32'));
    expect(out.shape).toEqual([0, 4, 2]);
  });

  it('pulls batched cotangents back through the scatter batch rule (vmap of vjp)', () => {
    const indices = ax.array([[2], [0], [2]], 'int32');
    const pullback = (x: ax.Array, ct: ax.Array): ax.Array =>
      (ax.vjp((y: ax.Array) => rows(y, indices), x)[1](ct) as ax.Array[])[0]!;
    const xs = ax.arange(12, undefined, 1, 'float32').reshape([2, 3, 2]);
    const cts = ax.arange(12, undefined, 1, 'float32').reshape([2, 3, 2]);
    checkVmap(pullback, [xs, cts], [0, 0], 1, EXACT);
    // Row 2 was read twice, so its cotangent is the sum of both reads'.
    expect(ax.vmap(pullback)(xs, cts).dataSync()).toEqual(
      new Float32Array([2, 3, 0, 0, 4, 6, 8, 9, 0, 0, 16, 18]),
    );
  });
});
