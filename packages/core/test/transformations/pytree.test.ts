import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';

class Point {
  constructor(
    readonly x: unknown,
    readonly y: unknown,
    readonly label: string,
  ) {}
}
ax.registerPytree(
  Point,
  (p) => [[p.x, p.y], p.label],
  (label, [x, y]) => new Point(x, y, label),
);

describe('pytrees', () => {
  it('flattens lists in order and objects by sorted key, and unflattens back', () => {
    const tree = { b: [1, 2], a: { c: 3 } };
    const [leaves, def] = ax.tree.flatten(tree);
    expect(leaves).toEqual([3, 1, 2]);
    expect(def.toString()).toBe('{a: {c: *}, b: [*, *]}');
    expect(ax.tree.unflatten(def, ['x', 'y', 'z'])).toEqual({ a: { c: 'x' }, b: ['y', 'z'] });
  });

  it('treats null and undefined as empty subtrees, as JAX treats None', () => {
    const [leaves, def] = ax.tree.flatten([1, null, { a: undefined, b: 2 }]);
    expect(leaves).toEqual([1, 2]);
    expect(def.numLeaves).toBe(2);
    expect(ax.tree.unflatten(def, [5, 6])).toEqual([5, null, { a: undefined, b: 6 }]);
  });

  it('looks inside registered classes and keeps their static data', () => {
    const p = new Point(1, [2, 3], 'p');
    expect(ax.tree.leaves(p)).toEqual([1, 2, 3]);
    const q = ax.tree.map((v) => (v as number) * 10, p);
    expect(q).toBeInstanceOf(Point);
    expect(q).toEqual(new Point(10, [20, 30], 'p'));
    expect(ax.tree.structure(p).toString()).toBe('Point(*, [*, *])');
  });

  it('compares structures, including static data of registered classes', () => {
    expect(ax.tree.structure({ a: 1, b: 2 }).equals(ax.tree.structure({ b: 5, a: 6 }))).toBe(true);
    expect(ax.tree.structure([1, 2]).equals(ax.tree.structure([1, 2, 3]))).toBe(false);
    expect(ax.tree.structure(new Point(1, 2, 'p')).equals(ax.tree.structure(new Point(1, 2, 'q')))).toBe(
      false,
    );
  });

  it('maps over several trees of one structure and names a mismatch', () => {
    expect(
      ax.tree.map((a, b) => (a as number) + (b as number), { a: 1, b: [2] }, { a: 10, b: [20] }),
    ).toEqual({
      a: 11,
      b: [22],
    });
    expect(() => ax.tree.map((a) => a, { a: 1 }, { b: 1 })).toThrow(
      /tree.map: tree 1 has structure \{b: \*\}/,
    );
  });

  it('rejects unflattening with the wrong number of leaves', () => {
    const def = ax.tree.structure([1, 2]);
    expect(() => ax.tree.unflatten(def, [1])).toThrow(/has 2 leaves, got 1/);
  });

  it('gives gradients shaped like the registered class', () => {
    const p = new Point(ax.array([1, 2]), ax.array([3, 4]), 'p');
    const g = ax.grad((q: Point) => ax.sum((q.x as ax.Array).mul(q.y as ax.Array)))(p);
    expect(g).toBeInstanceOf(Point);
    expect(Array.from((g.x as ax.Array).dataSync())).toEqual([3, 4]);
    expect(Array.from((g.y as ax.Array).dataSync())).toEqual([1, 2]);
    expect(g.label).toBe('p');
  });
});
