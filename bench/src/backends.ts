import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

/**
 * Selects the CPU backends of both libraries and checks they are the ones running (a failed
 * TensorFlow.js init falls back silently). Returns each library's backend, as reported.
 *
 * @example
 * ```ts
 * await initCpuBackends(); // { addax: 'cpu (CPU reference)', tfjs: 'cpu' }
 * ```
 */
export async function initCpuBackends(): Promise<Record<string, string>> {
  const addax = ax.setBackend('cpu');
  await tf.setBackend('cpu');
  await tf.ready();
  if (tf.getBackend() !== 'cpu') throw new Error(`tfjs runs on '${tf.getBackend()}', not 'cpu'`);
  return { addax: `${addax.name} (${addax.description ?? 'no description'})`, tfjs: tf.getBackend() };
}
