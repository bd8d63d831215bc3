import * as ax from '@addax/core';
import * as nn from '@addax/nn';

/** x @ w + b, with a non-trainable call counter: the layer the spine's tests run. */
export class Affine extends nn.BaseLayer<{ inputDims: number; outputDims: number }, 'w' | 'b'> {
  override setup(): void {
    this.createVariable('w', new nn.WeightHParams({ shape: [this.hp.inputDims, this.hp.outputDims] }));
    this.createVariable(
      'b',
      new nn.WeightHParams({ shape: [this.hp.outputDims], init: nn.WeightInit.Constant(0) }),
    );
    this.createVariable('calls', new nn.WeightHParams({ shape: [], init: nn.WeightInit.Constant(0) }), {
      trainable: false,
    });
  }

  call(x: ax.Array): ax.Array {
    this.updateVar('calls', this.getVar('calls').add(1));
    this.addSummary('mean', x.mean());
    return ax.matmul(x, this.theta.w).add(this.theta.b);
  }
}

/** Two Affine children, a template field for the second, and a noise draw when not evaluating. */
export class TwoLayer extends nn.BaseLayer<
  { dims: number; secondTpl: nn.pax.LayerConfig<Affine> | null; noise: number },
  never
> {
  static override readonly defaults = { secondTpl: null, noise: 0 } satisfies Partial<TwoLayer['hp']>;
  first!: Affine;
  second!: Affine;

  override setup(): void {
    const d = this.hp.dims;
    this.first = this.createChild('first', Affine.config({ inputDims: d, outputDims: d }));
    this.second = this.createChild(
      'second',
      this.hp.secondTpl ?? Affine.config({ inputDims: d, outputDims: d }),
    );
  }

  call(x: ax.Array): ax.Array {
    const h = this.second.call(ax.tanh(this.first.call(x)));
    if (this.hp.noise === 0 || this.doEval) return h;
    return h.add(ax.random.normal(this.nextPrngKey(), h.shape).mul(this.hp.noise));
  }
}
