/**
 * The declared CPU fallbacks: the primitives this backend runs on the CPU reference
 * (`@addax/backend-cpu`'s kernels) whatever their operands, and why. Every other kernel also runs
 * there when an operand or output is int32 or uint32 (those arrays live on the host: see data.ts),
 * except gather's and scatterAdd's indices, argmax's and argmin's results, sort's non-key operands
 * and threefry2x32's operands and results (kernels/index.ts's `hostKernels`); when it is empty;
 * when all its operands are on the host (except threefry2x32, whose always are); or when its
 * shaders would not fit (more than 6 axes; a scatterAdd of more than 2^24 output element and index
 * vector pairs; a sort of more than 2^24 element and lane element pairs). Each call is counted in
 * `memory().cpuFallbacks`.
 */
export const CPU_FALLBACKS: Readonly<Record<string, string>> = {
  bitcast: 'a shader cannot reinterpret float bits in WebGL1, and int32/uint32 live on the host',
  shiftLeft: 'integer-only (host arrays)',
  shiftRightLogical: 'integer-only (host arrays)',
  shiftRightArithmetic: 'integer-only (host arrays)',
};
