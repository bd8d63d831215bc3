import * as ax from '@addax/core';
import { createCpuBackend } from '@addax/backend-cpu';
import { runConformance } from '@addax/conformance';

// backend-cpu held to its own reference twice: through its kernels (and its fusion compiler under
// jit), and with only the minimal kernels, so that every other primitive runs its decomposition.
// This file lives here rather than in backend-cpu because backend-cpu depending on the suite would
// make a dependency cycle (the suite depends on backend-cpu for its reference), which turbo rejects.
runConformance({ backend: () => createCpuBackend({ name: 'cpu-kernels' }), name: 'cpu-kernels' });
runConformance({
  backend: () => createCpuBackend({ name: 'cpu-decomposed', only: ax.MINIMAL_PRIMITIVES }),
  name: 'cpu-decomposed',
});
