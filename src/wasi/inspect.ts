/**
 * Capability introspection before running: which WASI functions a module
 * imports and which policy capabilities those let it ask for.
 *
 * `inspectImports` accepts module bytes (it reads only the import section,
 * with its own tiny reader, so it works without the engine and on modules the
 * engine might not support) or a ready import list such as
 * `WebAssembly.Module.imports(m)`. `WASI_FUNCTIONS` is the table of every
 * preview1 function: its signature and the capabilities it touches; the
 * tests check that `WASI` implements exactly these. Deliberately not a
 * validator: a malformed binary gives `CompileError` only for what this
 * reader needs.
 *
 * Spec: core binary format 5.5.5 "Import Section"; preview1 function list.
 */
import { CompileError } from '../errors.js';
import type { Capability } from './policy.js';
import { utf8Decode } from './utf8.js';
import { WASI_MODULE } from './wasi.js';

/**
 * Signature (`i32`/`i64` params → results) and capabilities of each preview1
 * function. `capabilities` lists what importing the function lets a module
 * reach *on its own*: `fd_seek` or `fd_pread` list none because they only act
 * on descriptors some other call handed out (files come from `path_open`,
 * directories from the preopens, which `fd_prestat_get`/`fd_readdir`/`path_*` reveal).
 */
export const WASI_FUNCTIONS: Readonly<Record<string, { params: string; results: string; capabilities: readonly Capability[] }>> = {
  args_get: { params: 'i32 i32', results: 'i32', capabilities: ['args'] },
  args_sizes_get: { params: 'i32 i32', results: 'i32', capabilities: ['args'] },
  environ_get: { params: 'i32 i32', results: 'i32', capabilities: ['env'] },
  environ_sizes_get: { params: 'i32 i32', results: 'i32', capabilities: ['env'] },
  clock_res_get: { params: 'i32 i32', results: 'i32', capabilities: ['clock'] },
  clock_time_get: { params: 'i32 i64 i32', results: 'i32', capabilities: ['clock'] },
  fd_advise: { params: 'i32 i64 i64 i32', results: 'i32', capabilities: [] },
  fd_allocate: { params: 'i32 i64 i64', results: 'i32', capabilities: [] },
  fd_close: { params: 'i32', results: 'i32', capabilities: [] },
  fd_datasync: { params: 'i32', results: 'i32', capabilities: [] },
  fd_fdstat_get: { params: 'i32 i32', results: 'i32', capabilities: [] },
  fd_fdstat_set_flags: { params: 'i32 i32', results: 'i32', capabilities: [] },
  fd_fdstat_set_rights: { params: 'i32 i64 i64', results: 'i32', capabilities: [] },
  fd_filestat_get: { params: 'i32 i32', results: 'i32', capabilities: ['fs'] },
  fd_filestat_set_size: { params: 'i32 i64', results: 'i32', capabilities: [] },
  fd_filestat_set_times: { params: 'i32 i64 i64 i32', results: 'i32', capabilities: ['fs'] },
  fd_pread: { params: 'i32 i32 i32 i64 i32', results: 'i32', capabilities: [] },
  fd_prestat_get: { params: 'i32 i32', results: 'i32', capabilities: ['fs'] },
  fd_prestat_dir_name: { params: 'i32 i32 i32', results: 'i32', capabilities: ['fs'] },
  fd_pwrite: { params: 'i32 i32 i32 i64 i32', results: 'i32', capabilities: [] },
  fd_read: { params: 'i32 i32 i32 i32', results: 'i32', capabilities: ['stdin'] },
  fd_readdir: { params: 'i32 i32 i32 i64 i32', results: 'i32', capabilities: ['fs'] },
  fd_renumber: { params: 'i32 i32', results: 'i32', capabilities: [] },
  fd_seek: { params: 'i32 i64 i32 i32', results: 'i32', capabilities: [] },
  fd_sync: { params: 'i32', results: 'i32', capabilities: [] },
  fd_tell: { params: 'i32 i32', results: 'i32', capabilities: [] },
  fd_write: { params: 'i32 i32 i32 i32', results: 'i32', capabilities: ['stdout', 'stderr'] },
  path_create_directory: { params: 'i32 i32 i32', results: 'i32', capabilities: ['fs'] },
  path_filestat_get: { params: 'i32 i32 i32 i32 i32', results: 'i32', capabilities: ['fs'] },
  path_filestat_set_times: { params: 'i32 i32 i32 i32 i64 i64 i32', results: 'i32', capabilities: ['fs'] },
  path_link: { params: 'i32 i32 i32 i32 i32 i32 i32', results: 'i32', capabilities: ['fs'] },
  path_open: { params: 'i32 i32 i32 i32 i32 i64 i64 i32 i32', results: 'i32', capabilities: ['fs'] },
  path_readlink: { params: 'i32 i32 i32 i32 i32 i32', results: 'i32', capabilities: ['fs'] },
  path_remove_directory: { params: 'i32 i32 i32', results: 'i32', capabilities: ['fs'] },
  path_rename: { params: 'i32 i32 i32 i32 i32 i32', results: 'i32', capabilities: ['fs'] },
  path_symlink: { params: 'i32 i32 i32 i32 i32', results: 'i32', capabilities: ['fs'] },
  path_unlink_file: { params: 'i32 i32 i32', results: 'i32', capabilities: ['fs'] },
  poll_oneoff: { params: 'i32 i32 i32 i32', results: 'i32', capabilities: ['clock', 'stdin'] },
  proc_exit: { params: 'i32', results: '', capabilities: ['exit'] },
  proc_raise: { params: 'i32', results: 'i32', capabilities: [] },
  sched_yield: { params: '', results: 'i32', capabilities: [] },
  random_get: { params: 'i32 i32', results: 'i32', capabilities: ['random'] },
  sock_accept: { params: 'i32 i32 i32', results: 'i32', capabilities: ['sockets'] },
  sock_recv: { params: 'i32 i32 i32 i32 i32 i32', results: 'i32', capabilities: ['sockets'] },
  sock_send: { params: 'i32 i32 i32 i32 i32', results: 'i32', capabilities: ['sockets'] },
  sock_shutdown: { params: 'i32 i32', results: 'i32', capabilities: ['sockets'] },
};

