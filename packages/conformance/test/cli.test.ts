import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIO } from '../src/cli-main.js';
import { installedBackendPackages } from '../src/discover.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const BROKEN_SLICE = ['--backend', './test/fixtures/broken-slice-backend.ts', '--no-laws'];

/** Runs the CLI in-process from `cwd`, collecting what it prints. */
async function cli(argv: string[], cwd = packageDir): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { cwd, log: (t) => out.push(t), error: (t) => err.push(t) };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('addax-conformance', () => {
  it('prints its usage with --help', async () => {
    const { code, out } = await cli(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('usage: addax-conformance [--backend <package or dir>]...');
  });

  it('lists every primitive with its tolerance and domain, and the law cases', async () => {
    const { code, out } = await cli(['--list']);
    expect(code).toBe(0);
    expect(out).toContain('tanh\n  float32 tolerance: 6 ulp\n  domain: float32; any value and edge values');
    expect(out).toContain('dotGeneral\n  float32 tolerance: (n+1)·(2^-24·Σ|terms| + 2^-149) for n terms');
    expect(out).toContain('law case dense-tanh: laws reference, vmap, jit, jvp, transpose, grad');
  });

  it('rejects an unknown flag with the usage', async () => {
    const { code, err } = await cli(['--backends', 'x']);
    expect(code).toBe(1);
    expect(err).toMatch(/addax-conformance: Unknown option '--backends'/);
  });

  it('prints the matrix, then each failure with its seed and counterexample, and exits 1', async () => {
    const { code, out } = await cli([...BROKEN_SLICE, '--only', 'add,slice']);
    expect(code).toBe(1);
    expect(out).toMatch(/primitive +broken-slice\n-+ +-+\nadd +pass\nslice +FAIL\n/);
    expect(out).toMatch(/broken-slice \(CPU reference\): 1 pass, 1 fail; [\d.]+ s/);
    expect(out).toMatch(
      /Failures:\n\nslice: backend 'broken-slice' \(its kernel\) differs from the reference\n {2}seed \d+, path/,
    );
    expect(out).toContain('counterexample:\n    operand 0: ');
  });

  it('exits 0 when everything passes', async () => {
    const { code, out } = await cli([...BROKEN_SLICE, '--only', 'add']);
    expect(code).toBe(0);
    expect(out).not.toContain('Failures');
  });

  it('fails, saying why, for a package it cannot find or one that registers no backend', async () => {
    const missing = await cli(['--backend', '@addax/backend-nowhere']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(
      "@addax/backend-nowhere: cannot find package '@addax/backend-nowhere' in any node_modules",
    );
    const empty = await cli(['--backend', './test/fixtures/no-backend.ts']);
    expect(empty.code).toBe(1);
    expect(empty.err).toContain("importing './test/fixtures/no-backend.ts' registered no backend");
  });

  describe('with no --backend', () => {
    // An installed backend package in a directory of its own: discovery must find it in node_modules,
    // import its ESM entry and check the backend it registers.
    const cwd = mkdtempSync(path.join(tmpdir(), 'addax-conformance-'));
    afterAll(() => rmSync(cwd, { recursive: true, force: true }));
    const pkg = path.join(cwd, 'node_modules', '@addax', 'backend-fixture');
    mkdirSync(pkg, { recursive: true });
    const core = fileURLToPath(new URL('../../core/src/index.ts', import.meta.url));
    const cpu = fileURLToPath(new URL('../../backend-cpu/src/index.ts', import.meta.url));
    writeFileSync(
      path.join(pkg, 'package.json'),
      JSON.stringify({
        name: '@addax/backend-fixture',
        type: 'module',
        exports: { '.': { import: './entry.js' } },
      }),
    );
    writeFileSync(
      path.join(pkg, 'entry.js'),
      `import * as ax from ${JSON.stringify(core)};\nimport { createCpuBackend } from ${JSON.stringify(cpu)};\n` +
        `ax.registerBackend('fixture', () => createCpuBackend({ name: 'fixture' }));\n`,
    );

    it('finds every installed @addax/backend-* package and checks what it registers', async () => {
      expect(installedBackendPackages(cwd)).toEqual(['@addax/backend-fixture']);
      const { code, out, err } = await cli(
        ['--only', 'mul', '--no-laws', '--num-runs', '5', '--seed', '3'],
        cwd,
      );
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(out).toContain('addax-conformance: seed 3, 5 runs per property, reference backend-cpu');
      expect(out).toContain("checking backend 'fixture' from @addax/backend-fixture");
      expect(out).toMatch(/primitive +fixture\n-+ +-+\nmul +pass\n/);
    });
  });

  it('finds backend-cpu installed next to the suite', () => {
    expect(installedBackendPackages(packageDir)).toContain('@addax/backend-cpu');
  });
});
