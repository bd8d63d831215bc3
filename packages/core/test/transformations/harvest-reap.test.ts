import { describe, expect, test } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { f32, values } from '../helpers.js';

const T = { tag: 'inter' } as const;
const sowAs = (x: ax.Array, name: string, mode?: ax.SowMode): ax.Array => ax.sow(x, { ...T, name, mode });
const arr = (x: unknown): ax.Array => x as ax.Array;

describe('sow outside a harvest', () => {
  test('returns its value itself, array or pytree', () => {
    const x = f32(1, 2);
    expect(ax.sow(x, { ...T, name: 'x' })).toBe(x);
    const tree = { a: x, b: [f32(3)] };
    const out = ax.sow(tree, { ...T, name: 't' });
    expect(out.a).toBe(x);
    expect(out.b[0]).toBe(tree.b[0]);
  });

  test('is staged under jit and changes nothing there', () => {
    const f = (x: ax.Array): ax.Array => sowAs(x.mul(2), 'y').add(1);
    expect(ax.makeIR(f)(f32(1)).toString()).toContain('sow[tag=inter name=y mode=strict scope=[] tree=*]');
    expect(values(ax.jit(f)(f32(1, 2)))).toEqual([3, 5]);
  });

  test('rejects a bad mode, name or tag, naming it', () => {
    const x = f32(1);
    expect(() => ax.sow(x, { ...T, name: 'y', mode: 'keep' as ax.SowMode })).toThrow(
      "sow 'y': mode must be one of strict, clobber, append, got 'keep'",
    );
    expect(() => ax.sow(x, { ...T, name: '' })).toThrow('sow: name must be a non-empty string');
    expect(() => ax.sow(x, { tag: '', name: 'y' })).toThrow('sow: tag must be a non-empty string');
  });
});

describe('reap modes', () => {
  test('strict reaps each name once, with the output unchanged', () => {
    const f = (x: ax.Array): ax.Array => sowAs(sowAs(x.add(1), 'y').mul(3), 'z').sub(1);
    const [out, reaped] = ax.reap(f, T)(f32(1, 2));
    expect(values(out)).toEqual([5, 8]);
    expect(Object.keys(reaped).sort()).toEqual(['y', 'z']);
    expect(values(arr(reaped.y))).toEqual([2, 3]);
    expect(values(arr(reaped.z))).toEqual([6, 9]);
  });

  test('a strict name sown twice raises exactly Oryx’s error', () => {
    const f = (x: ax.Array): ax.Array => sowAs(sowAs(x, 'y'), 'y');
    expect(() => ax.reap(f, T)(f32(1))).toThrow(/^Variable has already been reaped: y$/);
  });

  test('clobber keeps the last value sown', () => {
    const f = (x: ax.Array): ax.Array => {
      sowAs(x, 'y', 'clobber');
      sowAs(x.mul(10), 'y', 'clobber');
      return x;
    };
    expect(values(arr(ax.reap(f, T)(f32(1, 2))[1].y))).toEqual([10, 20]);
  });

  test('append stacks every value along a new leading axis, in order', () => {
    const f = (x: ax.Array): ax.Array => {
      for (let i = 1; i <= 3; i++) sowAs(x.mul(i), 'ys', 'append');
      return x;
    };
    const ys = arr(ax.reap(f, T)(f32(1, 2))[1].ys);
    expect(ys.shape).toEqual([3, 2]);
    expect(values(ys)).toEqual([1, 2, 2, 4, 3, 6]);
    const once = arr(ax.reap((x: ax.Array) => sowAs(x, 'y', 'append'), T)(f32(7))[1].y);
    expect(once.shape).toEqual([1, 1]);
  });

  test('append stacks pytree values leaf by leaf', () => {
    const f = (x: ax.Array): ax.Array => {
      ax.sow({ a: x, b: x.sum() }, { ...T, name: 'p', mode: 'append' });
      ax.sow({ a: x.neg(), b: x.sum().neg() }, { ...T, name: 'p', mode: 'append' });
      return x;
    };
    const p = ax.reap(f, T)(f32(1, 2))[1].p as { a: ax.Array; b: ax.Array };
    expect(p.a.shape).toEqual([2, 2]);
    expect(values(p.a)).toEqual([1, 2, -1, -2]);
    expect(values(p.b)).toEqual([3, -3]);
  });

  test('append values that disagree in shape are an error naming both', () => {
    const f = (x: ax.Array): ax.Array => {
      sowAs(x, 'ys', 'append');
      return sowAs(x.sum(), 'ys', 'append');
    };
    expect(() => ax.reap(f, T)(f32(1, 2))).toThrow(
      "reap: the append-mode sows of 'ys' must agree in structure, shape and dtype, got * (float32[2]) then * (float32[])",
    );
  });

  test('one name sown in two modes is an error naming both modes', () => {
    const f = (x: ax.Array): ax.Array => sowAs(sowAs(x, 'y', 'clobber'), 'y', 'append');
    expect(() => ax.reap(f, T)(f32(1))).toThrow(
      "Variable has already been reaped: y (sown in mode 'clobber', then 'append')",
    );
  });

  test('a value that depends on no input is still reaped (the harvest is a dynamic level)', () => {
    const f = (x: ax.Array): ax.Array => x.add(sowAs(ax.zeros([3]), 'z'));
    const [, eager] = ax.reap(f, T)(f32(1, 2, 3));
    expect(values(arr(eager.z))).toEqual([0, 0, 0]);
    const [, jitted] = ax.jit(ax.reap(f, T))(f32(1, 2, 3));
    expect(values(arr(jitted.z))).toEqual([0, 0, 0]);
  });
});

