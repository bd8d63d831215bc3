import { fromHalfWords, rowLength, THREEFRY, toHalfWords } from '@addax/glsl';
import { program, readBack, runProgram, sample } from '../programs/program.js';
import type { HostKernel } from './gpu-kernel.js';

/**
 * `threefry2x32` in a shader, as backend-gpujs's: its uint32 operands (host arrays) go up as
 * 16-bit halves in one float texture (`toHalfWords`' four rows), one shader computes each
 * element's hash once (`tf_hash4`) into a packed texel, the 2x2 block of its two output words'
 * halves in `fromHalfWords`' layout, and the two uint32 results come back as host arrays.
 */
export const threefry2x32: HostKernel = (tf, operands) => {
  const words = operands.flatMap((o) => (o.buffer.kind === 'host' ? [o.buffer.data] : []));
  if (words.length !== operands.length) return undefined;
  const n = words[0]!.length;
  const m = rowLength(n);
  const shape = [4, 2 * m];
  const halves = {
    dataId: tf.write(toHalfWords(words, m), shape, 'float32'),
    shape,
    dtype: 'float32' as const,
  };
  const loads = [0, 1, 2, 3].flatMap((q) => [
    sample('A', [String(q), 'pair']),
    sample('A', [String(q), 'pair + 1']),
  ]);
  // A packed program's coords are its texel's first element: row 0, column 2j for element j.
  const main = `ivec2 coords = getOutputCoords();\nint pair = coords.y;\nsetOutput(tf_hash4(${loads.join(', ')}));`;
  try {
    const prog = { ...program(['A'], [2, 2 * m], main, { helpers: THREEFRY }), packedOutput: true };
    const result = readBack(tf, runProgram(tf, prog, [halves], [2, 2 * m]));
    return fromHalfWords(result, m, n).map((data) => ({ kind: 'host', data }));
  } finally {
    tf.disposeData(halves.dataId);
  }
};
