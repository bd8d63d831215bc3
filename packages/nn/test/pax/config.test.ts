import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { describe, expect, it } from 'vitest';
import { Affine, TwoLayer } from './test-layers.js';

describe('layer configs', () => {
  it('fill defaults, and set returns the config for chaining', () => {
    const cfg = TwoLayer.config({ dims: 3 });
    expect(cfg.hp.noise).toBe(0);
    expect(cfg.hp.dtype).toBe('float32');
    expect(cfg.set({ noise: 0.5 })).toBe(cfg);
    expect(cfg.hp.noise).toBe(0.5);
  });

  it('clone is deep: changing a clone or its nested template leaves the original alone', () => {
    const cfg = TwoLayer.config({ dims: 3, secondTpl: Affine.config({ inputDims: 3, outputDims: 3 }) });
    const copy = cfg.clone();
    copy.set({ dims: 4 });
    copy.hp.secondTpl!.set({ outputDims: 7 });
    expect(cfg.hp.dims).toBe(3);
    expect(cfg.hp.secondTpl!.hp.outputDims).toBe(3);
    expect(copy.hp.secondTpl!.hp.outputDims).toBe(7);
  });

  it('a field the layer lacks is an error naming the layer and its fields', () => {
    const cfg = Affine.config({ inputDims: 2, outputDims: 2 });
    expect(() => cfg.set({ outputDim: 3 } as never)).toThrow(
      /Affine.config: no hyperparameter 'outputDim' \(it has .*outputDims/,
    );
  });

  it('instantiate copies the config: later changes do not reach the layer', () => {
    const cfg = Affine.config({ inputDims: 2, outputDims: 2 });
    const layer = cfg.instantiate();
    cfg.set({ outputDims: 9 });
    expect(layer.hp.outputDims).toBe(2);
    expect(Object.isFrozen(layer.hp)).toBe(true);
  });

  it('template fields stay configs in the layer', () => {
    const tpl = Affine.config({ inputDims: 3, outputDims: 3 });
    const layer = TwoLayer.config({ dims: 3, secondTpl: tpl }).instantiate();
    expect(layer.hp.secondTpl).toBeInstanceOf(nn.pax.LayerConfig);
  });

  it('toText lists every field, nested configs under their field name', () => {
    const text = TwoLayer.config({
      dims: 3,
      secondTpl: Affine.config({ inputDims: 3, outputDims: 5 }),
    }).toText();
    expect(text.split('\n')).toEqual(
      expect.arrayContaining([
        'cls : TwoLayer',
        'dims : 3',
        'noise : 0',
        "dtype : 'float32'",
        'paramsInit : WeightInit(xavier, 1.000001)',
        'secondTpl.cls : Affine',
        'secondTpl.outputDims : 5',
      ]),
    );
  });
});

describe('children inherit base hyperparameters as in Pax', () => {
  it('dtype, fpropDtype, paramsInit and the Lp flag reach children left at their defaults', () => {
    const layer = TwoLayer.config({
      dims: 2,
      fpropDtype: 'float32',
      paramsInit: nn.WeightInit.Constant(0.5),
      skipLpRegularization: true,
    }).instantiate();
    const first = layer.children.get('first')!;
    expect(first.hp.paramsInit.equals(nn.WeightInit.Constant(0.5))).toBe(true);
    expect(first.hp.fpropDtype).toBe('float32');
    expect(first.hp.skipLpRegularization).toBe(true);
    expect(first.hp.name).toBe('first');
  });

  it("a child's own paramsInit is kept", () => {
    const layer = TwoLayer.config({
      dims: 2,
      paramsInit: nn.WeightInit.Constant(0.5),
      secondTpl: Affine.config({ inputDims: 2, outputDims: 2, paramsInit: nn.WeightInit.Gaussian(1) }),
    }).instantiate();
    expect(layer.children.get('second')!.hp.paramsInit.method).toBe('gaussian');
    expect(layer.children.get('first')!.hp.paramsInit.method).toBe('constant');
  });

  it('the inherited init is what the variables are drawn with, and the Lp flag annotates them', () => {
    const layer = TwoLayer.config({
      dims: 2,
      paramsInit: nn.WeightInit.Constant(0.5),
      skipLpRegularization: true,
    }).instantiate();
    const meta = layer.abstractInit();
    const w = (meta.params!.first as Record<string, nn.WeightHParams>).w!;
    expect(w.init!.equals(nn.WeightInit.Constant(0.5))).toBe(true);
    expect(nn.pax.varSkipLpRegularization(w)).toBe(true);
  });
});
