/**
 * Feature switches for the proposals beyond WebAssembly 3.0 that the
 * testsuite carries. WebAssembly 3.0 itself (SIMD, relaxed SIMD, tail calls,
 * exceptions incl. the legacy form, memory64, multi-memory, GC, typed function
 * references, extended constants) is always on, except that multiple
 * memories and tables and 64-bit address types can be refused as earlier
 * versions did. Proposals whose binary or validation rules contradict the
 * core suite are off unless asked for.
 */
import { OPCODES, type Feature } from './opcodes.js';

/** Which proposals beyond 3.0 to accept. */
export interface Features {
  /** Shared memories and atomic instructions (threads proposal). Default on. */
  threads: boolean;
  /** `i64.add128` and friends (wide-arithmetic proposal). Default off. */
  wideArithmetic: boolean;
  /** Memory page sizes other than 64 KiB (custom-page-sizes proposal). Default off. */
  customPageSizes: boolean;
  /** Exact types, descriptor types and their instructions (custom-descriptors proposal). Default off. */
  customDescriptors: boolean;
  /**
   * More than one memory (WebAssembly 3.0, multi-memory). Default on; off
   * validates as WebAssembly 1.0/2.0 did ("multiple memories").
   */
  multiMemory: boolean;
  /**
   * More than one table (WebAssembly 2.0, reference types). Default on; off
   * validates as WebAssembly 1.0 did ("multiple tables").
   */
  multiTable: boolean;
  /**
   * 64-bit memories and tables (WebAssembly 3.0, memory64). Default on; off
   * decodes as WebAssembly 2.0 did (the 64-bit limits flag is malformed).
   */
  memory64: boolean;
}

/** The defaults documented on each field. */
export const DEFAULT_FEATURES: Readonly<Features> = Object.freeze({
  threads: true,
  wideArithmetic: false,
  customPageSizes: false,
  customDescriptors: false,
  multiMemory: true,
  multiTable: true,
  memory64: true,
});

/**
 * Every encoding switched on: for re-reading a body that has been validated
 * (the translators), where an encoding such as an exact heap type can only
 * appear if validation allowed it.
 */
export const VALIDATED_BODY_FEATURES: Readonly<Features> = Object.freeze({
  threads: true,
  wideArithmetic: true,
  customPageSizes: true,
  customDescriptors: true,
  multiMemory: true,
  multiTable: true,
  memory64: true,
});

/** Completes a partial feature set with the defaults. */
export function withDefaults(f: Partial<Features> | undefined): Features {
  return { ...DEFAULT_FEATURES, ...f };
}

const FEATURE_SWITCH: Partial<Record<Feature, keyof Features>> = {
  'threads': 'threads',
  'wide-arithmetic': 'wideArithmetic',
  'custom-descriptors': 'customDescriptors',
};

const masks = new Map<string, Uint8Array>();

/** Per-Op mask: 1 where the instruction is enabled under `f` (shared: do not modify). */
export function enabledOps(f: Features): Uint8Array {
  const key = `${+f.threads}${+f.wideArithmetic}${+f.customPageSizes}${+f.customDescriptors}`;
  let mask = masks.get(key);
  if (mask === undefined) {
    mask = Uint8Array.from(OPCODES, (row) => {
      const sw = FEATURE_SWITCH[row[4]];
      return sw === undefined || f[sw] ? 1 : 0;
    });
    masks.set(key, mask);
  }
  return mask;
}
