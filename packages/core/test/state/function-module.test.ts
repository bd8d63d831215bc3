import { describe, expect, test } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { f32, values } from '../helpers.js';

const arr = (x: unknown): ax.Array => x as ax.Array;
const vars = (m: ax.state.Module): Record<string, number[]> =>
  Object.fromEntries(Object.entries(m.variables()).map(([k, v]) => [k, values(arr(v))]));

/** Oryx's `f`: a variable `y` from zeros, assigned `y + 1`, the output `x + y + 1`. */
const counter = (x: ax.Array, _: ax.state.InitKwargs): ax.Array => {
  const y = ax.state.variable(ax.zerosLike(x), { name: 'y' });
  return x.add(ax.state.assign(y.add(1), { name: 'y' }));
};

describe('init of a function (Oryx function_test)', () => {
  test('a function that declares no variable gives a module with none, whose call is the function', () => {
    const f = (x: ax.Array): ax.Array => x.mul(2);
    const m = ax.state.init(f)(ax.random.key(0), f32(1, 2));
    expect(m).toBeInstanceOf(ax.state.FunctionModule);
    expect(m.variables()).toEqual({});
    expect(values(arr(m.call(f32(3, 4))))).toEqual([6, 8]);
    expect(m.update(f32(3, 4)).variables()).toEqual({});
  });

  test('a stateful function: its variables are what it declares, the call uses them, update keeps them', () => {
    const f = (x: ax.Array, _: ax.state.InitKwargs): ax.Array =>
      x.add(ax.state.variable(ax.onesLike(x), { name: 'y' }));
    const m = ax.state.init(f)(ax.random.key(0), f32(1));
    expect(vars(m)).toEqual({ y: [1] });
    expect(values(arr(m.call(f32(1))))).toEqual([2]);
    expect(vars(m.update(f32(1)))).toEqual({ y: [1] });
  });

  test('variables drawn from initKey are those the function draws from that key', () => {
    const f = (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array =>
      x.mul(ax.state.variable(ax.random.normal(initKey, x.shape), { name: 'w' }));
    const m = ax.state.init(f)(ax.random.key(3), ax.ones([4]));
    expect(values(arr(m.variables().w))).toEqual(values(ax.random.normal(ax.random.key(3), [4])));
  });

  test('with assign: update returns the assigned value, and call, update and callAndUpdate agree', () => {
    const m = ax.state.init(counter)(ax.random.key(0), f32(1));
    expect(vars(m)).toEqual({ y: [0] });
    expect(values(arr(m.call(f32(1))))).toEqual([2]);
    expect(vars(m.update(f32(1)))).toEqual({ y: [1] });
    const [out, next] = m.callAndUpdate(f32(1));
    expect(values(arr(out))).toEqual([2]);
    expect(vars(next)).toEqual({ y: [1] });
    // The state moves on: a second update from the updated module counts to 2.
    expect(vars(next.update(f32(1)))).toEqual({ y: [2] });
    expect(values(arr(next.call(f32(1))))).toEqual([3]);
  });

  test('the free functions call, update and callAndUpdate dispatch to the module', () => {
    const m = ax.state.init(counter)(ax.random.key(0), f32(1));
    expect(values(arr(ax.state.call(m, f32(5))))).toEqual([6]);
    expect(vars(ax.state.update(m, f32(5)) as ax.state.Module)).toEqual({ y: [1] });
    const [out, next] = ax.state.callAndUpdate(m, f32(5));
    expect(values(arr(out))).toEqual([6]);
    expect(vars(next as ax.state.Module)).toEqual({ y: [1] });
  });

  test('a variable whose update is only used through the assign, not the output (Oryx: tied-in assign)', () => {
    const f = (x: ax.Array, _: ax.state.InitKwargs): ax.Array => {
      const y = ax.state.variable(ax.zerosLike(x), { name: 'y' });
      ax.state.assign(y.add(1), { name: 'y' });
      return x.add(y);
    };
    const m = ax.state.init(f)(ax.random.key(0), f32(1));
    expect(values(arr(m.call(f32(1))))).toEqual([1]);
    expect(vars(m.update(f32(1)))).toEqual({ y: [1] });
  });

  test('a stateful function called by another keeps its variables flat (Oryx: composed stateful functions)', () => {
    const g = (x: ax.Array, kw: ax.state.InitKwargs): ax.Array => counter(x, kw);
    const m = ax.state.init(g)(ax.random.key(0), f32(1));
    expect(vars(m)).toEqual({ y: [0] });
    expect(vars(m.update(f32(1)))).toEqual({ y: [1] });
  });
});

describe('init errors', () => {
  test('assigning a name that was never declared raises Oryx’s error, at init', () => {
    const f = (x: ax.Array, _: ax.state.InitKwargs): ax.Array => {
      const y = ax.state.variable(ax.zerosLike(x), { name: 'y' });
      return x.add(ax.state.assign(y.add(1), { name: 'z' }));
    };
    expect(() => ax.state.init(f)(ax.random.key(0), f32(1))).toThrow('No variable declared for assign: z');
  });

  test('a module that assigns state its caller never declared raises it when the caller is initialised', () => {
    const inner = ax.state.init(counter)(ax.random.key(0), f32(1));
    // `outer` runs a module made elsewhere: run assigns `y`, which `outer` does not declare.
    const outer = (x: ax.Array, _: ax.state.InitKwargs): ax.Array => inner.run(x) as ax.Array;
    expect(() => ax.state.init(outer)(ax.random.key(0), f32(1))).toThrow(
      'No variable declared for assign: y',
    );
  });

  test('declaring one variable name twice is an error (variable is strict)', () => {
    const f = (x: ax.Array, _: ax.state.InitKwargs): ax.Array => {
      ax.state.variable(x, { name: 'w' });
      return ax.state.variable(x.add(1), { name: 'w' });
    };
    expect(() => ax.state.init(f)(ax.random.key(0), f32(1))).toThrow('Variable has already been reaped: w');
  });

  test('init without a key says one is required', () => {
    const init = ax.state.init(counter) as (...a: unknown[]) => unknown;
    expect(() => init(undefined, f32(1))).toThrow('init: an init key is required');
  });

  test('a module is not initialised again, and a function is not called before init', () => {
    const m = ax.state.init(counter)(ax.random.key(0), f32(1));
    expect(() => ax.state.init(m)(ax.random.key(0), f32(1))).toThrow('is already a module');
    expect(() => ax.state.call(counter, f32(1))).toThrow('counter is not initialised');
  });

  test('a call with arguments of another structure than init’s is an error naming both', () => {
    const m = ax.state.init(counter)(ax.random.key(0), f32(1));
    expect(() => m.call([f32(1), f32(2)])).toThrow(
      /FunctionModule: called with .* but it was initialised with/,
    );
  });
});

describe('the staged call-and-update program', () => {
  const normalInit = (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array =>
    x.mul(ax.state.variable(ax.random.normal(initKey, x.shape), { name: 'w' }));

  test('keeps no initialiser code: the random draw that made w is gone', () => {
    // The function itself does draw random bits, so the check below could fail.
    const whole = ax.makeIR((x: ax.Array, k: ax.Array) => normalInit(x, { initKey: k }))(
      ax.ones([3]),
      ax.random.key(0),
    );
    expect(whole.toString()).toContain('threefry2x32');
    const m = ax.state.init(normalInit)(ax.random.key(0), ax.ones([3]));
    const text = m.program.ir.toString();
    expect(text).not.toContain('threefry2x32');
    expect(text).toContain('mul');
  });

  test('has the arity of the arguments init was given', () => {
    const two = (x: ax.Array, y: ax.Array): ax.Array => x.add(y);
    expect(ax.state.init(two)(ax.random.key(0), f32(1), f32(2)).arity).toBe(2);
    expect(ax.state.init(normalInit)(ax.random.key(0), ax.ones([3])).arity).toBe(1);
  });

  test('modules of one function are one pytree structure; of different functions, two', () => {
    const a = ax.state.init(normalInit)(ax.random.key(0), ax.ones([3]));
    const b = ax.state.init(normalInit)(ax.random.key(1), ax.ones([3]));
    expect(ax.tree.flatten(a)[1].equals(ax.tree.flatten(b)[1])).toBe(true);
    const sum = ax.tree.map((u, v) => (u as ax.Array).add(v as ax.Array), a, b) as ax.state.FunctionModule;
    expect(values(arr(sum.variables().w))).toEqual(values(arr(a.variables().w).add(arr(b.variables().w))));
    const other = (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array =>
      x.add(ax.state.variable(ax.random.normal(initKey, x.shape), { name: 'w' }));
    const c = ax.state.init(other)(ax.random.key(0), ax.ones([3]));
    expect(ax.tree.flatten(a)[1].equals(ax.tree.flatten(c)[1])).toBe(false);
  });
});

describe('init on specs (Oryx registrations_test test_func)', () => {
  test('a function can be initialised on ShapeDtypes, which stand in as arrays of ones', () => {
    const spec = new ax.ShapeDtype([], 'float32');
    const id = ax.state.init((x: ax.Array) => x)(ax.random.key(0), spec);
    expect(values(arr(id.call(ax.scalar(1))))).toEqual([1]);
    const m = ax.state.init(counter)(ax.random.key(0), new ax.ShapeDtype([2], 'float32'));
    expect(vars(m)).toEqual({ y: [0, 0] });
    expect(values(arr(m.call(f32(1, 2))))).toEqual([2, 3]);
  });
});
