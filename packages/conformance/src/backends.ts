import * as ax from '@addax/core';
import { createCpuBackend } from '@addax/backend-cpu';

/** The name the reference (a backend-cpu instance of the suite's own) is registered under. */
export const REFERENCE = 'conformance-reference';

/** Registers the reference backend once. */
export function ensureReference(): void {
  if (!isRegistered(REFERENCE)) ax.registerBackend(REFERENCE, () => createCpuBackend({ name: REFERENCE }));
}

function isRegistered(name: string): boolean {
  return ax.listBackends().some((b) => b.name === name);
}

/**
 * The backend to check: a registered backend's name, or a factory (with the name it registers
 * under; if a backend is already registered under that name, as when a package registers itself
 * on import, that one is checked). Returns the name, after registering the reference too.
 *
 * @example
 * ```ts
 * const name = resolveBackend(createMyBackend, 'mine');
 * ```
 */
export function resolveBackend<B>(backend: ax.BackendFactory<B> | string, name?: string): string {
  ensureReference();
  if (typeof backend === 'string') {
    if (!isRegistered(backend)) {
      throw new ax.BackendError(
        `conformance: no backend named '${backend}' is registered; pass its factory and name instead`,
      );
    }
    return backend;
  }
  if (name === undefined) {
    throw new ax.ParameterError('conformance: a backend factory needs the name it registers under (`name`)');
  }
  if (!isRegistered(name)) ax.registerBackend(name, backend);
  return name;
}