/** One import, as `WebAssembly.Module.imports` describes it. */
export interface ImportDescriptor {
  module: string;
  name: string;
  kind: string;
}

/** What `inspectImports` found. */
export interface ImportReport {
  /** Every import, in order. */
  imports: ImportDescriptor[];
  /** Whether the module imports anything from `wasi_snapshot_preview1`. */
  usesWasi: boolean;
  /** The preview1 functions imported, sorted. */
  wasiFunctions: string[];
  /** Imports from `wasi_snapshot_preview1` that preview1 does not define (instantiation will fail). */
  unknownWasiFunctions: string[];
  /** The capabilities the WASI imports can ask for, sorted. */
  capabilities: Capability[];
  /** Import modules other than WASI (the embedder must supply them). */
  otherModules: string[];
}

const KINDS = ['function', 'table', 'memory', 'global', 'tag'];

/** Reads the import section of a binary module. */
function readImports(bytes: Uint8Array): ImportDescriptor[] {
  let at = 0;
  const fail = (what: string): never => {
    throw new CompileError(what, at);
  };
  const byte = () => (at < bytes.length ? bytes[at++] : fail('unexpected end'));
  const leb = (): number => {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = byte();
      result += (b & 0x7f) * scale;
      scale *= 128;
      if (!(b & 0x80)) return result;
    }
    return fail('integer representation too long');
  };
  const name = (): string => {
    const len = leb();
    if (at + len > bytes.length) fail('unexpected end');
    const s = utf8Decode(bytes.subarray(at, at + len));
    at += len;
    return s ?? fail('malformed UTF-8 encoding');
  };
  const refOrValType = () => {
    const t = byte();
    if (t === 0x63 || t === 0x64) leb(); // (ref null? heaptype)
  };
  const limits = () => {
    const flags = byte();
    leb();
    if (flags & 1) leb();
  };
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) fail('magic header not detected');
  at = 8;
  while (at < bytes.length) {
    const id = byte();
    const size = leb();
    const end = at + size;
    if (end > bytes.length) fail('section size mismatch');
    if (id !== 2) {
      at = end;
      continue;
    }
    const out: ImportDescriptor[] = [];
    for (let n = leb(); n > 0; n--) {
      const module = name();
      const field = name();
      const kind = byte();
      if (kind === 0) leb();
      else if (kind === 1) (refOrValType(), limits());
      else if (kind === 2) limits();
      else if (kind === 3) (refOrValType(), byte());
      else if (kind === 4) (byte(), leb());
      else fail('malformed import kind');
      out.push({ module, name: field, kind: KINDS[kind] });
    }
    return out;
  }
  return [];
}

/**
 * Lists what a module imports and which WASI capabilities it can ask for,
 * without instantiating it. Throws `CompileError` for bytes that are not a
 * module or whose import section is malformed.
 */
export function inspectImports(source: Uint8Array | ArrayBuffer | readonly ImportDescriptor[]): ImportReport {
  const imports = Array.isArray(source)
    ? (source as readonly ImportDescriptor[]).map((i) => ({ module: i.module, name: i.name, kind: i.kind }))
    : readImports(source instanceof Uint8Array ? source : new Uint8Array(source as ArrayBuffer));
  const wasi = new Set<string>();
  const unknown = new Set<string>();
  const capabilities = new Set<Capability>();
  const others = new Set<string>();
  for (const i of imports) {
    if (i.module !== WASI_MODULE) {
      others.add(i.module);
      continue;
    }
    const fn = Object.prototype.hasOwnProperty.call(WASI_FUNCTIONS, i.name) ? WASI_FUNCTIONS[i.name] : undefined;
    if (!fn || i.kind !== 'function') {
      unknown.add(i.name);
      continue;
    }
    wasi.add(i.name);
    for (const c of fn.capabilities) capabilities.add(c);
  }
  return {
    imports,
    usesWasi: wasi.size + unknown.size > 0,
    wasiFunctions: [...wasi].sort(),
    unknownWasiFunctions: [...unknown].sort(),
    capabilities: [...capabilities].sort(),
    otherModules: [...others].sort(),
  };
}
