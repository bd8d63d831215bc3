import * as ax from '@addax/core';
import { createCpuBackend } from '@addax/backend-cpu';

/**
 * backend-cpu whose fusion compiler binds a fragment's inputs in reverse order: every kernel is
 * right, so every primitive passes; only jitted programs, whose fragments it compiles, go wrong.
 */
export function reversedFusionBackend(name: string): ax.Backend<ax.TypedArray> {
  const base = createCpuBackend({ name });
  const fusion = base.fusion!;
  return {
    ...base,
    fusion: {
      canFuse: (eqn) => fusion.canFuse(eqn),
      compile: (fragment) => {
        const kernel = fusion.compile(fragment);
        return kernel && ((inputs) => kernel([...inputs].reverse()));
      },
    },
  };
}
