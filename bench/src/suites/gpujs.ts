import * as ax from '@addax/core';
import type { GPU, Texture } from 'gpu.js';
import { lanesOn, useAddaxBackend } from '../backends.js';
import { randomFloats } from '../data.js';
import { addaxChain } from './fusion.js';
import { seededOp } from '../seeded-op.js';
import type { Entry, Lane, Prepared } from '../types.js';

const GPUJS = '@addax/backend-gpujs';
const WEBGL = '@addax/backend-webgl';

/**
 * A square matmul written by hand as one gpu.js kernel (the loop bound a constant, inputs uploaded
 * once as textures), on a gpu.js instance of its own in the mode backend-gpujs runs in; each run is
 * the kernel and the read back, as in the Addax lanes.
 */
function handWrittenMatmul(n: number): Lane {
  let gpu: GPU | undefined;
  return {
    name: 'gpujs-handwritten',
    requires: GPUJS,
    // One gpu.js instance for every round: a destroyed one takes gpu.js's shared GL state with it.
    setup: async () => {
      await import(GPUJS);
      const { mode } = ax.findBackend('gpujs') as ax.Backend & { mode: 'headlessgl' | 'webgl2' };
      gpu ??= new (await import('gpu.js')).GPU({ mode });
    },
    prepare: (): Prepared => {
      const { Kernel } = gpu!;
      const settings = { output: [n, n], pipeline: true, immutable: true, precision: 'single' as const };
      const upload = gpu!.createKernel('function(a) { return a[this.thread.y][this.thread.x]; }', settings);
      const matmul = gpu!.createKernel(
        `function(a, b) { let s = 0; for (let k = 0; k < ${n}; k++) { s += a[this.thread.y][k] * b[k][this.thread.x]; } return s; }`,
        settings,
      );
      const rows = (seed: number): Float32Array[] => {
        const data = randomFloats(n * n, seed);
        return Array.from({ length: n }, (_, r) => data.subarray(r * n, (r + 1) * n));
      };
      const a = upload(rows(1)) as Texture;
      const b = upload(rows(2)) as Texture;
      return {
        run: () => {
          const out = matmul(a, b) as Texture;
          if (!(out.kernel instanceof Kernel)) throw new Error(`gpu.js fell back from ${Kernel.name}`);
          out.toArray();
          out.delete();
        },
        dispose: () => {
          a.delete();
          b.delete();
          upload.destroy();
          matmul.destroy();
        },
      };
    },
  };
}

/**
 * backend-gpujs against a hand-written gpu.js matmul (the baseline) and backend-webgl, on square
 * float32 matmuls, eager and jitted; and the fusion suite's 10-op chain on gpujs eager (the
 * baseline) against gpujs jitted (one fused kernel) and webgl eager and jitted. All in one process,
 * on the same kind of GL (headless-gl under Xvfb in Node).
 *
 * @example
 * ```ts
 * gpujsEntries([128]); // matmul 128 on gpujs-handwritten, addax-gpujs(-jit), addax-webgl(-jit); the chain
 * ```
 */
export function gpujsEntries(sizes: readonly number[] = [128, 256, 512, 1024], chain = 1 << 20): Entry[] {
  const addax = (lane: string, backend: string, requires: string) => [{ lane, backend, requires }];
  const matmuls = sizes.map((n): Entry => {
    const shapes = [
      [n, n],
      [n, n],
    ];
    const eager = seededOp(shapes, ax.fromTyped, ax.matmul);
    const jitted = seededOp(shapes, ax.fromTyped, ax.jit(ax.matmul));
    return {
      suite: 'gpujs',
      name: `${n}x${n} @ ${n}x${n} f32`,
      flops: 2 * n ** 3,
      baseline: 'gpujs-handwritten',
      ...(n >= 512 ? { measure: { warmup: 1, minRuns: 3, minTimeMs: 0, rounds: 1 } } : {}),
      lanes: [
        handWrittenMatmul(n),
        ...lanesOn(addax('addax-gpujs', 'gpujs', GPUJS), useAddaxBackend, eager),
        ...lanesOn(addax('addax-gpujs-jit', 'gpujs', GPUJS), useAddaxBackend, jitted),
        ...lanesOn(addax('addax-webgl', 'webgl', WEBGL), useAddaxBackend, eager),
        ...lanesOn(addax('addax-webgl-jit', 'webgl', WEBGL), useAddaxBackend, jitted),
      ],
    };
  });
  const eagerChain = seededOp([[chain]], ax.fromTyped, (x) => ax.tidy(() => addaxChain(x)));
  const jitChain = seededOp([[chain]], ax.fromTyped, ax.jit(addaxChain));
  return [
    ...matmuls,
    {
      suite: 'gpujs',
      name: `10-op elementwise chain on ${chain} f32`,
      flops: 10 * chain,
      baseline: 'addax-gpujs',
      lanes: [
        ...lanesOn(addax('addax-gpujs', 'gpujs', GPUJS), useAddaxBackend, eagerChain),
        ...lanesOn(addax('addax-gpujs-jit', 'gpujs', GPUJS), useAddaxBackend, jitChain),
        ...lanesOn(addax('addax-webgl', 'webgl', WEBGL), useAddaxBackend, eagerChain),
        ...lanesOn(addax('addax-webgl-jit', 'webgl', WEBGL), useAddaxBackend, jitChain),
      ],
    },
  ];
}
