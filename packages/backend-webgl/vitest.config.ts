import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@addax/source'] },
  ssr: { resolve: { conditions: ['@addax/source'] } },
  test: { include: ['test/**/*.test.ts'], exclude: ['test/browser/**'] },
});
