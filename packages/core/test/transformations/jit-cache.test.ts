import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';

// jit's cache: f's side effects (here a counter) run while tracing only, so the counter says how
// many times f was traced.

const values = (x: ax.Array): number[] => globalThis.Array.from(x.dataSync());
const live = (): number => ax.memory().cpu?.buffers ?? 0;

/** `f` wrapped so that each trace increments `traces.count`. */
function counted<A extends unknown[], R>(
  f: (...args: A) => R,
): { traces: { count: number }; f: (...args: A) => R } {
  const traces = { count: 0 };
  return {
    traces,
    f: (...args) => {
      traces.count++;
      return f(...args);
    },
  };
}

describe('jit cache', () => {
  it('traces once per input shapes and dtypes and retraces for new ones', () => {
    ax.tidy(() => {
      const { traces, f } = counted((x: ax.Array) => x.mul(x).add(1));
      const g = ax.jit(f);
      expect(values(g(ax.array([1, 2])))).toEqual([2, 5]);
      expect(values(g(ax.array([3, 4])))).toEqual([10, 17]);
      expect([traces.count, g.cacheSize]).toEqual([1, 1]);
      expect(values(g(ax.array([1, 2, 3])))).toEqual([2, 5, 10]);
      expect([traces.count, g.cacheSize]).toEqual([2, 2]);
      expect(values(g(ax.array([1, 2], 'int32')))).toEqual([2, 5]);
      expect([traces.count, g.cacheSize]).toEqual([3, 3]);
      g(ax.array([5, 6]));
      expect(traces.count).toBe(3);
    });
  });

  it('keys the cache on the pytree structure of the arguments', () => {
    ax.tidy(() => {
      const { traces, f } = counted((p: { w: ax.Array; b?: ax.Array }) => (p.b ? p.w.add(p.b) : p.w.neg()));
      const g = ax.jit(f);
      expect(values(g({ w: ax.array([1]), b: ax.array([2]) }))).toEqual([3]);
      expect(values(g({ w: ax.array([1]) }))).toEqual([-1]);
      g({ w: ax.array([4]), b: ax.array([5]) });
      expect([traces.count, g.cacheSize]).toEqual([2, 2]);
    });
  });

  it('staticArgnums: passes the value to f as it is and retraces only when it changes', () => {
    ax.tidy(() => {
      const { traces, f } = counted((x: ax.Array, n: number) => {
        let y = x;
        for (let i = 0; i < n; i++) y = y.mul(2);
        return y;
      });
      const g = ax.jit(f, { staticArgnums: 1 });
      expect(values(g(ax.array([1]), 3))).toEqual([8]);
      expect(values(g(ax.array([2]), 3))).toEqual([16]);
      expect(traces.count).toBe(1);
      expect(values(g(ax.array([1]), 4))).toEqual([16]);
      expect([traces.count, g.cacheSize]).toEqual([2, 2]);
    });
  });

  it('staticArgnames: named entries of an object argument are static, its other entries traced', () => {
    ax.tidy(() => {
      const { traces, f } = counted((x: ax.Array, opts: { training: boolean; scale: ax.Array }) =>
        opts.training ? x.mul(opts.scale) : x,
      );
      const g = ax.jit(f, { staticArgnames: ['training'] });
      expect(values(g(ax.array([3]), { training: true, scale: ax.array([2]) }))).toEqual([6]);
      expect(values(g(ax.array([3]), { training: true, scale: ax.array([5]) }))).toEqual([15]);
      expect(traces.count).toBe(1);
      expect(values(g(ax.array([3]), { training: false, scale: ax.array([5]) }))).toEqual([3]);
      expect([traces.count, g.cacheSize]).toEqual([2, 2]);
    });
  });

  it('rejects an array as a static argument, naming the problem', () => {
    const g = ax.jit((x: ax.Array, y: ax.Array) => x.add(y), { staticArgnums: 1 });
    ax.tidy(() => {
      expect(() => g(ax.array([1]), ax.array([2]))).toThrow(/jit: a static argument cannot be an array/);
    });
    const h = ax.jit((x: ax.Array, o: { k: ax.Array }) => x.add(o.k), { staticArgnames: 'k' });
    ax.tidy(() => {
      expect(() => h(ax.array([1]), { k: ax.array([2]) })).toThrow(
        /jit: a static argument cannot be an array/,
      );
    });
  });

  it('clearCache frees the constants tracing made and empties the cache', () => {
    const before = live();
    const { traces, f } = counted((x: ax.Array) => x.add(ax.linspace(0, 1, 100)).sum());
    const g = ax.jit(f);
    ax.tidy(() => {
      g(ax.ones([100]));
    });
    expect(live()).toBeGreaterThan(before);
    expect(g.cacheSize).toBe(1);
    g.clearCache();
    expect(g.cacheSize).toBe(0);
    expect(live()).toBe(before);
    ax.tidy(() => {
      g(ax.ones([100]));
    });
    expect(traces.count).toBe(2);
    g.clearCache();
    expect(live()).toBe(before);
  });

  it('lower returns the cached program without running it', () => {
    ax.tidy(() => {
      const { traces, f } = counted((x: ax.Array) => ax.exp(x));
      const g = ax.jit(f);
      const ir = g.lower(ax.ones([2]));
      expect(ir.eqns.map((e) => e.primitive.name)).toEqual(['exp']);
      g(ax.ones([2]));
      expect([traces.count, g.cacheSize]).toEqual([1, 1]);
    });
  });

  it('retraces for a registered class whose static data differs, though its leaves look alike', () => {
    class Scaled {
      constructor(
        readonly x: ax.Array,
        readonly factor: number,
      ) {}
    }
    ax.registerPytree(
      Scaled,
      (s) => [[s.x], s.factor],
      (factor, [x]) => new Scaled(x as ax.Array, factor),
    );
    ax.tidy(() => {
      const g = ax.jit((s: Scaled) => s.x.mul(s.factor));
      expect(values(g(new Scaled(ax.array([1, 2]), 2)))).toEqual([2, 4]);
      expect(values(g(new Scaled(ax.array([1, 2]), 3)))).toEqual([3, 6]);
      expect(g.cacheSize).toBe(2);
      expect(values(g(new Scaled(ax.array([5, 6]), 2)))).toEqual([10, 12]);
      expect(g.cacheSize).toBe(2);
    });
  });
});
