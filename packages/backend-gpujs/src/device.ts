import * as gpujs from 'gpu.js';
import type { IKernelRunShortcut, Texture } from 'gpu.js';

/** The gpu.js modes this backend runs on: the GL ones, whose kernels are GLSL shaders. */
export type GpujsMode = 'headlessgl' | 'webgl2' | 'webgl';

// gpu.js's browser build has no headless-gl kernel, so the classes are looked up, not imported by name.
type KernelClass = typeof gpujs.WebGLKernel;
const KERNEL_CLASSES: Readonly<Record<GpujsMode, KernelClass | undefined>> = {
  headlessgl: (gpujs as { HeadlessGLKernel?: KernelClass }).HeadlessGLKernel,
  webgl2: gpujs.WebGL2Kernel,
  webgl: gpujs.WebGLKernel,
};

/** The mode that suits where the code runs: WebGL2 in a browser, headless-gl in Node. */
export function defaultMode(): GpujsMode {
  return typeof document === 'undefined' ? 'headlessgl' : 'webgl2';
}

/** A compiled kernel's argument: a texture made on the device, or host data gpu.js uploads. */
export type KernelInput = Texture | Float32Array;

const UNAVAILABLE: Record<GpujsMode, () => string | undefined> = {
  headlessgl: () =>
    gpujs.GPU.isHeadlessGLSupported
      ? undefined
      : `the 'gl' package did not load or made no context (DISPLAY=${globalThis.process?.env.DISPLAY ?? 'unset'}; run under xvfb-run -a)`,
  webgl2: () => (gpujs.GPU.isWebGL2Supported ? undefined : 'there is no WebGL2 context here'),
  webgl: () => (gpujs.GPU.isWebGLSupported ? undefined : 'there is no WebGL context here'),
};

/**
 * One gpu.js instance in one mode, checked to really be that mode: gpu.js falls back to another
 * kernel class (down to its CPU one) without saying so, and this backend must never run on
 * anything but what it reports.
 */
export class Device {
  readonly gpu: gpujs.GPU;
  private readonly kernelClass: KernelClass;

  constructor(readonly mode: GpujsMode) {
    const kernelClass = KERNEL_CLASSES[mode];
    const why = kernelClass ? UNAVAILABLE[mode]() : 'this build of gpu.js has no kernel for it';
    if (why !== undefined) throw new Error(`gpu.js mode '${mode}' is not available: ${why}`);
    this.kernelClass = kernelClass!;
    this.gpu = new gpujs.GPU({ mode });
    if (this.gpu.Kernel !== this.kernelClass) {
      throw new Error(`gpu.js chose kernel class ${this.gpu.Kernel.name} for mode '${mode}'`);
    }
  }

  /** Throws unless `kernel` is this mode's GL kernel (gpu.js swaps in another on a failed compile). */
  assertKernel(kernel: IKernelRunShortcut, what: string): void {
    if (!(kernel.kernel instanceof this.kernelClass)) {
      const name = (kernel.kernel as object).constructor.name;
      throw new Error(
        `backend 'gpujs': the kernel '${what}' fell back from gpu.js mode '${this.mode}' to ${name}`,
      );
    }
  }
}
