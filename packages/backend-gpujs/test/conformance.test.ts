// The whole conformance suite against backend-gpujs in Node (headless-gl under Xvfb): every
// primitive and transformation law, compared with backend-cpu.
import { runConformance } from '@addax/conformance';
import '../src/index.js';

runConformance({ backend: 'gpujs' });
