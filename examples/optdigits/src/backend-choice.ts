import * as ax from '@addax/core';

/**
 * Switches to the backend `name`, importing its package `@addax/backend-<name>` first (which
 * registers it), so `--backend webgl` needs no import in the program. backend-cpu, the default, is
 * imported by main.ts itself. Throws naming the package when it is not installed, and passes on
 * the backend's own error when it is installed but cannot start here.
 *
 * @example
 * ```ts
 * const backend = await useBackend('webgl'); // imports @addax/backend-webgl, then setBackend('webgl')
 * ```
 */
export async function useBackend(name: string): Promise<ax.Backend> {
  if (!/^[a-z0-9-]+$/.test(name))
    throw new Error(`--backend must be a backend name such as cpu or webgl, got '${name}'`);
  if (!ax.listBackends().some((b) => b.name === name)) {
    const pkg = `@addax/backend-${name}`;
    try {
      await import(pkg);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ERR_MODULE_NOT_FOUND' && String((e as Error).message).includes(pkg)) {
        throw new Error(
          `--backend ${name} needs the package ${pkg}, which is not installed here (add it to the dependencies)`,
        );
      }
      throw e;
    }
  }
  return ax.setBackend(name);
}
