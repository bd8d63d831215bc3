export { layerFactory, type LayerFactory } from './factory.js';
export { filterKwargs, type AcceptedKwargs, type LayerKwargs } from './kwargs.js';
export { Layer, type LayerClass } from './layer.js';
export { layerCauP, type LayerCauParams } from './layer-cau.js';
export { layerParams, type Empty, type LayerParams } from './layer-params.js';
export { Serial, type AnyTemplate } from './serial.js';
export { Template, type TemplateCallOptions, type TemplateInitOptions } from './template.js';
