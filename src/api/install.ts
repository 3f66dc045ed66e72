/**
 * Installing tswasm's namespace as `globalThis.WebAssembly` (the polyfill).
 */
import { WebAssembly } from './namespace.js';

/**
 * Installs tswasm's `WebAssembly` namespace on `globalThis` when there is none
 * (or always, with `force`). Returns true if it installed it.
 */
export function installWebAssembly(options: { force?: boolean } = {}): boolean {
  const g = globalThis as unknown as { WebAssembly?: unknown };
  if (g.WebAssembly !== undefined && !options.force) return false;
  Object.defineProperty(globalThis, 'WebAssembly', { value: WebAssembly, writable: true, configurable: true, enumerable: false });
  return true;
}
