/**
 * Evaluation of constant expressions ("Validation › Constant Expressions",
 * "Execution › Modules › Instantiation"): global initializers, table
 * initializers, segment offsets and element expressions.
 *
 * Supports what WebAssembly 3.0 allows: `t.const` (`v128.const` included),
 * `ref.null`, `ref.func`, `global.get`, `i32`/`i64` `add`/`sub`/`mul`
 * (extended constants), and the GC allocations `struct.new(_default)`,
 * `array.new(_default/_fixed)`, `ref.i31`, `any.convert_extern`,
 * `extern.convert_any` (through gc-ops.ts, as the executor runs them).
 * Values are kept as raw int32 words (floats as bits) on a small stack, four
 * words a slot so that a v128 fits (lane order as in `src/numeric/simd.ts`),
 * references in a parallel array. The input must be valid.
 */
import { Reader, readInstr } from '../decoder/index.js';
import { instr } from '../ast/instr.js';
import { Op } from '../ast/op-ids.js';
import { opName } from '../ast/opcodes.js';
import type { ConstExpr } from '../ast/module.js';
import { i64_add, i64_mul, i64_sub } from '../numeric/index.js';
import type { FuncInst, GlobalInst } from './runtime.js';
import type { Value } from './values.js';
import { Kind, defaultStruct, refI31, type ArrayLayout, type Layouts, type StructLayout } from './gc.js';
import { arrayNew, arrayNewDefault, arrayNewFixed, structNew } from './gc-ops.js';

/** What a constant expression may refer to. */
export interface ConstContext {
  funcs: readonly FuncInst[];
  globals: readonly GlobalInst[];
  /** The module's struct and array layouts (moduleLayouts), for GC allocations. */
  layouts: Layouts;
}

/** Words a stack slot takes. */
const SLOT = 4;

/**
 * Pops the top `kinds.length` values (storage kinds, gc.ts) and lays them out
 * as consecutive registers for gc-ops: one cell (two words) each, a v128 two.
 */
function popArgs(words: number[], refs: Value[], kinds: ArrayLike<number>): { I: Int32Array; R: Value[] } {
  const n = kinds.length;
  const slots = words.splice(words.length - SLOT * n, SLOT * n);
  const popped = refs.splice(refs.length - n, n);
  let size = 0;
  for (let i = 0; i < n; i++) size += kinds[i] === Kind.W128 ? 4 : 2;
  const I = new Int32Array(size);
  const R = new Array<Value>(size >> 1).fill(null);
  for (let i = 0, w = 0; i < n; i++) {
    const width = kinds[i] === Kind.W128 ? 4 : 2;
    for (let k = 0; k < width; k++) I[w + k] = slots[SLOT * i + k]!;
    R[w >> 1] = popped[i];
    w += width;
  }
  return { I, R };
}

/** Pushes reference `v`. */
function pushRef(words: number[], refs: Value[], v: Value): void {
  words.push(0, 0, 0, 0);
  refs.push(v);
}

/** The result of a constant expression: words `bits[0..3]` for numbers (i32/f32: word 0, i64/f64: 0..1, v128: 0..3), `ref` for references. */
export interface ConstResult {
  bits: Int32Array;
  ref: Value;
}

/** Evaluates `expr` and returns its value (a fresh result object). */
export function evalConst(expr: ConstExpr, ctx: ConstContext): ConstResult {
  const r = new Reader(expr);
  const ins = instr(0);
  const words: number[] = [];
  const refs: Value[] = [];
  const scratch = new Int32Array(6);
  const push = (w0: number, w1: number, w2: number, w3: number, ref: Value): void => {
    words.push(w0, w1, w2, w3);
    refs.push(ref);
  };
  for (;;) {
    readInstr(r, ins);
    switch (ins.op) {
      case Op.i32_const: case Op.f32_const:
        push(ins.x | 0, 0, 0, 0, null);
        break;
      case Op.i64_const: case Op.f64_const:
        push(ins.lo | 0, ins.hi | 0, 0, 0, null);
        break;
      case Op.v128_const: {
        const v = new DataView(ins.bytes!.buffer, ins.bytes!.byteOffset, 16);
        push(v.getInt32(0, true), v.getInt32(4, true), v.getInt32(8, true), v.getInt32(12, true), null);
        break;
      }
      case Op.ref_null:
        push(0, 0, 0, 0, null);
        break;
      case Op.ref_func:
        push(0, 0, 0, 0, ctx.funcs[ins.x]);
        break;
      case Op.global_get: {
        const g = ctx.globals[ins.x]!.bits;
        push(g[0]!, g[1]!, g[2]!, g[3]!, ctx.globals[ins.x]!.ref);
        break;
      }
      case Op.i32_add: case Op.i32_sub: case Op.i32_mul: {
        const n = words.length;
        const a = words[n - 8]!;
        const b = words[n - 4]!;
        words.length -= 4;
        refs.pop();
        words[n - 8] = ins.op === Op.i32_add ? (a + b) | 0 : ins.op === Op.i32_sub ? (a - b) | 0 : Math.imul(a, b);
        break;
      }
      case Op.i64_add: case Op.i64_sub: case Op.i64_mul: {
        const n = words.length;
        scratch.set([words[n - 8]!, words[n - 7]!, words[n - 4]!, words[n - 3]!]);
        (ins.op === Op.i64_add ? i64_add : ins.op === Op.i64_sub ? i64_sub : i64_mul)(scratch, 4, 0, 2);
        words.length -= 4;
        refs.pop();
        words[n - 8] = scratch[4]!;
        words[n - 7] = scratch[5]!;
        break;
      }
      case Op.ref_i31:
        refs.pop();
        pushRef(words, refs, refI31(words.splice(words.length - SLOT, SLOT)[0]!));
        break;
      case Op.any_convert_extern: case Op.extern_convert_any:
        break;
      case Op.struct_new: {
        const l = ctx.layouts[ins.x] as StructLayout;
        const { I, R } = popArgs(words, refs, l.kinds);
        pushRef(words, refs, structNew(l, I, R, 0));
        break;
      }
      case Op.struct_new_default:
        pushRef(words, refs, defaultStruct(ctx.layouts[ins.x] as StructLayout));
        break;
      case Op.array_new: {
        const l = ctx.layouts[ins.x] as ArrayLayout;
        const { I, R } = popArgs(words, refs, [l.kind, Kind.W32]);
        pushRef(words, refs, arrayNew(l, I, R, 0, I[l.kind === Kind.W128 ? 4 : 2]! >>> 0));
        break;
      }
      case Op.array_new_default: {
        const { I } = popArgs(words, refs, [Kind.W32]);
        pushRef(words, refs, arrayNewDefault(ctx.layouts[ins.x] as ArrayLayout, I[0]! >>> 0));
        break;
      }
      case Op.array_new_fixed: {
        const l = ctx.layouts[ins.x] as ArrayLayout;
        const { I, R } = popArgs(words, refs, new Array<number>(ins.y).fill(l.kind));
        pushRef(words, refs, arrayNewFixed(l, I, R, 0, ins.y));
        break;
      }
      case Op.end: {
        const n = words.length;
        const bits = new Int32Array(4);
        for (let k = 0; k < 4; k++) bits[k] = words[n - 4 + k]!;
        return { bits, ref: refs[refs.length - 1] };
      }
      default:
        throw new Error(`not a constant instruction: ${opName(ins.op)}`);
    }
  }
}
