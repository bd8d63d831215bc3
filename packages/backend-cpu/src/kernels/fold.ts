import { stridesOf, type KernelArg, type Shape, type TypedArray } from '@addax/core';

/**
 * Each reduction's step as a JS expression of the accumulator `a` and the next value `v`. Integer
 * steps wrap themselves; Math.max and Math.min propagate NaN and order -0 below +0.
 */
export const COMBINE = {
  sum: 'a + v',
  sumInt32: '(a + v) | 0',
  sumUint32: '(a + v) >>> 0',
  prod: 'a * v',
  prodInt32: 'Math.imul(a, v)',
  prodUint32: 'Math.imul(a, v) >>> 0',
  max: 'Math.max(a, v)',
  min: 'Math.min(a, v)',
  and: 'a & v',
  or: 'a | v',
} as const;

/** A reduction step, named by its key in {@link COMBINE}. */
export type CombineKind = keyof typeof COMBINE;

/** A reduction step as a function, for loops that are not hot enough to generate. */
export type Combine = (acc: number, value: number) => number;

const combineFns = new Map<CombineKind, Combine>();

/**
 * The step `kind` as a function of `(a, v)`.
 *
 * @example
 * ```ts
 * combineFn('sumInt32')(2 ** 31 - 1, 1); // -2147483648
 * ```
 */
export function combineFn(kind: CombineKind): Combine {
  let fn = combineFns.get(kind);
  if (!fn) {
    fn = new Function('a', 'v', `return ${COMBINE[kind]};`) as Combine;
    combineFns.set(kind, fn);
  }
  return fn;
}

/**
 * Folds every element of `x` into the output element it reduces to (the reduced axes dropped),
 * starting from `init`, one element at a time in row-major order: the plain loop the fast
 * {@link fold} is tested against. The accumulator is float64, so float32 sums and products round
 * once at the end; integer steps wrap themselves.
 *
 * @example
 * ```ts
 * foldReference({ buffer: new Float32Array([1, 2, 3, 4]), shape: [2, 2], dtype: 'float32' }, [0], 2, 0, 'sum');
 * // Float64Array [4, 6]
 * ```
 */
export function foldReference(
  x: KernelArg<TypedArray>,
  axes: readonly number[],
  outSize: number,
  init: number,
  kind: CombineKind,
): Float64Array {
  const combine = combineFn(kind);
  const acc = new Float64Array(outSize).fill(init);
  const { shape } = x;
  const outStrides = stridesOf(shape.filter((_, i) => !axes.includes(i)));
  // Stride of each operand axis into the output: 0 along reduced axes.
  let k = 0;
  const strides = shape.map((_, i) => (axes.includes(i) ? 0 : outStrides[k++]!));
  const index = shape.map(() => 0);
  const src = x.buffer;
  let o = 0;
  for (let i = 0; i < src.length; i++) {
    acc[o] = combine(acc[o]!, src[i]!);
    for (let a = shape.length - 1; a >= 0; a--) {
      o += strides[a]!;
      if (++index[a]! < shape[a]!) break;
      o -= strides[a]! * shape[a]!;
      index[a] = 0;
    }
  }
  return acc;
}

/**
 * The operand as runs of adjacent axes that are all reduced or all kept (size-1 axes dropped,
 * since they move no offset), the last run split off as the contiguous inner loop.
 */
interface FoldLayout {
  /** Sizes of the runs before the last. */
  readonly outer: Int32Array;
  /** Output stride of each outer run: 0 when it is reduced. */
  readonly outStrides: Int32Array;
  /** Size of the last run. */
  readonly n: number;
  /** Whether the last run is reduced (else it is kept, so contiguous in the output too). */
  readonly innerReduced: boolean;
}

function layoutOf(shape: Shape, axes: readonly number[]): FoldLayout {
  const runs: { size: number; reduced: boolean }[] = [];
  shape.forEach((size, a) => {
    if (size === 1) return;
    const reduced = axes.includes(a);
    const last = runs.at(-1);
    if (last?.reduced === reduced) last.size *= size;
    else runs.push({ size, reduced });
  });
  const inner = runs.pop() ?? { size: 1, reduced: false };
  const outStrides = new Int32Array(runs.length);
  let stride = inner.reduced ? 1 : inner.size;
  for (let r = runs.length - 1; r >= 0; r--) {
    if (runs[r]!.reduced) continue;
    outStrides[r] = stride;
    stride *= runs[r]!.size;
  }
  return {
    outer: Int32Array.from(runs, (r) => r.size),
    outStrides,
    n: inner.size,
    innerReduced: inner.reduced,
  };
}

type FoldLoop = (src: TypedArray, acc: Float64Array, layout: FoldLayout) => void;

/**
 * One loop per step, generated so that the step is inlined rather than called per element (a
 * shared call site would see every reduction's step and stop being inlined). It visits the
 * elements in row-major order, as {@link foldReference} does, so each output combines its values
 * in the same order and the results are bit-identical.
 */
function generateLoop(kind: CombineKind): FoldLoop {
  const step = COMBINE[kind];
  return new Function(
    'src',
    'acc',
    'layout',
    `const { outer, outStrides, n, innerReduced } = layout;
    const depth = outer.length;
    const index = new Int32Array(depth);
    let rows = 1;
    for (let d = 0; d < depth; d++) rows *= outer[d];
    let o = 0;
    for (let r = 0, i = 0; r < rows; r++, i += n) {
      if (innerReduced) {
        let a = acc[o];
        for (let j = i, end = i + n; j < end; j++) {
          const v = src[j];
          a = ${step};
        }
        acc[o] = a;
      } else {
        for (let j = 0; j < n; j++) {
          const a = acc[o + j];
          const v = src[i + j];
          acc[o + j] = ${step};
        }
      }
      for (let d = depth - 1; d >= 0; d--) {
        o += outStrides[d];
        if (++index[d] < outer[d]) break;
        o -= outStrides[d] * outer[d];
        index[d] = 0;
      }
    }`,
  ) as FoldLoop;
}

const loops = new Map<CombineKind, FoldLoop>();

/**
 * {@link foldReference}, fast: runs of reduced or kept axes merged, the last run as a tight inner
 * loop (a running local when it is reduced, a vector step when it is kept), and the step inlined.
 * Bit-identical to the reference.
 *
 * @example
 * ```ts
 * fold({ buffer: new Float32Array([1, 2, 3, 4]), shape: [2, 2], dtype: 'float32' }, [1], 2, 0, 'sum');
 * // Float64Array [3, 7]
 * ```
 */
export function fold(
  x: KernelArg<TypedArray>,
  axes: readonly number[],
  outSize: number,
  init: number,
  kind: CombineKind,
): Float64Array {
  const acc = new Float64Array(outSize).fill(init);
  if (x.buffer.length === 0) return acc;
  let loop = loops.get(kind);
  if (!loop) {
    loop = generateLoop(kind);
    loops.set(kind, loop);
  }
  loop(x.buffer, acc, layoutOf(x.shape, axes));
  return acc;
}
