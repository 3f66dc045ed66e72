/**
 * The translator: a validated function body (stack code, as bytes) → register
 * code (isa.ts), once, on the function's first call. This file is the
 * dispatch: it reads the body's instructions and hands each to the layer
 * that translates it. The layers, one job per file, each extending the one
 * before:
 *
 * 1. translate-emit.ts — the code buffer; every instruction checked against
 *    its declared operand count;
 * 2. translate-stack.ts — the operand stack model (where each slot's value
 *    is, cell widths, homes, locals, the constant pool) and the frame layout;
 * 3. translate-fusions.ts — the peephole rewrites into superinstructions,
 *    each with its pattern in that file's header;
 * 4. translate-control.ts — blocks, branches, return, calls (tail calls and
 *    call_ref too), fuel;
 * 5. translate-exceptions.ts — throw, try_table, legacy try/catch/delegate/
 *    rethrow: the function's handler table;
 * 6. translate-memory.ts — loads, stores, memory.size/grow;
 * 6½. translate-gc.ts — the GC room: structs, arrays, i31, casts;
 * 7. here — numeric instructions (constant folding, `_imm` forms), variables,
 *    references, tables, bulk memory, and the loop over the body, which skips
 *    unreachable code up to the matching `else`/`end` (or `catch`,
 *    `catch_all`, `delegate`). Iterative: nesting depth costs no host stack.
 *
 * Deliberately not here: validation (the input must be valid; a malformed
 * body gives an arbitrary `Error`); SIMD throws "not supported by the
 * interpreter" (its room: see README.md, "How to add an instruction").
 *
 * Spec: "Execution › Instructions" (what each instruction does), "Validation
 * › Instructions" (the stack shapes relied upon).
 */
import { Reader, readInstr } from '../decoder/index.js';
import { instr, type Instr } from '../ast/instr.js';
import { Op } from '../ast/op-ids.js';
import { opName } from '../ast/opcodes.js';
import { F32, F64, FUNCREF, I32, I64, isRef, type ValType } from '../ast/types.js';
import { R } from './isa-ids.js';
import { cellsOf } from './regfile.js';
import { IMM_R, MEM_R, SIMPLE_IN, SIMPLE_OUT, SIMPLE_R, SWAP_IMM_R } from './ops.js';
import type { Compiled, FuncInst } from './runtime.js';
import { Loc } from './translate-stack.js';
import { VALIDATED_BODY_FEATURES } from '../ast/features.js';
import { GcOps } from './translate-gc.js';

/** Translates `fn`'s body (fn must be a wasm function of a valid module). */
export function translate(fn: FuncInst): Compiled {
  return new Translator(fn).run(null);
}

/**
 * The same, also recording which wasm instruction each piece of register
 * code came from: `marks` receives pairs (the wasm instruction's offset in
 * the body, the code length after translating it). For disassembly
 * (`tswasm disasm`); the executor's translations record nothing.
 */
export function translateWithMarks(fn: FuncInst, marks: number[]): Compiled {
  return new Translator(fn).run(marks);
}

class Translator extends GcOps {
  run(marks: number[] | null): Compiled {
    const def = this.fn.def!;
    const results = this.fn.type.results;
    this.enterFunction();
    const r = new Reader(def.body, 0, def.body.length, Math.max(def.bodyOffset, 0));
    r.features = VALIDATED_BODY_FEATURES;
    const ins = instr(0);
    let skip = 0; // nesting depth inside skipped (unreachable) code
    while (this.ctrls.length > 0) {
      const at = r.pos;
      readInstr(r, ins);
      const top = this.ctrls[this.ctrls.length - 1]!;
      if (top.unreachable) {
        const op = ins.op;
        if (op === Op.block || op === Op.loop || op === Op.if || op === Op.try_table || op === Op.try) skip++;
        else if ((op === Op.end || op === Op.delegate) && skip > 0) skip--;
        else if (skip === 0 && (op === Op.end || op === Op.else || op === Op.catch || op === Op.catch_all
          || op === Op.delegate)) this.instr(ins.op, ins);
        if (marks !== null) marks.push(at, this.len);
        continue;
      }
      if (this.fuelPos >= 0) this.code[this.fuelPos]++;
      this.instr(ins.op, ins);
      if (marks !== null) marks.push(at, this.len);
    }
    const nParams = this.fn.type.params.length;
    const refLocals: number[] = [];
    for (let i = nParams; i < this.localTypes.length; i++) if (isRef(this.localTypes[i]!)) refLocals.push(this.localCell[i]!);
    const resultCells = results.reduce((n, t) => n + cellsOf(t), 0);
    const cells = Math.max(this.tempBase + this.maxCells, resultCells, 1);
    const { handlers, handlerTags } = this.handlerTable();
    return {
      handlers,
      handlerTags,
      code: this.code.slice(0, this.len),
      frameWords: cells * 2,
      pool: this.poolWords.length ? Int32Array.from(this.poolWords) : null,
      poolAt: this.localCells * 2,
      zeroFrom: this.paramCells * 2,
      zeroTo: this.localCells * 2,
      refLocals: refLocals.length ? Int32Array.from(refLocals) : null,
      instance: this.inst,
    };
  }

