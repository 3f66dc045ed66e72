// Replaces native WebAssembly with tswasm's namespace (for runs where native exists).
import { installWebAssembly } from '../../../dist/src/index.js';
installWebAssembly({ force: true });
