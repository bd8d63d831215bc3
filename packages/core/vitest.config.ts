import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// core's tests need a backend, but core must not depend on one (backends depend on core), so the
// reference backend is resolved from its source here instead of through a package dependency.
const cpu = fileURLToPath(new URL('../backend-cpu/src/index.ts', import.meta.url));

export default defineConfig({
  resolve: { conditions: ['@addax/source'], alias: { '@addax/backend-cpu': cpu } },
  ssr: { resolve: { conditions: ['@addax/source'] } },
  test: { include: ['test/**/*.test.ts'] },
});
