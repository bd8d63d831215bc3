import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';

/** Where and with what a benchmark ran, recorded beside its numbers. */
export interface Environment {
  readonly date: string;
  readonly node: string;
  readonly platform: string;
  readonly cpu: string;
  readonly cores: number;
  /** `dist` (the built packages) or `source` (run with `--conditions=@addax/source`). */
  readonly addaxBuild: 'dist' | 'source';
  readonly packages: Record<string, string>;
  /** Each library's backend as it reports itself once started. */
  readonly backends: Record<string, string>;
}

const PACKAGES = [
  '@addax/core',
  '@addax/backend-cpu',
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-backend-cpu',
  '@tensorflow/tfjs-backend-wasm',
  '@addax/nn',
];

/** The GPU lanes' packages, recorded where installed. */
const OPTIONAL_PACKAGES = ['@addax/backend-webgl', '@addax/backend-gpujs', '@tensorflow/tfjs-backend-webgl'];

const manifest = (name: string): URL => new URL(`../node_modules/${name}/package.json`, import.meta.url);

function versionOf(name: string): string {
  return (JSON.parse(readFileSync(manifest(name), 'utf8')) as { version: string }).version;
}

/**
 * The current machine, Node version, package versions and the given running backends.
 *
 * @example
 * ```ts
 * environment({ addax: 'cpu' }).cpu; // e.g. 'AMD EPYC'
 * ```
 */
export function environment(backends: Record<string, string>): Environment {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    addaxBuild: process.execArgv.some((a) => a.includes('@addax/source')) ? 'source' : 'dist',
    packages: Object.fromEntries(
      [...PACKAGES, ...OPTIONAL_PACKAGES.filter((name) => existsSync(manifest(name)))].map((name) => [
        name,
        versionOf(name),
      ]),
    ),
    backends,
  };
}
