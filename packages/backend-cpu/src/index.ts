/**
 * The CPU reference backend. Importing this package registers it as `cpu` (priority 0), so it is
 * the default unless a higher-priority backend is installed and imported.
 *
 * @packageDocumentation
 */
import { registerBackend } from '@addax/core';
import { createCpuBackend } from './backend.js';

registerBackend('cpu', () => createCpuBackend(), { priority: 0 });

export { createCpuBackend, type CpuBackendOptions } from './backend.js';
// The linalg fast paths and the plain loops they are checked against, for tests and other backends.
export {
  convIm2col,
  convReference,
  dotGeneralFast,
  dotGeneralReference,
  matmulBlocked,
  matmulReference,
} from './kernels/linalg.js';
