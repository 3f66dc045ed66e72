/**
 * The `WebAssembly` namespace object with the exact shape of the JS API
 * ("WebAssembly JavaScript Interface › The WebAssembly Namespace"):
 * constructors, error classes, and `validate`, `compile`, `instantiate` (both
 * overloads), `compileStreaming`, `instantiateStreaming`.
 *
 * Streaming compilation feeds the response body to the decoder's push
 * interface chunk by chunk, validating each function body as it arrives.
 */
import { CompileError, LinkError, RuntimeError } from '../errors.js';
import type { ReadableStreamLike } from '../decoder/index.js';
import { bufferSourceBytes } from './descriptors.js';
import { Instance } from './instance.js';
import { Module, compileBytes, compileStream, moduleAst } from './module.js';
import { Exception, Global, JSTag, Memory, Table, Tag } from './objects.js';
import { readCompileOptions, type CompileOptions } from './builtins.js';

/** `WebAssembly.validate(bytes, options)`: true iff tswasm can compile the bytes. TypeError for a non-buffer. */
function validate(bytes: unknown, options?: unknown): boolean {
  const b = bufferSourceBytes(bytes);
  const o = readCompileOptions(options);
  try {
    compileBytes(b, o);
    return true;
  } catch (e) {
    if (e instanceof CompileError) return false;
    throw e;
  }
}

/** `WebAssembly.compile(bytes, options)`. */
function compile(bytes: unknown, options?: unknown): Promise<Module> {
  return new Promise((resolve) => {
    const b = bufferSourceBytes(bytes);
    resolve(Module.fromAst(compileBytes(b, readCompileOptions(options))));
  });
}

function checkImportObject(importObject: unknown): void {
  if (importObject !== undefined && (importObject === null || (typeof importObject !== 'object' && typeof importObject !== 'function'))) {
    throw new TypeError('the import object must be an object');
  }
}

/**
 * `WebAssembly.instantiate(bytes, imports, options)` → `{ module, instance }`;
 * `instantiate(module, imports)` → instance.
 */
function instantiate(source: unknown, importObject?: unknown, options?: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    checkImportObject(importObject);
    if (source instanceof Module) {
      moduleAst(source);
      resolve(new Instance(source, importObject));
      return;
    }
    const b = bufferSourceBytes(source);
    const module = Module.fromAst(compileBytes(b, readCompileOptions(options)));
    resolve({ module, instance: new Instance(module, importObject) });
  });
}

/** The part of a fetch `Response` the streaming functions use. */
interface ResponseLike {
  ok: boolean;
  url?: string;
  headers: { get(name: string): string | null };
  body: ReadableStreamLike | null;
  arrayBuffer(): Promise<ArrayBuffer>;
}

async function responseModule(source: unknown, options: CompileOptions): Promise<Module> {
  const r = (await source) as ResponseLike;
  if (r === null || typeof r !== 'object' || typeof r.arrayBuffer !== 'function' || !r.headers) {
    throw new TypeError('WebAssembly.compileStreaming: a Response is required');
  }
  const mime = r.headers.get('Content-Type');
  if (mime === null || mime.split(';')[0]!.trim().toLowerCase() !== 'application/wasm') {
    throw new TypeError("WebAssembly.compileStreaming: the response's MIME type must be application/wasm");
  }
  if (!r.ok) throw new TypeError('WebAssembly.compileStreaming: the response status is not ok');
  if (r.body !== null && typeof r.body.getReader === 'function') return Module.fromAst(await compileStream(r.body, options));
  return Module.fromAst(compileBytes(new Uint8Array(await r.arrayBuffer()), options));
}

/** `WebAssembly.compileStreaming(response, options)`. */
async function compileStreaming(source: unknown, options?: unknown): Promise<Module> {
  return responseModule(source, readCompileOptions(options));
}

/** `WebAssembly.instantiateStreaming(response, imports, options)` → `{ module, instance }`. */
async function instantiateStreaming(
  source: unknown, importObject?: unknown, options?: unknown,
): Promise<{ module: Module; instance: Instance }> {
  checkImportObject(importObject);
  const module = await responseModule(source, readCompileOptions(options));
  return { module, instance: new Instance(module, importObject) };
}

/** The namespace's shape. */
export interface WebAssemblyNamespace {
  Module: typeof Module;
  Instance: typeof Instance;
  Memory: typeof Memory;
  Table: typeof Table;
  Global: typeof Global;
  Tag: typeof Tag;
  Exception: typeof Exception;
  JSTag: Tag;
  CompileError: typeof CompileError;
  LinkError: typeof LinkError;
  RuntimeError: typeof RuntimeError;
  validate: typeof validate;
  compile: typeof compile;
  instantiate: typeof instantiate;
  compileStreaming: typeof compileStreaming;
  instantiateStreaming: typeof instantiateStreaming;
}

/** tswasm's `WebAssembly` namespace. */
export const WebAssembly: WebAssemblyNamespace = {} as WebAssemblyNamespace;
const members: [string, unknown][] = [
  ['Module', Module], ['Instance', Instance], ['Memory', Memory], ['Table', Table], ['Global', Global],
  ['Tag', Tag], ['Exception', Exception], ['JSTag', JSTag], ['CompileError', CompileError], ['LinkError', LinkError],
  ['RuntimeError', RuntimeError], ['validate', validate], ['compile', compile], ['instantiate', instantiate],
  ['compileStreaming', compileStreaming], ['instantiateStreaming', instantiateStreaming],
];
for (const [name, value] of members) {
  Object.defineProperty(WebAssembly, name, { value, writable: true, configurable: true, enumerable: false });
}
Object.defineProperty(WebAssembly, Symbol.toStringTag, { value: 'WebAssembly', configurable: true });
for (const [name, cls] of [['Module', Module], ['Instance', Instance], ['Memory', Memory], ['Table', Table], ['Global', Global], ['Tag', Tag], ['Exception', Exception]] as const) {
  Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: `WebAssembly.${name}`, configurable: true });
}
