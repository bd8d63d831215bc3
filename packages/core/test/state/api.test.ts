import { describe, expect, test } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { f32, values } from '../helpers.js';

const arr = (x: unknown): ax.Array => x as ax.Array;
const f32Spec = (...shape: number[]): ax.ShapeDtype => new ax.ShapeDtype(shape, 'float32');

// abstractEval only: evaluating it on concrete arrays fails, so a spec that succeeds ran no kernel.
const noKernelP = ax.definePrimitive<Record<string, never>>({
  name: 'state_test_no_kernel',
  abstractEval: ([x]) => [new ax.ShapeDtype([...x!.shape, 2], 'int32')],
});
const noKernel = (x: ax.Array): ax.Array => ax.bind(noKernelP, [x], {})[0]!;

describe('spec (Oryx function_test FunctionSpecTest, registrations_test test_func)', () => {
  test('of the identity is the input spec, from a spec or from an array', () => {
    const id = (x: ax.Array): ax.Array => x;
    expect(ax.state.spec(id)(f32Spec(5))).toEqual(f32Spec(5));
    const out = ax.state.spec(id)(ax.ones([5]));
    expect(out).toBeInstanceOf(ax.ShapeDtype);
    expect(out).toEqual(f32Spec(5));
  });

  test('of a stateful function, whose variables depend on the input', () => {
    const f = (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array =>
      ax.matmul(x, ax.state.variable(ax.random.normal(initKey, [x.shape[0]!, 7]), { name: 'w' }));
    expect(ax.state.spec(f)(f32Spec(3))).toEqual(f32Spec(7));
  });

  test('of a function of several arguments returning a tree gives a tree of ShapeDtypes', () => {
    const f = (x: ax.Array, y: ax.Array): { s: ax.Array; c: ax.Array[] } => ({
      s: x.add(y),
      c: [ax.concatenate([x, x]), y.astype('int32')],
    });
    const out = ax.state.spec(f)(f32Spec(2), ax.zeros([2])) as { s: ax.ShapeDtype; c: ax.ShapeDtype[] };
    expect(out).toEqual({ s: f32Spec(2), c: [f32Spec(4), new ax.ShapeDtype([2], 'int32')] });
  });

  test('runs no kernel and leaves no buffer behind', () => {
    expect(() => noKernel(ax.ones([3]))).toThrow();
    const before = ax.memory().cpu?.buffers ?? 0;
    expect(ax.state.spec(noKernel)(f32Spec(3))).toEqual(new ax.ShapeDtype([3, 2], 'int32'));
    const stateful = (x: ax.Array, _: ax.state.InitKwargs): ax.Array =>
      noKernel(ax.state.variable(x, { name: 'v' }));
    expect(ax.state.spec(stateful)(f32Spec(4))).toEqual(new ax.ShapeDtype([4, 2], 'int32'));
    expect(ax.memory().cpu?.buffers ?? 0).toBe(before);
  });

  test('of a module is the spec of its call', () => {
    const f = (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array =>
      ax.matmul(x, ax.state.variable(ax.random.normal(initKey, [3, 2]), { name: 'w' }));
    const m = ax.state.init(f)(ax.random.key(0), ax.ones([3]));
    expect(ax.state.spec(m)(f32Spec(3))).toEqual(f32Spec(2));
  });

  test('of something that is not stateful names its kind', () => {
    expect(() => ax.state.spec(42)).toThrow('spec: not implemented for number');
    expect(() => ax.state.init(new Map())).toThrow('init: not implemented for Map');
  });
});

describe('arguments and keyword arguments', () => {
  const addW = (x: ax.Array, _: ax.state.InitKwargs): ax.Array =>
    x.add(ax.state.variable(ax.onesLike(x), { name: 'w' }));

  test('a module takes as many arguments as init was given, then an optional keyword object', () => {
    const m = ax.state.init(addW)(ax.random.key(0), f32(1));
    expect(values(arr(m.call(f32(1))))).toEqual([2]);
    expect(values(arr(m.call(f32(1), { training: true })))).toEqual([2]);
    expect(() => m.call()).toThrow(
      'FunctionModule takes 1 argument and an optional object of keyword arguments, got 0 values',
    );
    expect(() => m.call(f32(1), f32(2))).toThrow(
      'FunctionModule takes 1 argument and an optional object of keyword arguments, got 2 values',
    );
    expect(() => m.call(f32(1), {}, {})).toThrow('got 3 values');
  });

  test('a named module names itself in the arity error', () => {
    const two = (x: ax.Array, y: ax.Array): ax.Array => x.sub(y);
    const m = ax.state.init(two, { name: 'diff' })(ax.random.key(0), f32(1), f32(1));
    expect(values(arr(m.call(f32(5), f32(2))))).toEqual([3]);
    expect(() => m.call(f32(5))).toThrow('FunctionModule[diff] takes 2 arguments');
    expect(() => ax.state.call(m, f32(5))).toThrow('callAndUpdate takes 2 arguments');
  });

  test('a plain object as a positional argument is an argument, not keywords: the arity decides', () => {
    const f = (p: { a: ax.Array; b: ax.Array }, _: ax.state.InitKwargs): ax.Array =>
      p.a.mul(ax.state.variable(p.b, { name: 'b' }));
    const m = ax.state.init(f)(ax.random.key(0), { a: f32(2), b: f32(3) });
    expect(Object.keys(m.variables())).toEqual(['b']);
    expect(values(arr(m.call({ a: f32(5), b: f32(0) })))).toEqual([15]);
  });

  test('splitKwargs splits off a trailing plain object only when it is one past the arity', () => {
    const x = f32(1);
    const [args, kwargs] = ax.state.splitKwargs([x], 1, 'f');
    expect(args.length === 1 && args[0] === x).toBe(true);
    expect(kwargs).toEqual({});
    const [args2, kwargs2] = ax.state.splitKwargs([x, { training: false }], 1, 'f');
    expect(args2.length === 1 && args2[0] === x).toBe(true);
    expect(kwargs2).toEqual({ training: false });
    const positional = { a: 1 };
    const [args3, kwargs3] = ax.state.splitKwargs([positional], 1, 'f');
    expect(args3[0]).toBe(positional);
    expect(kwargs3).toEqual({});
    expect(() => ax.state.splitKwargs([x, x], 1, 'f')).toThrow('f takes 1 argument');
  });
});
