import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import { createCpuBackend } from '@addax/backend-cpu';

// jit's executor on a CPU backend whose fusion compiler is observed: which fragments it is asked
// to compile, and how many buffers are alive whenever a compiled fragment runs. Every result is
// compared exactly (tolerance 0) with eager evaluation of the same function.

const { lax } = ax;

interface Spy {
  readonly name: string;
  readonly fragments: ax.IR[];
  /** Live buffers on the spy's backend each time a compiled fragment starts. */
  readonly liveAtRun: number[];
}

/** A CPU backend named `name` whose fusion is observed, and declines every fragment if `decline`. */
function spyBackend(name: string, decline = false): Spy {
  const spy: Spy = { name, fragments: [], liveAtRun: [] };
  ax.registerBackend(name, () => {
    const inner = createCpuBackend({ name });
    const fusion = inner.fusion!;
    return {
      ...inner,
      fusion: {
        canFuse: (eqn) => fusion.canFuse(eqn),
        compile: (fragment) => {
          spy.fragments.push(fragment);
          const kernel = fusion.compile(fragment)!;
          if (decline) return undefined;
          return (inputs) => {
            spy.liveAtRun.push(live(name));
            return kernel(inputs);
          };
        },
      },
    };
  });
  return spy;
}

const live = (backend: string): number => ax.memory()[backend]?.buffers ?? 0;
const names = (ir: ax.IR): string[] => ir.eqns.map((e) => e.primitive.name);
const values = (x: ax.Array): number[] => globalThis.Array.from(x.dataSync());

/** Runs `fn` with `backend` current, restoring the previous one after. */
function on<T>(backend: string, fn: () => T): T {
  const previous = ax.getBackend().name;
  ax.setBackend(backend);
  try {
    return fn();
  } finally {
    ax.setBackend(previous);
  }
}

const spy = spyBackend('cpu-jit-spy');
const declining = spyBackend('cpu-jit-declining', true);
ax.registerBackend('cpu-jit-unfused', () => ({
  ...createCpuBackend({ name: 'cpu-jit-unfused' }),
  fusion: undefined,
}));

/** `f` jitted and eager on `backend`, on inputs `make()` made there; both results' values. */
function jitAndEager(backend: string, f: (...xs: ax.Array[]) => ax.Array[], make: () => ax.Array[]) {
  return on(backend, () =>
    ax.tidy(() => {
      const xs = make();
      return {
        fused: ax
          .jit(f)(...xs)
          .map(values),
        eager: f(...xs).map(values),
      };
    }),
  );
}

const x = (): ax.Array => ax.linspace(-3, 3, 24).reshape([4, 6]);

