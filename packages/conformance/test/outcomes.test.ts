import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import { createCpuBackend } from '@addax/backend-cpu';
import { checkPrimitive, PRIMITIVE_SPECS, runSettings, type PrimitiveSpec } from '@addax/conformance';

const settings = runSettings({ seed: 7, numRuns: 10 });

function spec(name: string): PrimitiveSpec {
  return PRIMITIVE_SPECS.find((s) => s.name === name)!;
}

/** backend-cpu with only the minimal kernels, minus `missing`, plus `extra` kernels. */
function register(
  name: string,
  missing: readonly string[],
  extra: Record<string, ax.Kernel<never, ax.TypedArray>> = {},
): void {
  ax.registerBackend(name, () => {
    const base = createCpuBackend({ name, only: ax.MINIMAL_PRIMITIVES.filter((p) => !missing.includes(p)) });
    return { ...base, kernels: { ...base.kernels, ...extra } as ax.KernelTable<ax.TypedArray> };
  });
}

describe('what checkPrimitive reports', () => {
  register('outcomes-minimal', []);
  register('outcomes-no-exp', ['exp']);
  register('outcomes-throws', [], {
    sort: () => {
      throw new Error('sort is not supported on this device');
    },
  });

  it('pass for a kernel that agrees with the reference', async () => {
    expect(await checkPrimitive(spec('exp'), 'outcomes-minimal', settings)).toEqual({ status: 'pass' });
  });

  it('decomposed for a primitive without a kernel whose decomposition agrees', async () => {
    expect(await checkPrimitive(spec('tanh'), 'outcomes-minimal', settings)).toEqual({
      status: 'decomposed',
    });
  });

  it('not implemented for a primitive without a kernel or a decomposition', async () => {
    const outcome = await checkPrimitive(spec('exp'), 'outcomes-no-exp', settings);
    expect(outcome.status).toBe('not implemented');
    expect(outcome.message).toContain("backend 'outcomes-no-exp' has no kernel and it has no decomposition");
  });

  it('not implemented, naming the missing kernel, for a decomposition that needs it', async () => {
    const outcome = await checkPrimitive(spec('tanh'), 'outcomes-no-exp', settings);
    expect(outcome.status).toBe('not implemented');
    expect(outcome.message).toContain("exp: backend 'outcomes-no-exp' has no kernel for it");
  });

  it('fail with the error, the seed and the counterexample for a kernel that throws', async () => {
    const outcome = await checkPrimitive(spec('sort'), 'outcomes-throws', settings);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(
      /^sort: backend 'outcomes-throws' \(its kernel\) differs from the reference/,
    );
    expect(outcome.message).toContain('seed 7, path "');
    expect(outcome.message).toContain('reproduce with ADDAX_CONFORMANCE_SEED=7 NUM_RUNS=10');
    expect(outcome.message).toMatch(/counterexample:\n {4}operand 0: \w+\[[\d,]*\] \[.*\]\n/);
    expect(outcome.message).toContain('params: { dimension: ');
    expect(outcome.message).toContain('sort is not supported on this device');
  });
});

describe('the spec table', () => {
  it('has a spec for every primitive backend-cpu has a kernel for, and only for defined primitives', () => {
    const kernels = createCpuBackend({ name: 'spec-table' }).kernels as Record<string, unknown>;
    const withKernels = ax.primitiveNames().filter((n) => kernels[n] !== undefined);
    const specified = PRIMITIVE_SPECS.map((s) => s.name);
    expect([...specified].sort()).toEqual([...withKernels].sort());
    expect(new Set(specified).size).toBe(specified.length);
  });
});
