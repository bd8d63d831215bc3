// Registers the fan-out tuple and composing lists with init/spec/callAndUpdate.
import './collections.js';

export {
  call,
  callAndUpdate,
  callAndUpdateWith,
  defineStateful,
  init,
  initWith,
  spec,
  specOf,
  specWith,
  update,
  type InitOptions,
  type StatefulRules,
} from './api.js';
export { tuple, Tuple } from './collections.js';
export { CauProgram, FunctionModule, type InitKwargs, type StatefulFunction } from './function-module.js';
export { defineKwargsRule, evalIRWithKwargs, splitKwargs, type Kwargs, type KwargsRule } from './kwargs.js';
export { Module, sameData, type ModuleClass } from './module.js';
export { ASSIGN, assign, variable, VARIABLE, type VariableOptions } from './variable.js';
