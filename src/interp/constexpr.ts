/**
 * Evaluation of constant expressions ("Validation › Constant Expressions",
 * "Execution › Modules › Instantiation"): global initializers, table
 * initializers, segment offsets and element expressions.
 *
 * Supports what WebAssembly 2.0 and the extended-constant proposal allow:
 * `t.const`, `ref.null`, `ref.func`, `global.get`, and `i32`/`i64`
 * `add`/`sub`/`mul`. Values are kept as raw int32 words (floats as bits) on a
 * small stack, references in a parallel array; the result is written to a
 * destination the caller gives. The input must be valid.
 */
import { Reader, readInstr } from '../decoder/index.js';
import { instr } from '../ast/instr.js';
import { Op } from '../ast/op-ids.js';
import { opName } from '../ast/opcodes.js';
import type { ConstExpr } from '../ast/module.js';
import { i64_add, i64_mul, i64_sub } from '../numeric/index.js';
import type { FuncInst, GlobalInst } from './runtime.js';
import type { Value } from './values.js';

/** What a constant expression may refer to. */
export interface ConstContext {
  funcs: readonly FuncInst[];
  globals: readonly GlobalInst[];
}

/** The result of a constant expression: words `bits[0..1]` for numbers, `ref` for references. */
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
  for (;;) {
    readInstr(r, ins);
    switch (ins.op) {
      case Op.i32_const: case Op.f32_const:
        words.push(ins.x | 0, 0);
        refs.push(null);
        break;
      case Op.i64_const: case Op.f64_const:
        words.push(ins.lo | 0, ins.hi | 0);
        refs.push(null);
        break;
      case Op.ref_null:
        words.push(0, 0);
        refs.push(null);
        break;
      case Op.ref_func:
        words.push(0, 0);
        refs.push(ctx.funcs[ins.x]);
        break;
      case Op.global_get: {
        const g = ctx.globals[ins.x]!;
        words.push(g.bits[0]!, g.bits[1]!);
        refs.push(g.ref);
        break;
      }
      case Op.i32_add: case Op.i32_sub: case Op.i32_mul: {
        const b = words[words.length - 2]!;
        words.length -= 2;
        refs.pop();
        const a = words[words.length - 2]!;
        const v = ins.op === Op.i32_add ? (a + b) | 0 : ins.op === Op.i32_sub ? (a - b) | 0 : Math.imul(a, b);
        words[words.length - 2] = v;
        break;
      }
      case Op.i64_add: case Op.i64_sub: case Op.i64_mul: {
        const n = words.length;
        scratch.set([words[n - 4]!, words[n - 3]!, words[n - 2]!, words[n - 1]!]);
        (ins.op === Op.i64_add ? i64_add : ins.op === Op.i64_sub ? i64_sub : i64_mul)(scratch, 4, 0, 2);
        words.length -= 2;
        refs.pop();
        words[n - 4] = scratch[4]!;
        words[n - 3] = scratch[5]!;
        break;
      }
      case Op.end: {
        const bits = new Int32Array(2);
        bits[0] = words[words.length - 2]!;
        bits[1] = words[words.length - 1]!;
        return { bits, ref: refs[refs.length - 1] };
      }
      default:
        throw new Error(`not a constant instruction: ${opName(ins.op)}`);
    }
  }
}
