// A backend declaring `flushesSubnormals` is compared with subnormals flushed on both sides; one
// that flushes without saying so, or that is wrong on any other value, still fails.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import { createCpuBackend } from '@addax/backend-cpu';
import { checkPrimitive, DEFAULT_SEED, hostArray, PRIMITIVE_SPECS, runSettings } from '@addax/conformance';
import { cpu, mapBuffer } from './broken/wrap.js';

const flush = (v: number): number => (v !== 0 && Math.abs(v) < 2 ** -126 ? (v < 0 ? -0 : 0) : v);

/** backend-cpu whose mul reads and writes float32 as a flushing GPU does, bumped by `bump` ulps on normal results. */
function flushingMul(name: string, declares: boolean, bump = 0): () => ax.Backend<ax.TypedArray> {
  return () => {
    const base = createCpuBackend({ name });
    const { fusion: _fusion, ...rest } = base;
    const mul: ax.Kernel<ax.NoParams, ax.TypedArray> = (xs, p, outs) => {
      const [a, b] = xs;
      if (a!.dtype !== 'float32') return cpu.mul(xs, p, outs);
      const word = new Float32Array(1);
      const bits = new Int32Array(word.buffer);
      return [
        mapBuffer(a!, (v, i) => {
          word[0] = flush(Math.fround(flush(v) * flush(b!.buffer[i]!)));
          if (bump !== 0 && Number.isFinite(word[0]) && word[0] !== 0) bits[0]! += bump;
          return flush(word[0]!);
        }),
      ];
    };
    return {
      ...rest,
      kernels: { ...base.kernels, mul } as ax.KernelTable<ax.TypedArray>,
      ...(declares ? { flushesSubnormals: true } : {}),
    };
  };
}

const mulSpec = PRIMITIVE_SPECS.find((s) => s.name === 'mul')!;

describe('flushesSubnormals', () => {
  ax.registerBackend('flush-declared', flushingMul('flush-declared', true));
  ax.registerBackend('flush-undeclared', flushingMul('flush-undeclared', false));
  ax.registerBackend('flush-declared-1ulp', flushingMul('flush-declared-1ulp', true, 1));

  for (const seed of [DEFAULT_SEED, 1, 2]) {
    it(`passes a flushing mul that declares it, fails one that does not (seed ${seed})`, async () => {
      const settings = runSettings({ seed });
      expect(await checkPrimitive(mulSpec, 'flush-declared', settings)).toEqual({ status: 'pass' });
      expect((await checkPrimitive(mulSpec, 'flush-undeclared', settings)).status).toBe('fail');
    });

    it(`still fails a declared flushing mul that is 1 ulp off on normal values (seed ${seed})`, async () => {
      const outcome = await checkPrimitive(mulSpec, 'flush-declared-1ulp', runSettings({ seed }));
      expect(outcome.status).toBe('fail');
      expect(outcome.message).toContain('(exact)');
    });
  }
});

/** backend-cpu whose float32 pow, as a flushing GPU's within 2 ulp may, gives 2^-126 for results in (2^-126 - 2^-149 * within, 2^-126). */
function roundingUpPow(name: string, within: number): () => ax.Backend<ax.TypedArray> {
  return () => {
    const base = createCpuBackend({ name });
    const { fusion: _fusion, ...rest } = base;
    const pow: ax.Kernel<ax.NoParams, ax.TypedArray> = (xs) => {
      const [a, b] = xs;
      return [
        mapBuffer(a!, (v, i) => {
          const r = Math.fround(Math.pow(flush(v), flush(b!.buffer[i]!)));
          return r > 2 ** -126 - within * 2 ** -149 && r < 2 ** -126 ? 2 ** -126 : flush(r);
        }),
      ];
    };
    return {
      ...rest,
      kernels: { ...base.kernels, pow } as ax.KernelTable<ax.TypedArray>,
      flushesSubnormals: true,
    };
  };
}

describe('flushesSubnormals at the boundary of the normal range', () => {
  ax.registerBackend('pow-rounds-up-1ulp', roundingUpPow('pow-rounds-up-1ulp', 2));
  ax.registerBackend('pow-rounds-up-far', roundingUpPow('pow-rounds-up-far', 2 ** 23));
  const powSpec = PRIMITIVE_SPECS.find((s) => s.name === 'pow')!;
  // (largest float32 below 2^-63)^2 rounds to 2^-126 - 2^-149, the largest subnormal; 2^-64 squared is 2^-128.
  const squaring = (x: number) => ({
    ...powSpec,
    cases: fc.constant({
      operands: [hostArray('float32', [1], [x]), hostArray('float32', [1], [2])],
      params: {},
    }),
  });

  it('passes a pow that rounds a subnormal result 1 ulp below 2^-126 up to 2^-126 (2 ulp allowed)', async () => {
    const x = 2 ** -63 * (1 - 2 ** -24);
    expect(await checkPrimitive(squaring(x), 'pow-rounds-up-1ulp', runSettings({ numRuns: 1 }))).toEqual({
      status: 'pass',
    });
  });

  it('fails a pow that gives 2^-126 for a result far below it (2^-128)', async () => {
    const outcome = await checkPrimitive(
      squaring(2 ** -64),
      'pow-rounds-up-far',
      runSettings({ numRuns: 1 }),
    );
    expect(outcome.status).toBe('fail');
  });
});
