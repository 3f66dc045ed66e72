/**
 * Runs a WASI command on tswasm's own interpreter (not the host's
 * WebAssembly): decode, validate, instantiate with the WASI functions as host
 * functions and the embedder's limits (fuel, memory pages), then `_start`.
 *
 * This is the seam between the engine-agnostic WASI layer and the engine:
 * the WASI functions receive the interpreter's boundary values, which use the
 * JS API's conventions (i32 as number, i64 as BigInt), and guest memory is the
 * `MemoryInst`, whose `buffer` is what `WASI` reads. Portable (no Node APIs).
 * Throws `CompileError`, `LinkError`, `RuntimeError` (traps, "fuel exhausted").
 *
 * Spec: JS API "create a host function" (the same conversions, done here
 * without the namespace so limits can be passed); preview1 `_start`.
 */
import { compileBytes } from '../api/module.js';
import type { Module } from '../ast/module.js';
import { FuncInst, MemoryInst, instantiate, invoke, moduleFuncType, type InstantiateOptions } from '../interp/index.js';
import { WASI_MODULE, type WASI } from '../wasi/index.js';

/** Decodes and validates module bytes (CompileError, also for features the interpreter cannot run yet). */
export function compileModule(bytes: Uint8Array): Module {
  return compileBytes(bytes);
}

/** The imports of `module` that `wasi` provides, as host functions of the interpreter (others are missing). */
export function wasiImports(module: Module, wasi: WASI): (mod: string, name: string) => FuncInst | undefined {
  return (mod: string, name: string) => {
    const fn = mod === WASI_MODULE ? (wasi.wasiImport[name] as unknown as ((...a: unknown[]) => unknown) | undefined) : undefined;
    if (!fn) return undefined;
    const imp = module.imports.find((i) => i.module === mod && i.name === name);
    if (!imp || imp.desc.kind !== 'func') return undefined;
    const type = moduleFuncType(module, imp.desc.type);
    return FuncInst.host(type, (args) => {
      const result = fn(...args);
      return type.results.length > 0 ? [result] : [];
    });
  };
}

/** Instantiates `module` with `wasi`'s functions under `limits` (and tier `jit`) and runs `_start`; returns the exit code. */
export function runCommand(module: Module, wasi: WASI, limits: InstantiateOptions = {}): number {
  const instance = instantiate(module, wasiImports(module, wasi), limits);
  const start = instance.exports._start;
  const memory = instance.exports.memory;
  return wasi.start({
    exports: {
      memory: memory instanceof MemoryInst ? memory : undefined,
      _start: start instanceof FuncInst ? () => invoke(start, []) : undefined,
    },
  });
}
