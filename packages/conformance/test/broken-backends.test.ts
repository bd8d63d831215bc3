import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import {
  checkPrimitive,
  DEFAULT_SEED,
  LAW_CASES,
  LAWS,
  PRIMITIVE_SPECS,
  runSettings,
  type PrimitiveSpec,
} from '@addax/conformance';
import { reversedFusionBackend } from './broken/fusion.js';
import { BROKEN_BACKENDS } from './broken/index.js';

// The default seed and two others: a planted bug must be caught by the suite's generators, not by
// one lucky seed.
const SEEDS = [DEFAULT_SEED, 1, 2];

function spec(name: string): PrimitiveSpec {
  const found = PRIMITIVE_SPECS.find((s) => s.name === name);
  if (!found) throw new Error(`no spec for ${name}`);
  return found;
}

describe('the suite catches every purpose-broken backend', () => {
  for (const broken of BROKEN_BACKENDS) {
    it(`fails ${broken.primitives.join(', ')} on a backend with ${broken.bug}`, async () => {
      ax.registerBackend(broken.name, broken.create);
      for (const primitive of broken.primitives) {
        for (const seed of SEEDS) {
          const outcome = await checkPrimitive(spec(primitive), broken.name, runSettings({ seed }));
          expect(outcome.status, `${primitive}, seed ${seed}`).toBe('fail');
          expect(outcome.message).toContain(`${primitive}: backend '${broken.name}'`);
          expect(outcome.message).toContain('differs from the reference');
          expect(outcome.message).not.toContain('the reference rejected');
        }
      }
    });
  }

  it('passes backend-cpu on the same primitives and seeds', async () => {
    const targeted = [...new Set(BROKEN_BACKENDS.flatMap((b) => b.primitives))];
    for (const primitive of targeted) {
      for (const seed of SEEDS) {
        const outcome = await checkPrimitive(spec(primitive), 'cpu', runSettings({ seed }));
        expect(outcome, `${primitive}, seed ${seed}`).toEqual({ status: 'pass' });
      }
    }
  });
});

describe('the jit law catches what no primitive check can', () => {
  ax.registerBackend('broken-fusion', () => reversedFusionBackend('broken-fusion'));
  const settings = runSettings();

  it('fails jit for a fusion compiler that binds inputs in reverse, which every primitive and the reference law pass', async () => {
    const elementwise = LAW_CASES.find((c) => c.name === 'elementwise')!;
    const jit = await LAWS.jit(elementwise, 'broken-fusion', settings);
    expect(jit.status).toBe('fail');
    expect(jit.message).toContain("jit law, elementwise: jit(f) on backend 'broken-fusion' differs from f");
    expect(jit.message).toContain('jit(f) (first call) vs f: element ');
    expect(await LAWS.reference(elementwise, 'broken-fusion', settings)).toEqual({ status: 'pass' });
    for (const name of ['add', 'mul', 'sin', 'exp']) {
      expect(await checkPrimitive(spec(name), 'broken-fusion', settings)).toEqual({ status: 'pass' });
    }
  });
});
