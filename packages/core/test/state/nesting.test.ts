import { describe, expect, test } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { f32, values } from '../helpers.js';

const arr = (x: unknown): ax.Array => x as ax.Array;

/** Oryx's `f`: a variable `y` from zeros, assigned `y + 1`; the output is `x + y` (the old value). */
const counter = (x: ax.Array, _: ax.state.InitKwargs): ax.Array => {
  const y = ax.state.variable(ax.zerosLike(x), { name: 'y' });
  ax.state.assign(y.add(1), { name: 'y' });
  return x.add(y);
};

/** Draws w from the init key, so nesting can be checked against the key it was given. */
const scale = (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array =>
  x.mul(ax.state.variable(ax.random.uniform(initKey, x.shape), { name: 'w' }));

describe('a module run inside another stateful function (Oryx: nested init)', () => {
  test('unnamed: its variables are flattened into the outer module, and its assigns update them', () => {
    const g = (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array =>
      arr(ax.state.init(counter)(initKey, x).run(x));
    const m = ax.state.init(g)(ax.random.key(0), f32(1));
    expect(Object.keys(m.variables())).toEqual(['y']);
    expect(values(arr(m.variables().y))).toEqual([0]);
    expect(values(arr(m.call(f32(1))))).toEqual([1]);
    const next = m.update(f32(1));
    expect(values(arr(next.variables().y))).toEqual([1]);
    expect(values(arr(next.update(f32(1)).variables().y))).toEqual([2]);
    expect(values(arr(next.call(f32(1))))).toEqual([2]);
  });

  test('named: the inner module is one variable of that name, updated by its assigns', () => {
    const g = (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array =>
      arr(ax.state.init(counter, { name: 'f' })(initKey, x).run(x));
    const m = ax.state.init(g)(ax.random.key(0), f32(1));
    expect(Object.keys(m.variables())).toEqual(['f']);
    const inner = m.variables().f as ax.state.FunctionModule;
    expect(inner).toBeInstanceOf(ax.state.FunctionModule);
    expect(inner.name).toBe('f');
    expect(values(arr(inner.variables().y))).toEqual([0]);
    expect(values(arr(m.call(f32(1))))).toEqual([1]);
    const next = m.update(f32(1)).variables().f as ax.state.FunctionModule;
    expect(values(arr(next.variables().y))).toEqual([1]);
  });

  test('two named inner modules keep their own variables; the init key reaches each as given', () => {
    const g = (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array => {
      const [k1, k2] = ax.random.unstackKeys(ax.random.split(initKey)) as [ax.Array, ax.Array];
      const a = ax.state.init(scale, { name: 'a' })(k1, x);
      const b = ax.state.init(scale, { name: 'b' })(k2, x);
      return arr(b.run(arr(a.run(x))));
    };
    const key = ax.random.key(4);
    const m = ax.state.init(g)(key, ax.ones([3]));
    expect(Object.keys(m.variables()).sort()).toEqual(['a', 'b']);
    const [k1, k2] = ax.random.unstackKeys(ax.random.split(key)) as [ax.Array, ax.Array];
    const wOf = (name: string): number[] =>
      values(arr((m.variables()[name] as ax.state.FunctionModule).variables().w));
    expect(wOf('a')).toEqual(values(ax.random.uniform(k1, [3])));
    expect(wOf('b')).toEqual(values(ax.random.uniform(k2, [3])));
    const x = ax.array([1, 2, 3]);
    const expected = x.mul(ax.random.uniform(k1, [3])).mul(ax.random.uniform(k2, [3]));
    expect(values(arr(m.call(x)))).toEqual(values(expected));
  });

  test('unnamed inner modules with the same variable names collide, as strict variables do', () => {
    const g = (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array =>
      arr(
        ax.state
          .init(scale)(initKey, arr(ax.state.init(scale)(initKey, x).run(x)))
          .run(x),
      );
    expect(() => ax.state.init(g)(ax.random.key(0), f32(1))).toThrow('Variable has already been reaped: w');
  });

  test('a named module without variables runs inside a stateful function and adds no variable', () => {
    const double = (x: ax.Array): ax.Array => x.mul(2);
    const g = (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array =>
      arr(ax.state.init(double, { name: 'd' })(initKey, x).run(x));
    const m = ax.state.init(g)(ax.random.key(0), f32(1));
    expect(m.variables()).toEqual({});
    expect(values(arr(m.call(f32(4))))).toEqual([8]);
  });

  test('outside a stateful function, run is call: the assign goes nowhere', () => {
    const m = ax.state.init(counter, { name: 'c' })(ax.random.key(0), f32(1));
    expect(values(arr(m.run(f32(5))))).toEqual([5]);
    expect(values(arr(m.variables().y))).toEqual([0]);
  });
});
