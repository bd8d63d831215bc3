import type { Backend, TypedArray } from '@addax/core';
import { kernels } from './kernels/index.js';

/**
 * The backend: a buffer is a TypedArray of the array's dtype (Uint8Array for bool). Arrays are
 * immutable in Addax, so kernels always write fresh buffers and never modify their operands.
 *
 * @example
 * ```ts
 * import * as ax from '@addax/core';
 * import { createMinimalBackend } from '@addax/example-backend-minimal';
 * ax.registerBackend('mine', () => ({ ...createMinimalBackend(), name: 'mine' }));
 * ```
 */
export function createMinimalBackend(): Backend<TypedArray> {
  return {
    name: 'minimal',
    description: `${Object.keys(kernels).length} hand-written TypedArray kernels, the rest decomposed`,
    kernels,
    // The caller may reuse the array it uploads, so the backend keeps a copy.
    upload: (data) => data.slice(),
    read: (buffer) => Promise.resolve(buffer.slice()),
    readSync: (buffer) => buffer.slice(),
    // Buffers are garbage-collected JavaScript arrays: nothing to free.
    dispose: () => undefined,
  };
}
