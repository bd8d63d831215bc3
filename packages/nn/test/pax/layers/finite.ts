import * as ax from '@addax/core';
import { expect } from 'vitest';
import { values } from '../../close.js';

/** Asserts every leaf of a gradient tree is finite, and that the tree has leaves and a non-zero one. */
export function expectFiniteGrads(grads: unknown): void {
  const leaves = ax.tree.leaves(grads) as ax.Array[];
  expect(leaves.length).toBeGreaterThan(0);
  const all = leaves.flatMap(values);
  expect(all.every(Number.isFinite)).toBe(true);
  expect(all.some((v) => v !== 0)).toBe(true);
}
