// A kernel the backend declares as a CPU fallback is reported as such when it agrees with the
// reference, and fails like any other kernel when it does not.
import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import { createCpuBackend } from '@addax/backend-cpu';
import { checkPrimitive, formatMatrix, PRIMITIVE_SPECS, runSettings, checkBackend } from '@addax/conformance';
import { mapBuffer } from './broken/wrap.js';

function declaring(name: string, kernels: Partial<Record<string, ax.Kernel<never, ax.TypedArray>>> = {}) {
  return (): ax.Backend<ax.TypedArray> => {
    const base = createCpuBackend({ name });
    return {
      ...base,
      kernels: { ...base.kernels, ...kernels } as ax.KernelTable<ax.TypedArray>,
      cpuFallbacks: ['sin'],
    };
  };
}

const spec = (name: string) => PRIMITIVE_SPECS.find((s) => s.name === name)!;

describe('declared CPU fallbacks', () => {
  ax.registerBackend('declares-sin', declaring('declares-sin'));
  ax.registerBackend(
    'declares-broken-sin',
    declaring('declares-broken-sin', {
      sin: ([x]) => [mapBuffer(x!, (v) => Math.sin(v) + 1)],
    }),
  );

  it('reports a declared fallback that agrees as `cpu fallback`, other kernels as `pass`', async () => {
    const settings = runSettings();
    expect(await checkPrimitive(spec('sin'), 'declares-sin', settings)).toEqual({ status: 'cpu fallback' });
    expect(await checkPrimitive(spec('exp'), 'declares-sin', settings)).toEqual({ status: 'pass' });
    const report = await checkBackend({ backend: 'declares-sin', only: ['sin', 'exp'] });
    expect(formatMatrix([report])).toMatch(/^sin +cpu fallback$/m);
  });

  it('fails a declared fallback that disagrees', async () => {
    expect((await checkPrimitive(spec('sin'), 'declares-broken-sin', runSettings())).status).toBe('fail');
  });
});
