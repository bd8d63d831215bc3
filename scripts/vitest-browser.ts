// The browser lane shared by the GPU backends' `vitest.browser.config.ts`: vitest browser mode in
// Debian's chromium (real WebGL2 through SwiftShader). Playwright cannot download its own browsers
// on these machines, so the system binary is named; the flags keep a sandbox-less headless chromium
// quiet and make ANGLE use SwiftShader, the one GL there is without a GPU.
//
// Each package passes its own `playwright` factory (from its devDependency
// `@vitest/browser-playwright`), so this file imports nothing that must resolve from scripts/.
//
//   import { playwright } from '@vitest/browser-playwright';
//   import { chromiumBrowserConfig } from '../../scripts/vitest-browser.js';
//   export default defineConfig({ ..., test: { browser: chromiumBrowserConfig(playwright) } });
import type { playwright as playwrightFactory } from '@vitest/browser-playwright';

/** Where Debian installs chromium (`apt-get install chromium`, done by scripts/setup). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** chromium's command-line flags for the lane. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** The `test.browser` block: headless chromium, one instance, driven through playwright. */
export function chromiumBrowserConfig(playwright: typeof playwrightFactory) {
  return {
    enabled: true,
    headless: true,
    provider: playwright({
      launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
    }),
    instances: [{ browser: 'chromium' as const }],
  };
}

/**
 * The conformance settings from the shell (`NUM_RUNS`, `ADDAX_CONFORMANCE_SEED`) for `test.env`: a
 * browser has no `process.env`, so the browser lane's conformance test passes `import.meta.env`,
 * where vitest puts `test.env`, to `runConformance`.
 */
export function conformanceEnv(): Record<string, string> {
  const names = ['NUM_RUNS', 'ADDAX_CONFORMANCE_SEED'];
  return Object.fromEntries(names.flatMap((n) => (process.env[n] ? [[n, process.env[n]]] : [])));
}
