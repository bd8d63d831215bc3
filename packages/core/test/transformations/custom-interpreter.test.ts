/**
 * Two interpreters written against the public API only, as a user would: both count the flops of
 * dotGeneral (2 per multiply-add). One is a dynamic level without tracers, the other carries
 * tracers and sees only the values that depend on its inputs.
 */
import { describe, expect, test } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { values } from '../helpers.js';
import { expectClose } from '../laws.js';

interface Counter {
  flops: number;
}

function dotFlops(prim: ax.Primitive<unknown>, operands: readonly ax.Array[], params: unknown): number {
  if (prim.name !== 'dotGeneral') return 0;
  const { contractingDims, batchDims } = params as ax.DotGeneralParams;
  const [lhs, rhs] = operands as [ax.Array, ax.Array];
  const size = (x: ax.Array, skip: readonly number[]): number =>
    x.shape.filter((_, i) => !skip.includes(i)).reduce((a, b) => a * b, 1);
  const batch = batchDims[0].reduce((n, a) => n * lhs.shape[a]!, 1);
  const contracted = contractingDims[0].reduce((n, a) => n * lhs.shape[a]!, 1);
  const free =
    size(lhs, [...contractingDims[0], ...batchDims[0]]) * size(rhs, [...contractingDims[1], ...batchDims[1]]);
  return 2 * batch * free * contracted;
}

/** A dynamic level: every primitive bound inside passes through, then goes to the levels below. */
class FlopTrace extends ax.Trace {
  override pure(value: ax.Array): ax.Array {
    return value;
  }

  override processPrimitive<P>(prim: ax.Primitive<P>, operands: readonly ax.Array[], params: P): ax.Array[] {
    (this.main.globalData as Counter).flops += dotFlops(prim as ax.Primitive<unknown>, operands, params);
    return ax.withDynamicBelow(this.main, () => ax.bind(prim, operands, params));
  }
}

function countFlops<A extends unknown[], R>(f: (...args: A) => R): (...args: A) => [R, number] {
  return (...args) => {
    const counter: Counter = { flops: 0 };
    const out = ax.withMainTrace(FlopTrace, counter, () => f(...args), { dynamic: true });
    return [out, counter.flops];
  };
}

/** A value that depends on the inputs of {@link countDependentFlops}. */
class DependentTracer extends ax.Tracer {
  constructor(
    readonly trace: DependentTrace,
    readonly value: ax.Array,
  ) {
    super();
  }

  get aval(): ax.ShapeDtype {
    return this.value.aval;
  }

  override heldValues(): readonly ax.Array[] {
    return [this.value];
  }
}

/** Not dynamic: only primitives with one of its tracers among their operands reach it. */
class DependentTrace extends ax.Trace {
  override pure(value: ax.Array): ax.Array {
    return new DependentTracer(this, value);
  }

  override processPrimitive<P>(prim: ax.Primitive<P>, operands: readonly ax.Array[], params: P): ax.Array[] {
    const values = operands.map((x) => (x as DependentTracer).value);
    (this.main.globalData as Counter).flops += dotFlops(prim as ax.Primitive<unknown>, values, params);
    return ax.bind(prim, values, params).map((y) => new DependentTracer(this, y));
  }
}

function countDependentFlops(f: (x: ax.Array) => ax.Array): (x: ax.Array) => [ax.Array, number] {
  return (x) => {
    const counter: Counter = { flops: 0 };
    const out = ax.withMainTrace(DependentTrace, counter, (main: ax.MainTrace) => {
      const trace = new DependentTrace(main);
      const y = f(new DependentTracer(trace, x));
      return (ax.fullRaise(trace, y) as DependentTracer).value;
    });
    return [out, counter.flops];
  };
}

// x [4, 3] @ w [3, 5]: 2*4*3*5 = 120 flops; the constant product ones [2, 2] @ ones [2, 2]: 16.
const w = ax.arange(15, undefined, undefined, 'float32').reshape([3, 5]).div(10);
const f = (x: ax.Array): ax.Array =>
  ax
    .matmul(x, w)
    .sum()
    .mul(ax.matmul(ax.ones([2, 2]), ax.ones([2, 2])).sum());
const x = ax.ones([4, 3]);

describe('a user-written flop-counting interpreter', () => {
  test('counts every dotGeneral, including one of constants, and leaves the result unchanged', () => {
    const [out, flops] = countFlops(f)(x);
    expectClose(out, f(x), { rtol: 0, atol: 0 }, 'countFlops(f) == f');
    expect(flops).toBe(120 + 16);
  });

  test('a tracer-carrying interpreter sees only the products that depend on its input', () => {
    const [out, flops] = countDependentFlops(f)(x);
    expectClose(out, f(x), { rtol: 0, atol: 0 }, 'countDependentFlops(f) == f');
    expect(flops).toBe(120);
  });

  test('composes with the built-in transformations in either order', () => {
    // Under vmap over 6 examples the batched product does 6 times the work; inside vmap the
    // counter sees one example's shapes.
    const xs = ax.ones([6, 4, 3]);
    expect(countFlops(ax.vmap(f))(xs)[1]).toBe(6 * 120 + 16);
    expect(values(ax.vmap(countFlops(f))(xs)[0])).toHaveLength(6);
    // grad: the forward product, and one product for x's cotangent (w's is not asked for).
    expect(countFlops(ax.grad(f))(x)[1]).toBe(120 + 16 + 120);
    // jit inlines under the counter; a counter inside jit counts while tracing, and its count, a
    // JS number, comes out of the compiled function as a scalar array.
    expect(countFlops(ax.jit(f))(x)[1]).toBe(136);
    const [jitted, jitFlops] = ax.jit(countFlops(f))(x) as unknown as [ax.Array, ax.Array];
    expectClose(jitted, f(x), { rtol: 1e-6, atol: 0 }, 'jit(countFlops(f)) == f');
    expect(values(jitFlops)).toEqual([136]);
  });
});
