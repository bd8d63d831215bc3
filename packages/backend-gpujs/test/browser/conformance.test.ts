// The whole conformance suite in chromium (gpu.js mode webgl2 on SwiftShader), against backend-cpu.
import { runConformance } from '@addax/conformance';
import '../../src/index.js';

runConformance({ backend: 'gpujs', env: import.meta.env });
