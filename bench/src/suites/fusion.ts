import * as ax from '@addax/core';
import * as tf from '@tensorflow/tfjs-core';
import {
  ADDAX_WEBGL_JIT,
  CPU_BACKENDS,
  lanesOn,
  TFJS_BACKENDS,
  useAddaxBackend,
  useTfBackend,
} from '../backends.js';
import { seededOp } from '../seeded-op.js';
import type { Entry } from '../types.js';

/** Ten elementwise ops: mul, add, tanh, mul, sub, abs, add, sqrt, mul, exp. */
export const addaxChain = (x: ax.Array): ax.Array =>
  ax.exp(ax.sqrt(ax.abs(ax.tanh(x.mul(1.5).add(0.5)).mul(2).sub(0.3)).add(1)).mul(0.5));

/** The same ten ops in tfjs (functional: tfjs-core alone has no chained methods). */
const tfChain = (x: tf.Tensor): tf.Tensor =>
  tf.tidy(() => {
    const inner = tf.sub(tf.mul(tf.tanh(tf.add(tf.mul(x, 1.5), 0.5)), 2), 0.3);
    return tf.exp(tf.mul(tf.sqrt(tf.add(tf.abs(inner), 1)), 0.5));
  });

/**
 * A 10-op elementwise chain on a million float32 elements: Addax eager (the baseline, one kernel
 * and one intermediate per op) against the same function jitted (fused into one loop on
 * backend-cpu) and tfjs's CPU and WASM backends; on WebGL, Addax eager and jitted (one fused
 * shader) against tfjs-backend-webgl. Flops count one per op per element.
 *
 * @example
 * ```ts
 * fusionEntries(); // addax-eager, addax-jit, tfjs-cpu, tfjs-wasm, addax-webgl, addax-webgl-jit, tfjs-webgl
 * ```
 */
export function fusionEntries(size = 1 << 20): Entry[] {
  const shapes = [[size]];
  const tfjs = CPU_BACKENDS.filter((b) => b.lane.startsWith('tfjs'));
  const tfjsWebgl = TFJS_BACKENDS.filter((b) => b.lane === 'tfjs-webgl');
  const cpu = (lane: string) => [{ lane, backend: 'cpu' }];
  const webgl = [{ lane: 'addax-webgl', backend: 'webgl', requires: '@addax/backend-webgl' }];
  return [
    {
      suite: 'fusion',
      name: `10-op elementwise chain on ${size} f32`,
      flops: 10 * size,
      baseline: 'addax-eager',
      lanes: [
        ...lanesOn(
          cpu('addax-eager'),
          useAddaxBackend,
          seededOp(shapes, ax.fromTyped, (x) => ax.tidy(() => addaxChain(x))),
        ),
        ...lanesOn(cpu('addax-jit'), useAddaxBackend, seededOp(shapes, ax.fromTyped, ax.jit(addaxChain))),
        ...lanesOn(tfjs, useTfBackend, seededOp(shapes, tf.tensor, tfChain)),
        ...lanesOn(
          webgl,
          useAddaxBackend,
          seededOp(shapes, ax.fromTyped, (x) => ax.tidy(() => addaxChain(x))),
        ),
        ...lanesOn(ADDAX_WEBGL_JIT, useAddaxBackend, seededOp(shapes, ax.fromTyped, ax.jit(addaxChain))),
        ...lanesOn(tfjsWebgl, useTfBackend, seededOp(shapes, tf.tensor, tfChain)),
      ],
    },
  ];
}
