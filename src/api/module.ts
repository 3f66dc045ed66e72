/**
 * `WebAssembly.Module` ("WebAssembly JavaScript Interface › Modules"):
 * compiling bytes (decode, validate, and refuse what the interpreter cannot
 * execute yet), and the static reflection functions `imports`, `exports`,
 * `customSections`.
 *
 * Compilation is eager for decoding and validation; translation to register
 * code happens lazily, per function, on its first call (src/interp).
 */
import { CompileError } from '../errors.js';
import { ExternKind, type Module as ModuleAst } from '../ast/module.js';
import { decode, ModuleDecoder, decodeStream, type ReadableStreamLike } from '../decoder/index.js';
import { createStreamingValidator } from '../validator/index.js';
import { bufferSourceBytes } from './descriptors.js';
import { unsupportedFeature } from '../interp/support.js';
import { checkBuiltinImports, isBuiltinImport, readCompileOptions, type CompileOptions } from './builtins.js';

const NO_OPTIONS = readCompileOptions(undefined);

const asts = new WeakMap<Module, ModuleAst>();

const KIND_NAMES = ['function', 'table', 'memory', 'global', 'tag'] as const;

/** Refuses a valid module that uses a feature the interpreter cannot run yet. */
function checkSupported(m: ModuleAst, usedOps: Uint8Array): void {
  const f = unsupportedFeature(m, usedOps);
  if (f !== null) throw new CompileError(`unsupported feature: ${f} (tswasm cannot execute it yet)`);
}

/**
 * Decodes, validates and checks `bytes`, with the builtin imports of compile
 * options `options` (builtins.ts); throws CompileError.
 */
export function compileBytes(bytes: Uint8Array, options: CompileOptions = NO_OPTIONS): ModuleAst {
  const sv = createStreamingValidator();
  const m = decode(bytes, sv);
  checkSupported(m, sv.finish(m).usedOps);
  checkBuiltinImports(m, options);
  return m;
}

/** Decodes and validates a stream as it arrives (bodies validated while the download continues). */
export async function compileStream(stream: ReadableStreamLike, options: CompileOptions = NO_OPTIONS): Promise<ModuleAst> {
  const sv = createStreamingValidator();
  const m = await decodeStream(stream, sv);
  checkSupported(m, sv.finish(m).usedOps);
  checkBuiltinImports(m, options);
  return m;
}

/** The module AST of a `WebAssembly.Module`; TypeError for anything else. */
export function moduleAst(m: unknown): ModuleAst {
  const ast = m instanceof Object ? asts.get(m as Module) : undefined;
  if (ast === undefined) throw new TypeError('a WebAssembly.Module is required');
  return ast;
}

/** `WebAssembly.Module`: a compiled, stateless module. */
export class Module {
  constructor(bytes: unknown, options?: unknown) {
    if (!new.target) throw new TypeError("Constructor WebAssembly.Module requires 'new'");
    const b = bufferSourceBytes(bytes);
    asts.set(this, compileBytes(b, readCompileOptions(options)));
  }

  /** @internal A Module around an already compiled AST. */
  static fromAst(ast: ModuleAst): Module {
    const m = Object.create(Module.prototype) as Module;
    asts.set(m, ast);
    return m;
  }

  /** The module's imports: `{ module, name, kind }` in order (builtin and string-constant imports left out). */
  static imports(moduleObject: unknown): { module: string; name: string; kind: string }[] {
    const m = moduleAst(moduleObject);
    return m.imports.filter((i) => !isBuiltinImport(m, i)).map((i) => ({ module: i.module, name: i.name, kind: kindName(i.desc.kind) }));
  }

  /** The module's exports: `{ name, kind }` in order. */
  static exports(moduleObject: unknown): { name: string; kind: string }[] {
    const m = moduleAst(moduleObject);
    return m.exports.map((e) => ({ name: e.name, kind: KIND_NAMES[e.kind as ExternKind]! }));
  }

  /** Copies of the contents of the custom sections named `sectionName`. */
  static customSections(moduleObject: unknown, sectionName: unknown): ArrayBuffer[] {
    const m = moduleAst(moduleObject);
    if (sectionName === undefined) throw new TypeError('WebAssembly.Module.customSections: a section name is required');
    const name = String(sectionName);
    return m.customs.filter((c) => c.name === name).map((c) => c.data.slice().buffer);
  }
}

function kindName(k: 'func' | 'table' | 'memory' | 'global' | 'tag'): string {
  return k === 'func' ? 'function' : k;
}

export { ModuleDecoder };
