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
  sin: "GLSL's sin is off by far more than 2 ulp on SwiftShader, and range reduction of |x| up to 2^128 is not feasible in a shader",
  pow: "GLSL's pow is undefined for x < 0 and not within 2 ulp for large exponents",
  atan2: "GLSL's atan(y, x) misses atan2's signed-zero and infinity cases and its 2 ulp bound",
  rem: 'an exact float remainder needs more than float32 arithmetic in a shader',
  bitcast: 'a shader cannot reinterpret float bits in WebGL1, and int32/uint32 live on the host',
  shiftLeft: 'integer-only (host arrays)',
  shiftRightLogical: 'integer-only (host arrays)',
  shiftRightArithmetic: 'integer-only (host arrays)',
};
