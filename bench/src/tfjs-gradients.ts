import { createRequire } from 'node:module';

// tfjs-core's Node bundle registers no gradients (the tfjs union package does), and the file that
// registers them is ESM with extensionless imports that Node's ESM loader rejects. Through require
// (tsx compiles it to CommonJS) it loads; the registry it fills is global, shared with the bundle.
createRequire(import.meta.url)('@tensorflow/tfjs-core/dist/register_all_gradients.js');
