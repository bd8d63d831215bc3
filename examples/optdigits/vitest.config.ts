import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@addax/source'] },
  ssr: { resolve: { conditions: ['@addax/source'] } },
  // The training tests run whole epochs: seconds on a quiet machine, more when CI shares its cores.
  test: { include: ['test/**/*.test.ts'], testTimeout: 120_000 },
});
