import fc from 'fast-check';
import * as ax from '@addax/core';
import { hostArrayArb } from '../arbitraries/values.js';
import type { HostArray } from '../host.js';

/** The transformation laws: each checks a {@link LawCase}'s function on the backend under test. */
export type LawName = 'reference' | 'vmap' | 'jit' | 'jvp' | 'transpose' | 'grad';

/** Every law, in the order reports list them. */
export const LAW_NAMES: readonly LawName[] = ['reference', 'vmap', 'jit', 'jvp', 'transpose', 'grad'];

/** `|got - expected| <= atol + rtol * |expected|` elementwise (NaN meets NaN). */
export interface LawTolerance {
  readonly rtol: number;
  readonly atol: number;
}

/**
 * A function of float32 arrays that the laws hold the backend to: its value equals the reference's
 * (`reference`), `vmap` of it equals a loop over it (`vmap`), `jit` of it equals it (`jit`), its
 * jvp matches central differences (`jvp`, smooth functions only), its vjp is its jvp's transpose
 * (`transpose`), and its gradient equals the reference's (`grad`).
 *
 * Layer suites are cases like these: a function of a layer's parameters and inputs that runs the
 * layer (its `callAndUpdate`), checked with the `reference` and `grad` laws (see
 * `ConformanceOptions.layers`).
 *
 * @example
 * ```ts
 * const mlp: LawCase = {
 *   name: 'mlp',
 *   shapes: fc.constant([[2, 3], [3, 4]]),
 *   range: [-2, 2],
 *   fn: (x, w) => ax.tanh(ax.matmul(x!, w!)),
 *   smooth: true,
 *   tolerance: { rtol: 1e-4, atol: 1e-5 },
 * };
 * ```
 */
export interface LawCase {
  readonly name: string;
  /** The shapes of the function's float32 arguments. */
  readonly shapes: fc.Arbitrary<readonly (readonly number[])[]>;
  /** The range arguments are drawn from. */
  readonly range: readonly [number, number];
  /** Arrays it makes (constants) are made on the backend under test. */
  readonly fn: (...args: ax.Array[]) => ax.Array;
  /** Differentiable with bounded derivatives on the range, so finite differences apply. */
  readonly smooth: boolean;
  /** How close two ways of computing the function (or its gradient) must be. */
  readonly tolerance: LawTolerance;
  /** The laws to check; by default every law (jvp only for smooth functions). */
  readonly laws?: readonly LawName[];
}

/** The laws `c` is checked with. */
export function lawsOf(c: LawCase): LawName[] {
  return LAW_NAMES.filter((law) => (c.laws ? c.laws.includes(law) : law !== 'jvp' || c.smooth));
}

/** float32 arguments of the given shapes with values in `range` (no edge values: laws need smoothness). */
export function argsArb(
  shapes: readonly (readonly number[])[],
  [min, max]: readonly [number, number],
): fc.Arbitrary<HostArray[]> {
  return fc.tuple(...shapes.map((s) => hostArrayArb('float32', s, { min, max, edges: [] })));
}

/** The shape of `c.fn`'s result for arguments of `shapes`, by abstract evaluation. */
export function outShapeOf(c: LawCase, shapes: readonly (readonly number[])[]): number[] {
  const out = ax.evalShape<ax.ShapeDtype>(c.fn as (...args: never[]) => unknown)(
    ...shapes.map((s) => new ax.ShapeDtype(s, 'float32')),
  );
  return [...out.shape];
}
