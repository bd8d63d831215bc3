import * as ax from '@addax/core';
import * as nn from '@addax/nn';
import { expect } from 'vitest';
import { expectClose, expectTreeClose } from '../../close.js';

/** float32 arithmetic on values of order 1: a few ulps, loosely. */
export const F32 = { rtol: 1e-5, atol: 1e-5 };

/** A layer as these checks use it: `apply` on one input, typed loosely enough for any layer. */
interface Applies {
  apply(vars: nn.pax.Variables, x: ax.Array, options?: nn.pax.ApplyOptions): unknown;
}

/** Asserts that `apply` under `jit` (variables, input and rngs as arguments) gives the eager output. */
export function expectJitMatchesEager(
  layer: Applies,
  vars: nn.pax.Variables,
  x: ax.Array,
  rngs: nn.pax.Rngs = {},
): void {
  const eager = layer.apply(vars, x, { rngs });
  const jitted = ax.jit((v: nn.pax.Variables, y: ax.Array, r: nn.pax.Rngs) => layer.apply(v, y, { rngs: r }))(
    vars,
    x,
    rngs,
  );
  expectTreeClose(jitted, eager, F32, 'jitted apply');
}

/**
 * Asserts that the gradient of `loss` at `params` matches central differences (step `eps`) along
 * each of `directions` (trees of `params`' structure): `<grad, d> ≈ (loss(p + eps d) - loss(p - eps d)) / 2 eps`.
 */
export function expectGradMatchesFiniteDifferences<P>(
  loss: (params: P) => ax.Array,
  params: P,
  directions: readonly P[],
  eps = 1e-2,
  tol = { rtol: 2e-2, atol: 2e-3 },
): void {
  const g = ax.grad(loss)(params);
  const along = (d: P, s: number): P =>
    ax.tree.map((p, v) => (p as ax.Array).add((v as ax.Array).mul(s)), params, d);
  for (const d of directions) {
    const dot = ax.tree
      .leaves(ax.tree.map((a, b) => (a as ax.Array).mul(b as ax.Array).sum(), g, d))
      .reduce((s: number, v) => s + ((v as ax.Array).item() as number), 0);
    const fd = ((loss(along(d, eps)).item() as number) - (loss(along(d, -eps)).item() as number)) / (2 * eps);
    expectClose(ax.array(dot), [fd], tol, 'directional derivative');
  }
}

/** A random direction of the structure of `tree`, drawn from `seed`. */
export function randomDirection<T>(tree: T, seed: number): T {
  const [leaves, def] = ax.tree.flatten(tree);
  return ax.tree.unflatten<T>(
    def,
    leaves.map((l, i) => ax.random.normal(ax.random.key(seed * 100 + i), (l as ax.Array).shape)),
  );
}

/** Asserts `fn` throws an error whose message contains each of `parts`. */
export function expectThrowsWith(fn: () => unknown, ...parts: string[]): void {
  let message = '';
  try {
    fn();
  } catch (e) {
    message = (e as Error).message;
  }
  expect(message).not.toBe('');
  for (const p of parts) expect(message).toContain(p);
}
