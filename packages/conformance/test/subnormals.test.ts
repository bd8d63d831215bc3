// A backend declaring `flushesSubnormals` is compared with subnormals flushed on both sides; one
// that flushes without saying so, or that is wrong on any other value, still fails.
import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import { createCpuBackend } from '@addax/backend-cpu';
import { checkPrimitive, DEFAULT_SEED, PRIMITIVE_SPECS, runSettings } from '@addax/conformance';
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
