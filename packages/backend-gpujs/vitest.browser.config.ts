import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumBrowserConfig, conformanceEnv } from '../../scripts/vitest-browser.js';

// The browser lane: the same package in chromium's WebGL2 (SwiftShader), gpu.js mode webgl2.
export default defineConfig({
  resolve: { conditions: ['@addax/source'] },
  test: {
    include: ['test/browser/**/*.test.ts'],
    env: conformanceEnv(),
    browser: chromiumBrowserConfig(playwright),
  },
});
