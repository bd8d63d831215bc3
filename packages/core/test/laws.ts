/**
 * The transformation laws as checks one test calls per primitive and input: vmap equals a loop,
 * jvp matches central finite differences, vjp is jvp's transpose, jit equals eager. Each check
 * states its tolerance; a failure names the law, the element and both values.
 */
import fc from 'fast-check';
import * as ax from '@addax/core';

/** Absolute plus relative tolerance: `|a - e| <= atol + rtol * |e|`. */
export interface Tolerance {
  readonly rtol: number;
  readonly atol: number;
}

export const EXACT: Tolerance = { rtol: 0, atol: 0 };

/** Asserts `actual` equals `expected` in shape, dtype and values within `tol` (NaN equals NaN). */
export function expectClose(actual: ax.Array, expected: ax.Array, tol: Tolerance, law: string): void {
  if (actual.dtype !== expected.dtype || actual.shape.join() !== expected.shape.join()) {
    throw new Error(`${law}: got ${actual.aval.describe()}, expected ${expected.aval.describe()}`);
  }
  const a = actual.dataSync();
  const e = expected.dataSync();
  for (let i = 0; i < e.length; i++) {
    const x = a[i]!;
    const y = e[i]!;
    if (Number.isNaN(x) && Number.isNaN(y)) continue;
    if (x === y) continue;
    if (!(Math.abs(x - y) <= tol.atol + tol.rtol * Math.abs(y))) {
      throw new Error(
        `${law}: element ${i} is ${x}, expected ${y} (rtol ${tol.rtol}, atol ${tol.atol})\n` +
          `  actual   ${Array.from(a).join(', ')}\n  expected ${Array.from(e).join(', ')}`,
      );
    }
  }
}

/** Compares every leaf of two pytrees with {@link expectClose}. */
export function expectTreeClose(actual: unknown, expected: unknown, tol: Tolerance, law: string): void {
  const a = ax.tree.leaves(actual) as ax.Array[];
  const e = ax.tree.leaves(expected) as ax.Array[];
  if (a.length !== e.length) throw new Error(`${law}: ${a.length} leaves, expected ${e.length}`);
  a.forEach((x, i) => expectClose(x, e[i]!, tol, `${law} (leaf ${i})`));
}

/** Slice `i` of `x` along `axis` (the axis removed). */
export function sliceAt(x: ax.Array, axis: number, i: number): ax.Array {
  return [...ax.moveaxis(x, axis, 0)][i]!;
}

/**
 * `vmap(f, {inAxes, outAxes})(...args)` equals calling `f` on each slice and stacking along
 * `outAxes` (outputs that are single arrays).
 */
export function checkVmap(
  f: (...args: ax.Array[]) => ax.Array,
  args: readonly ax.Array[],
  inAxes: readonly (number | null)[],
  outAxes: number,
  tol: Tolerance,
): void {
  const i = inAxes.findIndex((a) => a !== null);
  const size = args[i]!.shape[inAxes[i]!]!;
  const batched = ax.vmap(f, { inAxes: [...inAxes], outAxes })(...args);
  const rows = [...Array(size).keys()].map((b) =>
    f(...args.map((x, k) => (inAxes[k] === null ? x : sliceAt(x, inAxes[k]!, b)))),
  );
  expectClose(
    batched,
    ax.stack(rows, outAxes),
    tol,
    `vmap(inAxes [${inAxes.join(', ')}], outAxes ${outAxes})`,
  );
}

/** `jvp(f)` matches central differences `(f(x + eps t) - f(x - eps t)) / 2 eps` along `tangents`. */
export function checkJvp(
  f: (...args: ax.Array[]) => ax.Array,
  primals: readonly ax.Array[],
  tangents: readonly ax.Array[],
  eps: number,
  tol: Tolerance,
): void {
  const [, tangentOut] = ax.jvp(f, [...primals], [...tangents]);
  const shifted = (sign: number): ax.Array =>
    f(...primals.map((p, i) => p.add(tangents[i]!.mul(sign * eps))));
  const difference = shifted(1)
    .sub(shifted(-1))
    .div(2 * eps);
  expectClose(tangentOut, difference, tol, `jvp vs central differences (eps ${eps})`);
}

/** `<ct, J v> == <J^T ct, v>`: vjp is the transpose of jvp at `primals`. */
export function checkVjp(
  f: (...args: ax.Array[]) => ax.Array,
  primals: readonly ax.Array[],
  tangents: readonly ax.Array[],
  cotangent: ax.Array,
  tol: Tolerance,
): void {
  const [, jv] = ax.jvp(f, [...primals], [...tangents]);
  const [, pullback] = ax.vjp(f, ...primals);
  const jtct = pullback(cotangent) as ax.Array[];
  const lhs = ax.sum(cotangent.mul(jv));
  const rhs = jtct.map((g, i) => ax.sum(g.mul(tangents[i]!))).reduce((a, b) => a.add(b));
  expectClose(lhs, rhs, tol, '<ct, J v> == <J^T ct, v>');
}

/** `jit(f)` equals `f`, on the first (tracing) call and on the cached replay. */
export function checkJit(
  f: (...args: ax.Array[]) => ax.Array,
  args: readonly ax.Array[],
  tol: Tolerance,
): void {
  const jitted = ax.jit(f);
  const expected = f(...args);
  expectClose(jitted(...args), expected, tol, 'jit(f) == f (first call)');
  expectClose(jitted(...args), expected, tol, 'jit(f) == f (cached call)');
}

/** A float32 array of `shape` with elements in `[min, max]`. */
export function floatArray(shape: readonly number[], min = -3, max = 3): fc.Arbitrary<ax.Array> {
  const n = shape.reduce((a, b) => a * b, 1);
  return fc
    .array(fc.float({ min: Math.fround(min), max: Math.fround(max), noNaN: true }), {
      minLength: n,
      maxLength: n,
    })
    .map((v) => ax.array(v).reshape([...shape]));
}

/** A shape of rank in `[minRank, maxRank]` with sizes in `[1, maxSize]`. */
export function shapeArb(minRank = 0, maxRank = 3, maxSize = 4): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 1, max: maxSize }), { minLength: minRank, maxLength: maxRank });
}
