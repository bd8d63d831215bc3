import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_NUM_RUNS, DEFAULT_SEED, runSettings } from '@addax/conformance';

const saved = { ...process.env };

describe('runSettings', () => {
  afterEach(() => {
    process.env = { ...saved };
  });

  it('defaults to a fixed seed and the default run count', () => {
    delete process.env['ADDAX_CONFORMANCE_SEED'];
    delete process.env['NUM_RUNS'];
    expect(runSettings()).toEqual({ seed: DEFAULT_SEED, numRuns: DEFAULT_NUM_RUNS });
  });

  it('reads ADDAX_CONFORMANCE_SEED and NUM_RUNS, and options override them', () => {
    process.env['ADDAX_CONFORMANCE_SEED'] = '-12';
    process.env['NUM_RUNS'] = '1000';
    expect(runSettings()).toEqual({ seed: -12, numRuns: 1000 });
    expect(runSettings({ seed: 3, numRuns: 5 })).toEqual({ seed: 3, numRuns: 5 });
  });

  it('rejects values that are not what they should be, naming the variable', () => {
    process.env['NUM_RUNS'] = 'many';
    expect(() => runSettings()).toThrow('NUM_RUNS=many: expected a positive integer');
    process.env['NUM_RUNS'] = '0';
    expect(() => runSettings()).toThrow('NUM_RUNS=0');
    process.env['ADDAX_CONFORMANCE_SEED'] = '1.5';
    expect(() => runSettings({ numRuns: 1 })).toThrow(
      'ADDAX_CONFORMANCE_SEED=1.5: expected a 32-bit integer',
    );
    expect(() => runSettings({ seed: 2 ** 40 })).toThrow('seed 1099511627776');
  });

  it('reads the variables from the env given instead of process.env (a browser has none)', () => {
    process.env['NUM_RUNS'] = '1000';
    expect(runSettings({ env: { NUM_RUNS: '7', ADDAX_CONFORMANCE_SEED: '5' } })).toEqual({
      seed: 5,
      numRuns: 7,
    });
    expect(runSettings({ env: {} })).toEqual({ seed: DEFAULT_SEED, numRuns: DEFAULT_NUM_RUNS });
    expect(() => runSettings({ env: { NUM_RUNS: 'x' } })).toThrow('NUM_RUNS=x');
  });
});
