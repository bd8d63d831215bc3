import { describe, expect, test } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { f32, values } from '../helpers.js';

const arr = (x: unknown): ax.Array => x as ax.Array;
const scalarSpec = new ax.ShapeDtype([], 'float32');
const id = (x: ax.Array): ax.Array => x;

/** Draws w from the init key, of the input's shape. */
const scale = (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array =>
  x.mul(ax.state.variable(ax.random.normal(initKey, x.shape), { name: 'w' }));

/** A dense map to `n` outputs: its kernel's shape follows its input. */
const dense =
  (n: number) =>
  (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array =>
    ax.matmul(x, ax.state.variable(ax.random.normal(initKey, [x.shape[0]!, n]), { name: 'k' }));

const wOf = (m: unknown): number[] => values(arr((m as ax.state.FunctionModule).variables().w));

describe('tuples fan out (Oryx registrations_test)', () => {
  test('spec is a list of specs, call a list of outputs, each element on the same arguments', () => {
    const t = ax.state.tuple(
      id,
      (x: ax.Array) => x.add(1),
      (x: ax.Array) => x.add(2),
    );
    expect(ax.state.spec(t)(scalarSpec)).toEqual([scalarSpec, scalarSpec, scalarSpec]);
    const m = ax.state.init(t)(ax.random.key(0), scalarSpec);
    expect(m).toBeInstanceOf(ax.state.Tuple);
    const out = ax.state.call(m, ax.scalar(1)) as ax.Array[];
    expect(out.map((y) => values(y)[0])).toEqual([1, 2, 3]);
  });

  test('each element is initialised with row i of split(key, n)', () => {
    const key = ax.random.key(7);
    const m = ax.state.init(ax.state.tuple(scale, scale, scale))(key, ax.ones([4])) as ax.state.Tuple;
    const keys = ax.random.unstackKeys(ax.random.split(key, 3));
    m.items.forEach((item, i) => {
      expect(wOf(item)).toEqual(wOf(ax.state.init(scale)(keys[i]!, ax.ones([4]))));
    });
    expect(wOf(m.items[0])).not.toEqual(wOf(m.items[1]));
  });

  test('a named tuple names its elements NAME_i, and inside a stateful function declares them so', () => {
    const named = ax.state.init(ax.state.tuple(scale, scale), { name: 'heads' })(ax.random.key(0), f32(1, 2));
    expect((named as ax.state.Tuple<ax.state.Module>).items.map((m) => m.name)).toEqual([
      'heads_0',
      'heads_1',
    ]);
    const outer = (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array => {
      const heads = ax.state.init(ax.state.tuple(scale, scale), { name: 'heads' })(
        initKey,
        x,
      ) as ax.state.Tuple<ax.state.Module>;
      const [a, b] = heads.items.map((h) => arr(h.run(x)));
      return a!.add(b!);
    };
    const m = ax.state.init(outer)(ax.random.key(0), f32(1, 2));
    expect(Object.keys(m.variables()).sort()).toEqual(['heads_0', 'heads_1']);
    const x = f32(3, 4);
    const [w0, w1] = [wOf(m.variables().heads_0), wOf(m.variables().heads_1)];
    expect(values(arr(m.call(x)))).toEqual(values(x.mul(f32(...w0)).add(x.mul(f32(...w1)))));
  });

  test('call and update of a tuple of modules return a list of outputs and a tuple of modules', () => {
    const m = ax.state.init(ax.state.tuple(scale, scale))(ax.random.key(0), ax.ones([2]));
    const [outs, next] = ax.state.callAndUpdate(m, ax.ones([2]));
    expect((outs as ax.Array[]).map((y) => values(y))).toEqual([
      wOf((m as ax.state.Tuple).items[0]),
      wOf((m as ax.state.Tuple).items[1]),
    ]);
    expect(next).toBeInstanceOf(ax.state.Tuple);
    expect(ax.tree.flatten(next)[1].equals(ax.tree.flatten(m)[1])).toBe(true);
  });

  test('an empty tuple is an error', () => {
    expect(() =>
      ax.state.init(ax.state.tuple())(ax.random.key(0), new ax.ShapeDtype([50], 'float32')),
    ).toThrow('Cannot init an empty tuple');
    expect(() => ax.state.spec(ax.state.tuple())(scalarSpec)).toThrow('Cannot spec an empty tuple');
    expect(() => ax.state.call(ax.state.tuple(), ax.scalar(1))).toThrow('Cannot call an empty tuple');
  });
});

describe('lists compose (Oryx registrations_test)', () => {
  test('spec is the last element’s, call threads each output into the next', () => {
    const inc = (x: ax.Array): ax.Array => x.add(1);
    expect(ax.state.spec([inc, inc, inc])(scalarSpec)).toEqual(scalarSpec);
    const m = ax.state.init([inc, inc, inc])(ax.random.key(0), scalarSpec);
    expect(globalThis.Array.isArray(m)).toBe(true);
    expect(values(arr(ax.state.call(m, ax.scalar(1))))).toEqual([4]);
  });

  test('a list output is the next element’s arguments (Oryx: list with multiple args)', () => {
    const f1 = (x: ax.Array): ax.Array[] => [x, x.add(1)];
    const f2 = (x: ax.Array, y: ax.Array): ax.Array[] => [y, x.add(1)];
    const f3 = (x: ax.Array, y: ax.Array): ax.Array[] => [x.add(1), y.add(2), x.add(y)];
    expect(ax.state.spec([f1, f2, f3])(scalarSpec)).toEqual([scalarSpec, scalarSpec, scalarSpec]);
    const m = ax.state.init([f1, f2, f3])(ax.random.key(0), scalarSpec);
    expect((ax.state.call(m, ax.scalar(1)) as ax.Array[]).map((y) => values(y)[0])).toEqual([3, 4, 4]);
  });

  test('each element is initialised on the previous one’s output spec, with row i of split(key, n)', () => {
    const key = ax.random.key(3);
    const m = ax.state.init([dense(4), dense(2)])(key, ax.ones([3])) as ax.state.FunctionModule[];
    const kOf = (i: number): ax.Array => arr(m[i]!.variables().k);
    expect(kOf(0).shape).toEqual([3, 4]);
    expect(kOf(1).shape).toEqual([4, 2]);
    const keys = ax.random.unstackKeys(ax.random.split(key, 2));
    expect(values(kOf(0))).toEqual(values(ax.random.normal(keys[0]!, [3, 4])));
    expect(values(kOf(1))).toEqual(values(ax.random.normal(keys[1]!, [4, 2])));
    const x = ax.array([1, -1, 2]);
    expect(values(arr(ax.state.call(m, x)))).toEqual(values(ax.matmul(ax.matmul(x, kOf(0)), kOf(1))));
  });

  test('update returns the list of updated modules', () => {
    const count = (x: ax.Array, _: ax.state.InitKwargs): ax.Array => {
      const n = ax.state.variable(ax.zeros([]), { name: 'n' });
      ax.state.assign(n.add(1), { name: 'n' });
      return x;
    };
    const m = ax.state.init([count, count])(ax.random.key(0), f32(1));
    const next = ax.state.update(m, f32(1)) as ax.state.FunctionModule[];
    expect(next.map((mod) => values(arr(mod.variables().n))[0])).toEqual([1, 1]);
  });
});
