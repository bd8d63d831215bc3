import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@addax/source'] },
  ssr: { resolve: { conditions: ['@addax/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI test installs a backend package in a temporary node_modules; vitest must transform it
    // (it imports core's TypeScript source) instead of leaving it to Node.
    server: { deps: { inline: [/@addax\/backend-fixture/] } },
  },
});
