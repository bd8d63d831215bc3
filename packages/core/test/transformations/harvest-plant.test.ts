import { describe, expect, test } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { f32, values } from '../helpers.js';

const T = { tag: 'inter' } as const;
const sowAs = (x: ax.Array, name: string, mode?: ax.SowMode): ax.Array => ax.sow(x, { ...T, name, mode });
const arr = (x: unknown): ax.Array => x as ax.Array;

// Oryx's docstring example: y = sow(x + 1); return y + 1.
const f = (x: ax.Array): ax.Array => sowAs(x.add(1), 'y').add(1);

describe('plant', () => {
  test('replaces the sown value by the planted one', () => {
    expect(values(ax.plant(f, T)({ y: f32(0) }, f32(1)))).toEqual([1]);
    expect(values(ax.plant(f, T)({ y: f32(0) }, f32(5)))).toEqual([1]);
  });

  test('leaves unplanted names sown, so an outer reap still sees them', () => {
    const g = (x: ax.Array): ax.Array => sowAs(f(x), 'z');
    const [out, reaped] = ax.reap((x: ax.Array) => ax.plant(g, T)({ y: f32(10) }, x), T)(f32(1));
    expect(values(out)).toEqual([11]);
    expect(Object.keys(reaped)).toEqual(['z']);
  });

  test('plants a pytree value leaf by leaf', () => {
    const g = (x: ax.Array): ax.Array => {
      const { a, b } = ax.sow({ a: x, b: x.mul(2) }, { ...T, name: 'p' });
      return a.add(b);
    };
    expect(values(ax.plant(g, T)({ p: { a: f32(1), b: f32(100) } }, f32(5)))).toEqual([101]);
  });

  test('plants a clobber name at every sow; a strict name planted twice is an error', () => {
    const clobber = (x: ax.Array): ax.Array => sowAs(sowAs(x, 'y', 'clobber').mul(2), 'y', 'clobber');
    expect(values(ax.plant(clobber, T)({ y: f32(3) }, f32(1)))).toEqual([3]);
    const strict = (x: ax.Array): ax.Array => sowAs(sowAs(x, 'y'), 'y');
    expect(() => ax.plant(strict, T)({ y: f32(3) }, f32(1))).toThrow(
      /^Variable has already been planted: y$/,
    );
  });

  test('each append-mode sow takes the next element of the planted stack', () => {
    const g = (x: ax.Array): ax.Array => sowAs(x, 'ys', 'append').add(sowAs(x, 'ys', 'append'));
    expect(
      values(
        ax.plant(g, T)(
          {
            ys: ax.array([
              [1, 2],
              [30, 40],
            ]),
          },
          f32(0, 0),
        ),
      ),
    ).toEqual([31, 42]);
    expect(() => ax.plant(g, T)({ ys: ax.array([[1, 2]]) }, f32(0, 0))).toThrow(
      "plant: the append-mode value 'ys' is sown at least 2 times, but the planted float32[1, 2] stacks 1 values along its leading axis",
    );
  });

  test('a planted value of another shape is an error naming both', () => {
    expect(() => ax.plant(f, T)({ y: f32(1, 2) }, f32(1))).toThrow(
      "plant: the value planted for 'y' is float32[2], the sown one float32[1]",
    );
  });

  test('plants under a nest scope from plants[scope]', () => {
    const g = (x: ax.Array): ax.Array => ax.nest(f, { scope: 's' })(f(x));
    expect(values(ax.plant(g, T)({ s: { y: f32(100) } }, f32(1)))).toEqual([101]);
    expect(values(ax.plant(g, T)({ y: f32(100) }, f32(1)))).toEqual([103]);
  });

  test('honours the allowlist and blocklist', () => {
    expect(values(ax.plant(f, { ...T, allowlist: ['z'] })({ y: f32(0) }, f32(1)))).toEqual([3]);
    expect(values(ax.plant(f, { ...T, blocklist: ['y'] })({ y: f32(0) }, f32(1)))).toEqual([3]);
  });

  test('plants must be an object', () => {
    expect(() => ax.plant(f, T)(null as unknown as ax.Reaped, f32(1))).toThrow(
      'plant: plants must be an object from name to value, got null',
    );
  });
});

describe('harvest', () => {
  test('plants what it is given and reaps the rest (Oryx’s examples)', () => {
    const h = ax.harvest(f, T);
    const [planted, none] = h({ y: f32(0) }, f32(1));
    expect(values(planted)).toEqual([1]);
    expect(none).toEqual({});
    const [out, reaped] = h({}, f32(5));
    expect(values(out)).toEqual([7]);
    expect(values(arr(reaped.y))).toEqual([6]);
  });

  test('harvesting a harvested function finds no sows left', () => {
    const h = ax.harvest(f, T);
    const [[, inner], outer] = ax.harvest(h, T)({}, {}, f32(1));
    expect(Object.keys(inner)).toEqual(['y']);
    expect(outer).toEqual({});
  });
});
