import fc from 'fast-check';
import type * as ax from '@addax/core';
import { permutationArb } from './axes.js';
import { range, shapeArb, sizeUpTo } from './shapes.js';

/** A gather without its values: operand and index shapes and the parameters (`fillValue` aside). */
export interface GatherCase {
  readonly operandShape: number[];
  readonly indicesShape: number[];
  readonly params: Omit<ax.GatherParams, 'fillValue'>;
}

/** A scatter without its values: operand, index and update shapes and the parameters. */
export interface ScatterCase {
  readonly operandShape: number[];
  readonly indicesShape: number[];
  readonly updatesShape: number[];
  readonly params: ax.ScatterParams;
}

const modeArb = fc.constantFrom<ax.GatherMode>('clip', 'fill');

/** A sorted choice of `k` positions out of `n`. */
function positionsArb(n: number, k: number): fc.Arbitrary<number[]> {
  return fc.shuffledSubarray(range(n), { minLength: k, maxLength: k }).map((p) => p.sort((a, b) => a - b));
}

/** Index vectors over some of `operandShape`'s axes (in any order), and a batch shape of them. */
function indexingArb(operandShape: readonly number[]): fc.Arbitrary<{ map: number[]; batch: number[] }> {
  const rank = operandShape.length;
  return fc.record({
    map: fc.integer({ min: 0, max: rank }).chain((k) => permutationArb(rank).map((p) => p.slice(0, k))),
    batch: shapeArb({ maxRank: 2, maxSize: 3 }),
  });
}

/** Axes of `shape` with a non-zero size (the ones a size-1 window may collapse), in order. */
function collapsibleArb(shape: readonly number[]): fc.Arbitrary<number[]> {
  return fc.subarray(range(shape.length).filter((a) => shape[a]! > 0));
}

/**
 * XLA general `gather` cases: index vectors over any subset of the operand's axes in any order,
 * collapsed size-1 slices, slice sizes up to the axis, batch axes of indices anywhere among the
 * output's axes, and both modes. Index values belong to the primitive's spec (out of range on
 * purpose).
 *
 * @example
 * ```ts
 * fc.sample(gatherArb(), 1)[0].params.offsetDims; // e.g. [0, 2]
 * ```
 */
export function gatherArb(): fc.Arbitrary<GatherCase> {
  return shapeArb({ minRank: 1 }).chain((operandShape) =>
    fc
      .tuple(indexingArb(operandShape), collapsibleArb(operandShape), modeArb)
      .chain(([{ map, batch }, collapsed, mode]) => {
        const sizes = operandShape.map((d, a) => (collapsed.includes(a) ? fc.constant(1) : sizeUpTo(d)));
        const offsetCount = operandShape.length - collapsed.length;
        return fc
          .tuple(fc.tuple(...sizes), positionsArb(batch.length + offsetCount, offsetCount))
          .map(([sliceSizes, offsetDims]) => ({
            operandShape,
            indicesShape: [...batch, map.length],
            params: { offsetDims, collapsedSliceDims: collapsed, startIndexMap: map, sliceSizes, mode },
          }));
      }),
  );
}

/**
 * XLA general `scatterAdd` cases: index vectors over any subset of the operand's axes, inserted
 * size-1 window axes, windows up to the axis, window axes anywhere among the updates' axes, and
 * both modes.
 *
 * @example
 * ```ts
 * fc.sample(scatterArb(), 1)[0].updatesShape; // e.g. [2, 3]
 * ```
 */
export function scatterArb(): fc.Arbitrary<ScatterCase> {
  return shapeArb({ minRank: 1 }).chain((operandShape) =>
    fc
      .tuple(indexingArb(operandShape), collapsibleArb(operandShape), modeArb)
      .chain(([{ map, batch }, inserted, mode]) => {
        const windowAxes = range(operandShape.length).filter((a) => !inserted.includes(a));
        const windowSizes = windowAxes.map((a) => sizeUpTo(operandShape[a]!));
        const rank = batch.length + windowAxes.length;
        return fc
          .tuple(fc.tuple(...windowSizes), positionsArb(rank, windowAxes.length))
          .map(([sizes, updateWindowDims]) => {
            const batchSizes = [...batch];
            const updatesShape = range(rank).map((d) =>
              updateWindowDims.includes(d) ? sizes[updateWindowDims.indexOf(d)]! : batchSizes.shift()!,
            );
            return {
              operandShape,
              indicesShape: [...batch, map.length],
              updatesShape,
              params: { updateWindowDims, insertedWindowDims: inserted, scatterDimsToOperandDims: map, mode },
            };
          });
      }),
  );
}
