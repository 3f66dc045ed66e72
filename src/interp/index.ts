/**
 * tswasm's interpreter: instantiate a (validated) module and invoke its
 * functions. Function bodies are translated to register code on first call
 * (translate.ts) and run by one executor loop (exec.ts); see README.md.
 *
 * ```ts
 * import { decode } from '../decoder/index.js';
 * import { instantiate, invoke, FuncInst } from './index.js';
 * const inst = instantiate(decode(bytes), { env: { log: FuncInst.host({ params: [0x7f], results: [] }, ([x]) => console.log(x)) } });
 * const [r] = invoke(inst.exports.run as FuncInst, [10]);   // i32 in, i32 out
 * ```
 *
 * Errors: `instantiate` throws `LinkError` (imports) and `RuntimeError` (a
 * segment out of bounds, a trapping start function); `invoke` throws
 * `RuntimeError` for traps (including "call stack exhausted" and "fuel
 * exhausted") and `TypeError` for arguments of the wrong count or JS type;
 * a wasm exception that no handler catches leaves `invoke` as the `ExnInst`
 * itself (host functions raise one by throwing an `ExnInst`). Both pass
 * through whatever else a host function throws. Values at this boundary
 * are raw bits: see values.ts.
 */
export { instantiate, defaultStore, type Imports, type InstantiateOptions } from './instantiate.js';
export { invoke } from './invoke.js';
export {
  FuncInst, TableInst, MemoryInst, GlobalInst, TagInst, Store, PAGE_SIZE, type ExternVal, type FuncType, type HostFunc,
  type Instance, type StoreLimits,
} from './runtime.js';
export {
  type Value, readGlobal, writeGlobal, f32ToBits, f32FromBitsValue, f64ToBits, f64FromBitsValue,
} from './values.js';
export { ExnInst } from './exceptions.js';
export { spectest } from './spectest.js';
export { moduleFuncType, moduleValType } from './rtypes.js';
export {
  Stepper, valueText, instrText, type StepValue, type StepLabel, type StepFrame, type Step, type MemoryTouch,
  type Breakpoint, type StopReason, type MachineEntry, type StepperOptions,
} from './stepper.js';
export { GcStruct, GcArray, isI31, refMatches } from './gc.js';