  private unary(r: number, out: ValType): void {
    const a = this.popReg();
    this.op(r, this.push(out), a);
  }

  /** A binary numeric instruction: folded, an `_imm` form, a fused load, or the plain form. */
  private binary(r: number, out: ValType): void {
    if (this.foldConst(r, out) || this.deferAdd(r)) return;
    const kb = this.h - 1;
    const ka = kb - 1;
    if (this.loc[kb] === Loc.Const) {
      let v = this.val[kb]!;
      const fits = this.type[kb] === I32 || this.hi[kb] === v >> 31;
      let ri = IMM_R[r]!;
      if (r === R.i32_sub) ri = R.i32_add_imm, v = -v | 0;
      else if (r === R.i64_sub && v !== -0x80000000) ri = R.i64_add_imm, v = -v | 0;
      if (ri >= 0 && fits) {
        this.h--;
        const a = this.popReg();
        this.op(ri, this.push(out), a, v);
        return;
      }
    } else if (this.loc[ka] === Loc.Const && SWAP_IMM_R[r]! >= 0) {
      const v = this.val[ka]!;
      const b = this.popReg();
      this.h--;
      this.op(SWAP_IMM_R[r]!, this.push(out), b, v);
      return;
    }
    if (this.fuseLoadOperand(r, out) || this.fuseMultiplyAdd(r, out)) return;
    const b = this.reg(kb);
    const a = this.reg(ka);
    this.h -= 2;
    this.op(r, this.push(out), a, b);
  }

