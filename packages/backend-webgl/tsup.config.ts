import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // context.ts resolves headless-gl from this package with import.meta.url, in the CJS build too.
  shims: true,
});
