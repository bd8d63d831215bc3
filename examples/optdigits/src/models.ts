import type * as ax from '@addax/core';
import * as nn from '@addax/nn';
import { CLASSES, PIXELS } from './data.js';

/** The models the main job trains, by their `--model` name. */
export const MODELS = {
  /** Dense 256, ReLU, Dropout 0.2, Dense 10 on the 64 pixels. */
  mlp: () => nn.Dense(256).compose(nn.Relu()).compose(nn.Dropout(0.2)).compose(nn.Dense(CLASSES)),
  /**
   * On the 8x8 image: Conv 32 3x3 SAME, BatchNorm, ReLU, MaxPool 2, Conv 64 3x3 SAME, ReLU,
   * MaxPool 2, Dense 10.
   */
  cnn: () =>
    nn.Serial.of(
      nn.Reshape([8, 8, 1]),
      nn.Conv(32, [3, 3], { padding: 'SAME' }),
      nn.BatchNorm(),
      nn.Relu(),
      nn.MaxPooling([2, 2], { strides: [2, 2] }),
      nn.Conv(64, [3, 3], { padding: 'SAME' }),
      nn.Relu(),
      nn.MaxPooling([2, 2], { strides: [2, 2] }),
      nn.Flatten(),
      nn.Dense(CLASSES),
    ),
} as const;

export type ModelName = keyof typeof MODELS;

/** Hyperparameters of {@link PaxMlp}. */
export interface PaxMlpHParams {
  readonly inputDims: number;
  readonly hiddenDims: number;
  readonly numClasses: number;
  /** The probability that Dropout keeps an activation (Pax's convention). */
  readonly keepProb: number;
}

/**
 * The `mlp` model written in Pax's style: FeedForward 256 with ReLU, Dropout keeping 0.8,
 * FeedForward 10 without activation, declared in `setup` and run through `init`/`apply`.
 */
export class PaxMlp extends nn.BaseLayer<PaxMlpHParams> {
  static override readonly defaults = {
    inputDims: PIXELS,
    hiddenDims: 256,
    numClasses: CLASSES,
    keepProb: 0.8,
  } satisfies Partial<PaxMlpHParams>;
  hidden!: nn.pax.FeedForward;
  dropout!: nn.pax.Dropout;
  logits!: nn.pax.FeedForward;

  override setup(): void {
    const { inputDims, hiddenDims, numClasses, keepProb } = this.hp;
    this.hidden = this.createChild(
      'hidden',
      nn.pax.FeedForward.config({ inputDims, outputDims: hiddenDims }),
    );
    this.dropout = this.createChild('dropout', nn.pax.Dropout.config({ keepProb }));
    this.logits = this.createChild(
      'logits',
      nn.pax.FeedForward.config({
        inputDims: hiddenDims,
        outputDims: numClasses,
        activationTpl: nn.pax.Identity.config(),
      }),
    );
  }

  call(x: ax.Array): ax.Array {
    return this.logits.call(this.dropout.call(this.hidden.call(x)));
  }
}

/**
 * The models written in Pax's style, by `--model` name, as Oryx templates (`nn.pax.asTemplate`),
 * so the same training loop runs them.
 */
export const PAX_MODELS = {
  mlp: () => nn.pax.asTemplate(PaxMlp.config()),
} as const;
