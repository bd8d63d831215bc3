/** What the webgl backend holds and has done, from {@link WebGLBackend.memory}. */
export interface WebGLMemory {
  /** Live tfjs data ids (each a texture, or values waiting for upload); what a leak grows. */
  readonly numDataIds: number;
  /** Bytes in textures tfjs counts as used. */
  readonly numBytesInGPU: number;
  /** Textures tfjs has allocated (used or pooled for reuse). */
  readonly numBytesInGPUAllocated: number;
  /** Live int32/uint32 (and empty) arrays kept on the host. */
  readonly numHostBuffers: number;
  /** Kernel calls that ran on the CPU reference, by primitive (the declared fallbacks). */
  readonly cpuFallbacks: Readonly<Record<string, number>>;
}
