// The optdigits example's data.ts imports node:fs and node:url to read its CSVs from disk; the
// browser lane passes the CSV text itself (Vite `?raw` imports), so these stand in and are never
// called. Aliased in vitest.browser.config.ts.
export function readFileSync(): never {
  throw new Error('node:fs is not available in the browser lane');
}

export function fileURLToPath(): never {
  throw new Error('node:url is not available in the browser lane');
}
