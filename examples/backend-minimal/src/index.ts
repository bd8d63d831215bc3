/**
 * A minimal third-party backend for Addax: the 32 kernels of `ax.MINIMAL_PRIMITIVES`, written
 * from scratch over plain TypedArrays. Every other primitive runs as its decomposition into these.
 * Importing the package registers it as `minimal`, below backend-cpu's priority, so it runs only
 * when asked for (`ax.setBackend('minimal')` or `ADDAX_BACKEND=minimal`).
 *
 * @packageDocumentation
 */
import { registerBackend } from '@addax/core';
import { createMinimalBackend } from './backend.js';

registerBackend('minimal', createMinimalBackend, { priority: -1 });

export { createMinimalBackend } from './backend.js';
