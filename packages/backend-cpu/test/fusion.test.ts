import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import { createCpuBackend } from '@addax/backend-cpu';
import { anyValue, storedBytes, typed } from './helpers.js';

// Each fusable primitive's template against its kernel: the loop compiled from a one-equation
// program must store exactly the kernel's bytes (signed zeros and wrapping included; NaNs compared as NaN)
// on values drawn from each dtype's whole range (fc.float includes NaN, ±0, ±Infinity and
// subnormals), 25 arrays of 24 elements per primitive and dtype.

const { lax } = ax;
const fusion = createCpuBackend().fusion!;
const LENGTH = 24;

const UNARY = [
  'neg',
  'abs',
  'sign',
  'exp',
  'exp2',
  'log',
  'log1p',
  'expm1',
  'sin',
  'cos',
  'tan',
  'tanh',
  'logistic',
  'sqrt',
  'rsqrt',
  'reciprocal',
  'floor',
  'ceil',
  'isFinite',
  'erf',
  'erfInv',
  'not',
  'stopGradient',
] as const;
const BINARY = [
  'add',
  'sub',
  'mul',
  'div',
  'rem',
  'pow',
  'max',
  'min',
  'atan2',
  'and',
  'or',
  'xor',
  'shiftLeft',
  'shiftRightLogical',
  'shiftRightArithmetic',
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
] as const;

interface Case {
  readonly label: string;
  readonly f: (...xs: ax.Array[]) => ax.Array;
  readonly dtypes: readonly ax.DType[];
}

/** Whether `f` accepts operands of these dtypes (abstractEval raises a DTypeError if not). */
function accepts(f: Case['f'], dtypes: readonly ax.DType[]): boolean {
  try {
    ax.evalShape(f)(...dtypes.map((d) => new ax.ShapeDtype([LENGTH], d)));
    return true;
  } catch (e) {
    if (e instanceof ax.DTypeError) return false;
    throw e;
  }
}

const unary = UNARY.flatMap((name) =>
  ax.DTYPES.map((d): Case => ({ label: `${name} ${d}`, f: lax[name], dtypes: [d] })),
);
// Integer pow is left to its kernel (see below).
const binary = BINARY.flatMap((name) =>
  ax.DTYPES.filter((d) => name !== 'pow' || d === 'float32').map((d): Case => ({
    label: `${name} ${d}`,
    f: lax[name],
    dtypes: [d, d],
  })),
);
const select = ax.DTYPES.map((d): Case => ({ label: `select ${d}`, f: lax.select, dtypes: ['bool', d, d] }));
const casts = ax.DTYPES.flatMap((from) =>
  ax.DTYPES.filter((to) => to !== from).map((to): Case => ({
    label: `cast ${from} to ${to}`,
    f: (x) => lax.cast(x!, to),
    dtypes: [from],
  })),
);
const bitcasts = (['int32', 'uint32'] as const).flatMap((from) =>
  (['int32', 'uint32'] as const)
    .filter((to) => to !== from)
    .map((to): Case => ({
      label: `bitcast ${from} to ${to}`,
      f: (x) => lax.bitcast(x!, to),
      dtypes: [from],
    })),
);
const CASES = [...unary, ...binary, ...select, ...casts, ...bitcasts].filter((c) => accepts(c.f, c.dtypes));

describe('cpu fusion: each template stores what its kernel stores', () => {
  it('covers every elementwise primitive and dtype pair the lax functions accept', () => {
    expect(CASES.length).toBeGreaterThan(100);
  });

  it.each(CASES.map((c) => [c.label, c] as const))('%s: compiled loop == kernel, bit for bit', (_, c) => {
    const specs = c.dtypes.map((d) => new ax.ShapeDtype([LENGTH], d));
    const ir = ax.makeIR(c.f)(...specs);
    expect(ir.eqns.map((e) => fusion.canFuse(e))).toEqual([true]);
    const kernel = fusion.compile(ir)!;
    const operands = fc.tuple(
      ...c.dtypes.map((d) => fc.array(anyValue(d), { minLength: LENGTH, maxLength: LENGTH })),
    );
    fc.assert(
      fc.property(operands, (data) => {
        const inputs = data.map((d, i) => typed(c.dtypes[i]!, d));
        const [fused] = kernel(inputs);
        const expected = ax.tidy(() =>
          c.f(...inputs.map((x, i) => ax.fromTyped(x, [LENGTH], c.dtypes[i]))).dataSync(),
        );
        expect(storedBytes(fused!)).toEqual(storedBytes(expected));
      }),
      { numRuns: 25 },
    );
  });
});

describe('cpu fusion: what it leaves to the kernels', () => {
  const eqnOf = (f: Case['f'], dtype: ax.DType): ax.Equation =>
    ax.makeIR(f)(new ax.ShapeDtype([LENGTH], dtype)).eqns[0]!;

  it('declines round, integer pow, bitcasts through float32, reductions and multi-output primitives', () => {
    expect(fusion.canFuse(eqnOf((x) => lax.round(x!), 'float32'))).toBe(false);
    expect(
      fusion.canFuse(ax.makeIR(lax.pow)(...[0, 1].map(() => new ax.ShapeDtype([3], 'int32'))).eqns[0]!),
    ).toBe(false);
    expect(fusion.canFuse(eqnOf((x) => lax.bitcast(x!, 'int32'), 'float32'))).toBe(false);
    expect(fusion.canFuse(eqnOf((x) => lax.bitcast(x!, 'float32'), 'uint32'))).toBe(false);
    expect(fusion.canFuse(eqnOf((x) => lax.reduceSum(x!, [0]), 'float32'))).toBe(false);
    const threefry = ax.makeIR((...k: ax.Array[]) => lax.threefry2x32(k[0]!, k[1]!, k[2]!, k[3]!))(
      ...[0, 1, 2, 3].map(() => new ax.ShapeDtype([2], 'uint32')),
    );
    expect(fusion.canFuse(threefry.eqns[0]!)).toBe(false);
  });

  it('fuses only primitives its backend has kernels for, so cpu-min still runs decompositions', () => {
    const min = createCpuBackend({ name: 'cpu-min-fusion', only: ax.MINIMAL_PRIMITIVES }).fusion!;
    expect(min.canFuse(eqnOf((x) => lax.tanh(x!), 'float32'))).toBe(false);
    expect(min.canFuse(eqnOf((x) => lax.exp(x!), 'float32'))).toBe(true);
  });
});
