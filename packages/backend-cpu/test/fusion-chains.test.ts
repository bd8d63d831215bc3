import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { storedBytes } from './helpers.js';

// Random programs of elementwise chains, broadcasts of every layout, iota, reshapes, integer
// round trips and reductions (which split fragments) on float32 values over the whole range
// (NaN, ±0, ±Infinity, subnormals included): jit's fused loops must store exactly the bytes the
// kernels store when the same program runs eagerly. 80 programs of up to 14 instructions.

const { lax } = ax;
const UNARY = [
  'neg',
  'abs',
  'sign',
  'exp',
  'log',
  'sin',
  'tanh',
  'logistic',
  'sqrt',
  'floor',
  'erf',
] as const;
const BINARY = ['add', 'sub', 'mul', 'div', 'max', 'min', 'pow', 'atan2', 'rem'] as const;
const COMPARE = ['lt', 'eq', 'ge', 'ne'] as const;
const INTEGER = ['add', 'mul', 'xor', 'shiftRightArithmetic'] as const;

type Instr =
  | { kind: 'unary'; op: (typeof UNARY)[number]; a: number }
  | { kind: 'binary'; op: (typeof BINARY)[number]; a: number; b: number }
  | { kind: 'select'; cmp: (typeof COMPARE)[number]; a: number; b: number; c: number; d: number }
  | { kind: 'broadcast'; op: (typeof BINARY)[number]; a: number; operand: number }
  | { kind: 'integer'; op: (typeof INTEGER)[number]; a: number; b: number }
  | { kind: 'iota'; a: number; dimension: number }
  | { kind: 'reshape'; a: number }
  | { kind: 'reduce'; a: number; axis: number };

const index = fc.nat(1000);
const instr: fc.Arbitrary<Instr> = fc.oneof(
  fc.record({ kind: fc.constant('unary' as const), op: fc.constantFrom(...UNARY), a: index }),
  fc.record({ kind: fc.constant('binary' as const), op: fc.constantFrom(...BINARY), a: index, b: index }),
  fc.record({
    kind: fc.constant('select' as const),
    cmp: fc.constantFrom(...COMPARE),
    a: index,
    b: index,
    c: index,
    d: index,
  }),
  fc.record({
    kind: fc.constant('broadcast' as const),
    op: fc.constantFrom(...BINARY),
    a: index,
    operand: fc.nat(1),
  }),
  fc.record({ kind: fc.constant('integer' as const), op: fc.constantFrom(...INTEGER), a: index, b: index }),
  fc.record({ kind: fc.constant('iota' as const), a: index, dimension: fc.nat(2) }),
  fc.record({ kind: fc.constant('reshape' as const), a: index }),
  fc.record({ kind: fc.constant('reduce' as const), a: index, axis: fc.nat(2) }),
);

/** A broadcast operand's layout: per axis of the 3-D shape, left out, kept with size 1, or kept. */
const layout = fc.tuple(...[0, 1, 2].map(() => fc.constantFrom('out', 'one', 'full')));
type Layout = ('out' | 'one' | 'full')[];

function operandShape(shape: readonly number[], l: Layout): { shape: number[]; dims: number[] } {
  const dims = [0, 1, 2].filter((d) => l[d] !== 'out');
  return { shape: dims.map((d) => (l[d] === 'one' ? 1 : shape[d]!)), dims };
}

/** The program: `xs` (two of the shape), `flat` (its size, 1-D) and two broadcast operands in. */
function program(shape: readonly number[], layouts: readonly Layout[], instrs: readonly Instr[]) {
  return (x0: ax.Array, x1: ax.Array, flat: ax.Array, b0: ax.Array, b1: ax.Array): ax.Array[] => {
    const vals = [x0, x1];
    const at = (i: number): ax.Array => vals[i % vals.length]!;
    const toInt = (x: ax.Array): ax.Array => lax.cast(x, 'int32');
    for (const s of instrs) {
      switch (s.kind) {
        case 'unary':
          vals.push(lax[s.op](at(s.a)));
          break;
        case 'binary':
          vals.push(lax[s.op](at(s.a), at(s.b)));
          break;
        case 'select':
          vals.push(lax.select(lax[s.cmp](at(s.a), at(s.b)), at(s.c), at(s.d)));
          break;
        case 'broadcast': {
          const { dims } = operandShape(shape, layouts[s.operand]!);
          vals.push(lax[s.op](at(s.a), lax.broadcastInDim([b0, b1][s.operand]!, shape, dims)));
          break;
        }
        case 'integer':
          vals.push(lax.cast(lax[s.op](toInt(at(s.a)), toInt(at(s.b))), 'float32'));
          break;
        case 'iota':
          vals.push(lax.add(at(s.a), lax.cast(lax.iota('int32', shape, s.dimension), 'float32')));
          break;
        case 'reshape':
          vals.push(lax.mul(at(s.a), lax.reshape(flat, shape)));
          break;
        case 'reduce': {
          const kept = [0, 1, 2].filter((d) => d !== s.axis);
          vals.push(lax.broadcastInDim(lax.reduceMax(at(s.a), [s.axis]), shape, kept));
        }
      }
    }
    return [vals.at(-1)!, at(instrs.length * 7 + 3)];
  };
}

const floats = (n: number): fc.Arbitrary<number[]> => fc.array(fc.float(), { minLength: n, maxLength: n });

describe('cpu fusion on random programs', () => {
  it('jit (fused) stores the same bytes as eager evaluation (kernels)', () => {
    const dim = fc.integer({ min: 1, max: 4 });
    const setup = fc
      .record({ shape: fc.tuple(dim, dim, dim), layouts: fc.tuple(layout, layout) })
      .chain(({ shape, layouts }) => {
        const size = shape[0] * shape[1] * shape[2];
        const sizes = layouts.map((l) => operandShape(shape, l).shape.reduce((a, b) => a * b, 1));
        return fc.record({
          shape: fc.constant(shape),
          layouts: fc.constant(layouts),
          data: fc.tuple(floats(size), floats(size), floats(size), floats(sizes[0]!), floats(sizes[1]!)),
          instrs: fc.array(instr, { minLength: 1, maxLength: 14 }),
        });
      });
    fc.assert(
      fc.property(setup, ({ shape, layouts, data, instrs }) => {
        ax.tidy(() => {
          const shapes = [
            shape,
            shape,
            [shape[0] * shape[1] * shape[2]],
            ...layouts.map((l) => operandShape(shape, l).shape),
          ];
          const args = data.map((d, i) => ax.fromTyped(new Float32Array(d), shapes[i]!)) as [
            ax.Array,
            ax.Array,
            ax.Array,
            ax.Array,
            ax.Array,
          ];
          const f = program(shape, layouts as Layout[], instrs);
          const fused = ax.jit(f)(...args);
          const eager = f(...args);
          fused.forEach((y, k) =>
            expect(storedBytes(y.dataSync()), `output ${k}`).toEqual(storedBytes(eager[k]!.dataSync())),
          );
        });
      }),
      { numRuns: 80 },
    );
  });
});
