/**
 * tswasm's WASI preview1 (`wasi_snapshot_preview1`) with a deny-by-default
 * capability policy. Portable: no Node APIs here (the Node file system and
 * stream adapters are the separate entry `node-fs.node.ts`).
 *
 *     import { WASI, MemoryFileSystem } from 'tswasm/wasi';
 *     const fs = new MemoryFileSystem();
 *     fs.writeFile('greeting.txt', 'hi');
 *     const wasi = new WASI({
 *       args: ['cat', '/data/greeting.txt'],
 *       stdout: (bytes) => console.log(new TextDecoder().decode(bytes)),
 *       preopens: [{ guestPath: '/data', fs }],
 *     });
 *     const instance = new WebAssembly.Instance(module, wasi.getImports());
 *     const exitCode = wasi.start(instance);
 *
 * Exports: `WASI`, `WasiExit`, the policy types and `DEFAULT_POLICY`,
 * `MemoryFileSystem` and the `FileSystem` interface, `inspectImports`, and
 * `Errno`/`errnoName` for interpreting results.
 */
export { WASI, WASI_MODULE, type WasiInstance, type MemoryLike, type HostFunction } from './wasi.js';
export { WasiExit } from './errors.js';
export {
  DEFAULT_POLICY, type WasiPolicy, type PreopenPolicy, type ClockPolicy, type RandomPolicy, type InputSource,
  type OutputSink, type Capability, type CapabilityUse,
} from './policy.js';
export { MemoryFileSystem, type MemoryFileSystemOptions } from './fs/memory.js';
export type { FileSystem, FsNode, Filestat, DirEntry, OpenFile, OpenMode } from './fs/types.js';
export { ErrnoError } from './errors.js';
export { Errno, errnoName } from './constants.js';
export { inspectImports, WASI_FUNCTIONS, type ImportReport, type ImportDescriptor } from './inspect.js';
