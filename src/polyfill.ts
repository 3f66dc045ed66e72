/**
 * `import 'tswasm/polyfill'`: installs tswasm's `WebAssembly` namespace on
 * `globalThis` where the engine has none (iOS Lockdown Mode, `node --jitless`,
 * Hermes…). Where native WebAssembly exists it is left alone; call
 * `installWebAssembly({ force: true })` from 'tswasm' to replace it anyway.
 */
import { installWebAssembly } from './api/install.js';

installWebAssembly();
