import { allocTyped, type DType, type KernelArg, type TypedArray } from '@addax/core';
import type { Texture } from 'gpu.js';
import { onDevice, type GpujsBuffer } from './buffer.js';
import { KernelCache, type KernelSource } from './compile.js';
import type { Device, KernelInput } from './device.js';

// An operand no output element reads (an empty array padded, say) still needs an argument.
const UNREAD = new Float32Array([0]);

/** What the kernels share: the device, its kernel cache, and the counts of what is alive. */
export class Runtime {
  readonly cache: KernelCache;
  /** Textures held by live arrays. */
  liveTextures = 0;
  /** Per primitive, how many times it ran on the CPU reference (the declared fallbacks). */
  readonly fallbacks = new Map<string, number>();

  constructor(readonly device: Device) {
    this.cache = new KernelCache(device);
  }

  /** An operand as a kernel argument: its texture, or its host data as float32. */
  input(arg: KernelArg<GpujsBuffer>): KernelInput {
    const b = arg.buffer;
    if (b.kind === 'texture') return b.texture;
    if (b.kind === 'empty' || b.data.length === 0) return UNREAD;
    return b.data instanceof Float32Array ? b.data : Float32Array.from(b.data);
  }

  /** Runs `source` for every element of an output of `size` elements (no kernel for none). */
  run(source: KernelSource, size: number, inputs: readonly KernelInput[]): GpujsBuffer {
    if (size === 0) return { kind: 'empty' };
    return this.wrap(this.cache.run(source, size, inputs), size);
  }

  /** A buffer owning `texture`. */
  wrap(texture: Texture, size: number): GpujsBuffer {
    this.liveTextures++;
    return { kind: 'texture', texture, size, shared: { count: 1 } };
  }

  /** Another array's handle on the same texture (reshape), freed with the last one. */
  share(buffer: GpujsBuffer): GpujsBuffer {
    if (buffer.kind === 'texture') buffer.shared.count++;
    return buffer;
  }

  upload(data: TypedArray, dtype: DType): GpujsBuffer {
    if (!onDevice(dtype)) return { kind: 'host', data: data.slice() };
    const values = data instanceof Float32Array ? data : Float32Array.from(data);
    return this.run({ main: 'return a0[i];', natives: [] }, data.length, [values]);
  }

  readSync(buffer: GpujsBuffer, dtype: DType): TypedArray {
    if (buffer.kind === 'host') return buffer.data.slice();
    const out = allocTyped(dtype, buffer.kind === 'empty' ? 0 : buffer.size);
    if (buffer.kind === 'texture')
      out.set((buffer.texture.toArray() as Float32Array).subarray(0, buffer.size));
    return out;
  }

  dispose(buffer: GpujsBuffer): void {
    if (buffer.kind !== 'texture' || --buffer.shared.count > 0) return;
    buffer.texture.delete();
    this.liveTextures--;
  }
}
