// The whole conformance suite on the Node lane (headless-gl, WebGL1), against backend-cpu.
import { runConformance } from '@addax/conformance';
import '../src/index.js';

runConformance({ backend: 'webgl' });