describe('jit executor: fragments', () => {
  it('compiles a chain of five elementwise ops into one fragment', () => {
    spy.fragments.length = 0;
    const f = (a: ax.Array): ax.Array[] => [lax.sub(lax.mul(lax.exp(lax.sin(a)), a), lax.tanh(a))];
    const { fused, eager } = jitAndEager(spy.name, f, () => [x()]);
    expect(fused).toEqual(eager);
    expect(spy.fragments.map(names)).toEqual([['sin', 'exp', 'mul', 'tanh', 'sub']]);
    expect(spy.fragments[0]!.inVars.length).toBe(1);
    expect(spy.fragments[0]!.outVars.length).toBe(1);
  });

  it('splits at a reduction and runs the fragments on either side in dependency order', () => {
    spy.fragments.length = 0;
    const f = (a: ax.Array): ax.Array[] => {
      const e = lax.exp(lax.sub(a, lax.broadcastInDim(lax.reduceMax(a, [1]), [4, 6], [0])));
      return [lax.div(e, lax.broadcastInDim(lax.reduceSum(e, [1]), [4, 6], [0]))];
    };
    const { fused, eager } = jitAndEager(spy.name, f, () => [x()]);
    expect(fused).toEqual(eager);
    expect(spy.fragments.map(names)).toEqual([
      ['broadcastInDim', 'sub', 'exp'],
      ['broadcastInDim', 'div'],
    ]);
  });

  it('fuses independent ops of one shape into one fragment with an output each', () => {
    spy.fragments.length = 0;
    const f = (a: ax.Array): ax.Array[] => [lax.exp(a), lax.cast(lax.lt(a, lax.sin(a)), 'int32')];
    const { fused, eager } = jitAndEager(spy.name, f, () => [x()]);
    expect(fused).toEqual(eager);
    expect(spy.fragments.map(names)).toEqual([['exp', 'sin', 'lt', 'cast']]);
    expect(spy.fragments[0]!.outVars.length).toBe(2);
  });

  it('drops a fragment whose values nobody reads instead of compiling it', () => {
    spy.fragments.length = 0;
    const f = (a: ax.Array): ax.Array[] => {
      lax.exp(lax.sin(a)); // dead: pure, and its value is not used
      return [lax.tanh(lax.reduceSum(a, [1]))];
    };
    const { fused, eager } = jitAndEager(spy.name, f, () => [x()]);
    expect(fused).toEqual(eager);
    expect(spy.fragments.map(names)).toEqual([['tanh']]);
  });

  it('passes constants to fragments as inputs and returns inputs as they are', () => {
    spy.fragments.length = 0;
    const f = (a: ax.Array): ax.Array[] => [a, a.mul(2).add(ax.arange(6, undefined, 1, 'float32'))];
    const { fused, eager } = jitAndEager(spy.name, f, () => [x()]);
    expect(fused).toEqual(eager);
    expect(spy.fragments).toHaveLength(1);
    expect(spy.fragments[0]!.inVars.length).toBe(3);
  });

  it('runs the equations of a declined fragment one kernel at a time', () => {
    declining.fragments.length = 0;
    const f = (a: ax.Array): ax.Array[] => [lax.logistic(lax.mul(a, a))];
    const { fused, eager } = jitAndEager(declining.name, f, () => [x()]);
    expect(fused).toEqual(eager);
    expect(declining.fragments).toHaveLength(1);
    expect(declining.liveAtRun).toEqual([]);
  });

  it('runs every equation on a backend without a fusion compiler', () => {
    const f = (a: ax.Array): ax.Array[] => [lax.logistic(lax.mul(a, a)), lax.cumsum(a, 1)];
    const { fused, eager } = jitAndEager('cpu-jit-unfused', f, () => [x()]);
    expect(fused).toEqual(eager);
  });

  it("makes a trace's constants on the inputs' backend and caches a program per backend", () => {
    const g = ax.jit((a: ax.Array) => a.mul(3).add(1));
    ax.tidy(() => {
      const onSpy = g(on(spy.name, x));
      const onCpu = g(x());
      expect([onSpy, onCpu].map((y) => (y as ax.EagerArray).backend.name)).toEqual([spy.name, 'cpu']);
      expect(values(onSpy)).toEqual(values(onCpu));
      expect(g.cacheSize).toBe(2);
    });
    g.clearCache();
  });

  it('explains inputs on two backends as eager evaluation does', () => {
    const a = on(spy.name, x);
    const b = x();
    expect(() => ax.jit((p: ax.Array, q: ax.Array) => lax.add(lax.exp(p), q))(a, b)).toThrow(
      /add: operands live on different backends \('cpu-jit-spy' and 'cpu'\)/,
    );
    a.dispose();
    b.dispose();
  });
});

describe('jit executor: memory', () => {
  // Thirty rounds of a fused fragment and a cumsum (which cannot fuse): without freeing, every
  // round's values would stay alive until the end.
  const rounds = (a: ax.Array): ax.Array => {
    let y = a;
    for (let r = 0; r < 30; r++) y = lax.cumsum(lax.tanh(lax.mul(y, lax.sin(y))), 1);
    return y;
  };

  it('frees each intermediate after its last use, during the run and after it', () => {
    on(spy.name, () => {
      const a = x();
      const f = ax.jit(rounds);
      f(a).dispose();
      const before = live(spy.name);
      spy.liveAtRun.length = 0;
      const y = f(a);
      expect(spy.liveAtRun).toHaveLength(30);
      // At most the fragment's input and the previous round's value besides what was there before.
      expect(Math.max(...spy.liveAtRun) - before).toBeLessThanOrEqual(2);
      expect(live(spy.name)).toBe(before + 1);
      expect(values(y)).toEqual(ax.tidy(() => values(rounds(a))));
      y.dispose();
      expect(live(spy.name)).toBe(before);
      a.dispose();
    });
  });
});