  /** Translates one instruction (`op` = ins.op). */
  private instr(op: number, ins: Instr): void {
    const sr = SIMPLE_R[op]!;
    if (sr >= 0) {
      if (SIMPLE_IN[op] === 1) this.unary(sr, SIMPLE_OUT[op]!);
      else this.binary(sr, SIMPLE_OUT[op]!);
      return;
    }
    const mr = MEM_R[op]!;
    if (mr >= 0) {
      this.memory(op, ins, mr);
      return;
    }
    switch (op) {
      case Op.unreachable:
        this.op(R.unreachable);
        this.setUnreachable();
        return;
      case Op.nop:
        return;
      case Op.block:
        this.block(ins.x);
        return;
      case Op.loop:
        this.loop(ins.x);
        return;
      case Op.if:
        this.ifBlock(ins.x);
        return;
      case Op.else:
        this.elseBlock();
        return;
      case Op.end:
        this.end();
        return;
      case Op.br:
        this.branch(ins.x);
        this.setUnreachable();
        return;
      case Op.br_if:
        this.brIf(ins.x);
        return;
      case Op.br_table:
        this.brTable(ins.list, ins.x);
        this.setUnreachable();
        return;
      case Op.return:
        this.emitReturn();
        this.setUnreachable();
        return;
      case Op.call:
        this.call(ins.x);
        return;
      case Op.call_indirect:
        this.callIndirect(ins.x, ins.y);
        return;
      case Op.call_ref:
        this.callRef(ins.x);
        return;
      case Op.return_call:
        this.tailCall(R.return_call, ins.x, 0);
        return;
      case Op.return_call_indirect:
        this.tailCall(R.return_call_indirect, ins.x, ins.y);
        return;
      case Op.return_call_ref:
        this.tailCall(R.return_call_ref, ins.x, 0);
        return;
      case Op.br_on_null:
        this.brOnNull(ins.x, false);
        return;
      case Op.br_on_non_null:
        this.brOnNull(ins.x, true);
        return;
      case Op.throw:
        this.throwTag(ins.x);
        return;
      case Op.throw_ref:
        this.throwRef();
        return;
      case Op.try_table:
        this.tryTable(ins);
        return;
      case Op.try:
        this.legacyTry(ins.x);
        return;
      case Op.catch:
        this.legacyCatch(ins.x);
        return;
      case Op.catch_all:
        this.legacyCatch(-1);
        return;
      case Op.delegate:
        this.delegate(ins.x);
        return;
      case Op.rethrow:
        this.rethrow(ins.x);
        return;
      case Op.drop:
        if (this.loc[this.h - 1] === Loc.Home) this.lastDest = -1;
        this.h--;
        return;
      case Op.select: case Op.select_t: {
        const c = this.popReg();
        const t = this.type[this.h - 1]!;
        const b = this.reg(this.h - 1);
        const a = this.reg(this.h - 2);
        this.h -= 2;
        const r = t === I32 || t === F32 ? R.select32 : t === I64 || t === F64 ? R.select64 : R.select_ref;
        this.op(r, this.push(t), a, b, c);
        return;
      }
      case Op.local_get:
        this.localGet(ins.x);
        return;
      case Op.local_set:
        this.localSet(ins.x, false);
        return;
      case Op.local_tee:
        this.localSet(ins.x, true);
        return;
      case Op.global_get: {
        const t = this.inst.globals[ins.x]!.type;
        const r = t === I32 || t === F32 ? R.global_get32 : t === I64 || t === F64 ? R.global_get64 : R.global_get_ref;
        this.op(r, this.push(t), ins.x);
        return;
      }
      case Op.global_set: {
        const t = this.inst.globals[ins.x]!.type;
        const a = this.popReg();
        this.op(t === I32 || t === F32 ? R.global_set32 : t === I64 || t === F64 ? R.global_set64 : R.global_set_ref,
          ins.x, a);
        return;
      }
      case Op.i32_const: case Op.f32_const:
        this.pushConst(op === Op.i32_const ? I32 : F32, ins.x | 0, 0);
        return;
      case Op.i64_const: case Op.f64_const:
        this.pushConst(op === Op.i64_const ? I64 : F64, ins.lo | 0, ins.hi | 0);
        return;
      case Op.memory_size:
        this.memorySize(ins.x);
        return;
      case Op.memory_grow:
        this.memoryGrow(ins.x);
        return;
      case Op.ref_null:
        this.op(R.ref_null, this.push(ins.x));
        return;
      case Op.ref_is_null: {
        const a = this.popReg();
        this.op(R.ref_is_null, this.push(I32), a);
        return;
      }
      case Op.ref_as_non_null: {
        const t = this.type[this.h - 1]!;
        const a = this.popReg();
        this.op(R.ref_as_non_null, this.push(t), a);
        return;
      }
      case Op.ref_func:
        this.op(R.ref_func, this.push(FUNCREF), ins.x);
        return;
      case Op.table_get: {
        const a = this.popReg();
        this.op(R.table_get, this.push(this.inst.tables[ins.x]!.elemType), ins.x, a);
        return;
      }
      case Op.table_set: {
        const b = this.popReg();
        const a = this.popReg();
        this.op(R.table_set, ins.x, a, b);
        return;
      }
      case Op.table_size:
        this.op(R.table_size, this.push(this.inst.tables[ins.x]!.addr64 ? I64 : I32), ins.x);
        return;
      case Op.table_grow: {
        const b = this.popReg();
        const a = this.popReg();
        this.op(R.table_grow, this.push(this.inst.tables[ins.x]!.addr64 ? I64 : I32), ins.x, a, b);
        return;
      }
      case Op.table_fill: case Op.table_copy: case Op.table_init: case Op.memory_init: case Op.memory_copy:
      case Op.memory_fill: {
        const c = this.popReg();
        const b = this.popReg();
        const a = this.popReg();
        if (op === Op.table_fill) this.op(R.table_fill, ins.x, a, b, c);
        else if (op === Op.table_copy) this.op(R.table_copy, ins.x, ins.y, a, b, c);
        else if (op === Op.table_init) this.op(R.table_init, ins.x, ins.y, a, b, c);
        else if (op === Op.memory_init) this.op(R.memory_init, ins.x, ins.y, a, b, c);
        else if (op === Op.memory_copy) this.op(R.memory_copy, ins.x, ins.y, a, b, c);
        else this.op(R.memory_fill, ins.x, a, b, c);
        return;
      }
      case Op.data_drop:
        this.op(R.data_drop, ins.x);
        return;
      case Op.elem_drop:
        this.op(R.elem_drop, ins.x);
        return;
      default:
        if (this.gc(op, ins)) return;
        throw new Error(`not supported by the interpreter: ${opName(op)}`);
    }
  }
}
