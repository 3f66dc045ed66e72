/**
 * The executor: one loop, one `switch` over the register code of isa.ts.
 *
 * Everything hot is a local of `execute`: the code array and `pc`, the frame
 * pointer `fp`, the register file's views (`I` int32, `F` float32, `D`
 * float64, `refs`), the current instance's functions and globals, and memory
 * 0's views and length. Operands are word offsets from `fp` (see
 * regfile.ts) at named positions (isa.ts), so an i32 operand is
 * `I[fp + code[pc + L_DAB.a]]`. The handler families (compare-and-branch,
 * comparisons, binary operations, loads/stores and their `_rr` forms, the
 * fused f64 memory forms) are GENERATED regions, expanded by
 * scripts/gen-interp.mjs from one description each (`npm run gen`); the rest
 * is written by hand.
 *
 * Calls between wasm functions of the same store never recurse in JS: the
 * caller's code, pc and fp go on the store's frame stack (runtime.ts), the
 * callee's frame starts at the caller's argument window, and `return` pops.
 * The depth limit and the register file limit give "call stack exhausted".
 * Host functions and functions of other stores are called through
 * `callExternal` (slow.ts); afterwards every cached view is re-read, since the
 * host may have grown a memory or the register file.
 *
 * Memory accesses check `address + offset + width <= length` explicitly
 * (address and offset are u32, their sum is exact in a double); aligned
 * 32/64-bit accesses use `Int32Array`/`Float64Array` views of the memory,
 * unaligned and 16-bit ones the little-endian `DataView`; a float64 load and
 * store without arithmetic keeps NaN bits.
 *
 * Deliberately not here: anything rare (tables, bulk memory, generic memory
 * forms, traps' messages, host calls: slow.ts, traps.ts), so this function
 * stays below V8's size limit for optimization; rooms' instructions (vector,
 * GC) run in their own executor files, reached through the GENERATED `rooms`
 * region; unwinding (exceptions.ts, invoke.ts): this loop has no try/catch,
 * and entering or leaving a `try_table` executes nothing. SIMD is not
 * executed yet.
 *
 * Spec: "Execution › Instructions" and "Execution › Instructions › Control
 * Instructions" (call, return: "Function Calls").
 */
import {
  f32_convert_i64_s, f32_convert_i64_u, f32_demote_f64, f64_ceil, f64_convert_i64_s, f64_convert_i64_u, f64_floor,
  f64_max, f64_min, f64_nearest, f64_promote_f32, f64_trunc, i32_ctz, i32_div_s, i32_div_u, i32_popcnt, i32_rem_s,
  i32_rem_u, i32_rotl, i32_rotr, i32_trunc_f64_s, i32_trunc_f64_u, i32_trunc_sat_f64_s, i32_trunc_sat_f64_u,
  i64_clz, i64_ctz, i64_div_s, i64_div_u, i64_eqz, i64_extend16_s, i64_extend32_s, i64_extend8_s, i64_mul,
  i64_popcnt, i64_rem_s, i64_rem_u, i64_rotl, i64_rotr, i64_shl, i64_shr_s, i64_shr_u, i64_trunc_f64_s,
  i64_trunc_f64_u, i64_trunc_sat_f64_s, i64_trunc_sat_f64_u,
} from '../numeric/index.js';
import {
  L_AAIBBI, L_ABBICCI, L_ABCCI, L_ABCI, L_ABI, L_ABIJXY, L_ABT, L_AIT, L_AN, L_AT, L_D, L_DA, L_DAB, L_DABC,
  L_DABCI, L_DABCT, L_DABI, L_DAI, L_DAIBT, L_DAIJT, L_DAIJXY, L_DI, L_DIJ, L_DX, L_DXA, L_DXAB, L_I, L_T, L_X,
  L_XA, L_XAB, L_XABC, L_XYAB, L_XYABC, L_A, L_AB, R,
} from './isa-ids.js';
import { MemoryInst, type Compiled, type FuncInst, type Store } from './runtime.js';
import {
  callExternal, i64ShlImm, i64ShrSImm, i64ShrUImm, indirectTarget, loadX, memoryCopyOp, memoryFillOp, memoryGrowX,
  memoryInitOp, memorySizeX, storeX, tableCopyOp, tableFillOp, tableGetOp, tableGrowOp, tableInitOp, tableSetOp,
  tableSizeOp,
} from './slow.js';
import { trapExhausted, trapFuel, trapMemory, trapNullExn, trapNullFunc, trapNullRef, trapUnreachable } from './traps.js';
import { catchInFrame, exnFromRegs, type ExnInst } from './exceptions.js';
import { translate } from './translate.js';
import { execGc } from './exec-gc.js';

/** Stands in for memory 0 in instances without one (validation keeps memory instructions out). */
const NO_MEMORY = new MemoryInst(0, 0);
const EMPTY_DATA = new Uint8Array(0);

/** Translates `f` on first use. */
export function compiled(f: FuncInst): Compiled {
  return f.compiled ?? (f.compiled = translate(f));
}

/**
 * What a call of `f` runs: its register code (translated on first use), or
 * null if the compile-to-JS tier runs it (its instance's `jit` compiled it on
 * this first use or earlier).
 */
export function interpreted(f: FuncInst): Compiled | null {
  if (f.compiled !== null) return f.compiled;
  if (f.js !== null) return null;
  const jit = f.instance!.jit;
  if (jit !== null && jit.compile(f)) return null;
  return (f.compiled = translate(f));
}

/**
 * Runs code `entry` from `pc0` with its frame at register word `fp0` and at
 * call depth `depth0` until the run's entry frame (depth `base`) returns; its
 * results are then in that frame's first cells. A run starts at pc 0 of the
 * entry function with `depth0 === base`; after an exception was caught
 * (invoke.ts, exceptions.ts) it resumes at the handler's frame. The caller
 * has counted the entry frame in `store.depth` and restores `store.depth` if
 * this throws. Before it leaves the loop for another store or a host, and
 * when it raises an exception, the current frame is pushed on the frame stack
 * (at level `depth`, `store.depth = depth + 1`), so an exception coming out
 * can be unwound from there.
 */
