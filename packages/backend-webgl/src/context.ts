import { BackendError } from '@addax/core';
import { env } from '@tensorflow/tfjs-core';
import { GPGPUContext, MathBackendWebGL, setWebGLContext } from '@tensorflow/tfjs-backend-webgl';

/** The GL this backend runs on, and tfjs-backend-webgl's backend over it. */
export interface WebGLDevice {
  readonly tfBackend: MathBackendWebGL;
  readonly webGLVersion: 1 | 2;
  /** e.g. `WebGL2 (ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device ...)))`. */
  readonly description: string;
}

type GL = WebGLRenderingContext | WebGL2RenderingContext;

interface NodeRequire {
  (id: string): unknown;
}

// A browser (or worker) gets WebGL2 from a canvas; Node gets WebGL1 from headless-gl, which needs
// an X display (xvfb-run in CI). Each failure says which GL was tried and why it is missing.
function createContext(): { gl: GL; version: 1 | 2 } {
  const attributes: WebGLContextAttributes = {
    alpha: false,
    antialias: false,
    premultipliedAlpha: false,
    preserveDrawingBuffer: false,
    depth: false,
    stencil: false,
  };
  if (typeof OffscreenCanvas !== 'undefined' || typeof document !== 'undefined') {
    const canvas =
      typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
    const gl = canvas.getContext('webgl2', attributes) as WebGL2RenderingContext | null;
    if (!gl) throw new BackendError("backend 'webgl': this browser gives no WebGL2 context");
    return { gl, version: 2 };
  }
  const nodeRequire = nodeRequireOf();
  if (!nodeRequire) {
    throw new BackendError(
      "backend 'webgl': no canvas here, and no Node >= 20.16 (process.getBuiltinModule) to load headless-gl with",
    );
  }
  let createGL: (w: number, h: number, attrs: WebGLContextAttributes) => WebGLRenderingContext | null;
  try {
    createGL = nodeRequire('gl') as typeof createGL;
  } catch (e) {
    throw new BackendError(
      `backend 'webgl': Node needs the 'gl' package (headless-gl) and it did not load: ${(e as Error).message}`,
    );
  }
  const gl = createGL(1, 1, attributes);
  if (!gl) {
    throw new BackendError(
      "backend 'webgl': headless-gl made no context (is there an X display? run under `xvfb-run -a`)",
    );
  }
  return { gl, version: 1 };
}

function nodeRequireOf(): NodeRequire | undefined {
  // Through `process.getBuiltinModule` (Node >= 20.16), not a static import of 'module' that a
  // browser bundle would have to resolve.
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const mod = proc?.getBuiltinModule?.('module') as { createRequire(from: string): NodeRequire } | undefined;
  return mod?.createRequire(import.meta.url);
}

function rendererOf(gl: GL): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  return String(renderer);
}

/**
 * Creates the GL context and tfjs-backend-webgl's `MathBackendWebGL` on it, with every op sent to
 * a shader (`WEBGL_CPU_FORWARD=false`) and float32 textures required: half floats would round
 * every value, and tfjs would otherwise pick them without a word.
 */
export function createDevice(): WebGLDevice {
  const { gl, version } = createContext();
  const flags = env();
  flags.set('WEBGL_VERSION', version);
  flags.set('WEBGL_CPU_FORWARD', false);
  flags.set('WEBGL_FORCE_F16_TEXTURES', false);
  // Small arrays would otherwise reach shaders as uniforms, a path our programs' views break.
  flags.set('WEBGL_SIZE_UPLOAD_UNIFORM', 0);
  setWebGLContext(version, gl);
  if (!flags.getBool('WEBGL_RENDER_FLOAT32_CAPABLE')) {
    throw new BackendError(
      `backend 'webgl': WebGL${version} on '${rendererOf(gl)}' cannot render to float32 textures`,
    );
  }
  flags.set('WEBGL_RENDER_FLOAT32_ENABLED', true);
  // tfjs probes float downloads through an extension headless-gl does not list, then falls back
  // to an encoding that rounds (3 reads back as 3.0000002); readPixels of float32 works there, so
  // it is switched on and checked bit for bit.
  flags.set('WEBGL_DOWNLOAD_FLOAT_ENABLED', true);
  const tfBackend = new MathBackendWebGL(new GPGPUContext(gl));
  checkRoundTrip(tfBackend, `WebGL${version} on '${rendererOf(gl)}'`);
  return { tfBackend, webGLVersion: version, description: `WebGL${version} (${rendererOf(gl)})` };
}

const PROBE = new Float32Array([3, -0, 0.1, 3.4028234663852886e38, -Infinity, NaN, 16777215, 2 ** -126]);

function checkRoundTrip(tf: MathBackendWebGL, where: string): void {
  const dataId = tf.write(PROBE.slice(), [PROBE.length], 'float32');
  const copy = tf.runWebGLProgram(
    {
      variableNames: ['A'],
      outputShape: [PROBE.length],
      userCode: 'void main() { setOutput(getAAtOutCoords()); }',
    },
    [{ dataId, shape: [PROBE.length], dtype: 'float32' }],
    'float32',
  );
  const back = tf.readSync(copy.dataId) as Float32Array;
  tf.disposeData(copy.dataId);
  tf.disposeData(dataId);
  const same = PROBE.every((v, i) => Object.is(v, back[i]) || (Number.isNaN(v) && Number.isNaN(back[i])));
  if (!same) {
    throw new BackendError(
      `backend 'webgl': ${where} does not return float32 textures exactly: wrote ${Array.from(PROBE).join(', ')}, read ${Array.from(back).join(', ')}`,
    );
  }
}
