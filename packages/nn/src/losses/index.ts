// Losses as optax defines them: per example (or per element), left for the caller to average.
export {
  sigmoidBinaryCrossEntropy,
  softmaxCrossEntropy,
  softmaxCrossEntropyWithIntegerLabels,
} from './classification.js';
export { l2Loss, meanSquaredError, meanSquaredError as mse, squaredError } from './regression.js';
