import * as ax from '@addax/core';
import * as nn from '@addax/nn';

/** `x * w + b` elementwise over `dims` features: a small layer whose values are easy to check. */
export class ScaleShift extends nn.BaseLayer<{ dims: number }, 'w' | 'b'> {
  override setup(): void {
    this.createVariable(
      'w',
      new nn.WeightHParams({ shape: [this.hp.dims], init: nn.WeightInit.Gaussian(1) }),
    );
    this.createVariable(
      'b',
      new nn.WeightHParams({ shape: [this.hp.dims], init: nn.WeightInit.Gaussian(1) }),
    );
  }

  call(x: ax.Array): ax.Array {
    return ax.tanh(x.mul(this.theta.w).add(this.theta.b));
  }
}

/** `[x, 2x]`: an array output, which `Sequential` spreads into the next layer's arguments. */
export class Fork extends nn.BaseLayer {
  call(x: ax.Array): [ax.Array, ax.Array] {
    return [x, x.mul(2)];
  }
}

/** `a - b`: a layer of two arguments. */
export class Difference extends nn.BaseLayer {
  call(a: ax.Array, b: ax.Array): ax.Array {
    return a.sub(b);
  }
}

/**
 * A batch-norm-like layer: a trainable scale, a non-trainable running mean moved towards the
 * batch mean in training, the input centred by the batch mean in training and the running mean
 * in evaluation.
 */
export class RunningMean extends nn.BaseLayer<{ dims: number }, 'scale'> {
  override setup(): void {
    const shape = [this.hp.dims];
    this.createVariable('scale', new nn.WeightHParams({ shape, init: nn.WeightInit.Constant(1) }));
    this.createVariable('mean', new nn.WeightHParams({ shape, init: nn.WeightInit.Constant(0) }), {
      trainable: false,
    });
  }

  call(x: ax.Array): ax.Array {
    if (this.doEval) return x.sub(this.getVar('mean')).mul(this.theta.scale);
    const batchMean = ax.mean(x, 0);
    this.updateVar('mean', this.getVar('mean').mul(0.5).add(batchMean.mul(0.5)));
    return x.sub(batchMean).mul(this.theta.scale);
  }
}
