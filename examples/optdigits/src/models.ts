import * as nn from '@addax/nn';
import { CLASSES } from './data.js';

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
