/**
 * The typed AST of a WebAssembly script (`.wast`, the testsuite's format;
 * "Scripts" in the reference interpreter's README): module definitions,
 * registrations, actions and assertions, with argument values and expected
 * result patterns (NaN patterns, reference patterns, `either`, v128 lanes).
 *
 * Numbers keep their bit patterns: i64/f64 as two int32 words, f32 as its
 * bits, v128 as 16 bytes, so nothing is lost to JS numbers.
 *
 * Deliberately not here: executing a script (spec-tests/ does that).
 */
import type { Module } from '../ast/module.js';

/** Where a script module comes from. Text modules are parsed on demand (`parse`). */
export type ModuleSource =
  | { kind: 'text'; /** Parses the module (throws CompileError). */ parse: () => Module; /** The module's source text. */ text: string }
  | { kind: 'binary'; bytes: Uint8Array }
  | { kind: 'quote'; text: string };

/** A constant value: an argument of an action, or an exact expected result. */
export type Value =
  | { type: 'i32'; value: number }
  | { type: 'i64'; lo: number; hi: number }
  | { type: 'f32'; bits: number }
  | { type: 'f64'; lo: number; hi: number }
  | { type: 'v128'; bytes: Uint8Array }
  /** `(ref.null ht)`: `heap` is the heap type's text (`func`, `extern`, `any`, …, or a type index as digits). */
  | { type: 'ref.null'; heap: string }
  /** `(ref.extern n)`: a host reference wrapped as an external reference. */
  | { type: 'ref.extern'; value: number }
  /** `(ref.host n)`: a host reference (anyref). */
  | { type: 'ref.host'; value: number };

/** A NaN pattern of a float result. */
export type NanPattern = 'nan:canonical' | 'nan:arithmetic';

/** An expected result ("Assertions › results"). */
export type Expected =
  | { type: 'value'; value: Value }
  | { type: 'f32-nan'; nan: NanPattern }
  | { type: 'f64-nan'; nan: NanPattern }
  /** v128 with float lanes some of which are NaN patterns: `nans[i]` null means lane i must equal `bytes`. */
  | { type: 'v128-lanes'; shape: 'f32x4' | 'f64x2'; bytes: Uint8Array; nans: (NanPattern | null)[] }
  /** `(ref.null)` with no heap type: any null reference. */
  | { type: 'ref.null-any' }
  /** A non-null reference of the given abstract kind (`func`, `extern`, `any`, `eq`, `i31`, `struct`, `array`, `exn`, `null`). */
  | { type: 'ref'; kind: string }
  | { type: 'either'; options: Expected[] };

/** An action: invoke an export, or read an exported global. */
export interface Action {
  type: 'invoke' | 'get';
  /** The module's name (`$M`), or null for the last module. */
  module: string | null;
  name: string;
  args: Value[];
  line: number;
}

interface Base {
  /** 1-based line of the command in the script. */
  line: number;
}

/** A script command. */
export type Command =
  | (Base & { type: 'module'; name: string | null; source: ModuleSource; /** `(module definition …)`: not instantiated. */ definition: boolean })
  | (Base & { type: 'instance'; name: string | null; of: string | null })
  | (Base & { type: 'register'; as: string; name: string | null })
  | (Base & { type: 'action'; action: Action })
  | (Base & { type: 'assert_return'; action: Action; expected: Expected[] })
  | (Base & { type: 'assert_trap'; action: Action; message: string })
  | (Base & { type: 'assert_trap_module'; source: ModuleSource; message: string })
  | (Base & { type: 'assert_exhaustion'; action: Action; message: string })
  | (Base & { type: 'assert_exception'; action: Action })
  | (Base & { type: 'assert_invalid' | 'assert_malformed' | 'assert_unlinkable' | 'assert_malformed_custom'
    | 'assert_invalid_custom' | 'assert_uninstantiable'; source: ModuleSource; message: string });
