import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumBrowserConfig, conformanceEnv } from '../../scripts/vitest-browser.js';

const stubs = new URL('./test/browser/node-stubs.ts', import.meta.url).pathname;

// The browser lane: the same package in chromium's WebGL2 (SwiftShader).
export default defineConfig({
  resolve: { conditions: ['@addax/source'], alias: { 'node:fs': stubs, 'node:url': stubs } },
  test: {
    include: ['test/browser/**/*.test.ts', 'test/memory.test.ts', 'test/fusion.test.ts'],
    env: conformanceEnv(),
    browser: chromiumBrowserConfig(playwright),
  },
});