describe('reap filters', () => {
  const f = (x: ax.Array): ax.Array => {
    sowAs(x, 'a');
    sowAs(x.mul(2), 'b');
    ax.sow(x.mul(3), { tag: 'other', name: 'c' });
    return x;
  };

  test('only the tag asked for is reaped', () => {
    expect(Object.keys(ax.reap(f, T)(f32(1))[1]).sort()).toEqual(['a', 'b']);
    expect(values(arr(ax.reap(f, { tag: 'other' })(f32(1))[1].c))).toEqual([3]);
  });

  test('allowlist reaps only the names listed, blocklist all but those', () => {
    expect(Object.keys(ax.reap(f, { ...T, allowlist: ['b'] })(f32(1))[1])).toEqual(['b']);
    expect(Object.keys(ax.reap(f, { ...T, blocklist: ['b'] })(f32(1))[1])).toEqual(['a']);
  });

  test('exclusive hides the other tags from the harvests below; by default they pass', () => {
    const inner = (exclusive: boolean) => (x: ax.Array) => ax.reap(f, { ...T, exclusive })(x)[0];
    expect(Object.keys(ax.reap(inner(false), { tag: 'other' })(f32(1))[1])).toEqual(['c']);
    expect(ax.reap(inner(true), { tag: 'other' })(f32(1))[1]).toEqual({});
  });

  test('a name reaped by an inner reap of the same tag is not seen by the outer one', () => {
    const [[, inner], outer] = ax.reap(ax.reap(f, T), T)(f32(1));
    expect(Object.keys(inner).sort()).toEqual(['a', 'b']);
    expect(outer).toEqual({});
  });
});

describe('nest', () => {
  const layer = (x: ax.Array): ax.Array => sowAs(x.mul(2), 'out');
  const net = (x: ax.Array): ax.Array => ax.nest(layer, { scope: 'l2' })(ax.nest(layer, { scope: 'l1' })(x));

  test('reaps the names sown inside under the scope, so one name can repeat across scopes', () => {
    const [out, reaped] = ax.reap(net, T)(f32(1));
    expect(values(out)).toEqual([4]);
    const scoped = reaped as Record<string, Record<string, ax.Array>>;
    expect(Object.keys(scoped).sort()).toEqual(['l1', 'l2']);
    expect(values(scoped.l1!.out!)).toEqual([2]);
    expect(values(scoped.l2!.out!)).toEqual([4]);
  });

  test('scopes nest, and are relative to the harvest', () => {
    const deep = ax.nest(ax.nest(layer, { scope: 'inner' }), { scope: 'outer' });
    const reaped = ax.reap(deep, T)(f32(1))[1] as Record<string, Record<string, Record<string, ax.Array>>>;
    expect(values(reaped.outer!.inner!.out!)).toEqual([2]);
    const outside = ax.nest((x: ax.Array) => ax.reap(layer, T)(x)[1], { scope: 's' })(f32(1));
    expect(Object.keys(outside)).toEqual(['out']);
  });

  test('is the identity outside a harvest', () => {
    expect(values(net(f32(3)))).toEqual([12]);
  });

  test('a name that is also a scope is an error', () => {
    const clash = (x: ax.Array): ax.Array => ax.nest(layer, { scope: 'out' })(layer(x));
    expect(() => ax.reap(clash, T)(f32(1))).toThrow(/^Variable has already been reaped: out$/);
  });
});

describe('reap and memory', () => {
  test('frees what the function made except its output and the reaped values', () => {
    const f = (x: ax.Array): ax.Array =>
      ax.tidy(() => {
        sowAs(ax.exp(x).add(1), 'kept');
        return x.mul(2).add(1);
      });
    const x = f32(1, 2);
    const before = ax.memory().cpu!.buffers;
    const [out, reaped] = ax.reap(f, T)(x);
    expect(values(arr(reaped.kept))[0]).toBeCloseTo(Math.E + 1, 5);
    expect(ax.memory().cpu!.buffers).toBe(before + 2);
    out.dispose();
    arr(reaped.kept).dispose();
    expect(ax.memory().cpu!.buffers).toBe(before);
  });
});