export function execute(store: Store, entry: Compiled, pc0: number, fp0: number, depth0: number, base: number): void {
  const regs = store.regs;
  let I = regs.i32;
  let F = regs.f32;
  let D = regs.f64;
  let refs = regs.refs;
  let cur = entry;
  let code = cur.code;
  let pc = pc0;
  let fp = fp0;
  let inst = cur.instance;
  let funcs = inst.funcs;
  let globals = inst.globals;
  let mem = inst.memories[0] ?? NO_MEMORY;
  let u8 = mem.u8;
  let dv = mem.view;
  let m64 = mem.f64;
  let m32 = mem.i32;
  let memLen = u8.length;
  const frameCode = store.frameCode;
  const framePc = store.framePc;
  const frameFp = store.frameFp;
  const maxDepth = store.maxCallDepth;
  let depth = depth0;

  for (;;) {
    let callee: FuncInst;
    let argBase: number;
    let tail = false;
    const op = code[pc] as R;
    switch (op) {
      case R.unreachable:
        trapUnreachable();
      case R.br:
        pc = code[pc + L_T.t];
        continue;
      case R.br_nez:
        if (I[fp + code[pc + L_AT.a]] !== 0) pc = code[pc + L_AT.t];
        else pc += L_AT.size;
        continue;
      case R.br_eqz:
        if (I[fp + code[pc + L_AT.a]] === 0) pc = code[pc + L_AT.t];
        else pc += L_AT.size;
        continue;
      // GENERATED BEGIN compare-and-branch (scripts/gen-interp.mjs; do not edit, run `npm run gen`)
      case R.br_eq:
        if (I[fp + code[pc + L_ABT.a]] === I[fp + code[pc + L_ABT.b]]) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_ne:
        if (I[fp + code[pc + L_ABT.a]] !== I[fp + code[pc + L_ABT.b]]) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_lt_s:
        if (I[fp + code[pc + L_ABT.a]] < I[fp + code[pc + L_ABT.b]]) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_lt_u:
        if ((I[fp + code[pc + L_ABT.a]] >>> 0) < (I[fp + code[pc + L_ABT.b]] >>> 0)) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_gt_s:
        if (I[fp + code[pc + L_ABT.a]] > I[fp + code[pc + L_ABT.b]]) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_gt_u:
        if ((I[fp + code[pc + L_ABT.a]] >>> 0) > (I[fp + code[pc + L_ABT.b]] >>> 0)) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_le_s:
        if (I[fp + code[pc + L_ABT.a]] <= I[fp + code[pc + L_ABT.b]]) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_le_u:
        if ((I[fp + code[pc + L_ABT.a]] >>> 0) <= (I[fp + code[pc + L_ABT.b]] >>> 0)) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_ge_s:
        if (I[fp + code[pc + L_ABT.a]] >= I[fp + code[pc + L_ABT.b]]) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_ge_u:
        if ((I[fp + code[pc + L_ABT.a]] >>> 0) >= (I[fp + code[pc + L_ABT.b]] >>> 0)) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_eq_imm:
        if (I[fp + code[pc + L_AIT.a]] === code[pc + L_AIT.i]) pc = code[pc + L_AIT.t];
        else pc += L_AIT.size;
        continue;
      case R.br_ne_imm:
        if (I[fp + code[pc + L_AIT.a]] !== code[pc + L_AIT.i]) pc = code[pc + L_AIT.t];
        else pc += L_AIT.size;
        continue;
      case R.br_lt_s_imm:
        if (I[fp + code[pc + L_AIT.a]] < code[pc + L_AIT.i]) pc = code[pc + L_AIT.t];
        else pc += L_AIT.size;
        continue;
      case R.br_lt_u_imm:
        if ((I[fp + code[pc + L_AIT.a]] >>> 0) < (code[pc + L_AIT.i] >>> 0)) pc = code[pc + L_AIT.t];
        else pc += L_AIT.size;
        continue;
      case R.br_gt_s_imm:
        if (I[fp + code[pc + L_AIT.a]] > code[pc + L_AIT.i]) pc = code[pc + L_AIT.t];
        else pc += L_AIT.size;
        continue;
      case R.br_gt_u_imm:
        if ((I[fp + code[pc + L_AIT.a]] >>> 0) > (code[pc + L_AIT.i] >>> 0)) pc = code[pc + L_AIT.t];
        else pc += L_AIT.size;
        continue;
      case R.br_le_s_imm:
        if (I[fp + code[pc + L_AIT.a]] <= code[pc + L_AIT.i]) pc = code[pc + L_AIT.t];
        else pc += L_AIT.size;
        continue;
      case R.br_le_u_imm:
        if ((I[fp + code[pc + L_AIT.a]] >>> 0) <= (code[pc + L_AIT.i] >>> 0)) pc = code[pc + L_AIT.t];
        else pc += L_AIT.size;
        continue;
      case R.br_ge_s_imm:
        if (I[fp + code[pc + L_AIT.a]] >= code[pc + L_AIT.i]) pc = code[pc + L_AIT.t];
        else pc += L_AIT.size;
        continue;
      case R.br_ge_u_imm:
        if ((I[fp + code[pc + L_AIT.a]] >>> 0) >= (code[pc + L_AIT.i] >>> 0)) pc = code[pc + L_AIT.t];
        else pc += L_AIT.size;
        continue;
      case R.add_br_eq: {
        const v = (I[fp + code[pc + L_DAIBT.a]] + code[pc + L_DAIBT.i]) | 0;
        I[fp + code[pc + L_DAIBT.d]] = v;
        if (v === I[fp + code[pc + L_DAIBT.b]]) pc = code[pc + L_DAIBT.t];
        else pc += L_DAIBT.size;
        continue;
      }
      case R.add_br_ne: {
        const v = (I[fp + code[pc + L_DAIBT.a]] + code[pc + L_DAIBT.i]) | 0;
        I[fp + code[pc + L_DAIBT.d]] = v;
        if (v !== I[fp + code[pc + L_DAIBT.b]]) pc = code[pc + L_DAIBT.t];
        else pc += L_DAIBT.size;
        continue;
      }
      case R.add_br_lt_s: {
        const v = (I[fp + code[pc + L_DAIBT.a]] + code[pc + L_DAIBT.i]) | 0;
        I[fp + code[pc + L_DAIBT.d]] = v;
        if (v < I[fp + code[pc + L_DAIBT.b]]) pc = code[pc + L_DAIBT.t];
        else pc += L_DAIBT.size;
        continue;
      }
      case R.add_br_lt_u: {
        const v = (I[fp + code[pc + L_DAIBT.a]] + code[pc + L_DAIBT.i]) | 0;
        I[fp + code[pc + L_DAIBT.d]] = v;
        if ((v >>> 0) < (I[fp + code[pc + L_DAIBT.b]] >>> 0)) pc = code[pc + L_DAIBT.t];
        else pc += L_DAIBT.size;
        continue;
      }
      case R.add_br_gt_s: {
        const v = (I[fp + code[pc + L_DAIBT.a]] + code[pc + L_DAIBT.i]) | 0;
        I[fp + code[pc + L_DAIBT.d]] = v;
        if (v > I[fp + code[pc + L_DAIBT.b]]) pc = code[pc + L_DAIBT.t];
        else pc += L_DAIBT.size;
        continue;
      }
      case R.add_br_gt_u: {
        const v = (I[fp + code[pc + L_DAIBT.a]] + code[pc + L_DAIBT.i]) | 0;
        I[fp + code[pc + L_DAIBT.d]] = v;
        if ((v >>> 0) > (I[fp + code[pc + L_DAIBT.b]] >>> 0)) pc = code[pc + L_DAIBT.t];
        else pc += L_DAIBT.size;
        continue;
      }
      case R.add_br_le_s: {
        const v = (I[fp + code[pc + L_DAIBT.a]] + code[pc + L_DAIBT.i]) | 0;
        I[fp + code[pc + L_DAIBT.d]] = v;
        if (v <= I[fp + code[pc + L_DAIBT.b]]) pc = code[pc + L_DAIBT.t];
        else pc += L_DAIBT.size;
        continue;
      }
      case R.add_br_le_u: {
        const v = (I[fp + code[pc + L_DAIBT.a]] + code[pc + L_DAIBT.i]) | 0;
        I[fp + code[pc + L_DAIBT.d]] = v;
        if ((v >>> 0) <= (I[fp + code[pc + L_DAIBT.b]] >>> 0)) pc = code[pc + L_DAIBT.t];
        else pc += L_DAIBT.size;
        continue;
      }
      case R.add_br_ge_s: {
        const v = (I[fp + code[pc + L_DAIBT.a]] + code[pc + L_DAIBT.i]) | 0;
        I[fp + code[pc + L_DAIBT.d]] = v;
        if (v >= I[fp + code[pc + L_DAIBT.b]]) pc = code[pc + L_DAIBT.t];
        else pc += L_DAIBT.size;
        continue;
      }
      case R.add_br_ge_u: {
        const v = (I[fp + code[pc + L_DAIBT.a]] + code[pc + L_DAIBT.i]) | 0;
        I[fp + code[pc + L_DAIBT.d]] = v;
        if ((v >>> 0) >= (I[fp + code[pc + L_DAIBT.b]] >>> 0)) pc = code[pc + L_DAIBT.t];
        else pc += L_DAIBT.size;
        continue;
      }
      case R.add_br_eq_imm: {
        const v = (I[fp + code[pc + L_DAIJT.a]] + code[pc + L_DAIJT.i]) | 0;
        I[fp + code[pc + L_DAIJT.d]] = v;
        if (v === code[pc + L_DAIJT.j]) pc = code[pc + L_DAIJT.t];
        else pc += L_DAIJT.size;
        continue;
      }
      case R.add_br_ne_imm: {
        const v = (I[fp + code[pc + L_DAIJT.a]] + code[pc + L_DAIJT.i]) | 0;
        I[fp + code[pc + L_DAIJT.d]] = v;
        if (v !== code[pc + L_DAIJT.j]) pc = code[pc + L_DAIJT.t];
        else pc += L_DAIJT.size;
        continue;
      }
      case R.add_br_lt_s_imm: {
        const v = (I[fp + code[pc + L_DAIJT.a]] + code[pc + L_DAIJT.i]) | 0;
        I[fp + code[pc + L_DAIJT.d]] = v;
        if (v < code[pc + L_DAIJT.j]) pc = code[pc + L_DAIJT.t];
        else pc += L_DAIJT.size;
        continue;
      }
      case R.add_br_lt_u_imm: {
        const v = (I[fp + code[pc + L_DAIJT.a]] + code[pc + L_DAIJT.i]) | 0;
        I[fp + code[pc + L_DAIJT.d]] = v;
        if ((v >>> 0) < (code[pc + L_DAIJT.j] >>> 0)) pc = code[pc + L_DAIJT.t];
        else pc += L_DAIJT.size;
        continue;
      }
      case R.add_br_gt_s_imm: {
        const v = (I[fp + code[pc + L_DAIJT.a]] + code[pc + L_DAIJT.i]) | 0;
        I[fp + code[pc + L_DAIJT.d]] = v;
        if (v > code[pc + L_DAIJT.j]) pc = code[pc + L_DAIJT.t];
        else pc += L_DAIJT.size;
        continue;
      }
      case R.add_br_gt_u_imm: {
        const v = (I[fp + code[pc + L_DAIJT.a]] + code[pc + L_DAIJT.i]) | 0;
        I[fp + code[pc + L_DAIJT.d]] = v;
        if ((v >>> 0) > (code[pc + L_DAIJT.j] >>> 0)) pc = code[pc + L_DAIJT.t];
        else pc += L_DAIJT.size;
        continue;
      }
      case R.add_br_le_s_imm: {
        const v = (I[fp + code[pc + L_DAIJT.a]] + code[pc + L_DAIJT.i]) | 0;
        I[fp + code[pc + L_DAIJT.d]] = v;
        if (v <= code[pc + L_DAIJT.j]) pc = code[pc + L_DAIJT.t];
        else pc += L_DAIJT.size;
        continue;
      }
      case R.add_br_le_u_imm: {
        const v = (I[fp + code[pc + L_DAIJT.a]] + code[pc + L_DAIJT.i]) | 0;
        I[fp + code[pc + L_DAIJT.d]] = v;
        if ((v >>> 0) <= (code[pc + L_DAIJT.j] >>> 0)) pc = code[pc + L_DAIJT.t];
        else pc += L_DAIJT.size;
        continue;
      }
      case R.add_br_ge_s_imm: {
        const v = (I[fp + code[pc + L_DAIJT.a]] + code[pc + L_DAIJT.i]) | 0;
        I[fp + code[pc + L_DAIJT.d]] = v;
        if (v >= code[pc + L_DAIJT.j]) pc = code[pc + L_DAIJT.t];
        else pc += L_DAIJT.size;
        continue;
      }
      case R.add_br_ge_u_imm: {
        const v = (I[fp + code[pc + L_DAIJT.a]] + code[pc + L_DAIJT.i]) | 0;
        I[fp + code[pc + L_DAIJT.d]] = v;
        if ((v >>> 0) >= (code[pc + L_DAIJT.j] >>> 0)) pc = code[pc + L_DAIJT.t];
        else pc += L_DAIJT.size;
        continue;
      }
      case R.addr_br_eq: {
        const v = (I[fp + code[pc + L_DABCT.a]] + I[fp + code[pc + L_DABCT.b]]) | 0;
        I[fp + code[pc + L_DABCT.d]] = v;
        if (v === I[fp + code[pc + L_DABCT.c]]) pc = code[pc + L_DABCT.t];
        else pc += L_DABCT.size;
        continue;
      }
      case R.addr_br_ne: {
        const v = (I[fp + code[pc + L_DABCT.a]] + I[fp + code[pc + L_DABCT.b]]) | 0;
        I[fp + code[pc + L_DABCT.d]] = v;
        if (v !== I[fp + code[pc + L_DABCT.c]]) pc = code[pc + L_DABCT.t];
        else pc += L_DABCT.size;
        continue;
      }
      case R.addr_br_lt_s: {
        const v = (I[fp + code[pc + L_DABCT.a]] + I[fp + code[pc + L_DABCT.b]]) | 0;
        I[fp + code[pc + L_DABCT.d]] = v;
        if (v < I[fp + code[pc + L_DABCT.c]]) pc = code[pc + L_DABCT.t];
        else pc += L_DABCT.size;
        continue;
      }
      case R.addr_br_lt_u: {
        const v = (I[fp + code[pc + L_DABCT.a]] + I[fp + code[pc + L_DABCT.b]]) | 0;
        I[fp + code[pc + L_DABCT.d]] = v;
        if ((v >>> 0) < (I[fp + code[pc + L_DABCT.c]] >>> 0)) pc = code[pc + L_DABCT.t];
        else pc += L_DABCT.size;
        continue;
      }
      case R.addr_br_gt_s: {
        const v = (I[fp + code[pc + L_DABCT.a]] + I[fp + code[pc + L_DABCT.b]]) | 0;
        I[fp + code[pc + L_DABCT.d]] = v;
        if (v > I[fp + code[pc + L_DABCT.c]]) pc = code[pc + L_DABCT.t];
        else pc += L_DABCT.size;
        continue;
      }
      case R.addr_br_gt_u: {
        const v = (I[fp + code[pc + L_DABCT.a]] + I[fp + code[pc + L_DABCT.b]]) | 0;
        I[fp + code[pc + L_DABCT.d]] = v;
        if ((v >>> 0) > (I[fp + code[pc + L_DABCT.c]] >>> 0)) pc = code[pc + L_DABCT.t];
        else pc += L_DABCT.size;
        continue;
      }
      case R.addr_br_le_s: {
        const v = (I[fp + code[pc + L_DABCT.a]] + I[fp + code[pc + L_DABCT.b]]) | 0;
        I[fp + code[pc + L_DABCT.d]] = v;
        if (v <= I[fp + code[pc + L_DABCT.c]]) pc = code[pc + L_DABCT.t];
        else pc += L_DABCT.size;
        continue;
      }
      case R.addr_br_le_u: {
        const v = (I[fp + code[pc + L_DABCT.a]] + I[fp + code[pc + L_DABCT.b]]) | 0;
        I[fp + code[pc + L_DABCT.d]] = v;
        if ((v >>> 0) <= (I[fp + code[pc + L_DABCT.c]] >>> 0)) pc = code[pc + L_DABCT.t];
        else pc += L_DABCT.size;
        continue;
      }
      case R.addr_br_ge_s: {
        const v = (I[fp + code[pc + L_DABCT.a]] + I[fp + code[pc + L_DABCT.b]]) | 0;
        I[fp + code[pc + L_DABCT.d]] = v;
        if (v >= I[fp + code[pc + L_DABCT.c]]) pc = code[pc + L_DABCT.t];
        else pc += L_DABCT.size;
        continue;
      }
      case R.addr_br_ge_u: {
        const v = (I[fp + code[pc + L_DABCT.a]] + I[fp + code[pc + L_DABCT.b]]) | 0;
        I[fp + code[pc + L_DABCT.d]] = v;
        if ((v >>> 0) >= (I[fp + code[pc + L_DABCT.c]] >>> 0)) pc = code[pc + L_DABCT.t];
        else pc += L_DABCT.size;
        continue;
      }
      case R.br_f32_eq:
        if (F[fp + code[pc + L_ABT.a]] === F[fp + code[pc + L_ABT.b]]) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_not_f32_eq:
        if (!(F[fp + code[pc + L_ABT.a]] === F[fp + code[pc + L_ABT.b]])) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_f32_ne:
        if (F[fp + code[pc + L_ABT.a]] !== F[fp + code[pc + L_ABT.b]]) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_not_f32_ne:
        if (!(F[fp + code[pc + L_ABT.a]] !== F[fp + code[pc + L_ABT.b]])) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_f32_lt:
        if (F[fp + code[pc + L_ABT.a]] < F[fp + code[pc + L_ABT.b]]) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_not_f32_lt:
        if (!(F[fp + code[pc + L_ABT.a]] < F[fp + code[pc + L_ABT.b]])) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_f32_gt:
        if (F[fp + code[pc + L_ABT.a]] > F[fp + code[pc + L_ABT.b]]) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_not_f32_gt:
        if (!(F[fp + code[pc + L_ABT.a]] > F[fp + code[pc + L_ABT.b]])) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_f32_le:
        if (F[fp + code[pc + L_ABT.a]] <= F[fp + code[pc + L_ABT.b]]) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_not_f32_le:
        if (!(F[fp + code[pc + L_ABT.a]] <= F[fp + code[pc + L_ABT.b]])) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_f32_ge:
        if (F[fp + code[pc + L_ABT.a]] >= F[fp + code[pc + L_ABT.b]]) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_not_f32_ge:
        if (!(F[fp + code[pc + L_ABT.a]] >= F[fp + code[pc + L_ABT.b]])) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_f64_eq:
        if (D[(fp + code[pc + L_ABT.a]) >> 1] === D[(fp + code[pc + L_ABT.b]) >> 1]) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_not_f64_eq:
        if (!(D[(fp + code[pc + L_ABT.a]) >> 1] === D[(fp + code[pc + L_ABT.b]) >> 1])) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_f64_ne:
        if (D[(fp + code[pc + L_ABT.a]) >> 1] !== D[(fp + code[pc + L_ABT.b]) >> 1]) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_not_f64_ne:
        if (!(D[(fp + code[pc + L_ABT.a]) >> 1] !== D[(fp + code[pc + L_ABT.b]) >> 1])) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_f64_lt:
        if (D[(fp + code[pc + L_ABT.a]) >> 1] < D[(fp + code[pc + L_ABT.b]) >> 1]) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_not_f64_lt:
        if (!(D[(fp + code[pc + L_ABT.a]) >> 1] < D[(fp + code[pc + L_ABT.b]) >> 1])) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_f64_gt:
        if (D[(fp + code[pc + L_ABT.a]) >> 1] > D[(fp + code[pc + L_ABT.b]) >> 1]) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_not_f64_gt:
        if (!(D[(fp + code[pc + L_ABT.a]) >> 1] > D[(fp + code[pc + L_ABT.b]) >> 1])) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_f64_le:
        if (D[(fp + code[pc + L_ABT.a]) >> 1] <= D[(fp + code[pc + L_ABT.b]) >> 1]) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_not_f64_le:
        if (!(D[(fp + code[pc + L_ABT.a]) >> 1] <= D[(fp + code[pc + L_ABT.b]) >> 1])) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_f64_ge:
        if (D[(fp + code[pc + L_ABT.a]) >> 1] >= D[(fp + code[pc + L_ABT.b]) >> 1]) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      case R.br_not_f64_ge:
        if (!(D[(fp + code[pc + L_ABT.a]) >> 1] >= D[(fp + code[pc + L_ABT.b]) >> 1])) pc = code[pc + L_ABT.t];
        else pc += L_ABT.size;
        continue;
      // GENERATED END compare-and-branch
      case R.br_table: {
        const n = code[pc + L_AN.n];
        const i = I[fp + code[pc + L_AN.a]] >>> 0;
        pc = code[pc + L_AN.size + (i < n - 1 ? i : n - 1)];
        continue;
      }
      case R.return: {
        if (depth === base) return;
        depth--;
        const c = frameCode[depth]!;
        pc = framePc[depth];
        fp = frameFp[depth];
        cur = c;
        code = c.code;
        if (c.instance !== inst) {
          inst = c.instance;
          funcs = inst.funcs;
          globals = inst.globals;
          mem = inst.memories[0] ?? NO_MEMORY;
          u8 = mem.u8;
          dv = mem.view;
          m64 = mem.f64;
          m32 = mem.i32;
          memLen = u8.length;
        }
        continue;
      }
      case R.call:
        callee = funcs[code[pc + L_XA.x]];
        argBase = code[pc + L_XA.a];
        pc += L_XA.size;
        break;
      case R.call_indirect:
        callee = indirectTarget(inst, code[pc + L_XYAB.x], code[pc + L_XYAB.y], I[fp + code[pc + L_XYAB.b]]);
        argBase = code[pc + L_XYAB.a];
        pc += L_XYAB.size;
        break;
      case R.fuel:
        if ((store.fuel -= code[pc + L_I.i]) < 0) trapFuel();
        pc += L_I.size;
        continue;

      // Control: tail calls, function references, exceptions (exceptions.ts: handler tables, unwinding)
      case R.return_call:
        callee = funcs[code[pc + L_XA.x]];
        argBase = code[pc + L_XA.a];
        pc += L_XA.size;
        tail = true;
        break;
      case R.return_call_indirect:
        callee = indirectTarget(inst, code[pc + L_XYAB.x], code[pc + L_XYAB.y], I[fp + code[pc + L_XYAB.b]]);
        argBase = code[pc + L_XYAB.a];
        pc += L_XYAB.size;
        tail = true;
        break;
      case R.call_ref:
      case R.return_call_ref: {
        const f = refs[(fp + code[pc + L_AB.b]) >> 1] as FuncInst | null;
        if (f === null) trapNullFunc();
        callee = f;
        argBase = code[pc + L_AB.a];
        pc += L_AB.size;
        tail = op === R.return_call_ref;
        break;
      }
      case R.throw: {
        const exn = exnFromRegs(inst.tags[code[pc + L_XA.x]], regs, fp + code[pc + L_XA.a]);
        pc += L_XA.size;
        // A handler in this frame: jump to it without leaving the loop.
        const target = cur.handlers === null ? -1 : catchInFrame(cur, pc, fp, exn, regs);
        if (target >= 0) {
          pc = target;
          continue;
        }
        frameCode[depth] = cur;
        framePc[depth] = pc;
        frameFp[depth] = fp;
        store.depth = depth + 1;
        throw exn;
      }
      case R.throw_ref: {
        const exn = refs[(fp + code[pc + L_A.a]) >> 1] as ExnInst | null;
        if (exn === null) trapNullExn();
        pc += L_A.size;
        const target = cur.handlers === null ? -1 : catchInFrame(cur, pc, fp, exn, regs);
        if (target >= 0) {
          pc = target;
          continue;
        }
        frameCode[depth] = cur;
        framePc[depth] = pc;
        frameFp[depth] = fp;
        store.depth = depth + 1;
        throw exn;
      }
      case R.ref_as_non_null: {
        const v = refs[(fp + code[pc + L_DA.a]) >> 1];
        if (v === null) trapNullRef();
        refs[(fp + code[pc + L_DA.d]) >> 1] = v;
        pc += L_DA.size;
        continue;
      }
      case R.br_null:
        if (refs[(fp + code[pc + L_AT.a]) >> 1] === null) pc = code[pc + L_AT.t];
        else pc += L_AT.size;
        continue;
      case R.br_non_null:
        if (refs[(fp + code[pc + L_AT.a]) >> 1] !== null) pc = code[pc + L_AT.t];
        else pc += L_AT.size;
        continue;

      // Registers, constants, select, globals
      case R.mov32:
        I[fp + code[pc + L_DA.d]] = I[fp + code[pc + L_DA.a]];
        pc += L_DA.size;
        continue;
      case R.mov64: {
        const d = fp + code[pc + L_DA.d];
        const a = fp + code[pc + L_DA.a];
        I[d] = I[a];
        I[d + 1] = I[a + 1];
        pc += L_DA.size;
        continue;
      }
      case R.mov_f64:
        D[(fp + code[pc + L_DA.d]) >> 1] = D[(fp + code[pc + L_DA.a]) >> 1];
        pc += L_DA.size;
        continue;
      case R.mov_ref:
        refs[(fp + code[pc + L_DA.d]) >> 1] = refs[(fp + code[pc + L_DA.a]) >> 1];
        pc += L_DA.size;
        continue;
      case R.const32:
        I[fp + code[pc + L_DI.d]] = code[pc + L_DI.i];
        pc += L_DI.size;
        continue;
      case R.const64: {
        const d = fp + code[pc + L_DIJ.d];
        I[d] = code[pc + L_DIJ.i];
        I[d + 1] = code[pc + L_DIJ.j];
        pc += L_DIJ.size;
        continue;
      }
      case R.select32:
        I[fp + code[pc + L_DABC.d]] = I[fp + code[pc + L_DABC.c]] !== 0 ? I[fp + code[pc + L_DABC.a]] : I[fp + code[pc + L_DABC.b]];
        pc += L_DABC.size;
        continue;
      case R.select64: {
        const d = fp + code[pc + L_DABC.d];
        const s = fp + (I[fp + code[pc + L_DABC.c]] !== 0 ? code[pc + L_DABC.a] : code[pc + L_DABC.b]);
        I[d] = I[s];
        I[d + 1] = I[s + 1];
        pc += L_DABC.size;
        continue;
      }
      case R.select_ref:
        refs[(fp + code[pc + L_DABC.d]) >> 1] = refs[(fp + (I[fp + code[pc + L_DABC.c]] !== 0 ? code[pc + L_DABC.a] : code[pc + L_DABC.b])) >> 1];
        pc += L_DABC.size;
        continue;
      case R.global_get32:
        I[fp + code[pc + L_DX.d]] = globals[code[pc + L_DX.x]].bits[0];
        pc += L_DX.size;
        continue;
      case R.global_get64: {
        const g = globals[code[pc + L_DX.x]].bits;
        const d = fp + code[pc + L_DX.d];
        I[d] = g[0];
        I[d + 1] = g[1];
        pc += L_DX.size;
        continue;
      }
      case R.global_get_ref:
        refs[(fp + code[pc + L_DX.d]) >> 1] = globals[code[pc + L_DX.x]].ref;
        pc += L_DX.size;
        continue;
      case R.global_set32:
        globals[code[pc + L_XA.x]].bits[0] = I[fp + code[pc + L_XA.a]];
        pc += L_XA.size;
        continue;
      case R.global_set64: {
        const g = globals[code[pc + L_XA.x]].bits;
        const a = fp + code[pc + L_XA.a];
        g[0] = I[a];
        g[1] = I[a + 1];
        pc += L_XA.size;
        continue;
      }
      case R.global_set_ref:
        globals[code[pc + L_XA.x]].ref = refs[(fp + code[pc + L_XA.a]) >> 1];
        pc += L_XA.size;
        continue;

      // Memory 0
      // GENERATED BEGIN loads and stores (scripts/gen-interp.mjs; do not edit, run `npm run gen`)
      case R.i32_load: {
        const addr = (I[fp + code[pc + L_DAI.a]] >>> 0) + (code[pc + L_DAI.i] >>> 0);
        if (addr + 4 > memLen) trapMemory();
        I[fp + code[pc + L_DAI.d]] = (addr & 3 ? dv.getInt32(addr, true) : m32[addr >>> 2]);
        pc += L_DAI.size;
        continue;
      }
      case R.i64_load: {
        const addr = (I[fp + code[pc + L_DAI.a]] >>> 0) + (code[pc + L_DAI.i] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        const d = fp + code[pc + L_DAI.d];
        I[d] = (addr & 3 ? dv.getInt32(addr, true) : m32[addr >>> 2]);
        I[d + 1] = (addr & 3 ? dv.getInt32(addr + 4, true) : m32[(addr >>> 2) + 1]);
        pc += L_DAI.size;
        continue;
      }
      case R.f64_load: {
        const addr = (I[fp + code[pc + L_DAI.a]] >>> 0) + (code[pc + L_DAI.i] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        D[(fp + code[pc + L_DAI.d]) >> 1] = (addr & 7 ? dv.getFloat64(addr, true) : m64[addr >>> 3]);
        pc += L_DAI.size;
        continue;
      }
      case R.i32_load8_s: {
        const addr = (I[fp + code[pc + L_DAI.a]] >>> 0) + (code[pc + L_DAI.i] >>> 0);
        if (addr >= memLen) trapMemory();
        I[fp + code[pc + L_DAI.d]] = (u8[addr] << 24) >> 24;
        pc += L_DAI.size;
        continue;
      }
      case R.i32_load8_u: {
        const addr = (I[fp + code[pc + L_DAI.a]] >>> 0) + (code[pc + L_DAI.i] >>> 0);
        if (addr >= memLen) trapMemory();
        I[fp + code[pc + L_DAI.d]] = u8[addr];
        pc += L_DAI.size;
        continue;
      }
      case R.i32_load16_s: {
        const addr = (I[fp + code[pc + L_DAI.a]] >>> 0) + (code[pc + L_DAI.i] >>> 0);
        if (addr + 2 > memLen) trapMemory();
        I[fp + code[pc + L_DAI.d]] = dv.getInt16(addr, true);
        pc += L_DAI.size;
        continue;
      }
      case R.i32_load16_u: {
        const addr = (I[fp + code[pc + L_DAI.a]] >>> 0) + (code[pc + L_DAI.i] >>> 0);
        if (addr + 2 > memLen) trapMemory();
        I[fp + code[pc + L_DAI.d]] = dv.getUint16(addr, true);
        pc += L_DAI.size;
        continue;
      }
      case R.i64_load8_s: {
        const addr = (I[fp + code[pc + L_DAI.a]] >>> 0) + (code[pc + L_DAI.i] >>> 0);
        if (addr >= memLen) trapMemory();
        const d = fp + code[pc + L_DAI.d];
        const v = (u8[addr] << 24) >> 24;
        I[d] = v;
        I[d + 1] = v >> 31;
        pc += L_DAI.size;
        continue;
      }
      case R.i64_load8_u: {
        const addr = (I[fp + code[pc + L_DAI.a]] >>> 0) + (code[pc + L_DAI.i] >>> 0);
        if (addr >= memLen) trapMemory();
        const d = fp + code[pc + L_DAI.d];
        I[d] = u8[addr];
        I[d + 1] = 0;
        pc += L_DAI.size;
        continue;
      }
      case R.i64_load16_s: {
        const addr = (I[fp + code[pc + L_DAI.a]] >>> 0) + (code[pc + L_DAI.i] >>> 0);
        if (addr + 2 > memLen) trapMemory();
        const d = fp + code[pc + L_DAI.d];
        const v = dv.getInt16(addr, true);
        I[d] = v;
        I[d + 1] = v >> 31;
        pc += L_DAI.size;
        continue;
      }
      case R.i64_load16_u: {
        const addr = (I[fp + code[pc + L_DAI.a]] >>> 0) + (code[pc + L_DAI.i] >>> 0);
        if (addr + 2 > memLen) trapMemory();
        const d = fp + code[pc + L_DAI.d];
        I[d] = dv.getUint16(addr, true);
        I[d + 1] = 0;
        pc += L_DAI.size;
        continue;
      }
      case R.i64_load32_s: {
        const addr = (I[fp + code[pc + L_DAI.a]] >>> 0) + (code[pc + L_DAI.i] >>> 0);
        if (addr + 4 > memLen) trapMemory();
        const d = fp + code[pc + L_DAI.d];
        const v = (addr & 3 ? dv.getInt32(addr, true) : m32[addr >>> 2]);
        I[d] = v;
        I[d + 1] = v >> 31;
        pc += L_DAI.size;
        continue;
      }
      case R.i64_load32_u: {
        const addr = (I[fp + code[pc + L_DAI.a]] >>> 0) + (code[pc + L_DAI.i] >>> 0);
        if (addr + 4 > memLen) trapMemory();
        const d = fp + code[pc + L_DAI.d];
        I[d] = (addr & 3 ? dv.getInt32(addr, true) : m32[addr >>> 2]);
        I[d + 1] = 0;
        pc += L_DAI.size;
        continue;
      }
      case R.i32_store: {
        const addr = (I[fp + code[pc + L_ABI.a]] >>> 0) + (code[pc + L_ABI.i] >>> 0);
        if (addr + 4 > memLen) trapMemory();
        if (addr & 3) dv.setInt32(addr, I[fp + code[pc + L_ABI.b]], true);
        else m32[addr >>> 2] = I[fp + code[pc + L_ABI.b]];
        pc += L_ABI.size;
        continue;
      }
      case R.i64_store: {
        const addr = (I[fp + code[pc + L_ABI.a]] >>> 0) + (code[pc + L_ABI.i] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        const b = fp + code[pc + L_ABI.b];
        if (addr & 3) dv.setInt32(addr, I[b], true);
        else m32[addr >>> 2] = I[b];
        if (addr & 3) dv.setInt32(addr + 4, I[b + 1], true);
        else m32[(addr >>> 2) + 1] = I[b + 1];
        pc += L_ABI.size;
        continue;
      }
      case R.f64_store: {
        const addr = (I[fp + code[pc + L_ABI.a]] >>> 0) + (code[pc + L_ABI.i] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        if ((addr & 7) === 0) m64[addr >>> 3] = D[(fp + code[pc + L_ABI.b]) >> 1];
        else dv.setFloat64(addr, D[(fp + code[pc + L_ABI.b]) >> 1], true);
        pc += L_ABI.size;
        continue;
      }
      case R.i32_store8: {
        const addr = (I[fp + code[pc + L_ABI.a]] >>> 0) + (code[pc + L_ABI.i] >>> 0);
        if (addr >= memLen) trapMemory();
        u8[addr] = I[fp + code[pc + L_ABI.b]];
        pc += L_ABI.size;
        continue;
      }
      case R.i32_store16: {
        const addr = (I[fp + code[pc + L_ABI.a]] >>> 0) + (code[pc + L_ABI.i] >>> 0);
        if (addr + 2 > memLen) trapMemory();
        dv.setInt16(addr, I[fp + code[pc + L_ABI.b]], true);
        pc += L_ABI.size;
        continue;
      }
      case R.i32_load_rr: {
        const addr = ((I[fp + code[pc + L_DABI.a]] + I[fp + code[pc + L_DABI.b]]) >>> 0) + (code[pc + L_DABI.i] >>> 0);
        if (addr + 4 > memLen) trapMemory();
        I[fp + code[pc + L_DABI.d]] = (addr & 3 ? dv.getInt32(addr, true) : m32[addr >>> 2]);
        pc += L_DABI.size;
        continue;
      }
      case R.i64_load_rr: {
        const addr = ((I[fp + code[pc + L_DABI.a]] + I[fp + code[pc + L_DABI.b]]) >>> 0) + (code[pc + L_DABI.i] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        const d = fp + code[pc + L_DABI.d];
        I[d] = (addr & 3 ? dv.getInt32(addr, true) : m32[addr >>> 2]);
        I[d + 1] = (addr & 3 ? dv.getInt32(addr + 4, true) : m32[(addr >>> 2) + 1]);
        pc += L_DABI.size;
        continue;
      }
      case R.f64_load_rr: {
        const addr = ((I[fp + code[pc + L_DABI.a]] + I[fp + code[pc + L_DABI.b]]) >>> 0) + (code[pc + L_DABI.i] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        D[(fp + code[pc + L_DABI.d]) >> 1] = (addr & 7 ? dv.getFloat64(addr, true) : m64[addr >>> 3]);
        pc += L_DABI.size;
        continue;
      }
      case R.i32_load8_s_rr: {
        const addr = ((I[fp + code[pc + L_DABI.a]] + I[fp + code[pc + L_DABI.b]]) >>> 0) + (code[pc + L_DABI.i] >>> 0);
        if (addr >= memLen) trapMemory();
        I[fp + code[pc + L_DABI.d]] = (u8[addr] << 24) >> 24;
        pc += L_DABI.size;
        continue;
      }
      case R.i32_load8_u_rr: {
        const addr = ((I[fp + code[pc + L_DABI.a]] + I[fp + code[pc + L_DABI.b]]) >>> 0) + (code[pc + L_DABI.i] >>> 0);
        if (addr >= memLen) trapMemory();
        I[fp + code[pc + L_DABI.d]] = u8[addr];
        pc += L_DABI.size;
        continue;
      }
      case R.i32_load16_s_rr: {
        const addr = ((I[fp + code[pc + L_DABI.a]] + I[fp + code[pc + L_DABI.b]]) >>> 0) + (code[pc + L_DABI.i] >>> 0);
        if (addr + 2 > memLen) trapMemory();
        I[fp + code[pc + L_DABI.d]] = dv.getInt16(addr, true);
        pc += L_DABI.size;
        continue;
      }
      case R.i32_load16_u_rr: {
        const addr = ((I[fp + code[pc + L_DABI.a]] + I[fp + code[pc + L_DABI.b]]) >>> 0) + (code[pc + L_DABI.i] >>> 0);
        if (addr + 2 > memLen) trapMemory();
        I[fp + code[pc + L_DABI.d]] = dv.getUint16(addr, true);
        pc += L_DABI.size;
        continue;
      }
      case R.i64_load8_s_rr: {
        const addr = ((I[fp + code[pc + L_DABI.a]] + I[fp + code[pc + L_DABI.b]]) >>> 0) + (code[pc + L_DABI.i] >>> 0);
        if (addr >= memLen) trapMemory();
        const d = fp + code[pc + L_DABI.d];
        const v = (u8[addr] << 24) >> 24;
        I[d] = v;
        I[d + 1] = v >> 31;
        pc += L_DABI.size;
        continue;
      }
      case R.i64_load8_u_rr: {
        const addr = ((I[fp + code[pc + L_DABI.a]] + I[fp + code[pc + L_DABI.b]]) >>> 0) + (code[pc + L_DABI.i] >>> 0);
        if (addr >= memLen) trapMemory();
        const d = fp + code[pc + L_DABI.d];
        I[d] = u8[addr];
        I[d + 1] = 0;
        pc += L_DABI.size;
        continue;
      }
      case R.i64_load16_s_rr: {
        const addr = ((I[fp + code[pc + L_DABI.a]] + I[fp + code[pc + L_DABI.b]]) >>> 0) + (code[pc + L_DABI.i] >>> 0);
        if (addr + 2 > memLen) trapMemory();
        const d = fp + code[pc + L_DABI.d];
        const v = dv.getInt16(addr, true);
        I[d] = v;
        I[d + 1] = v >> 31;
        pc += L_DABI.size;
        continue;
      }
      case R.i64_load16_u_rr: {
        const addr = ((I[fp + code[pc + L_DABI.a]] + I[fp + code[pc + L_DABI.b]]) >>> 0) + (code[pc + L_DABI.i] >>> 0);
        if (addr + 2 > memLen) trapMemory();
        const d = fp + code[pc + L_DABI.d];
        I[d] = dv.getUint16(addr, true);
        I[d + 1] = 0;
        pc += L_DABI.size;
        continue;
      }
      case R.i64_load32_s_rr: {
        const addr = ((I[fp + code[pc + L_DABI.a]] + I[fp + code[pc + L_DABI.b]]) >>> 0) + (code[pc + L_DABI.i] >>> 0);
        if (addr + 4 > memLen) trapMemory();
        const d = fp + code[pc + L_DABI.d];
        const v = (addr & 3 ? dv.getInt32(addr, true) : m32[addr >>> 2]);
        I[d] = v;
        I[d + 1] = v >> 31;
        pc += L_DABI.size;
        continue;
      }
      case R.i64_load32_u_rr: {
        const addr = ((I[fp + code[pc + L_DABI.a]] + I[fp + code[pc + L_DABI.b]]) >>> 0) + (code[pc + L_DABI.i] >>> 0);
        if (addr + 4 > memLen) trapMemory();
        const d = fp + code[pc + L_DABI.d];
        I[d] = (addr & 3 ? dv.getInt32(addr, true) : m32[addr >>> 2]);
        I[d + 1] = 0;
        pc += L_DABI.size;
        continue;
      }
      case R.i32_store_rr: {
        const addr = ((I[fp + code[pc + L_ABCI.a]] + I[fp + code[pc + L_ABCI.b]]) >>> 0) + (code[pc + L_ABCI.i] >>> 0);
        if (addr + 4 > memLen) trapMemory();
        if (addr & 3) dv.setInt32(addr, I[fp + code[pc + L_ABCI.c]], true);
        else m32[addr >>> 2] = I[fp + code[pc + L_ABCI.c]];
        pc += L_ABCI.size;
        continue;
      }
      case R.i64_store_rr: {
        const addr = ((I[fp + code[pc + L_ABCI.a]] + I[fp + code[pc + L_ABCI.b]]) >>> 0) + (code[pc + L_ABCI.i] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        const b = fp + code[pc + L_ABCI.c];
        if (addr & 3) dv.setInt32(addr, I[b], true);
        else m32[addr >>> 2] = I[b];
        if (addr & 3) dv.setInt32(addr + 4, I[b + 1], true);
        else m32[(addr >>> 2) + 1] = I[b + 1];
        pc += L_ABCI.size;
        continue;
      }
      case R.f64_store_rr: {
        const addr = ((I[fp + code[pc + L_ABCI.a]] + I[fp + code[pc + L_ABCI.b]]) >>> 0) + (code[pc + L_ABCI.i] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        if ((addr & 7) === 0) m64[addr >>> 3] = D[(fp + code[pc + L_ABCI.c]) >> 1];
        else dv.setFloat64(addr, D[(fp + code[pc + L_ABCI.c]) >> 1], true);
        pc += L_ABCI.size;
        continue;
      }
      case R.i32_store8_rr: {
        const addr = ((I[fp + code[pc + L_ABCI.a]] + I[fp + code[pc + L_ABCI.b]]) >>> 0) + (code[pc + L_ABCI.i] >>> 0);
        if (addr >= memLen) trapMemory();
        u8[addr] = I[fp + code[pc + L_ABCI.c]];
        pc += L_ABCI.size;
        continue;
      }
      case R.i32_store16_rr: {
        const addr = ((I[fp + code[pc + L_ABCI.a]] + I[fp + code[pc + L_ABCI.b]]) >>> 0) + (code[pc + L_ABCI.i] >>> 0);
        if (addr + 2 > memLen) trapMemory();
        dv.setInt16(addr, I[fp + code[pc + L_ABCI.c]], true);
        pc += L_ABCI.size;
        continue;
      }
      // GENERATED END loads and stores
      case R.memory_size:
        I[fp + code[pc + L_D.d]] = memLen / 65536;
        pc += L_D.size;
        continue;
      case R.memory_grow:
        I[fp + code[pc + L_DA.d]] = mem.grow(I[fp + code[pc + L_DA.a]] >>> 0);
        u8 = mem.u8;
        dv = mem.view;
        m64 = mem.f64;
        m32 = mem.i32;
        memLen = u8.length;
        pc += L_DA.size;
        continue;
      case R.memory_fill:
        memoryFillOp(inst, I, code[pc + L_XABC.x], fp + code[pc + L_XABC.a], fp + code[pc + L_XABC.b], fp + code[pc + L_XABC.c]);
        pc += L_XABC.size;
        continue;
      case R.memory_copy:
        memoryCopyOp(inst, I, code[pc + L_XYABC.x], code[pc + L_XYABC.y], fp + code[pc + L_XYABC.a], fp + code[pc + L_XYABC.b], fp + code[pc + L_XYABC.c]);
        pc += L_XYABC.size;
        continue;
      case R.memory_init:
        memoryInitOp(inst, I, code[pc + L_XYABC.x], code[pc + L_XYABC.y], fp + code[pc + L_XYABC.a], fp + code[pc + L_XYABC.b], fp + code[pc + L_XYABC.c]);
        pc += L_XYABC.size;
        continue;
      case R.load_x:
        loadX(inst.memories[code[pc + L_DAIJXY.x]], code[pc + L_DAIJXY.y], I, fp + code[pc + L_DAIJXY.d], fp + code[pc + L_DAIJXY.a], code[pc + L_DAIJXY.i],
          code[pc + L_DAIJXY.j]);
        pc += L_DAIJXY.size;
        continue;
      case R.store_x:
        storeX(inst.memories[code[pc + L_ABIJXY.x]], code[pc + L_ABIJXY.y], I, fp + code[pc + L_ABIJXY.a], fp + code[pc + L_ABIJXY.b], code[pc + L_ABIJXY.i],
          code[pc + L_ABIJXY.j]);
        pc += L_ABIJXY.size;
        continue;
      case R.memory_size_x:
        memorySizeX(inst.memories[code[pc + L_DX.x]], I, fp + code[pc + L_DX.d]);
        pc += L_DX.size;
        continue;
      case R.memory_grow_x:
        memoryGrowX(inst.memories[code[pc + L_DXA.x]], I, fp + code[pc + L_DXA.d], fp + code[pc + L_DXA.a]);
        u8 = mem.u8;
        dv = mem.view;
        m64 = mem.f64;
        m32 = mem.i32;
        memLen = u8.length;
        pc += L_DXA.size;
        continue;
      case R.data_drop:
        inst.datas[code[pc + L_X.x]] = EMPTY_DATA;
        pc += L_X.size;
        continue;

      // Numeric (one-liners; helpers from src/numeric)
      // GENERATED BEGIN i32 (scripts/gen-interp.mjs; do not edit, run `npm run gen`)
      case R.i32_eq:
        I[fp + code[pc + L_DAB.d]] = I[fp + code[pc + L_DAB.a]] === I[fp + code[pc + L_DAB.b]] ? 1 : 0;
        pc += L_DAB.size;
        continue;
      case R.i32_ne:
        I[fp + code[pc + L_DAB.d]] = I[fp + code[pc + L_DAB.a]] !== I[fp + code[pc + L_DAB.b]] ? 1 : 0;
        pc += L_DAB.size;
        continue;
      case R.i32_lt_s:
        I[fp + code[pc + L_DAB.d]] = I[fp + code[pc + L_DAB.a]] < I[fp + code[pc + L_DAB.b]] ? 1 : 0;
        pc += L_DAB.size;
        continue;
      case R.i32_lt_u:
        I[fp + code[pc + L_DAB.d]] = (I[fp + code[pc + L_DAB.a]] >>> 0) < (I[fp + code[pc + L_DAB.b]] >>> 0) ? 1 : 0;
        pc += L_DAB.size;
        continue;
      case R.i32_gt_s:
        I[fp + code[pc + L_DAB.d]] = I[fp + code[pc + L_DAB.a]] > I[fp + code[pc + L_DAB.b]] ? 1 : 0;
        pc += L_DAB.size;
        continue;
      case R.i32_gt_u:
        I[fp + code[pc + L_DAB.d]] = (I[fp + code[pc + L_DAB.a]] >>> 0) > (I[fp + code[pc + L_DAB.b]] >>> 0) ? 1 : 0;
        pc += L_DAB.size;
        continue;
      case R.i32_le_s:
        I[fp + code[pc + L_DAB.d]] = I[fp + code[pc + L_DAB.a]] <= I[fp + code[pc + L_DAB.b]] ? 1 : 0;
        pc += L_DAB.size;
        continue;
      case R.i32_le_u:
        I[fp + code[pc + L_DAB.d]] = (I[fp + code[pc + L_DAB.a]] >>> 0) <= (I[fp + code[pc + L_DAB.b]] >>> 0) ? 1 : 0;
        pc += L_DAB.size;
        continue;
      case R.i32_ge_s:
        I[fp + code[pc + L_DAB.d]] = I[fp + code[pc + L_DAB.a]] >= I[fp + code[pc + L_DAB.b]] ? 1 : 0;
        pc += L_DAB.size;
        continue;
      case R.i32_ge_u:
        I[fp + code[pc + L_DAB.d]] = (I[fp + code[pc + L_DAB.a]] >>> 0) >= (I[fp + code[pc + L_DAB.b]] >>> 0) ? 1 : 0;
        pc += L_DAB.size;
        continue;
      case R.i32_eq_imm:
        I[fp + code[pc + L_DAI.d]] = I[fp + code[pc + L_DAI.a]] === code[pc + L_DAI.i] ? 1 : 0;
        pc += L_DAI.size;
        continue;
      case R.i32_ne_imm:
        I[fp + code[pc + L_DAI.d]] = I[fp + code[pc + L_DAI.a]] !== code[pc + L_DAI.i] ? 1 : 0;
        pc += L_DAI.size;
        continue;
      case R.i32_lt_s_imm:
        I[fp + code[pc + L_DAI.d]] = I[fp + code[pc + L_DAI.a]] < code[pc + L_DAI.i] ? 1 : 0;
        pc += L_DAI.size;
        continue;
      case R.i32_lt_u_imm:
        I[fp + code[pc + L_DAI.d]] = (I[fp + code[pc + L_DAI.a]] >>> 0) < (code[pc + L_DAI.i] >>> 0) ? 1 : 0;
        pc += L_DAI.size;
        continue;
      case R.i32_gt_s_imm:
        I[fp + code[pc + L_DAI.d]] = I[fp + code[pc + L_DAI.a]] > code[pc + L_DAI.i] ? 1 : 0;
        pc += L_DAI.size;
        continue;
      case R.i32_gt_u_imm:
        I[fp + code[pc + L_DAI.d]] = (I[fp + code[pc + L_DAI.a]] >>> 0) > (code[pc + L_DAI.i] >>> 0) ? 1 : 0;
        pc += L_DAI.size;
        continue;
      case R.i32_le_s_imm:
        I[fp + code[pc + L_DAI.d]] = I[fp + code[pc + L_DAI.a]] <= code[pc + L_DAI.i] ? 1 : 0;
        pc += L_DAI.size;
        continue;
      case R.i32_le_u_imm:
        I[fp + code[pc + L_DAI.d]] = (I[fp + code[pc + L_DAI.a]] >>> 0) <= (code[pc + L_DAI.i] >>> 0) ? 1 : 0;
        pc += L_DAI.size;
        continue;
      case R.i32_ge_s_imm:
        I[fp + code[pc + L_DAI.d]] = I[fp + code[pc + L_DAI.a]] >= code[pc + L_DAI.i] ? 1 : 0;
        pc += L_DAI.size;
        continue;
      case R.i32_ge_u_imm:
        I[fp + code[pc + L_DAI.d]] = (I[fp + code[pc + L_DAI.a]] >>> 0) >= (code[pc + L_DAI.i] >>> 0) ? 1 : 0;
        pc += L_DAI.size;
        continue;
      case R.i32_add:
        I[fp + code[pc + L_DAB.d]] = (I[fp + code[pc + L_DAB.a]] + I[fp + code[pc + L_DAB.b]]) | 0;
        pc += L_DAB.size;
        continue;
      case R.i32_sub:
        I[fp + code[pc + L_DAB.d]] = (I[fp + code[pc + L_DAB.a]] - I[fp + code[pc + L_DAB.b]]) | 0;
        pc += L_DAB.size;
        continue;
      case R.i32_mul:
        I[fp + code[pc + L_DAB.d]] = Math.imul(I[fp + code[pc + L_DAB.a]], I[fp + code[pc + L_DAB.b]]);
        pc += L_DAB.size;
        continue;
      case R.i32_div_s:
        I[fp + code[pc + L_DAB.d]] = i32_div_s(I[fp + code[pc + L_DAB.a]], I[fp + code[pc + L_DAB.b]]);
        pc += L_DAB.size;
        continue;
      case R.i32_div_u:
        I[fp + code[pc + L_DAB.d]] = i32_div_u(I[fp + code[pc + L_DAB.a]], I[fp + code[pc + L_DAB.b]]);
        pc += L_DAB.size;
        continue;
      case R.i32_rem_s:
        I[fp + code[pc + L_DAB.d]] = i32_rem_s(I[fp + code[pc + L_DAB.a]], I[fp + code[pc + L_DAB.b]]);
        pc += L_DAB.size;
        continue;
      case R.i32_rem_u:
        I[fp + code[pc + L_DAB.d]] = i32_rem_u(I[fp + code[pc + L_DAB.a]], I[fp + code[pc + L_DAB.b]]);
        pc += L_DAB.size;
        continue;
      case R.i32_and:
        I[fp + code[pc + L_DAB.d]] = I[fp + code[pc + L_DAB.a]] & I[fp + code[pc + L_DAB.b]];
        pc += L_DAB.size;
        continue;
      case R.i32_or:
        I[fp + code[pc + L_DAB.d]] = I[fp + code[pc + L_DAB.a]] | I[fp + code[pc + L_DAB.b]];
        pc += L_DAB.size;
        continue;
      case R.i32_xor:
        I[fp + code[pc + L_DAB.d]] = I[fp + code[pc + L_DAB.a]] ^ I[fp + code[pc + L_DAB.b]];
        pc += L_DAB.size;
        continue;
      case R.i32_shl:
        I[fp + code[pc + L_DAB.d]] = I[fp + code[pc + L_DAB.a]] << I[fp + code[pc + L_DAB.b]];
        pc += L_DAB.size;
        continue;
      case R.i32_shr_s:
        I[fp + code[pc + L_DAB.d]] = I[fp + code[pc + L_DAB.a]] >> I[fp + code[pc + L_DAB.b]];
        pc += L_DAB.size;
        continue;
      case R.i32_shr_u:
        I[fp + code[pc + L_DAB.d]] = (I[fp + code[pc + L_DAB.a]] >>> I[fp + code[pc + L_DAB.b]]) | 0;
        pc += L_DAB.size;
        continue;
      case R.i32_rotl:
        I[fp + code[pc + L_DAB.d]] = i32_rotl(I[fp + code[pc + L_DAB.a]], I[fp + code[pc + L_DAB.b]]);
        pc += L_DAB.size;
        continue;
      case R.i32_rotr:
        I[fp + code[pc + L_DAB.d]] = i32_rotr(I[fp + code[pc + L_DAB.a]], I[fp + code[pc + L_DAB.b]]);
        pc += L_DAB.size;
        continue;
      case R.i32_add_imm:
        I[fp + code[pc + L_DAI.d]] = (I[fp + code[pc + L_DAI.a]] + code[pc + L_DAI.i]) | 0;
        pc += L_DAI.size;
        continue;
      case R.i32_mul_imm:
        I[fp + code[pc + L_DAI.d]] = Math.imul(I[fp + code[pc + L_DAI.a]], code[pc + L_DAI.i]);
        pc += L_DAI.size;
        continue;
      case R.i32_and_imm:
        I[fp + code[pc + L_DAI.d]] = I[fp + code[pc + L_DAI.a]] & code[pc + L_DAI.i];
        pc += L_DAI.size;
        continue;
      case R.i32_or_imm:
        I[fp + code[pc + L_DAI.d]] = I[fp + code[pc + L_DAI.a]] | code[pc + L_DAI.i];
        pc += L_DAI.size;
        continue;
      case R.i32_xor_imm:
        I[fp + code[pc + L_DAI.d]] = I[fp + code[pc + L_DAI.a]] ^ code[pc + L_DAI.i];
        pc += L_DAI.size;
        continue;
      case R.i32_shl_imm:
        I[fp + code[pc + L_DAI.d]] = I[fp + code[pc + L_DAI.a]] << code[pc + L_DAI.i];
        pc += L_DAI.size;
        continue;
      case R.i32_shr_s_imm:
        I[fp + code[pc + L_DAI.d]] = I[fp + code[pc + L_DAI.a]] >> code[pc + L_DAI.i];
        pc += L_DAI.size;
        continue;
      case R.i32_shr_u_imm:
        I[fp + code[pc + L_DAI.d]] = (I[fp + code[pc + L_DAI.a]] >>> code[pc + L_DAI.i]) | 0;
        pc += L_DAI.size;
        continue;
      // GENERATED END i32
      case R.i32_clz:
        I[fp + code[pc + L_DA.d]] = Math.clz32(I[fp + code[pc + L_DA.a]]);
        pc += L_DA.size;
        continue;
      case R.i32_ctz:
        I[fp + code[pc + L_DA.d]] = i32_ctz(I[fp + code[pc + L_DA.a]]);
        pc += L_DA.size;
        continue;
      case R.i32_popcnt:
        I[fp + code[pc + L_DA.d]] = i32_popcnt(I[fp + code[pc + L_DA.a]]);
        pc += L_DA.size;
        continue;
      case R.i32_extend8_s:
        I[fp + code[pc + L_DA.d]] = (I[fp + code[pc + L_DA.a]] << 24) >> 24;
        pc += L_DA.size;
        continue;
      case R.i32_extend16_s:
        I[fp + code[pc + L_DA.d]] = (I[fp + code[pc + L_DA.a]] << 16) >> 16;
        pc += L_DA.size;
        continue;
      case R.i32_eqz:
        I[fp + code[pc + L_DA.d]] = I[fp + code[pc + L_DA.a]] === 0 ? 1 : 0;
        pc += L_DA.size;
        continue;
      // GENERATED BEGIN i64 (scripts/gen-interp.mjs; do not edit, run `npm run gen`)
      case R.i64_eq: {
        const a = fp + code[pc + L_DAB.a];
        const b = fp + code[pc + L_DAB.b];
        I[fp + code[pc + L_DAB.d]] = I[a] === I[b] && I[a + 1] === I[b + 1] ? 1 : 0;
        pc += L_DAB.size;
        continue;
      }
      case R.i64_ne: {
        const a = fp + code[pc + L_DAB.a];
        const b = fp + code[pc + L_DAB.b];
        I[fp + code[pc + L_DAB.d]] = I[a] !== I[b] || I[a + 1] !== I[b + 1] ? 1 : 0;
        pc += L_DAB.size;
        continue;
      }
      case R.i64_lt_s: {
        const a = fp + code[pc + L_DAB.a];
        const b = fp + code[pc + L_DAB.b];
        I[fp + code[pc + L_DAB.d]] = I[a + 1] < I[b + 1] || (I[a + 1] === I[b + 1] && (I[a] >>> 0) < (I[b] >>> 0)) ? 1 : 0;
        pc += L_DAB.size;
        continue;
      }
      case R.i64_lt_u: {
        const a = fp + code[pc + L_DAB.a];
        const b = fp + code[pc + L_DAB.b];
        I[fp + code[pc + L_DAB.d]] = (I[a + 1] >>> 0) < (I[b + 1] >>> 0) || (I[a + 1] === I[b + 1] && (I[a] >>> 0) < (I[b] >>> 0)) ? 1 : 0;
        pc += L_DAB.size;
        continue;
      }
      case R.i64_gt_s: {
        const a = fp + code[pc + L_DAB.a];
        const b = fp + code[pc + L_DAB.b];
        I[fp + code[pc + L_DAB.d]] = I[a + 1] > I[b + 1] || (I[a + 1] === I[b + 1] && (I[a] >>> 0) > (I[b] >>> 0)) ? 1 : 0;
        pc += L_DAB.size;
        continue;
      }
      case R.i64_gt_u: {
        const a = fp + code[pc + L_DAB.a];
        const b = fp + code[pc + L_DAB.b];
        I[fp + code[pc + L_DAB.d]] = (I[a + 1] >>> 0) > (I[b + 1] >>> 0) || (I[a + 1] === I[b + 1] && (I[a] >>> 0) > (I[b] >>> 0)) ? 1 : 0;
        pc += L_DAB.size;
        continue;
      }
      case R.i64_le_s: {
        const a = fp + code[pc + L_DAB.a];
        const b = fp + code[pc + L_DAB.b];
        I[fp + code[pc + L_DAB.d]] = I[a + 1] < I[b + 1] || (I[a + 1] === I[b + 1] && (I[a] >>> 0) <= (I[b] >>> 0)) ? 1 : 0;
        pc += L_DAB.size;
        continue;
      }
      case R.i64_le_u: {
        const a = fp + code[pc + L_DAB.a];
        const b = fp + code[pc + L_DAB.b];
        I[fp + code[pc + L_DAB.d]] = (I[a + 1] >>> 0) < (I[b + 1] >>> 0) || (I[a + 1] === I[b + 1] && (I[a] >>> 0) <= (I[b] >>> 0)) ? 1 : 0;
        pc += L_DAB.size;
        continue;
      }
      case R.i64_ge_s: {
        const a = fp + code[pc + L_DAB.a];
        const b = fp + code[pc + L_DAB.b];
        I[fp + code[pc + L_DAB.d]] = I[a + 1] > I[b + 1] || (I[a + 1] === I[b + 1] && (I[a] >>> 0) >= (I[b] >>> 0)) ? 1 : 0;
        pc += L_DAB.size;
        continue;
      }
      case R.i64_ge_u: {
        const a = fp + code[pc + L_DAB.a];
        const b = fp + code[pc + L_DAB.b];
        I[fp + code[pc + L_DAB.d]] = (I[a + 1] >>> 0) > (I[b + 1] >>> 0) || (I[a + 1] === I[b + 1] && (I[a] >>> 0) >= (I[b] >>> 0)) ? 1 : 0;
        pc += L_DAB.size;
        continue;
      }
      case R.i64_add: {
        const d = fp + code[pc + L_DAB.d];
        const a = fp + code[pc + L_DAB.a];
        const b = fp + code[pc + L_DAB.b];
        const al = I[a];
        const lo = (al + I[b]) | 0;
        I[d + 1] = (I[a + 1] + I[b + 1] + ((lo >>> 0) < (al >>> 0) ? 1 : 0)) | 0;
        I[d] = lo;
        pc += L_DAB.size;
        continue;
      }
      case R.i64_sub: {
        const d = fp + code[pc + L_DAB.d];
        const a = fp + code[pc + L_DAB.a];
        const b = fp + code[pc + L_DAB.b];
        const al = I[a];
        const bl = I[b];
        I[d + 1] = (I[a + 1] - I[b + 1] - ((al >>> 0) < (bl >>> 0) ? 1 : 0)) | 0;
        I[d] = (al - bl) | 0;
        pc += L_DAB.size;
        continue;
      }
      case R.i64_mul:
        i64_mul(I, fp + code[pc + L_DAB.d], fp + code[pc + L_DAB.a], fp + code[pc + L_DAB.b]);
        pc += L_DAB.size;
        continue;
      case R.i64_div_s:
        i64_div_s(I, fp + code[pc + L_DAB.d], fp + code[pc + L_DAB.a], fp + code[pc + L_DAB.b]);
        pc += L_DAB.size;
        continue;
      case R.i64_div_u:
        i64_div_u(I, fp + code[pc + L_DAB.d], fp + code[pc + L_DAB.a], fp + code[pc + L_DAB.b]);
        pc += L_DAB.size;
        continue;
      case R.i64_rem_s:
        i64_rem_s(I, fp + code[pc + L_DAB.d], fp + code[pc + L_DAB.a], fp + code[pc + L_DAB.b]);
        pc += L_DAB.size;
        continue;
      case R.i64_rem_u:
        i64_rem_u(I, fp + code[pc + L_DAB.d], fp + code[pc + L_DAB.a], fp + code[pc + L_DAB.b]);
        pc += L_DAB.size;
        continue;
      case R.i64_and: {
        const d = fp + code[pc + L_DAB.d];
        const a = fp + code[pc + L_DAB.a];
        const b = fp + code[pc + L_DAB.b];
        I[d] = I[a] & I[b];
        I[d + 1] = I[a + 1] & I[b + 1];
        pc += L_DAB.size;
        continue;
      }
      case R.i64_or: {
        const d = fp + code[pc + L_DAB.d];
        const a = fp + code[pc + L_DAB.a];
        const b = fp + code[pc + L_DAB.b];
        I[d] = I[a] | I[b];
        I[d + 1] = I[a + 1] | I[b + 1];
        pc += L_DAB.size;
        continue;
      }
      case R.i64_xor: {
        const d = fp + code[pc + L_DAB.d];
        const a = fp + code[pc + L_DAB.a];
        const b = fp + code[pc + L_DAB.b];
        I[d] = I[a] ^ I[b];
        I[d + 1] = I[a + 1] ^ I[b + 1];
        pc += L_DAB.size;
        continue;
      }
      case R.i64_shl:
        i64_shl(I, fp + code[pc + L_DAB.d], fp + code[pc + L_DAB.a], fp + code[pc + L_DAB.b]);
        pc += L_DAB.size;
        continue;
      case R.i64_shr_s:
        i64_shr_s(I, fp + code[pc + L_DAB.d], fp + code[pc + L_DAB.a], fp + code[pc + L_DAB.b]);
        pc += L_DAB.size;
        continue;
      case R.i64_shr_u:
        i64_shr_u(I, fp + code[pc + L_DAB.d], fp + code[pc + L_DAB.a], fp + code[pc + L_DAB.b]);
        pc += L_DAB.size;
        continue;
      case R.i64_rotl:
        i64_rotl(I, fp + code[pc + L_DAB.d], fp + code[pc + L_DAB.a], fp + code[pc + L_DAB.b]);
        pc += L_DAB.size;
        continue;
      case R.i64_rotr:
        i64_rotr(I, fp + code[pc + L_DAB.d], fp + code[pc + L_DAB.a], fp + code[pc + L_DAB.b]);
        pc += L_DAB.size;
        continue;
      // GENERATED END i64
      case R.i64_eqz:
        I[fp + code[pc + L_DA.d]] = i64_eqz(I, fp + code[pc + L_DA.a]);
        pc += L_DA.size;
        continue;
      case R.i64_clz:
        i64_clz(I, fp + code[pc + L_DA.d], fp + code[pc + L_DA.a]);
        pc += L_DA.size;
        continue;
      case R.i64_ctz:
        i64_ctz(I, fp + code[pc + L_DA.d], fp + code[pc + L_DA.a]);
        pc += L_DA.size;
        continue;
      case R.i64_popcnt:
        i64_popcnt(I, fp + code[pc + L_DA.d], fp + code[pc + L_DA.a]);
        pc += L_DA.size;
        continue;
      case R.i64_extend8_s:
        i64_extend8_s(I, fp + code[pc + L_DA.d], fp + code[pc + L_DA.a]);
        pc += L_DA.size;
        continue;
      case R.i64_extend16_s:
        i64_extend16_s(I, fp + code[pc + L_DA.d], fp + code[pc + L_DA.a]);
        pc += L_DA.size;
        continue;
      case R.i64_extend32_s:
        i64_extend32_s(I, fp + code[pc + L_DA.d], fp + code[pc + L_DA.a]);
        pc += L_DA.size;
        continue;
      case R.i64_shl_imm:
        i64ShlImm(I, fp + code[pc + L_DAI.d], fp + code[pc + L_DAI.a], code[pc + L_DAI.i]);
        pc += L_DAI.size;
        continue;
      case R.i64_shr_s_imm:
        i64ShrSImm(I, fp + code[pc + L_DAI.d], fp + code[pc + L_DAI.a], code[pc + L_DAI.i]);
        pc += L_DAI.size;
        continue;
      case R.i64_shr_u_imm:
        i64ShrUImm(I, fp + code[pc + L_DAI.d], fp + code[pc + L_DAI.a], code[pc + L_DAI.i]);
        pc += L_DAI.size;
        continue;
      // GENERATED BEGIN float (scripts/gen-interp.mjs; do not edit, run `npm run gen`)
      case R.f32_eq:
        I[fp + code[pc + L_DAB.d]] = F[fp + code[pc + L_DAB.a]] === F[fp + code[pc + L_DAB.b]] ? 1 : 0;
        pc += L_DAB.size;
        continue;
      case R.f32_ne:
        I[fp + code[pc + L_DAB.d]] = F[fp + code[pc + L_DAB.a]] !== F[fp + code[pc + L_DAB.b]] ? 1 : 0;
        pc += L_DAB.size;
        continue;
      case R.f32_lt:
        I[fp + code[pc + L_DAB.d]] = F[fp + code[pc + L_DAB.a]] < F[fp + code[pc + L_DAB.b]] ? 1 : 0;
        pc += L_DAB.size;
        continue;
      case R.f32_gt:
        I[fp + code[pc + L_DAB.d]] = F[fp + code[pc + L_DAB.a]] > F[fp + code[pc + L_DAB.b]] ? 1 : 0;
        pc += L_DAB.size;
        continue;
      case R.f32_le:
        I[fp + code[pc + L_DAB.d]] = F[fp + code[pc + L_DAB.a]] <= F[fp + code[pc + L_DAB.b]] ? 1 : 0;
        pc += L_DAB.size;
        continue;
      case R.f32_ge:
        I[fp + code[pc + L_DAB.d]] = F[fp + code[pc + L_DAB.a]] >= F[fp + code[pc + L_DAB.b]] ? 1 : 0;
        pc += L_DAB.size;
        continue;
      case R.f32_add:
        F[fp + code[pc + L_DAB.d]] = F[fp + code[pc + L_DAB.a]] + F[fp + code[pc + L_DAB.b]];
        pc += L_DAB.size;
        continue;
      case R.f32_sub:
        F[fp + code[pc + L_DAB.d]] = F[fp + code[pc + L_DAB.a]] - F[fp + code[pc + L_DAB.b]];
        pc += L_DAB.size;
        continue;
      case R.f32_mul:
        F[fp + code[pc + L_DAB.d]] = F[fp + code[pc + L_DAB.a]] * F[fp + code[pc + L_DAB.b]];
        pc += L_DAB.size;
        continue;
      case R.f32_div:
        F[fp + code[pc + L_DAB.d]] = F[fp + code[pc + L_DAB.a]] / F[fp + code[pc + L_DAB.b]];
        pc += L_DAB.size;
        continue;
      case R.f32_min:
        F[fp + code[pc + L_DAB.d]] = f64_min(F[fp + code[pc + L_DAB.a]], F[fp + code[pc + L_DAB.b]]);
        pc += L_DAB.size;
        continue;
      case R.f32_max:
        F[fp + code[pc + L_DAB.d]] = f64_max(F[fp + code[pc + L_DAB.a]], F[fp + code[pc + L_DAB.b]]);
        pc += L_DAB.size;
        continue;
      case R.f64_eq:
        I[fp + code[pc + L_DAB.d]] = D[(fp + code[pc + L_DAB.a]) >> 1] === D[(fp + code[pc + L_DAB.b]) >> 1] ? 1 : 0;
        pc += L_DAB.size;
        continue;
      case R.f64_ne:
        I[fp + code[pc + L_DAB.d]] = D[(fp + code[pc + L_DAB.a]) >> 1] !== D[(fp + code[pc + L_DAB.b]) >> 1] ? 1 : 0;
        pc += L_DAB.size;
        continue;
      case R.f64_lt:
        I[fp + code[pc + L_DAB.d]] = D[(fp + code[pc + L_DAB.a]) >> 1] < D[(fp + code[pc + L_DAB.b]) >> 1] ? 1 : 0;
        pc += L_DAB.size;
        continue;
      case R.f64_gt:
        I[fp + code[pc + L_DAB.d]] = D[(fp + code[pc + L_DAB.a]) >> 1] > D[(fp + code[pc + L_DAB.b]) >> 1] ? 1 : 0;
        pc += L_DAB.size;
        continue;
      case R.f64_le:
        I[fp + code[pc + L_DAB.d]] = D[(fp + code[pc + L_DAB.a]) >> 1] <= D[(fp + code[pc + L_DAB.b]) >> 1] ? 1 : 0;
        pc += L_DAB.size;
        continue;
      case R.f64_ge:
        I[fp + code[pc + L_DAB.d]] = D[(fp + code[pc + L_DAB.a]) >> 1] >= D[(fp + code[pc + L_DAB.b]) >> 1] ? 1 : 0;
        pc += L_DAB.size;
        continue;
      case R.f64_add:
        D[(fp + code[pc + L_DAB.d]) >> 1] = D[(fp + code[pc + L_DAB.a]) >> 1] + D[(fp + code[pc + L_DAB.b]) >> 1];
        pc += L_DAB.size;
        continue;
      case R.f64_sub:
        D[(fp + code[pc + L_DAB.d]) >> 1] = D[(fp + code[pc + L_DAB.a]) >> 1] - D[(fp + code[pc + L_DAB.b]) >> 1];
        pc += L_DAB.size;
        continue;
      case R.f64_mul:
        D[(fp + code[pc + L_DAB.d]) >> 1] = D[(fp + code[pc + L_DAB.a]) >> 1] * D[(fp + code[pc + L_DAB.b]) >> 1];
        pc += L_DAB.size;
        continue;
      case R.f64_div:
        D[(fp + code[pc + L_DAB.d]) >> 1] = D[(fp + code[pc + L_DAB.a]) >> 1] / D[(fp + code[pc + L_DAB.b]) >> 1];
        pc += L_DAB.size;
        continue;
      case R.f64_min:
        D[(fp + code[pc + L_DAB.d]) >> 1] = f64_min(D[(fp + code[pc + L_DAB.a]) >> 1], D[(fp + code[pc + L_DAB.b]) >> 1]);
        pc += L_DAB.size;
        continue;
      case R.f64_max:
        D[(fp + code[pc + L_DAB.d]) >> 1] = f64_max(D[(fp + code[pc + L_DAB.a]) >> 1], D[(fp + code[pc + L_DAB.b]) >> 1]);
        pc += L_DAB.size;
        continue;
      // GENERATED END float
      case R.f32_ceil:
        F[fp + code[pc + L_DA.d]] = f64_ceil(F[fp + code[pc + L_DA.a]]);
        pc += L_DA.size;
        continue;
      case R.f32_floor:
        F[fp + code[pc + L_DA.d]] = f64_floor(F[fp + code[pc + L_DA.a]]);
        pc += L_DA.size;
        continue;
      case R.f32_trunc:
        F[fp + code[pc + L_DA.d]] = f64_trunc(F[fp + code[pc + L_DA.a]]);
        pc += L_DA.size;
        continue;
      case R.f32_nearest:
        F[fp + code[pc + L_DA.d]] = f64_nearest(F[fp + code[pc + L_DA.a]]);
        pc += L_DA.size;
        continue;
      case R.f32_sqrt:
        F[fp + code[pc + L_DA.d]] = Math.sqrt(F[fp + code[pc + L_DA.a]]);
        pc += L_DA.size;
        continue;
      case R.f64_ceil:
        D[(fp + code[pc + L_DA.d]) >> 1] = f64_ceil(D[(fp + code[pc + L_DA.a]) >> 1]);
        pc += L_DA.size;
        continue;
      case R.f64_floor:
        D[(fp + code[pc + L_DA.d]) >> 1] = f64_floor(D[(fp + code[pc + L_DA.a]) >> 1]);
        pc += L_DA.size;
        continue;
      case R.f64_trunc:
        D[(fp + code[pc + L_DA.d]) >> 1] = f64_trunc(D[(fp + code[pc + L_DA.a]) >> 1]);
        pc += L_DA.size;
        continue;
      case R.f64_nearest:
        D[(fp + code[pc + L_DA.d]) >> 1] = f64_nearest(D[(fp + code[pc + L_DA.a]) >> 1]);
        pc += L_DA.size;
        continue;
      case R.f64_sqrt:
        D[(fp + code[pc + L_DA.d]) >> 1] = Math.sqrt(D[(fp + code[pc + L_DA.a]) >> 1]);
        pc += L_DA.size;
        continue;
      case R.i64_add_imm: {
        const d = fp + code[pc + L_DAI.d];
        const a = fp + code[pc + L_DAI.a];
        const v = code[pc + L_DAI.i];
        const al = I[a];
        const lo = (al + v) | 0;
        I[d + 1] = (I[a + 1] + (v >> 31) + ((lo >>> 0) < (al >>> 0) ? 1 : 0)) | 0;
        I[d] = lo;
        pc += L_DAI.size;
        continue;
      }
      // GENERATED BEGIN multiply-add (scripts/gen-interp.mjs; do not edit, run `npm run gen`)
      case R.f32_mul_add:
        F[fp + code[pc + L_DABC.d]] = Math.fround(F[fp + code[pc + L_DABC.a]] * F[fp + code[pc + L_DABC.b]]) + F[fp + code[pc + L_DABC.c]];
        pc += L_DABC.size;
        continue;
      case R.f32_add_mul:
        F[fp + code[pc + L_DABC.d]] = F[fp + code[pc + L_DABC.a]] + Math.fround(F[fp + code[pc + L_DABC.b]] * F[fp + code[pc + L_DABC.c]]);
        pc += L_DABC.size;
        continue;
      // GENERATED END multiply-add
      // GENERATED BEGIN f64 memory operands (scripts/gen-interp.mjs; do not edit, run `npm run gen`)
      case R.f64_add_m: {
        const addr = ((I[fp + code[pc + L_DABCI.b]] + I[fp + code[pc + L_DABCI.c]]) >>> 0) + (code[pc + L_DABCI.i] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        D[(fp + code[pc + L_DABCI.d]) >> 1] = D[(fp + code[pc + L_DABCI.a]) >> 1] + (addr & 7 ? dv.getFloat64(addr, true) : m64[addr >>> 3]);
        pc += L_DABCI.size;
        continue;
      }
      case R.f64_sub_m: {
        const addr = ((I[fp + code[pc + L_DABCI.b]] + I[fp + code[pc + L_DABCI.c]]) >>> 0) + (code[pc + L_DABCI.i] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        D[(fp + code[pc + L_DABCI.d]) >> 1] = D[(fp + code[pc + L_DABCI.a]) >> 1] - (addr & 7 ? dv.getFloat64(addr, true) : m64[addr >>> 3]);
        pc += L_DABCI.size;
        continue;
      }
      case R.f64_mul_m: {
        const addr = ((I[fp + code[pc + L_DABCI.b]] + I[fp + code[pc + L_DABCI.c]]) >>> 0) + (code[pc + L_DABCI.i] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        D[(fp + code[pc + L_DABCI.d]) >> 1] = D[(fp + code[pc + L_DABCI.a]) >> 1] * (addr & 7 ? dv.getFloat64(addr, true) : m64[addr >>> 3]);
        pc += L_DABCI.size;
        continue;
      }
      case R.f64_div_m: {
        const addr = ((I[fp + code[pc + L_DABCI.b]] + I[fp + code[pc + L_DABCI.c]]) >>> 0) + (code[pc + L_DABCI.i] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        D[(fp + code[pc + L_DABCI.d]) >> 1] = D[(fp + code[pc + L_DABCI.a]) >> 1] / (addr & 7 ? dv.getFloat64(addr, true) : m64[addr >>> 3]);
        pc += L_DABCI.size;
        continue;
      }
      case R.f64_add_st: {
        const addr = (I[fp + code[pc + L_ABCI.a]] >>> 0) + (code[pc + L_ABCI.i] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        const v = D[(fp + code[pc + L_ABCI.b]) >> 1] + D[(fp + code[pc + L_ABCI.c]) >> 1];
        if ((addr & 7) === 0) m64[addr >>> 3] = v;
        else dv.setFloat64(addr, v, true);
        pc += L_ABCI.size;
        continue;
      }
      case R.f64_sub_st: {
        const addr = (I[fp + code[pc + L_ABCI.a]] >>> 0) + (code[pc + L_ABCI.i] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        const v = D[(fp + code[pc + L_ABCI.b]) >> 1] - D[(fp + code[pc + L_ABCI.c]) >> 1];
        if ((addr & 7) === 0) m64[addr >>> 3] = v;
        else dv.setFloat64(addr, v, true);
        pc += L_ABCI.size;
        continue;
      }
      case R.f64_mul_st: {
        const addr = (I[fp + code[pc + L_ABCI.a]] >>> 0) + (code[pc + L_ABCI.i] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        const v = D[(fp + code[pc + L_ABCI.b]) >> 1] * D[(fp + code[pc + L_ABCI.c]) >> 1];
        if ((addr & 7) === 0) m64[addr >>> 3] = v;
        else dv.setFloat64(addr, v, true);
        pc += L_ABCI.size;
        continue;
      }
      case R.f64_div_st: {
        const addr = (I[fp + code[pc + L_ABCI.a]] >>> 0) + (code[pc + L_ABCI.i] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        const v = D[(fp + code[pc + L_ABCI.b]) >> 1] / D[(fp + code[pc + L_ABCI.c]) >> 1];
        if ((addr & 7) === 0) m64[addr >>> 3] = v;
        else dv.setFloat64(addr, v, true);
        pc += L_ABCI.size;
        continue;
      }
      // GENERATED END f64 memory operands
      case R.f64_add_rmw: {
        const addr = ((I[fp + code[pc + L_ABCI.b]] + I[fp + code[pc + L_ABCI.c]]) >>> 0) + (code[pc + L_ABCI.i] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        if ((addr & 7) === 0) {
          const i = addr >>> 3;
          m64[i] = D[(fp + code[pc + L_ABCI.a]) >> 1] + m64[i];
        } else dv.setFloat64(addr, D[(fp + code[pc + L_ABCI.a]) >> 1] + dv.getFloat64(addr, true), true);
        pc += L_ABCI.size;
        continue;
      }
      case R.copy8: {
        const src = ((I[fp + code[pc + L_AAIBBI.a]] + I[fp + code[pc + L_AAIBBI.a2]]) >>> 0) + (code[pc + L_AAIBBI.i] >>> 0);
        if (src >= memLen) trapMemory();
        const dst = ((I[fp + code[pc + L_AAIBBI.b]] + I[fp + code[pc + L_AAIBBI.b2]]) >>> 0) + (code[pc + L_AAIBBI.i2] >>> 0);
        if (dst >= memLen) trapMemory();
        u8[dst] = u8[src];
        pc += L_AAIBBI.size;
        continue;
      }
      case R.copy32: {
        const src = ((I[fp + code[pc + L_AAIBBI.a]] + I[fp + code[pc + L_AAIBBI.a2]]) >>> 0) + (code[pc + L_AAIBBI.i] >>> 0);
        if (src + 4 > memLen) trapMemory();
        const v = src & 3 ? dv.getInt32(src, true) : m32[src >>> 2];
        const dst = ((I[fp + code[pc + L_AAIBBI.b]] + I[fp + code[pc + L_AAIBBI.b2]]) >>> 0) + (code[pc + L_AAIBBI.i2] >>> 0);
        if (dst + 4 > memLen) trapMemory();
        if (dst & 3) dv.setInt32(dst, v, true);
        else m32[dst >>> 2] = v;
        pc += L_AAIBBI.size;
        continue;
      }
      case R.copy64: {
        const src = ((I[fp + code[pc + L_AAIBBI.a]] + I[fp + code[pc + L_AAIBBI.a2]]) >>> 0) + (code[pc + L_AAIBBI.i] >>> 0);
        if (src + 8 > memLen) trapMemory();
        const lo = src & 3 ? dv.getInt32(src, true) : m32[src >>> 2];
        const hi = src & 3 ? dv.getInt32(src + 4, true) : m32[(src >>> 2) + 1];
        const dst = ((I[fp + code[pc + L_AAIBBI.b]] + I[fp + code[pc + L_AAIBBI.b2]]) >>> 0) + (code[pc + L_AAIBBI.i2] >>> 0);
        if (dst + 8 > memLen) trapMemory();
        if (dst & 3) {
          dv.setInt32(dst, lo, true);
          dv.setInt32(dst + 4, hi, true);
        } else {
          m32[dst >>> 2] = lo;
          m32[(dst >>> 2) + 1] = hi;
        }
        pc += L_AAIBBI.size;
        continue;
      }
      case R.f64_add_mul_st: {
        const addr = (I[fp + code[pc + L_ABCCI.a]] >>> 0) + (code[pc + L_ABCCI.i] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        const v = D[(fp + code[pc + L_ABCCI.b]) >> 1] + D[(fp + code[pc + L_ABCCI.c]) >> 1] * D[(fp + code[pc + L_ABCCI.c2]) >> 1];
        if ((addr & 7) === 0) m64[addr >>> 3] = v;
        else dv.setFloat64(addr, v, true);
        pc += L_ABCCI.size;
        continue;
      }
      case R.f64_sub_mul_st: {
        const addr = (I[fp + code[pc + L_ABCCI.a]] >>> 0) + (code[pc + L_ABCCI.i] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        const v = D[(fp + code[pc + L_ABCCI.b]) >> 1] - D[(fp + code[pc + L_ABCCI.c]) >> 1] * D[(fp + code[pc + L_ABCCI.c2]) >> 1];
        if ((addr & 7) === 0) m64[addr >>> 3] = v;
        else dv.setFloat64(addr, v, true);
        pc += L_ABCCI.size;
        continue;
      }
      case R.f64_mul_add_rmw: {
        const addr = ((I[fp + code[pc + L_ABCCI.c]] + I[fp + code[pc + L_ABCCI.c2]]) >>> 0) + (code[pc + L_ABCCI.i] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        const v = D[(fp + code[pc + L_ABCCI.a]) >> 1] * D[(fp + code[pc + L_ABCCI.b]) >> 1];
        if ((addr & 7) === 0) {
          const i = addr >>> 3;
          m64[i] = v + m64[i];
        } else dv.setFloat64(addr, v + dv.getFloat64(addr, true), true);
        pc += L_ABCCI.size;
        continue;
      }
      case R.f64_mul_m_add_rmw: {
        const src = ((I[fp + code[pc + L_ABBICCI.b]] + I[fp + code[pc + L_ABBICCI.b2]]) >>> 0) + (code[pc + L_ABBICCI.i] >>> 0);
        if (src + 8 > memLen) trapMemory();
        const v = D[(fp + code[pc + L_ABBICCI.a]) >> 1] * (src & 7 ? dv.getFloat64(src, true) : m64[src >>> 3]);
        const addr = ((I[fp + code[pc + L_ABBICCI.c]] + I[fp + code[pc + L_ABBICCI.c2]]) >>> 0) + (code[pc + L_ABBICCI.i2] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        if ((addr & 7) === 0) {
          const i = addr >>> 3;
          m64[i] = v + m64[i];
        } else dv.setFloat64(addr, v + dv.getFloat64(addr, true), true);
        pc += L_ABBICCI.size;
        continue;
      }
      case R.f32_abs:
        I[fp + code[pc + L_DA.d]] = I[fp + code[pc + L_DA.a]] & 0x7fffffff;
        pc += L_DA.size;
        continue;
      case R.f32_neg:
        I[fp + code[pc + L_DA.d]] = I[fp + code[pc + L_DA.a]] ^ -0x80000000;
        pc += L_DA.size;
        continue;
      case R.f32_copysign:
        I[fp + code[pc + L_DAB.d]] = (I[fp + code[pc + L_DAB.a]] & 0x7fffffff) | (I[fp + code[pc + L_DAB.b]] & -0x80000000);
        pc += L_DAB.size;
        continue;
      case R.f64_abs: {
        const d = fp + code[pc + L_DA.d];
        const a = fp + code[pc + L_DA.a];
        I[d] = I[a];
        I[d + 1] = I[a + 1] & 0x7fffffff;
        pc += L_DA.size;
        continue;
      }
      case R.f64_neg: {
        const d = fp + code[pc + L_DA.d];
        const a = fp + code[pc + L_DA.a];
        I[d] = I[a];
        I[d + 1] = I[a + 1] ^ -0x80000000;
        pc += L_DA.size;
        continue;
      }
      case R.f64_copysign: {
        const d = fp + code[pc + L_DAB.d];
        const a = fp + code[pc + L_DAB.a];
        const hi = (I[a + 1] & 0x7fffffff) | (I[fp + code[pc + L_DAB.b] + 1] & -0x80000000);
        I[d] = I[a];
        I[d + 1] = hi;
        pc += L_DAB.size;
        continue;
      }

      // Conversions
      case R.i32_trunc_f32_s:
        I[fp + code[pc + L_DA.d]] = i32_trunc_f64_s(F[fp + code[pc + L_DA.a]]);
        pc += L_DA.size;
        continue;
      case R.i32_trunc_f32_u:
        I[fp + code[pc + L_DA.d]] = i32_trunc_f64_u(F[fp + code[pc + L_DA.a]]);
        pc += L_DA.size;
        continue;
      case R.i32_trunc_f64_s:
        I[fp + code[pc + L_DA.d]] = i32_trunc_f64_s(D[(fp + code[pc + L_DA.a]) >> 1]);
        pc += L_DA.size;
        continue;
      case R.i32_trunc_f64_u:
        I[fp + code[pc + L_DA.d]] = i32_trunc_f64_u(D[(fp + code[pc + L_DA.a]) >> 1]);
        pc += L_DA.size;
        continue;
      case R.i32_trunc_sat_f32_s:
        I[fp + code[pc + L_DA.d]] = i32_trunc_sat_f64_s(F[fp + code[pc + L_DA.a]]);
        pc += L_DA.size;
        continue;
      case R.i32_trunc_sat_f32_u:
        I[fp + code[pc + L_DA.d]] = i32_trunc_sat_f64_u(F[fp + code[pc + L_DA.a]]);
        pc += L_DA.size;
        continue;
      case R.i32_trunc_sat_f64_s:
        I[fp + code[pc + L_DA.d]] = i32_trunc_sat_f64_s(D[(fp + code[pc + L_DA.a]) >> 1]);
        pc += L_DA.size;
        continue;
      case R.i32_trunc_sat_f64_u:
        I[fp + code[pc + L_DA.d]] = i32_trunc_sat_f64_u(D[(fp + code[pc + L_DA.a]) >> 1]);
        pc += L_DA.size;
        continue;
      case R.i64_extend_i32_s: {
        const d = fp + code[pc + L_DA.d];
        const v = I[fp + code[pc + L_DA.a]];
        I[d] = v;
        I[d + 1] = v >> 31;
        pc += L_DA.size;
        continue;
      }
      case R.i64_extend_i32_u: {
        const d = fp + code[pc + L_DA.d];
        I[d] = I[fp + code[pc + L_DA.a]];
        I[d + 1] = 0;
        pc += L_DA.size;
        continue;
      }
      case R.i64_trunc_f32_s:
        i64_trunc_f64_s(I, fp + code[pc + L_DA.d], F[fp + code[pc + L_DA.a]]);
        pc += L_DA.size;
        continue;
      case R.i64_trunc_f32_u:
        i64_trunc_f64_u(I, fp + code[pc + L_DA.d], F[fp + code[pc + L_DA.a]]);
        pc += L_DA.size;
        continue;
      case R.i64_trunc_f64_s:
        i64_trunc_f64_s(I, fp + code[pc + L_DA.d], D[(fp + code[pc + L_DA.a]) >> 1]);
        pc += L_DA.size;
        continue;
      case R.i64_trunc_f64_u:
        i64_trunc_f64_u(I, fp + code[pc + L_DA.d], D[(fp + code[pc + L_DA.a]) >> 1]);
        pc += L_DA.size;
        continue;
      case R.i64_trunc_sat_f32_s:
        i64_trunc_sat_f64_s(I, fp + code[pc + L_DA.d], F[fp + code[pc + L_DA.a]]);
        pc += L_DA.size;
        continue;
      case R.i64_trunc_sat_f32_u:
        i64_trunc_sat_f64_u(I, fp + code[pc + L_DA.d], F[fp + code[pc + L_DA.a]]);
        pc += L_DA.size;
        continue;
      case R.i64_trunc_sat_f64_s:
        i64_trunc_sat_f64_s(I, fp + code[pc + L_DA.d], D[(fp + code[pc + L_DA.a]) >> 1]);
        pc += L_DA.size;
        continue;
      case R.i64_trunc_sat_f64_u:
        i64_trunc_sat_f64_u(I, fp + code[pc + L_DA.d], D[(fp + code[pc + L_DA.a]) >> 1]);
        pc += L_DA.size;
        continue;
      case R.f32_convert_i32_s:
        F[fp + code[pc + L_DA.d]] = I[fp + code[pc + L_DA.a]];
        pc += L_DA.size;
        continue;
      case R.f32_convert_i32_u:
        F[fp + code[pc + L_DA.d]] = I[fp + code[pc + L_DA.a]] >>> 0;
        pc += L_DA.size;
        continue;
      case R.f32_convert_i64_s: {
        const a = fp + code[pc + L_DA.a];
        F[fp + code[pc + L_DA.d]] = f32_convert_i64_s(I[a], I[a + 1]);
        pc += L_DA.size;
        continue;
      }
      case R.f32_convert_i64_u: {
        const a = fp + code[pc + L_DA.a];
        F[fp + code[pc + L_DA.d]] = f32_convert_i64_u(I[a], I[a + 1]);
        pc += L_DA.size;
        continue;
      }
      case R.f32_demote_f64:
        F[fp + code[pc + L_DA.d]] = f32_demote_f64(D[(fp + code[pc + L_DA.a]) >> 1]);
        pc += L_DA.size;
        continue;
      case R.f64_convert_i32_s:
        D[(fp + code[pc + L_DA.d]) >> 1] = I[fp + code[pc + L_DA.a]];
        pc += L_DA.size;
        continue;
      case R.f64_convert_i32_u:
        D[(fp + code[pc + L_DA.d]) >> 1] = I[fp + code[pc + L_DA.a]] >>> 0;
        pc += L_DA.size;
        continue;
      case R.f64_convert_i64_s: {
        const a = fp + code[pc + L_DA.a];
        D[(fp + code[pc + L_DA.d]) >> 1] = f64_convert_i64_s(I[a], I[a + 1]);
        pc += L_DA.size;
        continue;
      }
      case R.f64_convert_i64_u: {
        const a = fp + code[pc + L_DA.a];
        D[(fp + code[pc + L_DA.d]) >> 1] = f64_convert_i64_u(I[a], I[a + 1]);
        pc += L_DA.size;
        continue;
      }
      case R.f64_promote_f32:
        D[(fp + code[pc + L_DA.d]) >> 1] = f64_promote_f32(F[fp + code[pc + L_DA.a]]);
        pc += L_DA.size;
        continue;

      // References and tables
      case R.ref_null:
        refs[(fp + code[pc + L_D.d]) >> 1] = null;
        pc += L_D.size;
        continue;
      case R.ref_is_null:
        I[fp + code[pc + L_DA.d]] = refs[(fp + code[pc + L_DA.a]) >> 1] === null ? 1 : 0;
        pc += L_DA.size;
        continue;
      case R.ref_func:
        refs[(fp + code[pc + L_DX.d]) >> 1] = funcs[code[pc + L_DX.x]];
        pc += L_DX.size;
        continue;
      case R.table_get:
        refs[(fp + code[pc + L_DXA.d]) >> 1] = tableGetOp(inst, I, code[pc + L_DXA.x], fp + code[pc + L_DXA.a]);
        pc += L_DXA.size;
        continue;
      case R.table_set:
        tableSetOp(inst, I, code[pc + L_XAB.x], fp + code[pc + L_XAB.a], refs[(fp + code[pc + L_XAB.b]) >> 1]);
        pc += L_XAB.size;
        continue;
      case R.table_size:
        tableSizeOp(inst, I, code[pc + L_DX.x], fp + code[pc + L_DX.d]);
        pc += L_DX.size;
        continue;
      case R.table_grow:
        tableGrowOp(inst, I, code[pc + L_DXAB.x], fp + code[pc + L_DXAB.d], refs[(fp + code[pc + L_DXAB.a]) >> 1], fp + code[pc + L_DXAB.b]);
        pc += L_DXAB.size;
        continue;
      case R.table_fill:
        tableFillOp(inst, I, code[pc + L_XABC.x], fp + code[pc + L_XABC.a], refs[(fp + code[pc + L_XABC.b]) >> 1], fp + code[pc + L_XABC.c]);
        pc += L_XABC.size;
        continue;
      case R.table_copy:
        tableCopyOp(inst, I, code[pc + L_XYABC.x], code[pc + L_XYABC.y], fp + code[pc + L_XYABC.a], fp + code[pc + L_XYABC.b], fp + code[pc + L_XYABC.c]);
        pc += L_XYABC.size;
        continue;
      case R.table_init:
        tableInitOp(inst, I, code[pc + L_XYABC.x], code[pc + L_XYABC.y], fp + code[pc + L_XYABC.a], fp + code[pc + L_XYABC.b], fp + code[pc + L_XYABC.c]);
        pc += L_XYABC.size;
        continue;
      case R.elem_drop:
        inst.elems[code[pc + L_X.x]] = [];
        pc += L_X.size;
        continue;
      // GENERATED BEGIN rooms (scripts/gen-interp.mjs; do not edit, run `npm run gen`)
      case R.ref_eq:
      case R.ref_i31:
      case R.i31_get_s:
      case R.i31_get_u:
      case R.ref_test:
      case R.ref_cast:
      case R.struct_new:
      case R.struct_new_default:
      case R.struct_get32:
      case R.struct_get_s8:
      case R.struct_get_s16:
      case R.struct_get64:
      case R.struct_get128:
      case R.struct_get_ref:
      case R.struct_set32:
      case R.struct_set8:
      case R.struct_set16:
      case R.struct_set64:
      case R.struct_set128:
      case R.struct_set_ref:
      case R.array_new:
      case R.array_new_default:
      case R.array_new_fixed:
      case R.array_new_data:
      case R.array_new_elem:
      case R.array_get32:
      case R.array_get_s8:
      case R.array_get_s16:
      case R.array_get64:
      case R.array_get128:
      case R.array_get_ref:
      case R.array_set32:
      case R.array_set64:
      case R.array_set128:
      case R.array_set_ref:
      case R.array_len:
      case R.array_fill:
      case R.array_copy:
      case R.array_init_data:
      case R.array_init_elem:
        pc = execGc(code, pc, fp, I, refs, inst);
        continue;
      // GENERATED END rooms
      default: {
        const never: never = op;
        throw new Error(`bad register instruction ${String(never)}`);
      }
    }

    // A tail call into wasm of this store: the arguments move to the frame's
    // first cells and the callee replaces the frame (same fp, same depth).
    // Into a host, another store or the compile-to-JS tier it is a call, after which the `return`
    // that the translator put after every tail call returns the results.
    let c: Compiled | null = null;
    if (callee.def !== null && callee.instance!.store === store) c = callee.compiled ?? interpreted(callee);
    if (tail && c !== null) {
      const n = callee.paramWords;
      const from = fp + argBase;
      for (let k = 0; k < n; k++) I[fp + k] = I[from + k];
      for (let k = 0; k < n; k += 2) refs[(fp + k) >> 1] = refs[(from + k) >> 1];
      if (fp + c.frameWords > I.length) {
        regs.ensure(fp + c.frameWords);
        I = regs.i32;
        F = regs.f32;
        D = regs.f64;
        refs = regs.refs;
      }
      for (let k = fp + c.zeroFrom, end = fp + c.zeroTo; k < end; k++) I[k] = 0;
      if (c.pool !== null) {
        const pool = c.pool;
        const at = fp + c.poolAt;
        for (let k = 0; k < pool.length; k++) I[at + k] = pool[k];
      }
      if (c.refLocals !== null) for (const k of c.refLocals) refs[(fp >> 1) + k] = null;
      cur = c;
      code = c.code;
      pc = 0;
      if (c.instance !== inst) {
        inst = c.instance;
        funcs = inst.funcs;
        globals = inst.globals;
        mem = inst.memories[0] ?? NO_MEMORY;
        u8 = mem.u8;
        dv = mem.view;
        m64 = mem.f64;
        m32 = mem.i32;
        memLen = u8.length;
      }
      continue;
    }

    // A call: `callee` with arguments at fp + argBase; pc is the return address.
    if (c !== null) {
      if (depth >= maxDepth) trapExhausted();
      const nfp = fp + argBase;
      if (nfp + c.frameWords > I.length) {
        regs.ensure(nfp + c.frameWords);
        I = regs.i32;
        F = regs.f32;
        D = regs.f64;
        refs = regs.refs;
      }
      frameCode[depth] = cur;
      framePc[depth] = pc;
      frameFp[depth] = fp;
      depth++;
      for (let k = nfp + c.zeroFrom, end = nfp + c.zeroTo; k < end; k++) I[k] = 0;
      if (c.pool !== null) {
        const pool = c.pool;
        const at = nfp + c.poolAt;
        for (let k = 0; k < pool.length; k++) I[at + k] = pool[k];
      }
      if (c.refLocals !== null) for (const k of c.refLocals) refs[(nfp >> 1) + k] = null;
      fp = nfp;
      cur = c;
      code = c.code;
      pc = 0;
      if (c.instance !== inst) {
        inst = c.instance;
        funcs = inst.funcs;
        globals = inst.globals;
        mem = inst.memories[0] ?? NO_MEMORY;
        u8 = mem.u8;
        dv = mem.view;
        m64 = mem.f64;
        m32 = mem.i32;
        memLen = u8.length;
      }
    } else {
      if (depth >= maxDepth) trapExhausted();
      frameCode[depth] = cur;
      framePc[depth] = pc;
      frameFp[depth] = fp;
      store.depth = depth + 1;
      store.sp = fp + cur.frameWords;
      callExternal(store, callee, fp + argBase);
      store.depth = depth;
      I = regs.i32;
      F = regs.f32;
      D = regs.f64;
      refs = regs.refs;
      if (tail) {
        // The `return` after the tail call returns the callee's results from the first cells.
        const n = callee.resultWords;
        const from = fp + argBase;
        for (let k = 0; k < n; k++) I[fp + k] = I[from + k];
        for (let k = 0; k < n; k += 2) refs[(fp + k) >> 1] = refs[(from + k) >> 1];
      }
      mem = inst.memories[0] ?? NO_MEMORY;
      u8 = mem.u8;
      dv = mem.view;
      m64 = mem.f64;
      m32 = mem.i32;
      memLen = u8.length;
    }
  }
}
