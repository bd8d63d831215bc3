import { defineConfig } from 'vitest/config';

// The Node lane: headless-gl under Xvfb (the test script runs vitest under xvfb-run -a).
export default defineConfig({
  resolve: { conditions: ['@addax/source'] },
  ssr: { resolve: { conditions: ['@addax/source'] } },
  test: { include: ['test/*.test.ts'] },
});
