import type { IKernelRunShortcut, Texture } from 'gpu.js';
import type { Device, KernelInput } from './device.js';

/**
 * A kernel as generated source: `main` is the body of a gpu.js kernel function of `a0, a1, ...`
 * in which `i` is the output element's flat index and `NAN`, `INF` hold those values; it returns
 * the element. `natives` are GLSL functions it calls (gpu.js translates `main` from JavaScript, but
 * arithmetic with IEEE corner cases is clearer, and exact, written in GLSL).
 */
export interface KernelSource {
  readonly main: string;
  readonly natives: readonly string[];
}

// NaN and Infinity cannot be GLSL literals; a constant texture brings them in.
const SPECIALS = new Float32Array([NaN, Infinity]);
const PRELUDE =
  'const i = this.thread.x; const NAN = this.constants.sp[0]; const INF = this.constants.sp[1];';

function nativeName(source: string): string {
  const match = /^\s*\w+\s+(\w+)\s*\(/.exec(source);
  if (!match) throw new Error(`backend 'gpujs': cannot read the name of GLSL function ${source}`);
  return match[1]!;
}

function inputSize(input: KernelInput): number {
  return input instanceof Float32Array
    ? input.length
    : (input as unknown as { output: number[] }).output.reduce((a, b) => a * b, 1);
}

/**
 * Compiles and caches gpu.js kernels by source and sizes (gpu.js specialises a kernel to its
 * argument and output sizes, and compiling is the slow part, in software GL most of all), and
 * runs them as pipeline kernels with immutable results, so every result is a texture of its own.
 */
export class KernelCache {
  private readonly kernels = new Map<string, IKernelRunShortcut>();

  constructor(private readonly device: Device) {}

  /** How many kernels are compiled. */
  get size(): number {
    return this.kernels.size;
  }

  /** Runs `source` over `size` output elements, a new texture. */
  run(source: KernelSource, size: number, inputs: readonly KernelInput[]): Texture {
    const key = `${source.main}\n${source.natives.join('\n')}\n${size}:${inputs.map(inputSize).join(',')}`;
    let kernel = this.kernels.get(key);
    if (!kernel) {
      kernel = this.compile(source, size, inputs.length);
      this.kernels.set(key, kernel);
    }
    const result = kernel(...inputs) as Texture;
    this.device.assertKernel(kernel, source.main);
    return result;
  }

  private compile(source: KernelSource, size: number, arity: number): IKernelRunShortcut {
    const params = Array.from({ length: arity }, (_, k) => `a${k}`).join(', ');
    const names = new Set<string>();
    const natives = source.natives
      .map((s) => ({ name: nativeName(s), source: s }))
      .filter(({ name }) => !names.has(name) && names.add(name));
    return this.device.gpu.createKernel(`function(${params}) { ${PRELUDE} ${source.main} }`, {
      output: [size],
      pipeline: true,
      immutable: true,
      precision: 'single',
      tactic: 'precision',
      constants: { sp: SPECIALS },
      nativeFunctions: natives,
    });
  }

  /** Frees every compiled kernel. */
  destroy(): void {
    for (const kernel of this.kernels.values()) kernel.destroy();
    this.kernels.clear();
  }
}
