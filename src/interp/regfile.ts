/**
 * The register file: one `ArrayBuffer` of 64-bit cells shared by all frames
 * of a store, with `Int32Array`, `Float32Array` and `Float64Array` views, and
 * a parallel JS array for references.
 *
 * Representation inside the executor (documented here, once):
 * - A frame is a window of the file starting at word `fp` (even): its locals
 *   (parameters first) then its temporaries, one 64-bit cell each, except
 *   v128, which takes two (`cellsOf`): values are placed by running sums of
 *   their widths, never at "index × one cell". Register operands are word
 *   offsets from `fp`.
 * - i32: word 0 of the cell (`I32[w]`), int32. The high word is garbage.
 * - i64: words 0 (low) and 1 (high), two's complement; never a BigInt.
 * - f32: word 0 as its bit pattern; arithmetic reads and writes it through the
 *   `Float32Array` view (the store rounds to binary32, as `Math.fround`).
 * - f64: both words as the `Float64Array` element `w >> 1` (little-endian host
 *   assumed, as every engine we target is).
 * - Moves, selects, globals, locals, loads/stores, calls and reinterpretations
 *   copy int32 words, never floats, so NaN payloads survive bit-exactly.
 * - References (funcref: a `FuncInst`; externref: any host value; null: `null`)
 *   live in `refs[w >> 1]`.
 *
 * The file grows by doubling up to its limit; growing replaces the views, so
 * the executor re-reads them after a call that may have grown the file.
 */
import { V128, type ValType } from '../ast/types.js';
import { trapExhausted } from './traps.js';
import type { Value } from './values.js';

/** Cells a value of type t takes in a frame: two for v128, one for every other type. */
export function cellsOf(t: ValType): number {
  return t === V128 ? 2 : 1;
}

/** Word offsets of values of `types` laid out one after another from word 0. */
export function valueWords(types: readonly ValType[]): number[] {
  const words: number[] = [];
  let w = 0;
  for (const t of types) {
    words.push(w);
    w += 2 * cellsOf(t);
  }
  return words;
}

/** Initial size in cells. */
const INITIAL_CELLS = 1 << 14;

export class RegisterFile {
  i32: Int32Array;
  f32: Float32Array;
  f64: Float64Array;
  refs: Value[];
  /** Most cells the file may grow to. */
  readonly maxCells: number;

  constructor(maxCells: number) {
    this.maxCells = maxCells;
    const cells = Math.min(INITIAL_CELLS, maxCells);
    const buf = new ArrayBuffer(cells * 8);
    this.i32 = new Int32Array(buf);
    this.f32 = new Float32Array(buf);
    this.f64 = new Float64Array(buf);
    this.refs = new Array<Value>(cells).fill(null);
  }

  /** Makes room for `words` words (traps "call stack exhausted" beyond the limit). */
  ensure(words: number): void {
    if (words <= this.i32.length) return;
    const need = (words + 1) >> 1;
    if (need > this.maxCells) trapExhausted();
    let cells = this.f64.length;
    while (cells < need) cells *= 2;
    cells = Math.min(cells, this.maxCells);
    const buf = new ArrayBuffer(cells * 8);
    const i32 = new Int32Array(buf);
    i32.set(this.i32);
    this.i32 = i32;
    this.f32 = new Float32Array(buf);
    this.f64 = new Float64Array(buf);
    for (let k = this.refs.length; k < cells; k++) this.refs.push(null);
  }
}
