import * as ax from '@addax/core';
import { broken, cpu, mapBuffer, type BrokenBackend } from './wrap.js';

type Arg = ax.KernelArg<ax.TypedArray>;

/** A float32 kernel computed in float64 and stored unrounded, for a backend with float64 buffers. */
function unrounded(
  op: (a: number, b: number) => number,
  exact: ax.Kernel<ax.NoParams, ax.TypedArray>,
): ax.Kernel<ax.NoParams, ax.TypedArray> {
  return (xs, p, outs) => {
    const [a, b] = xs as [Arg, Arg];
    if (a.dtype !== 'float32') return exact(xs, p, outs);
    return [Float64Array.from(a.buffer, (v, i) => op(v, b.buffer[i]!)) as unknown as ax.TypedArray];
  };
}

/** Elementwise kernels with one bug each. */
export const ELEMENTWISE_BUGS: readonly BrokenBackend[] = [
  broken('broken-neg', 'neg as 0 - x, which loses the sign of -0', ['neg'], {
    neg: ([x]) => [mapBuffer(x!, (v) => 0 - v)],
  }),
  broken('broken-div', 'int32 division flooring instead of truncating toward zero', ['div'], {
    div: (xs, p, outs) => {
      const [a, b] = xs as [Arg, Arg];
      if (a.dtype !== 'int32') return cpu.div(xs, p, outs);
      return [mapBuffer(a, (v, i) => (b.buffer[i] === 0 ? -1 : Math.floor(v / b.buffer[i]!)))];
    },
  }),
  broken('broken-rem', "rem taking the divisor's sign (Python's %) instead of the dividend's", ['rem'], {
    rem: (xs, p, outs) => {
      const [a, b] = xs as [Arg, Arg];
      if (a.dtype === 'uint32') return cpu.rem(xs, p, outs);
      return [
        mapBuffer(a, (v, i) =>
          b.buffer[i] === 0
            ? a.dtype === 'int32'
              ? v
              : NaN
            : ((v % b.buffer[i]!) + b.buffer[i]!) % b.buffer[i]!,
        ),
      ];
    },
  }),
  broken('broken-lt', 'lt as !(x >= y), true when either is NaN', ['lt'], {
    lt: ([a, b]) => [Uint8Array.from(a!.buffer, (v, i) => (!(v >= b!.buffer[i]!) ? 1 : 0))],
  }),
  broken('broken-cast', 'cast from float32 to an integer rounding instead of truncating', ['cast'], {
    cast: ([x], p, outs) => {
      const rounds = x!.dtype === 'float32' && (p.dtype === 'int32' || p.dtype === 'uint32');
      return cpu.cast([rounds ? { ...x!, buffer: mapBuffer(x!, Math.round) } : x!], p, outs);
    },
  }),
  broken(
    'broken-float64',
    'float32 arithmetic computed in float64 and never rounded to float32 (float64 buffers)',
    ['add', 'sub', 'mul', 'div'],
    {
      add: unrounded((a, b) => a + b, cpu.add),
      sub: unrounded((a, b) => a - b, cpu.sub),
      mul: unrounded((a, b) => a * b, cpu.mul),
      div: unrounded((a, b) => a / b, cpu.div),
    },
  ),
  broken(
    'broken-minimal-lt',
    'a decomposition-only backend whose lt is true for NaN, which gt (decomposed as lt(y, x)) inherits',
    ['lt', 'gt'],
    { lt: ([a, b]) => [Uint8Array.from(a!.buffer, (v, i) => (!(v >= b!.buffer[i]!) ? 1 : 0))] },
    ax.MINIMAL_PRIMITIVES,
  ),
];
