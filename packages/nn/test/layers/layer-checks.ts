import { expect } from 'vitest';
import * as ax from '@addax/core';
import type * as nn from '@addax/nn';
import { expectClose } from '../close.js';

/** float32 arithmetic on values of order 1 (sums of a few dozen terms): a few ulps, loosely. */
export const F32 = { rtol: 1e-5, atol: 1e-5 };

/** A fixed pseudo-random float32 array (standard normal samples) of `shape`. */
export function normalArray(seed: number, shape: readonly number[]): ax.Array {
  return ax.random.normal(ax.random.key(seed), shape);
}

/**
 * Asserts that the layer called inside `jit`, with the layer, the input and `rng` as arguments of
 * the jitted function, gives what the eager call gives.
 */
export function expectJitMatchesEager(layer: nn.Layer, x: ax.Array, kwargs: nn.LayerKwargs = {}): void {
  const { rng, ...rest } = kwargs;
  const eager = layer.call(x, kwargs);
  const jitted =
    rng === undefined
      ? ax.jit((l: nn.Layer, y: ax.Array) => l.call(y, rest))(layer, x)
      : ax.jit((l: nn.Layer, y: ax.Array, key: ax.Array) => l.call(y, { ...rest, rng: key }))(layer, x, rng);
  expectClose(jitted, eager, F32, 'jitted call');
}

/**
 * The gradient of `sum(layer.call(x) * cotangent)` with respect to the layer, after asserting it
 * is a layer of the same class and pytree structure.
 */
export function layerGradient<L extends nn.Layer>(
  layer: L,
  x: ax.Array,
  cotangent: ax.Array,
  kwargs: nn.LayerKwargs = {},
): L {
  const g = ax.grad((l: L) => l.call(x, kwargs).mul(cotangent).sum())(layer);
  expect(g.constructor).toBe(layer.constructor);
  expect(ax.tree.flatten(g)[1].equals(ax.tree.flatten(layer)[1])).toBe(true);
  return g;
}

const liveBuffers = (): number => Object.values(ax.memory()).reduce((n, m) => n + m.buffers, 0);

/** Asserts that an eager call leaves exactly one new buffer alive, its output: intermediates are freed. */
export function expectCallKeepsOnlyItsOutput(
  layer: nn.Layer,
  x: ax.Array,
  kwargs: nn.LayerKwargs = {},
): void {
  const before = liveBuffers();
  const y = layer.call(x, kwargs);
  expect(liveBuffers()).toBe(before + 1);
  y.dispose();
  expect(liveBuffers()).toBe(before);
}
