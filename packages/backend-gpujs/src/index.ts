/**
 * An Addax backend whose kernels are gpu.js kernels: GLSL shaders on WebGL2 in a browser and on
 * headless-gl in Node (under an X display: `xvfb-run -a`). Importing the package registers it as
 * `gpujs` with priority 10, so it becomes the default where it can start; the mode that runs is in
 * `getBackend().description`, and a gpu.js fallback to another mode is an error, never silent.
 *
 * @packageDocumentation
 */
import { registerBackend } from '@addax/core';
import { createGpujsBackend } from './backend.js';

registerBackend('gpujs', () => createGpujsBackend(), { priority: 10 });

export { createGpujsBackend, type GpujsBackend, type GpujsBackendOptions } from './backend.js';
export type { GpujsMode } from './device.js';
export type { GpujsBuffer } from './buffer.js';
