import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import { createCpuBackend } from '@addax/backend-cpu';
import * as nn from '@addax/nn';
import {
  checkBackend,
  LAW_CASES,
  layerCase,
  NN_LAYER_CASES,
  planChecks,
  PRIMITIVE_SPECS,
  runSettings,
  type BackendReport,
} from '@addax/conformance';
import { BROKEN_BACKENDS } from './broken/index.js';

const LAYER_NAMES = NN_LAYER_CASES.map((c) => c.name);

// Each check runs every layer case: about 40 s for one whose failures shrink on a quiet machine,
// and CI runs it beside the GPU lanes' tests on two cores (69 s measured there).
const TIMEOUT = 240_000;

/** A layer's public name (`nn.Dense`): it carries its layer class. */
const isLayerFactory = (v: unknown): v is nn.LayerFactory<nn.Layer, never[]> =>
  typeof v === 'function' && 'layer' in v;

/** The layer cases whose checks failed, each once. */
function failingCases(report: BackendReport): string[] {
  return [...new Set(report.laws.filter((l) => l.outcome.status === 'fail').map((l) => l.lawCase))];
}

/** Every layer case checked on `backend`, with `seed`. */
function checkLayers(backend: string, seed?: number): Promise<BackendReport> {
  return checkBackend({
    backend,
    only: LAYER_NAMES,
    ...runSettings({ ...(seed !== undefined && { seed }) }),
  });
}

describe('the layer suites', () => {
  it('have a case for every layer factory @addax/nn exports', () => {
    const factories = (Object.values(nn) as unknown[]).filter(isLayerFactory);
    expect(factories.map((f) => f.name)).toContain('Dense');
    const covered = new Set(NN_LAYER_CASES.map((c) => c.template.cls));
    expect(factories.filter((f) => !covered.has(f.layer)).map((f) => f.name)).toEqual([]);
  });

  it('have names of their own, so that only and skip select them', () => {
    const names = [...PRIMITIVE_SPECS.map((s) => s.name), ...LAW_CASES.map((c) => c.name), ...LAYER_NAMES];
    expect(new Set(names).size).toBe(names.length);
  });

  it('run by default with the reference and grad laws; given layers are added, and skip leaves cases out', () => {
    const mine = layerCase({
      name: 'my-dense',
      template: nn.Dense(2),
      input: [3],
      tolerance: LAW_CASES[0]!.tolerance,
    });
    const plan = planChecks({ backend: 'cpu', layers: [mine], skip: ['nn.Relu'] });
    const checked = plan.laws.map((l) => `${l.lawCase.name} ${l.law}`);
    expect(checked).toContain('nn.Dense reference');
    expect(checked).toContain('nn.Serial-cnn grad');
    expect(checked).toContain('my-dense grad');
    expect(checked.filter((c) => c.startsWith('nn.Relu '))).toEqual([]);
    expect(plan.skipped).toEqual(['nn.Relu']);
    expect(planChecks({ backend: 'cpu', laws: false }).laws).toEqual([]);
  });

  it(
    "pass on backend-cpu's decomposed backend (only the minimal kernels), with a seed other than the default",
    async () => {
      ax.registerBackend('layers-decomposed', () =>
        createCpuBackend({ name: 'layers-decomposed', only: ax.MINIMAL_PRIMITIVES }),
      );
      const report = await checkLayers('layers-decomposed', 1);
      expect(report.primitives).toEqual([]);
      expect(report.laws.map((l) => `${l.lawCase} ${l.law}`)).toEqual(
        LAYER_NAMES.flatMap((n) => [`${n} reference`, `${n} grad`]),
      );
      expect(failingCases(report)).toEqual([]);
      expect(report.laws.every((l) => l.outcome.status === 'pass')).toBe(true);
    },
    TIMEOUT,
  );
});

describe('the layer suites catch purpose-broken backends', () => {
  const brokenBackend = (name: string): string => {
    const found = BROKEN_BACKENDS.find((b) => b.name === name)!;
    if (!ax.listBackends().some((b) => b.name === name)) ax.registerBackend(name, found.create);
    return name;
  };

  it(
    'fail exactly the cases that convolve on a backend whose conv shifts its padding by one',
    async () => {
      const report = await checkLayers(brokenBackend('broken-conv'));
      expect(failingCases(report).sort()).toEqual(
        [
          'nn.Conv-SAME',
          'nn.Conv-VALID-strides-2',
          'nn.Deconv-SAME-strides-2',
          'nn.Deconv-VALID',
          'nn.Serial-cnn',
        ].sort(),
      );
      const conv = report.laws.find((l) => l.lawCase === 'nn.Conv-SAME' && l.law === 'reference')!;
      expect(conv.outcome.message).toContain(
        "reference law, nn.Conv-SAME: f on backend 'broken-conv' differs from f on the reference",
      );
    },
    TIMEOUT,
  );

  it(
    'fail exactly MaxPooling with SAME padding on a backend whose reduceWindowMax pads with 0',
    async () => {
      const report = await checkLayers(brokenBackend('broken-max-pool-padding'));
      expect(failingCases(report)).toEqual(['nn.MaxPooling-SAME']);
      const laws = report.laws.filter((l) => l.lawCase === 'nn.MaxPooling-SAME').map((l) => l.outcome.status);
      expect(laws).toEqual(['fail', 'fail']);
    },
    TIMEOUT,
  );

  it(
    'fail both BatchNorm cases on a backend whose reduceSum reduces the mirrored axes',
    async () => {
      const report = await checkLayers(brokenBackend('broken-reduce-axes'));
      const failing = failingCases(report);
      expect(failing).toContain('nn.BatchNorm-training');
      expect(failing).toContain('nn.BatchNorm-inference');
      expect(failing).toContain('nn.LayerNorm');
    },
    TIMEOUT,
  );
});
