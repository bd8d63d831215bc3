import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import type { Lane, Prepared } from './types.js';

/** A library's backend that a lane runs on, and the package that provides it when optional. */
export interface BackendSpec {
  readonly lane: string;
  readonly backend: string;
  readonly requires?: string;
}

/** Addax's backends: the CPU one and the GPU ones (which run only where their package is installed). */
export const ADDAX_BACKENDS: readonly BackendSpec[] = [
  { lane: 'addax-cpu', backend: 'cpu' },
  { lane: 'addax-webgl', backend: 'webgl', requires: '@addax/backend-webgl' },
  { lane: 'addax-gpujs', backend: 'gpujs', requires: '@addax/backend-gpujs' },
];

/** TensorFlow.js's backends: CPU and WASM are dependencies; WebGL runs only if installed. */
export const TFJS_BACKENDS: readonly BackendSpec[] = [
  { lane: 'tfjs-cpu', backend: 'cpu' },
  { lane: 'tfjs-wasm', backend: 'wasm' },
  { lane: 'tfjs-webgl', backend: 'webgl', requires: '@tensorflow/tfjs-backend-webgl' },
];

/** Addax's webgl backend with jit, for suites that time a jitted function on it too. */
export const ADDAX_WEBGL_JIT: readonly BackendSpec[] = [
  { lane: 'addax-webgl-jit', backend: 'webgl', requires: '@addax/backend-webgl' },
];

/** Every Addax backend with jit, for workloads that are only timed jitted (the CPU lane is `addax-jit`). */
export const ADDAX_JIT_BACKENDS: readonly BackendSpec[] = [
  { lane: 'addax-jit', backend: 'cpu' },
  ...ADDAX_WEBGL_JIT,
  { lane: 'addax-gpujs-jit', backend: 'gpujs', requires: '@addax/backend-gpujs' },
];

/** The CPU lanes only (Addax's and both tfjs CPU backends), for workloads no GPU lane exists for. */
export const CPU_BACKENDS = [...ADDAX_BACKENDS, ...TFJS_BACKENDS].filter((b) => !b.requires);

/**
 * tfjs-backend-webgl registers its backend in browsers only. In Node it is registered here, on the
 * GL context registered with tfjs, which Addax's webgl backend sets (headless-gl) when it starts:
 * both libraries' webgl lanes then run on the same kind of context in the same process.
 */
async function registerTfWebgl(): Promise<void> {
  if (tf.findBackendFactory('webgl')) return;
  if (ax.listBackends().some((b) => b.name === 'webgl')) ax.findBackend('webgl');
  const { MathBackendWebGL } = await import('@tensorflow/tfjs-backend-webgl');
  tf.registerBackend('webgl', () => new MathBackendWebGL(), 0);
}

/**
 * Makes tfjs run on `name` and checks that it does: tfjs falls back silently when a backend fails to
 * start, which would make a lane measure the wrong library.
 */
export async function useTfBackend(name: string): Promise<void> {
  if (name === 'webgl') await registerTfWebgl();
  await tf.setBackend(name);
  await tf.ready();
  if (tf.getBackend() !== name) throw new Error(`tfjs runs on '${tf.getBackend()}', not '${name}'`);
}

/** Makes Addax's default backend `name` (throws if none is registered under it). */
export async function useAddaxBackend(name: string): Promise<void> {
  ax.setBackend(name);
  return Promise.resolve();
}

/**
 * Lanes of one workload on each of `specs`: every lane selects its backend before `prepare`.
 *
 * @example
 * ```ts
 * lanesOn(TFJS_BACKENDS, useTfBackend, () => prepareTfMatmul(n)); // tfjs-cpu, tfjs-wasm, tfjs-webgl
 * ```
 */
export function lanesOn(
  specs: readonly BackendSpec[],
  use: (backend: string) => Promise<void>,
  prepare: () => Prepared,
): Lane[] {
  return specs.map(({ lane, backend, requires }) => ({
    name: lane,
    ...(requires ? { requires } : {}),
    setup: () => use(backend),
    prepare,
  }));
}

/**
 * Starts the CPU backends of both libraries and tfjs's WASM backend, checks each is the one running,
 * and returns each as reported. Fails loudly if WASM does not start (its binaries ship in the package).
 *
 * @example
 * ```ts
 * await initBackends(); // { addax: 'cpu (CPU reference)', tfjs: 'cpu, wasm' }
 * ```
 */
export async function initBackends(): Promise<Record<string, string>> {
  const addax = ax.setBackend('cpu');
  await useTfBackend('wasm');
  await useTfBackend('cpu');
  return {
    addax: `${addax.name} (${addax.description ?? 'no description'})`,
    tfjs: 'cpu, wasm',
  };
}
