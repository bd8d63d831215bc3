// Vite's `import.meta.env`: in the browser lane it holds the config's `test.env` (conformanceEnv).
interface ImportMeta {
  readonly env: Readonly<Record<string, string | undefined>>;
}
