/**
 * The executor: one loop, one `switch` over the register code of isa.ts.
 *
 * Everything hot is a local of `execute`: the code array and `pc`, the frame
 * pointer `fp`, the register file's views (`I` int32, `F` float32, `D`
 * float64, `refs`), the current instance's functions and globals, and memory
 * 0's `DataView`/bytes/length. Operands are word offsets from `fp` (see
 * regfile.ts), so an i32 operand is `I[fp + code[pc + k]]`.
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
 * (address and offset are u32, their sum is exact in a double) and then use
 * the little-endian `DataView`; floats are loaded and stored as int32 words,
 * so NaN payloads survive.
 *
 * Deliberately not here: anything rare (tables, bulk memory, traps' messages,
 * host calls: slow.ts, traps.ts), so this function stays below V8's limit for
 * optimization. SIMD, exceptions, GC and tail calls are not executed yet.
 *
 * Spec: "Execution › Instructions" and "Execution › Instructions › Control
 * Instructions" (call, return: "Function Calls").
 */
import {
  f32_convert_i64_s, f32_convert_i64_u, f32_demote_f64, f64_ceil, f64_convert_i64_s, f64_convert_i64_u, f64_floor,
  f64_max, f64_min, f64_nearest, f64_promote_f32, f64_trunc, i32_ctz, i32_div_s, i32_div_u, i32_popcnt, i32_rem_s,
  i32_rem_u, i32_rotl, i32_rotr, i32_trunc_f64_s, i32_trunc_f64_u, i32_trunc_sat_f64_s, i32_trunc_sat_f64_u,
  i64_add, i64_and, i64_clz, i64_ctz, i64_div_s, i64_div_u, i64_eq, i64_eqz, i64_extend16_s, i64_extend32_s,
  i64_extend8_s, i64_ge_s, i64_ge_u, i64_gt_s, i64_gt_u, i64_le_s, i64_le_u, i64_lt_s, i64_lt_u, i64_mul, i64_ne,
  i64_or, i64_popcnt, i64_rem_s, i64_rem_u, i64_rotl, i64_rotr, i64_shl, i64_shr_s, i64_shr_u, i64_sub,
  i64_trunc_f64_s, i64_trunc_f64_u, i64_trunc_sat_f64_s, i64_trunc_sat_f64_u, i64_xor,
} from '../numeric/index.js';
import { R } from './isa-ids.js';
import { MemoryInst, type Compiled, type FuncInst, type Store } from './runtime.js';
import {
  callExternal, i64ShlImm, i64ShrSImm, i64ShrUImm, indirectTarget, loadX, memoryCopyOp, memoryFillOp, memoryGrowX,
  memoryInitOp, memorySizeX, storeX, tableCopyOp, tableFillOp, tableGetOp, tableGrowOp, tableInitOp, tableSetOp,
  tableSizeOp,
} from './slow.js';
import { trapExhausted, trapFuel, trapMemory, trapUnreachable } from './traps.js';
import { translate } from './translate.js';

/** Stands in for memory 0 in instances without one (validation keeps memory instructions out). */
const NO_MEMORY = new MemoryInst(0, 0);
const EMPTY_DATA = new Uint8Array(0);

/** Translates `f` on first use. */
export function compiled(f: FuncInst): Compiled {
  return f.compiled ?? (f.compiled = translate(f));
}

/**
 * Runs `entry` with its frame at register word `fp0` (arguments already in
 * place) until it returns; its results are then in the frame's first cells.
 * The caller (invoke.ts) has counted the entry frame in `store.depth` and
 * restores `store.depth` if this throws.
 */
export function execute(store: Store, entry: Compiled, fp0: number): void {
  const regs = store.regs;
  let I = regs.i32;
  let F = regs.f32;
  let D = regs.f64;
  let refs = regs.refs;
  let cur = entry;
  let code = cur.code;
  let pc = 0;
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
  const base = store.depth;
  const maxDepth = store.maxCallDepth;
  let depth = base;

  for (;;) {
    let callee: FuncInst;
    let argBase: number;
    const op = code[pc] as R;
    switch (op) {
      case R.unreachable:
        trapUnreachable();
      case R.br:
        pc = code[pc + 1];
        continue;
      case R.br_nez:
        if (I[fp + code[pc + 1]] !== 0) pc = code[pc + 2];
        else pc += 3;
        continue;
      case R.br_eqz:
        if (I[fp + code[pc + 1]] === 0) pc = code[pc + 2];
        else pc += 3;
        continue;
      case R.add_br_eq: {
        const v = (I[fp + code[pc + 2]] + code[pc + 3]) | 0;
        I[fp + code[pc + 1]] = v;
        if (v === I[fp + code[pc + 4]]) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.add_br_ne: {
        const v = (I[fp + code[pc + 2]] + code[pc + 3]) | 0;
        I[fp + code[pc + 1]] = v;
        if (v !== I[fp + code[pc + 4]]) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.add_br_lt_s: {
        const v = (I[fp + code[pc + 2]] + code[pc + 3]) | 0;
        I[fp + code[pc + 1]] = v;
        if (v < I[fp + code[pc + 4]]) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.add_br_lt_u: {
        const v = (I[fp + code[pc + 2]] + code[pc + 3]) | 0;
        I[fp + code[pc + 1]] = v;
        if ((v >>> 0) < (I[fp + code[pc + 4]] >>> 0)) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.add_br_gt_s: {
        const v = (I[fp + code[pc + 2]] + code[pc + 3]) | 0;
        I[fp + code[pc + 1]] = v;
        if (v > I[fp + code[pc + 4]]) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.add_br_gt_u: {
        const v = (I[fp + code[pc + 2]] + code[pc + 3]) | 0;
        I[fp + code[pc + 1]] = v;
        if ((v >>> 0) > (I[fp + code[pc + 4]] >>> 0)) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.add_br_le_s: {
        const v = (I[fp + code[pc + 2]] + code[pc + 3]) | 0;
        I[fp + code[pc + 1]] = v;
        if (v <= I[fp + code[pc + 4]]) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.add_br_le_u: {
        const v = (I[fp + code[pc + 2]] + code[pc + 3]) | 0;
        I[fp + code[pc + 1]] = v;
        if ((v >>> 0) <= (I[fp + code[pc + 4]] >>> 0)) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.add_br_ge_s: {
        const v = (I[fp + code[pc + 2]] + code[pc + 3]) | 0;
        I[fp + code[pc + 1]] = v;
        if (v >= I[fp + code[pc + 4]]) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.add_br_ge_u: {
        const v = (I[fp + code[pc + 2]] + code[pc + 3]) | 0;
        I[fp + code[pc + 1]] = v;
        if ((v >>> 0) >= (I[fp + code[pc + 4]] >>> 0)) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.add_br_eq_imm: {
        const v = (I[fp + code[pc + 2]] + code[pc + 3]) | 0;
        I[fp + code[pc + 1]] = v;
        if (v === code[pc + 4]) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.add_br_ne_imm: {
        const v = (I[fp + code[pc + 2]] + code[pc + 3]) | 0;
        I[fp + code[pc + 1]] = v;
        if (v !== code[pc + 4]) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.add_br_lt_s_imm: {
        const v = (I[fp + code[pc + 2]] + code[pc + 3]) | 0;
        I[fp + code[pc + 1]] = v;
        if (v < code[pc + 4]) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.add_br_lt_u_imm: {
        const v = (I[fp + code[pc + 2]] + code[pc + 3]) | 0;
        I[fp + code[pc + 1]] = v;
        if ((v >>> 0) < (code[pc + 4] >>> 0)) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.add_br_gt_s_imm: {
        const v = (I[fp + code[pc + 2]] + code[pc + 3]) | 0;
        I[fp + code[pc + 1]] = v;
        if (v > code[pc + 4]) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.add_br_gt_u_imm: {
        const v = (I[fp + code[pc + 2]] + code[pc + 3]) | 0;
        I[fp + code[pc + 1]] = v;
        if ((v >>> 0) > (code[pc + 4] >>> 0)) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.add_br_le_s_imm: {
        const v = (I[fp + code[pc + 2]] + code[pc + 3]) | 0;
        I[fp + code[pc + 1]] = v;
        if (v <= code[pc + 4]) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.add_br_le_u_imm: {
        const v = (I[fp + code[pc + 2]] + code[pc + 3]) | 0;
        I[fp + code[pc + 1]] = v;
        if ((v >>> 0) <= (code[pc + 4] >>> 0)) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.add_br_ge_s_imm: {
        const v = (I[fp + code[pc + 2]] + code[pc + 3]) | 0;
        I[fp + code[pc + 1]] = v;
        if (v >= code[pc + 4]) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.add_br_ge_u_imm: {
        const v = (I[fp + code[pc + 2]] + code[pc + 3]) | 0;
        I[fp + code[pc + 1]] = v;
        if ((v >>> 0) >= (code[pc + 4] >>> 0)) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.addr_br_eq: {
        const v = (I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) | 0;
        I[fp + code[pc + 1]] = v;
        if (v === I[fp + code[pc + 4]]) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.addr_br_ne: {
        const v = (I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) | 0;
        I[fp + code[pc + 1]] = v;
        if (v !== I[fp + code[pc + 4]]) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.addr_br_lt_s: {
        const v = (I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) | 0;
        I[fp + code[pc + 1]] = v;
        if (v < I[fp + code[pc + 4]]) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.addr_br_lt_u: {
        const v = (I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) | 0;
        I[fp + code[pc + 1]] = v;
        if ((v >>> 0) < (I[fp + code[pc + 4]] >>> 0)) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.addr_br_gt_s: {
        const v = (I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) | 0;
        I[fp + code[pc + 1]] = v;
        if (v > I[fp + code[pc + 4]]) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.addr_br_gt_u: {
        const v = (I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) | 0;
        I[fp + code[pc + 1]] = v;
        if ((v >>> 0) > (I[fp + code[pc + 4]] >>> 0)) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.addr_br_le_s: {
        const v = (I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) | 0;
        I[fp + code[pc + 1]] = v;
        if (v <= I[fp + code[pc + 4]]) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.addr_br_le_u: {
        const v = (I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) | 0;
        I[fp + code[pc + 1]] = v;
        if ((v >>> 0) <= (I[fp + code[pc + 4]] >>> 0)) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.addr_br_ge_s: {
        const v = (I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) | 0;
        I[fp + code[pc + 1]] = v;
        if (v >= I[fp + code[pc + 4]]) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.addr_br_ge_u: {
        const v = (I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) | 0;
        I[fp + code[pc + 1]] = v;
        if ((v >>> 0) >= (I[fp + code[pc + 4]] >>> 0)) pc = code[pc + 5];
        else pc += 6;
        continue;
      }
      case R.br_table: {
        const n = code[pc + 2];
        const i = I[fp + code[pc + 1]] >>> 0;
        pc = code[pc + 3 + (i < n - 1 ? i : n - 1)];
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
        callee = funcs[code[pc + 1]];
        argBase = code[pc + 2];
        pc += 3;
        break;
      case R.call_indirect:
        callee = indirectTarget(inst, code[pc + 1], code[pc + 2], I[fp + code[pc + 4]]);
        argBase = code[pc + 3];
        pc += 5;
        break;
      case R.fuel:
        if ((store.fuel -= code[pc + 1]) < 0) trapFuel();
        pc += 2;
        continue;

      // Registers, constants, select, globals
      case R.mov32:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]];
        pc += 3;
        continue;
      case R.mov64: {
        const d = fp + code[pc + 1];
        const a = fp + code[pc + 2];
        I[d] = I[a];
        I[d + 1] = I[a + 1];
        pc += 3;
        continue;
      }
      case R.mov_f64:
        D[(fp + code[pc + 1]) >> 1] = D[(fp + code[pc + 2]) >> 1];
        pc += 3;
        continue;
      case R.mov_ref:
        refs[(fp + code[pc + 1]) >> 1] = refs[(fp + code[pc + 2]) >> 1];
        pc += 3;
        continue;
      case R.const32:
        I[fp + code[pc + 1]] = code[pc + 2];
        pc += 3;
        continue;
      case R.const64: {
        const d = fp + code[pc + 1];
        I[d] = code[pc + 2];
        I[d + 1] = code[pc + 3];
        pc += 4;
        continue;
      }
      case R.select32:
        I[fp + code[pc + 1]] = I[fp + code[pc + 4]] !== 0 ? I[fp + code[pc + 2]] : I[fp + code[pc + 3]];
        pc += 5;
        continue;
      case R.select64: {
        const d = fp + code[pc + 1];
        const s = fp + (I[fp + code[pc + 4]] !== 0 ? code[pc + 2] : code[pc + 3]);
        I[d] = I[s];
        I[d + 1] = I[s + 1];
        pc += 5;
        continue;
      }
      case R.select_ref:
        refs[(fp + code[pc + 1]) >> 1] = refs[(fp + (I[fp + code[pc + 4]] !== 0 ? code[pc + 2] : code[pc + 3])) >> 1];
        pc += 5;
        continue;
      case R.global_get32:
        I[fp + code[pc + 1]] = globals[code[pc + 2]].bits[0];
        pc += 3;
        continue;
      case R.global_get64: {
        const g = globals[code[pc + 2]].bits;
        const d = fp + code[pc + 1];
        I[d] = g[0];
        I[d + 1] = g[1];
        pc += 3;
        continue;
      }
      case R.global_get_ref:
        refs[(fp + code[pc + 1]) >> 1] = globals[code[pc + 2]].ref;
        pc += 3;
        continue;
      case R.global_set32:
        globals[code[pc + 1]].bits[0] = I[fp + code[pc + 2]];
        pc += 3;
        continue;
      case R.global_set64: {
        const g = globals[code[pc + 1]].bits;
        const a = fp + code[pc + 2];
        g[0] = I[a];
        g[1] = I[a + 1];
        pc += 3;
        continue;
      }
      case R.global_set_ref:
        globals[code[pc + 1]].ref = refs[(fp + code[pc + 2]) >> 1];
        pc += 3;
        continue;

      // Memory 0
      case R.i32_load: {
        const addr = (I[fp + code[pc + 2]] >>> 0) + (code[pc + 3] >>> 0);
        if (addr + 4 > memLen) trapMemory();
        I[fp + code[pc + 1]] = (addr & 3 ? dv.getInt32(addr, true) : m32[addr >>> 2]);
        pc += 4;
        continue;
      }
      case R.i64_load: {
        const addr = (I[fp + code[pc + 2]] >>> 0) + (code[pc + 3] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        const d = fp + code[pc + 1];
        I[d] = (addr & 3 ? dv.getInt32(addr, true) : m32[addr >>> 2]);
        I[d + 1] = (addr & 3 ? dv.getInt32(addr + 4, true) : m32[(addr >>> 2) + 1]);
        pc += 4;
        continue;
      }
      case R.f64_load: {
        const addr = (I[fp + code[pc + 2]] >>> 0) + (code[pc + 3] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        D[(fp + code[pc + 1]) >> 1] = (addr & 7 ? dv.getFloat64(addr, true) : m64[addr >>> 3]);
        pc += 4;
        continue;
      }
      case R.f64_load_rr: {
        const addr = ((I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) >>> 0) + (code[pc + 4] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        D[(fp + code[pc + 1]) >> 1] = (addr & 7 ? dv.getFloat64(addr, true) : m64[addr >>> 3]);
        pc += 5;
        continue;
      }
      case R.f64_store: {
        const addr = (I[fp + code[pc + 1]] >>> 0) + (code[pc + 3] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        if ((addr & 7) === 0) m64[addr >>> 3] = D[(fp + code[pc + 2]) >> 1];
        else dv.setFloat64(addr, D[(fp + code[pc + 2]) >> 1], true);
        pc += 4;
        continue;
      }
      case R.f64_store_rr: {
        const addr = ((I[fp + code[pc + 1]] + I[fp + code[pc + 2]]) >>> 0) + (code[pc + 4] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        if ((addr & 7) === 0) m64[addr >>> 3] = D[(fp + code[pc + 3]) >> 1];
        else dv.setFloat64(addr, D[(fp + code[pc + 3]) >> 1], true);
        pc += 5;
        continue;
      }
      case R.i32_load8_s: {
        const addr = (I[fp + code[pc + 2]] >>> 0) + (code[pc + 3] >>> 0);
        if (addr >= memLen) trapMemory();
        I[fp + code[pc + 1]] = (u8[addr] << 24) >> 24;
        pc += 4;
        continue;
      }
      case R.i32_load8_u: {
        const addr = (I[fp + code[pc + 2]] >>> 0) + (code[pc + 3] >>> 0);
        if (addr >= memLen) trapMemory();
        I[fp + code[pc + 1]] = u8[addr];
        pc += 4;
        continue;
      }
      case R.i32_load16_s: {
        const addr = (I[fp + code[pc + 2]] >>> 0) + (code[pc + 3] >>> 0);
        if (addr + 2 > memLen) trapMemory();
        I[fp + code[pc + 1]] = dv.getInt16(addr, true);
        pc += 4;
        continue;
      }
      case R.i32_load16_u: {
        const addr = (I[fp + code[pc + 2]] >>> 0) + (code[pc + 3] >>> 0);
        if (addr + 2 > memLen) trapMemory();
        I[fp + code[pc + 1]] = dv.getUint16(addr, true);
        pc += 4;
        continue;
      }
      case R.i64_load8_s: {
        const addr = (I[fp + code[pc + 2]] >>> 0) + (code[pc + 3] >>> 0);
        if (addr >= memLen) trapMemory();
        const d = fp + code[pc + 1];
        const v = (u8[addr] << 24) >> 24;
        I[d] = v;
        I[d + 1] = v >> 31;
        pc += 4;
        continue;
      }
      case R.i64_load8_u: {
        const addr = (I[fp + code[pc + 2]] >>> 0) + (code[pc + 3] >>> 0);
        if (addr >= memLen) trapMemory();
        const d = fp + code[pc + 1];
        I[d] = u8[addr];
        I[d + 1] = 0;
        pc += 4;
        continue;
      }
      case R.i64_load16_s: {
        const addr = (I[fp + code[pc + 2]] >>> 0) + (code[pc + 3] >>> 0);
        if (addr + 2 > memLen) trapMemory();
        const d = fp + code[pc + 1];
        const v = dv.getInt16(addr, true);
        I[d] = v;
        I[d + 1] = v >> 31;
        pc += 4;
        continue;
      }
      case R.i64_load16_u: {
        const addr = (I[fp + code[pc + 2]] >>> 0) + (code[pc + 3] >>> 0);
        if (addr + 2 > memLen) trapMemory();
        const d = fp + code[pc + 1];
        I[d] = dv.getUint16(addr, true);
        I[d + 1] = 0;
        pc += 4;
        continue;
      }
      case R.i64_load32_s: {
        const addr = (I[fp + code[pc + 2]] >>> 0) + (code[pc + 3] >>> 0);
        if (addr + 4 > memLen) trapMemory();
        const d = fp + code[pc + 1];
        const v = (addr & 3 ? dv.getInt32(addr, true) : m32[addr >>> 2]);
        I[d] = v;
        I[d + 1] = v >> 31;
        pc += 4;
        continue;
      }
      case R.i64_load32_u: {
        const addr = (I[fp + code[pc + 2]] >>> 0) + (code[pc + 3] >>> 0);
        if (addr + 4 > memLen) trapMemory();
        const d = fp + code[pc + 1];
        I[d] = (addr & 3 ? dv.getInt32(addr, true) : m32[addr >>> 2]);
        I[d + 1] = 0;
        pc += 4;
        continue;
      }
      case R.i32_store: {
        const addr = (I[fp + code[pc + 1]] >>> 0) + (code[pc + 3] >>> 0);
        if (addr + 4 > memLen) trapMemory();
        if (addr & 3) dv.setInt32(addr, I[fp + code[pc + 2]], true);
        else m32[addr >>> 2] = I[fp + code[pc + 2]];
        pc += 4;
        continue;
      }
      case R.i64_store: {
        const addr = (I[fp + code[pc + 1]] >>> 0) + (code[pc + 3] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        const b = fp + code[pc + 2];
        if (addr & 3) dv.setInt32(addr, I[b], true);
        else m32[addr >>> 2] = I[b];
        if (addr & 3) dv.setInt32(addr + 4, I[b + 1], true);
        else m32[(addr >>> 2) + 1] = I[b + 1];
        pc += 4;
        continue;
      }
      case R.i32_store8: {
        const addr = (I[fp + code[pc + 1]] >>> 0) + (code[pc + 3] >>> 0);
        if (addr >= memLen) trapMemory();
        u8[addr] = I[fp + code[pc + 2]];
        pc += 4;
        continue;
      }
      case R.i32_store16: {
        const addr = (I[fp + code[pc + 1]] >>> 0) + (code[pc + 3] >>> 0);
        if (addr + 2 > memLen) trapMemory();
        dv.setInt16(addr, I[fp + code[pc + 2]], true);
        pc += 4;
        continue;
      }
      case R.i32_load_rr: {
        const addr = ((I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) >>> 0) + (code[pc + 4] >>> 0);
        if (addr + 4 > memLen) trapMemory();
        I[fp + code[pc + 1]] = (addr & 3 ? dv.getInt32(addr, true) : m32[addr >>> 2]);
        pc += 5;
        continue;
      }
      case R.i64_load_rr: {
        const addr = ((I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) >>> 0) + (code[pc + 4] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        const d = fp + code[pc + 1];
        I[d] = (addr & 3 ? dv.getInt32(addr, true) : m32[addr >>> 2]);
        I[d + 1] = (addr & 3 ? dv.getInt32(addr + 4, true) : m32[(addr >>> 2) + 1]);
        pc += 5;
        continue;
      }
      case R.i32_load8_s_rr: {
        const addr = ((I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) >>> 0) + (code[pc + 4] >>> 0);
        if (addr >= memLen) trapMemory();
        I[fp + code[pc + 1]] = (u8[addr] << 24) >> 24;
        pc += 5;
        continue;
      }
      case R.i32_load8_u_rr: {
        const addr = ((I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) >>> 0) + (code[pc + 4] >>> 0);
        if (addr >= memLen) trapMemory();
        I[fp + code[pc + 1]] = u8[addr];
        pc += 5;
        continue;
      }
      case R.i32_load16_s_rr: {
        const addr = ((I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) >>> 0) + (code[pc + 4] >>> 0);
        if (addr + 2 > memLen) trapMemory();
        I[fp + code[pc + 1]] = dv.getInt16(addr, true);
        pc += 5;
        continue;
      }
      case R.i32_load16_u_rr: {
        const addr = ((I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) >>> 0) + (code[pc + 4] >>> 0);
        if (addr + 2 > memLen) trapMemory();
        I[fp + code[pc + 1]] = dv.getUint16(addr, true);
        pc += 5;
        continue;
      }
      case R.i64_load8_s_rr: {
        const addr = ((I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) >>> 0) + (code[pc + 4] >>> 0);
        if (addr >= memLen) trapMemory();
        const d = fp + code[pc + 1];
        const v = (u8[addr] << 24) >> 24;
        I[d] = v;
        I[d + 1] = v >> 31;
        pc += 5;
        continue;
      }
      case R.i64_load8_u_rr: {
        const addr = ((I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) >>> 0) + (code[pc + 4] >>> 0);
        if (addr >= memLen) trapMemory();
        const d = fp + code[pc + 1];
        I[d] = u8[addr];
        I[d + 1] = 0;
        pc += 5;
        continue;
      }
      case R.i64_load16_s_rr: {
        const addr = ((I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) >>> 0) + (code[pc + 4] >>> 0);
        if (addr + 2 > memLen) trapMemory();
        const d = fp + code[pc + 1];
        const v = dv.getInt16(addr, true);
        I[d] = v;
        I[d + 1] = v >> 31;
        pc += 5;
        continue;
      }
      case R.i64_load16_u_rr: {
        const addr = ((I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) >>> 0) + (code[pc + 4] >>> 0);
        if (addr + 2 > memLen) trapMemory();
        const d = fp + code[pc + 1];
        I[d] = dv.getUint16(addr, true);
        I[d + 1] = 0;
        pc += 5;
        continue;
      }
      case R.i64_load32_s_rr: {
        const addr = ((I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) >>> 0) + (code[pc + 4] >>> 0);
        if (addr + 4 > memLen) trapMemory();
        const d = fp + code[pc + 1];
        const v = (addr & 3 ? dv.getInt32(addr, true) : m32[addr >>> 2]);
        I[d] = v;
        I[d + 1] = v >> 31;
        pc += 5;
        continue;
      }
      case R.i64_load32_u_rr: {
        const addr = ((I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) >>> 0) + (code[pc + 4] >>> 0);
        if (addr + 4 > memLen) trapMemory();
        const d = fp + code[pc + 1];
        I[d] = (addr & 3 ? dv.getInt32(addr, true) : m32[addr >>> 2]);
        I[d + 1] = 0;
        pc += 5;
        continue;
      }
      case R.i32_store_rr: {
        const addr = ((I[fp + code[pc + 1]] + I[fp + code[pc + 2]]) >>> 0) + (code[pc + 4] >>> 0);
        if (addr + 4 > memLen) trapMemory();
        if (addr & 3) dv.setInt32(addr, I[fp + code[pc + 3]], true);
        else m32[addr >>> 2] = I[fp + code[pc + 3]];
        pc += 5;
        continue;
      }
      case R.i64_store_rr: {
        const addr = ((I[fp + code[pc + 1]] + I[fp + code[pc + 2]]) >>> 0) + (code[pc + 4] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        const b = fp + code[pc + 3];
        if (addr & 3) dv.setInt32(addr, I[b], true);
        else m32[addr >>> 2] = I[b];
        if (addr & 3) dv.setInt32(addr + 4, I[b + 1], true);
        else m32[(addr >>> 2) + 1] = I[b + 1];
        pc += 5;
        continue;
      }
      case R.i32_store8_rr: {
        const addr = ((I[fp + code[pc + 1]] + I[fp + code[pc + 2]]) >>> 0) + (code[pc + 4] >>> 0);
        if (addr >= memLen) trapMemory();
        u8[addr] = I[fp + code[pc + 3]];
        pc += 5;
        continue;
      }
      case R.i32_store16_rr: {
        const addr = ((I[fp + code[pc + 1]] + I[fp + code[pc + 2]]) >>> 0) + (code[pc + 4] >>> 0);
        if (addr + 2 > memLen) trapMemory();
        dv.setInt16(addr, I[fp + code[pc + 3]], true);
        pc += 5;
        continue;
      }
      case R.memory_size:
        I[fp + code[pc + 1]] = memLen / 65536;
        pc += 2;
        continue;
      case R.memory_grow:
        I[fp + code[pc + 1]] = mem.grow(I[fp + code[pc + 2]] >>> 0);
        u8 = mem.u8;
        dv = mem.view;
        m64 = mem.f64;
        m32 = mem.i32;
        memLen = u8.length;
        pc += 3;
        continue;
      case R.memory_fill:
        memoryFillOp(inst, I, code[pc + 1], fp + code[pc + 2], fp + code[pc + 3], fp + code[pc + 4]);
        pc += 5;
        continue;
      case R.memory_copy:
        memoryCopyOp(inst, I, code[pc + 1], code[pc + 2], fp + code[pc + 3], fp + code[pc + 4], fp + code[pc + 5]);
        pc += 6;
        continue;
      case R.memory_init:
        memoryInitOp(inst, I, code[pc + 1], code[pc + 2], fp + code[pc + 3], fp + code[pc + 4], fp + code[pc + 5]);
        pc += 6;
        continue;
      case R.load_x:
        loadX(inst.memories[code[pc + 5]], code[pc + 6], I, fp + code[pc + 1], fp + code[pc + 2], code[pc + 3],
          code[pc + 4]);
        pc += 7;
        continue;
      case R.store_x:
        storeX(inst.memories[code[pc + 5]], code[pc + 6], I, fp + code[pc + 1], fp + code[pc + 2], code[pc + 3],
          code[pc + 4]);
        pc += 7;
        continue;
      case R.memory_size_x:
        memorySizeX(inst.memories[code[pc + 2]], I, fp + code[pc + 1]);
        pc += 3;
        continue;
      case R.memory_grow_x:
        memoryGrowX(inst.memories[code[pc + 2]], I, fp + code[pc + 1], fp + code[pc + 3]);
        u8 = mem.u8;
        dv = mem.view;
        m64 = mem.f64;
        m32 = mem.i32;
        memLen = u8.length;
        pc += 4;
        continue;
      case R.data_drop:
        inst.datas[code[pc + 1]] = EMPTY_DATA;
        pc += 2;
        continue;

      // Numeric (one-liners; helpers from src/numeric)
      case R.br_eq:
        if (I[fp + code[pc + 1]] === I[fp + code[pc + 2]]) pc = code[pc + 3];
        else pc += 4;
        continue;
      case R.br_ne:
        if (I[fp + code[pc + 1]] !== I[fp + code[pc + 2]]) pc = code[pc + 3];
        else pc += 4;
        continue;
      case R.br_lt_s:
        if (I[fp + code[pc + 1]] < I[fp + code[pc + 2]]) pc = code[pc + 3];
        else pc += 4;
        continue;
      case R.br_lt_u:
        if ((I[fp + code[pc + 1]] >>> 0) < (I[fp + code[pc + 2]] >>> 0)) pc = code[pc + 3];
        else pc += 4;
        continue;
      case R.br_gt_s:
        if (I[fp + code[pc + 1]] > I[fp + code[pc + 2]]) pc = code[pc + 3];
        else pc += 4;
        continue;
      case R.br_gt_u:
        if ((I[fp + code[pc + 1]] >>> 0) > (I[fp + code[pc + 2]] >>> 0)) pc = code[pc + 3];
        else pc += 4;
        continue;
      case R.br_le_s:
        if (I[fp + code[pc + 1]] <= I[fp + code[pc + 2]]) pc = code[pc + 3];
        else pc += 4;
        continue;
      case R.br_le_u:
        if ((I[fp + code[pc + 1]] >>> 0) <= (I[fp + code[pc + 2]] >>> 0)) pc = code[pc + 3];
        else pc += 4;
        continue;
      case R.br_ge_s:
        if (I[fp + code[pc + 1]] >= I[fp + code[pc + 2]]) pc = code[pc + 3];
        else pc += 4;
        continue;
      case R.br_ge_u:
        if ((I[fp + code[pc + 1]] >>> 0) >= (I[fp + code[pc + 2]] >>> 0)) pc = code[pc + 3];
        else pc += 4;
        continue;
      case R.br_eq_imm:
        if (I[fp + code[pc + 1]] === code[pc + 2]) pc = code[pc + 3];
        else pc += 4;
        continue;
      case R.br_ne_imm:
        if (I[fp + code[pc + 1]] !== code[pc + 2]) pc = code[pc + 3];
        else pc += 4;
        continue;
      case R.br_lt_s_imm:
        if (I[fp + code[pc + 1]] < code[pc + 2]) pc = code[pc + 3];
        else pc += 4;
        continue;
      case R.br_lt_u_imm:
        if ((I[fp + code[pc + 1]] >>> 0) < (code[pc + 2] >>> 0)) pc = code[pc + 3];
        else pc += 4;
        continue;
      case R.br_gt_s_imm:
        if (I[fp + code[pc + 1]] > code[pc + 2]) pc = code[pc + 3];
        else pc += 4;
        continue;
      case R.br_gt_u_imm:
        if ((I[fp + code[pc + 1]] >>> 0) > (code[pc + 2] >>> 0)) pc = code[pc + 3];
        else pc += 4;
        continue;
      case R.br_le_s_imm:
        if (I[fp + code[pc + 1]] <= code[pc + 2]) pc = code[pc + 3];
        else pc += 4;
        continue;
      case R.br_le_u_imm:
        if ((I[fp + code[pc + 1]] >>> 0) <= (code[pc + 2] >>> 0)) pc = code[pc + 3];
        else pc += 4;
        continue;
      case R.br_ge_s_imm:
        if (I[fp + code[pc + 1]] >= code[pc + 2]) pc = code[pc + 3];
        else pc += 4;
        continue;
      case R.br_ge_u_imm:
        if ((I[fp + code[pc + 1]] >>> 0) >= (code[pc + 2] >>> 0)) pc = code[pc + 3];
        else pc += 4;
        continue;
      case R.i32_eq:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] === I[fp + code[pc + 3]] ? 1 : 0;
        pc += 4;
        continue;
      case R.i32_ne:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] !== I[fp + code[pc + 3]] ? 1 : 0;
        pc += 4;
        continue;
      case R.i32_lt_s:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] < I[fp + code[pc + 3]] ? 1 : 0;
        pc += 4;
        continue;
      case R.i32_lt_u:
        I[fp + code[pc + 1]] = (I[fp + code[pc + 2]] >>> 0) < (I[fp + code[pc + 3]] >>> 0) ? 1 : 0;
        pc += 4;
        continue;
      case R.i32_gt_s:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] > I[fp + code[pc + 3]] ? 1 : 0;
        pc += 4;
        continue;
      case R.i32_gt_u:
        I[fp + code[pc + 1]] = (I[fp + code[pc + 2]] >>> 0) > (I[fp + code[pc + 3]] >>> 0) ? 1 : 0;
        pc += 4;
        continue;
      case R.i32_le_s:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] <= I[fp + code[pc + 3]] ? 1 : 0;
        pc += 4;
        continue;
      case R.i32_le_u:
        I[fp + code[pc + 1]] = (I[fp + code[pc + 2]] >>> 0) <= (I[fp + code[pc + 3]] >>> 0) ? 1 : 0;
        pc += 4;
        continue;
      case R.i32_ge_s:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] >= I[fp + code[pc + 3]] ? 1 : 0;
        pc += 4;
        continue;
      case R.i32_ge_u:
        I[fp + code[pc + 1]] = (I[fp + code[pc + 2]] >>> 0) >= (I[fp + code[pc + 3]] >>> 0) ? 1 : 0;
        pc += 4;
        continue;
      case R.i32_eq_imm:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] === code[pc + 3] ? 1 : 0;
        pc += 4;
        continue;
      case R.i32_ne_imm:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] !== code[pc + 3] ? 1 : 0;
        pc += 4;
        continue;
      case R.i32_lt_s_imm:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] < code[pc + 3] ? 1 : 0;
        pc += 4;
        continue;
      case R.i32_lt_u_imm:
        I[fp + code[pc + 1]] = (I[fp + code[pc + 2]] >>> 0) < (code[pc + 3] >>> 0) ? 1 : 0;
        pc += 4;
        continue;
      case R.i32_gt_s_imm:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] > code[pc + 3] ? 1 : 0;
        pc += 4;
        continue;
      case R.i32_gt_u_imm:
        I[fp + code[pc + 1]] = (I[fp + code[pc + 2]] >>> 0) > (code[pc + 3] >>> 0) ? 1 : 0;
        pc += 4;
        continue;
      case R.i32_le_s_imm:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] <= code[pc + 3] ? 1 : 0;
        pc += 4;
        continue;
      case R.i32_le_u_imm:
        I[fp + code[pc + 1]] = (I[fp + code[pc + 2]] >>> 0) <= (code[pc + 3] >>> 0) ? 1 : 0;
        pc += 4;
        continue;
      case R.i32_ge_s_imm:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] >= code[pc + 3] ? 1 : 0;
        pc += 4;
        continue;
      case R.i32_ge_u_imm:
        I[fp + code[pc + 1]] = (I[fp + code[pc + 2]] >>> 0) >= (code[pc + 3] >>> 0) ? 1 : 0;
        pc += 4;
        continue;
      case R.i32_add:
        I[fp + code[pc + 1]] = (I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) | 0;
        pc += 4;
        continue;
      case R.i32_sub:
        I[fp + code[pc + 1]] = (I[fp + code[pc + 2]] - I[fp + code[pc + 3]]) | 0;
        pc += 4;
        continue;
      case R.i32_mul:
        I[fp + code[pc + 1]] = Math.imul(I[fp + code[pc + 2]], I[fp + code[pc + 3]]);
        pc += 4;
        continue;
      case R.i32_div_s:
        I[fp + code[pc + 1]] = i32_div_s(I[fp + code[pc + 2]], I[fp + code[pc + 3]]);
        pc += 4;
        continue;
      case R.i32_div_u:
        I[fp + code[pc + 1]] = i32_div_u(I[fp + code[pc + 2]], I[fp + code[pc + 3]]);
        pc += 4;
        continue;
      case R.i32_rem_s:
        I[fp + code[pc + 1]] = i32_rem_s(I[fp + code[pc + 2]], I[fp + code[pc + 3]]);
        pc += 4;
        continue;
      case R.i32_rem_u:
        I[fp + code[pc + 1]] = i32_rem_u(I[fp + code[pc + 2]], I[fp + code[pc + 3]]);
        pc += 4;
        continue;
      case R.i32_and:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] & I[fp + code[pc + 3]];
        pc += 4;
        continue;
      case R.i32_or:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] | I[fp + code[pc + 3]];
        pc += 4;
        continue;
      case R.i32_xor:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] ^ I[fp + code[pc + 3]];
        pc += 4;
        continue;
      case R.i32_shl:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] << I[fp + code[pc + 3]];
        pc += 4;
        continue;
      case R.i32_shr_s:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] >> I[fp + code[pc + 3]];
        pc += 4;
        continue;
      case R.i32_shr_u:
        I[fp + code[pc + 1]] = (I[fp + code[pc + 2]] >>> I[fp + code[pc + 3]]) | 0;
        pc += 4;
        continue;
      case R.i32_rotl:
        I[fp + code[pc + 1]] = i32_rotl(I[fp + code[pc + 2]], I[fp + code[pc + 3]]);
        pc += 4;
        continue;
      case R.i32_rotr:
        I[fp + code[pc + 1]] = i32_rotr(I[fp + code[pc + 2]], I[fp + code[pc + 3]]);
        pc += 4;
        continue;
      case R.i32_add_imm:
        I[fp + code[pc + 1]] = (I[fp + code[pc + 2]] + code[pc + 3]) | 0;
        pc += 4;
        continue;
      case R.i32_mul_imm:
        I[fp + code[pc + 1]] = Math.imul(I[fp + code[pc + 2]], code[pc + 3]);
        pc += 4;
        continue;
      case R.i32_and_imm:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] & code[pc + 3];
        pc += 4;
        continue;
      case R.i32_or_imm:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] | code[pc + 3];
        pc += 4;
        continue;
      case R.i32_xor_imm:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] ^ code[pc + 3];
        pc += 4;
        continue;
      case R.i32_shl_imm:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] << code[pc + 3];
        pc += 4;
        continue;
      case R.i32_shr_s_imm:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] >> code[pc + 3];
        pc += 4;
        continue;
      case R.i32_shr_u_imm:
        I[fp + code[pc + 1]] = (I[fp + code[pc + 2]] >>> code[pc + 3]) | 0;
        pc += 4;
        continue;
      case R.i32_clz:
        I[fp + code[pc + 1]] = Math.clz32(I[fp + code[pc + 2]]);
        pc += 3;
        continue;
      case R.i32_ctz:
        I[fp + code[pc + 1]] = i32_ctz(I[fp + code[pc + 2]]);
        pc += 3;
        continue;
      case R.i32_popcnt:
        I[fp + code[pc + 1]] = i32_popcnt(I[fp + code[pc + 2]]);
        pc += 3;
        continue;
      case R.i32_extend8_s:
        I[fp + code[pc + 1]] = (I[fp + code[pc + 2]] << 24) >> 24;
        pc += 3;
        continue;
      case R.i32_extend16_s:
        I[fp + code[pc + 1]] = (I[fp + code[pc + 2]] << 16) >> 16;
        pc += 3;
        continue;
      case R.i32_eqz:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] === 0 ? 1 : 0;
        pc += 3;
        continue;
      case R.i64_eq:
        I[fp + code[pc + 1]] = i64_eq(I, fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_ne:
        I[fp + code[pc + 1]] = i64_ne(I, fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_lt_s:
        I[fp + code[pc + 1]] = i64_lt_s(I, fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_lt_u:
        I[fp + code[pc + 1]] = i64_lt_u(I, fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_gt_s:
        I[fp + code[pc + 1]] = i64_gt_s(I, fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_gt_u:
        I[fp + code[pc + 1]] = i64_gt_u(I, fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_le_s:
        I[fp + code[pc + 1]] = i64_le_s(I, fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_le_u:
        I[fp + code[pc + 1]] = i64_le_u(I, fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_ge_s:
        I[fp + code[pc + 1]] = i64_ge_s(I, fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_ge_u:
        I[fp + code[pc + 1]] = i64_ge_u(I, fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_eqz:
        I[fp + code[pc + 1]] = i64_eqz(I, fp + code[pc + 2]);
        pc += 3;
        continue;
      case R.i64_add:
        i64_add(I, fp + code[pc + 1], fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_sub:
        i64_sub(I, fp + code[pc + 1], fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_mul:
        i64_mul(I, fp + code[pc + 1], fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_div_s:
        i64_div_s(I, fp + code[pc + 1], fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_div_u:
        i64_div_u(I, fp + code[pc + 1], fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_rem_s:
        i64_rem_s(I, fp + code[pc + 1], fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_rem_u:
        i64_rem_u(I, fp + code[pc + 1], fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_and:
        i64_and(I, fp + code[pc + 1], fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_or:
        i64_or(I, fp + code[pc + 1], fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_xor:
        i64_xor(I, fp + code[pc + 1], fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_shl:
        i64_shl(I, fp + code[pc + 1], fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_shr_s:
        i64_shr_s(I, fp + code[pc + 1], fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_shr_u:
        i64_shr_u(I, fp + code[pc + 1], fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_rotl:
        i64_rotl(I, fp + code[pc + 1], fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_rotr:
        i64_rotr(I, fp + code[pc + 1], fp + code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_clz:
        i64_clz(I, fp + code[pc + 1], fp + code[pc + 2]);
        pc += 3;
        continue;
      case R.i64_ctz:
        i64_ctz(I, fp + code[pc + 1], fp + code[pc + 2]);
        pc += 3;
        continue;
      case R.i64_popcnt:
        i64_popcnt(I, fp + code[pc + 1], fp + code[pc + 2]);
        pc += 3;
        continue;
      case R.i64_extend8_s:
        i64_extend8_s(I, fp + code[pc + 1], fp + code[pc + 2]);
        pc += 3;
        continue;
      case R.i64_extend16_s:
        i64_extend16_s(I, fp + code[pc + 1], fp + code[pc + 2]);
        pc += 3;
        continue;
      case R.i64_extend32_s:
        i64_extend32_s(I, fp + code[pc + 1], fp + code[pc + 2]);
        pc += 3;
        continue;
      case R.i64_shl_imm:
        i64ShlImm(I, fp + code[pc + 1], fp + code[pc + 2], code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_shr_s_imm:
        i64ShrSImm(I, fp + code[pc + 1], fp + code[pc + 2], code[pc + 3]);
        pc += 4;
        continue;
      case R.i64_shr_u_imm:
        i64ShrUImm(I, fp + code[pc + 1], fp + code[pc + 2], code[pc + 3]);
        pc += 4;
        continue;
      case R.f32_eq:
        I[fp + code[pc + 1]] = F[fp + code[pc + 2]] === F[fp + code[pc + 3]] ? 1 : 0;
        pc += 4;
        continue;
      case R.f32_ne:
        I[fp + code[pc + 1]] = F[fp + code[pc + 2]] !== F[fp + code[pc + 3]] ? 1 : 0;
        pc += 4;
        continue;
      case R.f32_lt:
        I[fp + code[pc + 1]] = F[fp + code[pc + 2]] < F[fp + code[pc + 3]] ? 1 : 0;
        pc += 4;
        continue;
      case R.f32_gt:
        I[fp + code[pc + 1]] = F[fp + code[pc + 2]] > F[fp + code[pc + 3]] ? 1 : 0;
        pc += 4;
        continue;
      case R.f32_le:
        I[fp + code[pc + 1]] = F[fp + code[pc + 2]] <= F[fp + code[pc + 3]] ? 1 : 0;
        pc += 4;
        continue;
      case R.f32_ge:
        I[fp + code[pc + 1]] = F[fp + code[pc + 2]] >= F[fp + code[pc + 3]] ? 1 : 0;
        pc += 4;
        continue;
      case R.f32_add:
        F[fp + code[pc + 1]] = F[fp + code[pc + 2]] + F[fp + code[pc + 3]];
        pc += 4;
        continue;
      case R.f32_sub:
        F[fp + code[pc + 1]] = F[fp + code[pc + 2]] - F[fp + code[pc + 3]];
        pc += 4;
        continue;
      case R.f32_mul:
        F[fp + code[pc + 1]] = F[fp + code[pc + 2]] * F[fp + code[pc + 3]];
        pc += 4;
        continue;
      case R.f32_div:
        F[fp + code[pc + 1]] = F[fp + code[pc + 2]] / F[fp + code[pc + 3]];
        pc += 4;
        continue;
      case R.f32_min:
        F[fp + code[pc + 1]] = f64_min(F[fp + code[pc + 2]], F[fp + code[pc + 3]]);
        pc += 4;
        continue;
      case R.f32_max:
        F[fp + code[pc + 1]] = f64_max(F[fp + code[pc + 2]], F[fp + code[pc + 3]]);
        pc += 4;
        continue;
      case R.f32_ceil:
        F[fp + code[pc + 1]] = f64_ceil(F[fp + code[pc + 2]]);
        pc += 3;
        continue;
      case R.f32_floor:
        F[fp + code[pc + 1]] = f64_floor(F[fp + code[pc + 2]]);
        pc += 3;
        continue;
      case R.f32_trunc:
        F[fp + code[pc + 1]] = f64_trunc(F[fp + code[pc + 2]]);
        pc += 3;
        continue;
      case R.f32_nearest:
        F[fp + code[pc + 1]] = f64_nearest(F[fp + code[pc + 2]]);
        pc += 3;
        continue;
      case R.f32_sqrt:
        F[fp + code[pc + 1]] = Math.sqrt(F[fp + code[pc + 2]]);
        pc += 3;
        continue;
      case R.f64_eq:
        I[fp + code[pc + 1]] = D[(fp + code[pc + 2]) >> 1] === D[(fp + code[pc + 3]) >> 1] ? 1 : 0;
        pc += 4;
        continue;
      case R.f64_ne:
        I[fp + code[pc + 1]] = D[(fp + code[pc + 2]) >> 1] !== D[(fp + code[pc + 3]) >> 1] ? 1 : 0;
        pc += 4;
        continue;
      case R.f64_lt:
        I[fp + code[pc + 1]] = D[(fp + code[pc + 2]) >> 1] < D[(fp + code[pc + 3]) >> 1] ? 1 : 0;
        pc += 4;
        continue;
      case R.f64_gt:
        I[fp + code[pc + 1]] = D[(fp + code[pc + 2]) >> 1] > D[(fp + code[pc + 3]) >> 1] ? 1 : 0;
        pc += 4;
        continue;
      case R.f64_le:
        I[fp + code[pc + 1]] = D[(fp + code[pc + 2]) >> 1] <= D[(fp + code[pc + 3]) >> 1] ? 1 : 0;
        pc += 4;
        continue;
      case R.f64_ge:
        I[fp + code[pc + 1]] = D[(fp + code[pc + 2]) >> 1] >= D[(fp + code[pc + 3]) >> 1] ? 1 : 0;
        pc += 4;
        continue;
      case R.f64_add:
        D[(fp + code[pc + 1]) >> 1] = D[(fp + code[pc + 2]) >> 1] + D[(fp + code[pc + 3]) >> 1];
        pc += 4;
        continue;
      case R.f64_sub:
        D[(fp + code[pc + 1]) >> 1] = D[(fp + code[pc + 2]) >> 1] - D[(fp + code[pc + 3]) >> 1];
        pc += 4;
        continue;
      case R.f64_mul:
        D[(fp + code[pc + 1]) >> 1] = D[(fp + code[pc + 2]) >> 1] * D[(fp + code[pc + 3]) >> 1];
        pc += 4;
        continue;
      case R.f64_div:
        D[(fp + code[pc + 1]) >> 1] = D[(fp + code[pc + 2]) >> 1] / D[(fp + code[pc + 3]) >> 1];
        pc += 4;
        continue;
      case R.f64_min:
        D[(fp + code[pc + 1]) >> 1] = f64_min(D[(fp + code[pc + 2]) >> 1], D[(fp + code[pc + 3]) >> 1]);
        pc += 4;
        continue;
      case R.f64_max:
        D[(fp + code[pc + 1]) >> 1] = f64_max(D[(fp + code[pc + 2]) >> 1], D[(fp + code[pc + 3]) >> 1]);
        pc += 4;
        continue;
      case R.f64_ceil:
        D[(fp + code[pc + 1]) >> 1] = f64_ceil(D[(fp + code[pc + 2]) >> 1]);
        pc += 3;
        continue;
      case R.f64_floor:
        D[(fp + code[pc + 1]) >> 1] = f64_floor(D[(fp + code[pc + 2]) >> 1]);
        pc += 3;
        continue;
      case R.f64_trunc:
        D[(fp + code[pc + 1]) >> 1] = f64_trunc(D[(fp + code[pc + 2]) >> 1]);
        pc += 3;
        continue;
      case R.f64_nearest:
        D[(fp + code[pc + 1]) >> 1] = f64_nearest(D[(fp + code[pc + 2]) >> 1]);
        pc += 3;
        continue;
      case R.f64_sqrt:
        D[(fp + code[pc + 1]) >> 1] = Math.sqrt(D[(fp + code[pc + 2]) >> 1]);
        pc += 3;
        continue;
      case R.i64_add_imm: {
        const d = fp + code[pc + 1];
        const a = fp + code[pc + 2];
        const v = code[pc + 3];
        const al = I[a];
        const lo = (al + v) | 0;
        I[d + 1] = (I[a + 1] + (v >> 31) + ((lo >>> 0) < (al >>> 0) ? 1 : 0)) | 0;
        I[d] = lo;
        pc += 4;
        continue;
      }
      case R.f64_add_m: {
        const addr = ((I[fp + code[pc + 3]] + I[fp + code[pc + 4]]) >>> 0) + (code[pc + 5] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        D[(fp + code[pc + 1]) >> 1] = D[(fp + code[pc + 2]) >> 1] + (addr & 7 ? dv.getFloat64(addr, true) : m64[addr >>> 3]);
        pc += 6;
        continue;
      }
      case R.f64_sub_m: {
        const addr = ((I[fp + code[pc + 3]] + I[fp + code[pc + 4]]) >>> 0) + (code[pc + 5] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        D[(fp + code[pc + 1]) >> 1] = D[(fp + code[pc + 2]) >> 1] - (addr & 7 ? dv.getFloat64(addr, true) : m64[addr >>> 3]);
        pc += 6;
        continue;
      }
      case R.f64_mul_m: {
        const addr = ((I[fp + code[pc + 3]] + I[fp + code[pc + 4]]) >>> 0) + (code[pc + 5] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        D[(fp + code[pc + 1]) >> 1] = D[(fp + code[pc + 2]) >> 1] * (addr & 7 ? dv.getFloat64(addr, true) : m64[addr >>> 3]);
        pc += 6;
        continue;
      }
      case R.f64_div_m: {
        const addr = ((I[fp + code[pc + 3]] + I[fp + code[pc + 4]]) >>> 0) + (code[pc + 5] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        D[(fp + code[pc + 1]) >> 1] = D[(fp + code[pc + 2]) >> 1] / (addr & 7 ? dv.getFloat64(addr, true) : m64[addr >>> 3]);
        pc += 6;
        continue;
      }
      case R.f64_add_st: {
        const addr = (I[fp + code[pc + 1]] >>> 0) + (code[pc + 4] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        const v = D[(fp + code[pc + 2]) >> 1] + D[(fp + code[pc + 3]) >> 1];
        if ((addr & 7) === 0) m64[addr >>> 3] = v;
        else dv.setFloat64(addr, v, true);
        pc += 5;
        continue;
      }
      case R.f64_sub_st: {
        const addr = (I[fp + code[pc + 1]] >>> 0) + (code[pc + 4] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        const v = D[(fp + code[pc + 2]) >> 1] - D[(fp + code[pc + 3]) >> 1];
        if ((addr & 7) === 0) m64[addr >>> 3] = v;
        else dv.setFloat64(addr, v, true);
        pc += 5;
        continue;
      }
      case R.f64_mul_st: {
        const addr = (I[fp + code[pc + 1]] >>> 0) + (code[pc + 4] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        const v = D[(fp + code[pc + 2]) >> 1] * D[(fp + code[pc + 3]) >> 1];
        if ((addr & 7) === 0) m64[addr >>> 3] = v;
        else dv.setFloat64(addr, v, true);
        pc += 5;
        continue;
      }
      case R.f64_div_st: {
        const addr = (I[fp + code[pc + 1]] >>> 0) + (code[pc + 4] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        const v = D[(fp + code[pc + 2]) >> 1] / D[(fp + code[pc + 3]) >> 1];
        if ((addr & 7) === 0) m64[addr >>> 3] = v;
        else dv.setFloat64(addr, v, true);
        pc += 5;
        continue;
      }
      case R.f64_add_rmw: {
        const addr = ((I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) >>> 0) + (code[pc + 4] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        if ((addr & 7) === 0) {
          const i = addr >>> 3;
          m64[i] = D[(fp + code[pc + 1]) >> 1] + m64[i];
        } else dv.setFloat64(addr, D[(fp + code[pc + 1]) >> 1] + dv.getFloat64(addr, true), true);
        pc += 5;
        continue;
      }
      case R.copy8: {
        const src = ((I[fp + code[pc + 1]] + I[fp + code[pc + 2]]) >>> 0) + (code[pc + 3] >>> 0);
        if (src >= memLen) trapMemory();
        const dst = ((I[fp + code[pc + 4]] + I[fp + code[pc + 5]]) >>> 0) + (code[pc + 6] >>> 0);
        if (dst >= memLen) trapMemory();
        u8[dst] = u8[src];
        pc += 7;
        continue;
      }
      case R.copy32: {
        const src = ((I[fp + code[pc + 1]] + I[fp + code[pc + 2]]) >>> 0) + (code[pc + 3] >>> 0);
        if (src + 4 > memLen) trapMemory();
        const v = src & 3 ? dv.getInt32(src, true) : m32[src >>> 2];
        const dst = ((I[fp + code[pc + 4]] + I[fp + code[pc + 5]]) >>> 0) + (code[pc + 6] >>> 0);
        if (dst + 4 > memLen) trapMemory();
        if (dst & 3) dv.setInt32(dst, v, true);
        else m32[dst >>> 2] = v;
        pc += 7;
        continue;
      }
      case R.copy64: {
        const src = ((I[fp + code[pc + 1]] + I[fp + code[pc + 2]]) >>> 0) + (code[pc + 3] >>> 0);
        if (src + 8 > memLen) trapMemory();
        const lo = src & 3 ? dv.getInt32(src, true) : m32[src >>> 2];
        const hi = src & 3 ? dv.getInt32(src + 4, true) : m32[(src >>> 2) + 1];
        const dst = ((I[fp + code[pc + 4]] + I[fp + code[pc + 5]]) >>> 0) + (code[pc + 6] >>> 0);
        if (dst + 8 > memLen) trapMemory();
        if (dst & 3) {
          dv.setInt32(dst, lo, true);
          dv.setInt32(dst + 4, hi, true);
        } else {
          m32[dst >>> 2] = lo;
          m32[(dst >>> 2) + 1] = hi;
        }
        pc += 7;
        continue;
      }
      case R.f64_add_mul_st: {
        const addr = (I[fp + code[pc + 1]] >>> 0) + (code[pc + 5] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        const v = D[(fp + code[pc + 2]) >> 1] + D[(fp + code[pc + 3]) >> 1] * D[(fp + code[pc + 4]) >> 1];
        if ((addr & 7) === 0) m64[addr >>> 3] = v;
        else dv.setFloat64(addr, v, true);
        pc += 6;
        continue;
      }
      case R.f64_sub_mul_st: {
        const addr = (I[fp + code[pc + 1]] >>> 0) + (code[pc + 5] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        const v = D[(fp + code[pc + 2]) >> 1] - D[(fp + code[pc + 3]) >> 1] * D[(fp + code[pc + 4]) >> 1];
        if ((addr & 7) === 0) m64[addr >>> 3] = v;
        else dv.setFloat64(addr, v, true);
        pc += 6;
        continue;
      }
      case R.f64_mul_add_rmw: {
        const addr = ((I[fp + code[pc + 3]] + I[fp + code[pc + 4]]) >>> 0) + (code[pc + 5] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        const v = D[(fp + code[pc + 1]) >> 1] * D[(fp + code[pc + 2]) >> 1];
        if ((addr & 7) === 0) {
          const i = addr >>> 3;
          m64[i] = v + m64[i];
        } else dv.setFloat64(addr, v + dv.getFloat64(addr, true), true);
        pc += 6;
        continue;
      }
      case R.f64_mul_m_add_rmw: {
        const src = ((I[fp + code[pc + 2]] + I[fp + code[pc + 3]]) >>> 0) + (code[pc + 4] >>> 0);
        if (src + 8 > memLen) trapMemory();
        const v = D[(fp + code[pc + 1]) >> 1] * (src & 7 ? dv.getFloat64(src, true) : m64[src >>> 3]);
        const addr = ((I[fp + code[pc + 5]] + I[fp + code[pc + 6]]) >>> 0) + (code[pc + 7] >>> 0);
        if (addr + 8 > memLen) trapMemory();
        if ((addr & 7) === 0) {
          const i = addr >>> 3;
          m64[i] = v + m64[i];
        } else dv.setFloat64(addr, v + dv.getFloat64(addr, true), true);
        pc += 8;
        continue;
      }
      case R.f32_abs:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] & 0x7fffffff;
        pc += 3;
        continue;
      case R.f32_neg:
        I[fp + code[pc + 1]] = I[fp + code[pc + 2]] ^ -0x80000000;
        pc += 3;
        continue;
      case R.f32_copysign:
        I[fp + code[pc + 1]] = (I[fp + code[pc + 2]] & 0x7fffffff) | (I[fp + code[pc + 3]] & -0x80000000);
        pc += 4;
        continue;
      case R.f64_abs: {
        const d = fp + code[pc + 1];
        const a = fp + code[pc + 2];
        I[d] = I[a];
        I[d + 1] = I[a + 1] & 0x7fffffff;
        pc += 3;
        continue;
      }
      case R.f64_neg: {
        const d = fp + code[pc + 1];
        const a = fp + code[pc + 2];
        I[d] = I[a];
        I[d + 1] = I[a + 1] ^ -0x80000000;
        pc += 3;
        continue;
      }
      case R.f64_copysign: {
        const d = fp + code[pc + 1];
        const a = fp + code[pc + 2];
        const hi = (I[a + 1] & 0x7fffffff) | (I[fp + code[pc + 3] + 1] & -0x80000000);
        I[d] = I[a];
        I[d + 1] = hi;
        pc += 4;
        continue;
      }

      // Conversions
      case R.i32_trunc_f32_s:
        I[fp + code[pc + 1]] = i32_trunc_f64_s(F[fp + code[pc + 2]]);
        pc += 3;
        continue;
      case R.i32_trunc_f32_u:
        I[fp + code[pc + 1]] = i32_trunc_f64_u(F[fp + code[pc + 2]]);
        pc += 3;
        continue;
      case R.i32_trunc_f64_s:
        I[fp + code[pc + 1]] = i32_trunc_f64_s(D[(fp + code[pc + 2]) >> 1]);
        pc += 3;
        continue;
      case R.i32_trunc_f64_u:
        I[fp + code[pc + 1]] = i32_trunc_f64_u(D[(fp + code[pc + 2]) >> 1]);
        pc += 3;
        continue;
      case R.i32_trunc_sat_f32_s:
        I[fp + code[pc + 1]] = i32_trunc_sat_f64_s(F[fp + code[pc + 2]]);
        pc += 3;
        continue;
      case R.i32_trunc_sat_f32_u:
        I[fp + code[pc + 1]] = i32_trunc_sat_f64_u(F[fp + code[pc + 2]]);
        pc += 3;
        continue;
      case R.i32_trunc_sat_f64_s:
        I[fp + code[pc + 1]] = i32_trunc_sat_f64_s(D[(fp + code[pc + 2]) >> 1]);
        pc += 3;
        continue;
      case R.i32_trunc_sat_f64_u:
        I[fp + code[pc + 1]] = i32_trunc_sat_f64_u(D[(fp + code[pc + 2]) >> 1]);
        pc += 3;
        continue;
      case R.i64_extend_i32_s: {
        const d = fp + code[pc + 1];
        const v = I[fp + code[pc + 2]];
        I[d] = v;
        I[d + 1] = v >> 31;
        pc += 3;
        continue;
      }
      case R.i64_extend_i32_u: {
        const d = fp + code[pc + 1];
        I[d] = I[fp + code[pc + 2]];
        I[d + 1] = 0;
        pc += 3;
        continue;
      }
      case R.i64_trunc_f32_s:
        i64_trunc_f64_s(I, fp + code[pc + 1], F[fp + code[pc + 2]]);
        pc += 3;
        continue;
      case R.i64_trunc_f32_u:
        i64_trunc_f64_u(I, fp + code[pc + 1], F[fp + code[pc + 2]]);
        pc += 3;
        continue;
      case R.i64_trunc_f64_s:
        i64_trunc_f64_s(I, fp + code[pc + 1], D[(fp + code[pc + 2]) >> 1]);
        pc += 3;
        continue;
      case R.i64_trunc_f64_u:
        i64_trunc_f64_u(I, fp + code[pc + 1], D[(fp + code[pc + 2]) >> 1]);
        pc += 3;
        continue;
      case R.i64_trunc_sat_f32_s:
        i64_trunc_sat_f64_s(I, fp + code[pc + 1], F[fp + code[pc + 2]]);
        pc += 3;
        continue;
      case R.i64_trunc_sat_f32_u:
        i64_trunc_sat_f64_u(I, fp + code[pc + 1], F[fp + code[pc + 2]]);
        pc += 3;
        continue;
      case R.i64_trunc_sat_f64_s:
        i64_trunc_sat_f64_s(I, fp + code[pc + 1], D[(fp + code[pc + 2]) >> 1]);
        pc += 3;
        continue;
      case R.i64_trunc_sat_f64_u:
        i64_trunc_sat_f64_u(I, fp + code[pc + 1], D[(fp + code[pc + 2]) >> 1]);
        pc += 3;
        continue;
      case R.f32_convert_i32_s:
        F[fp + code[pc + 1]] = I[fp + code[pc + 2]];
        pc += 3;
        continue;
      case R.f32_convert_i32_u:
        F[fp + code[pc + 1]] = I[fp + code[pc + 2]] >>> 0;
        pc += 3;
        continue;
      case R.f32_convert_i64_s: {
        const a = fp + code[pc + 2];
        F[fp + code[pc + 1]] = f32_convert_i64_s(I[a], I[a + 1]);
        pc += 3;
        continue;
      }
      case R.f32_convert_i64_u: {
        const a = fp + code[pc + 2];
        F[fp + code[pc + 1]] = f32_convert_i64_u(I[a], I[a + 1]);
        pc += 3;
        continue;
      }
      case R.f32_demote_f64:
        F[fp + code[pc + 1]] = f32_demote_f64(D[(fp + code[pc + 2]) >> 1]);
        pc += 3;
        continue;
      case R.f64_convert_i32_s:
        D[(fp + code[pc + 1]) >> 1] = I[fp + code[pc + 2]];
        pc += 3;
        continue;
      case R.f64_convert_i32_u:
        D[(fp + code[pc + 1]) >> 1] = I[fp + code[pc + 2]] >>> 0;
        pc += 3;
        continue;
      case R.f64_convert_i64_s: {
        const a = fp + code[pc + 2];
        D[(fp + code[pc + 1]) >> 1] = f64_convert_i64_s(I[a], I[a + 1]);
        pc += 3;
        continue;
      }
      case R.f64_convert_i64_u: {
        const a = fp + code[pc + 2];
        D[(fp + code[pc + 1]) >> 1] = f64_convert_i64_u(I[a], I[a + 1]);
        pc += 3;
        continue;
      }
      case R.f64_promote_f32:
        D[(fp + code[pc + 1]) >> 1] = f64_promote_f32(F[fp + code[pc + 2]]);
        pc += 3;
        continue;

      // References and tables
      case R.ref_null:
        refs[(fp + code[pc + 1]) >> 1] = null;
        pc += 2;
        continue;
      case R.ref_is_null:
        I[fp + code[pc + 1]] = refs[(fp + code[pc + 2]) >> 1] === null ? 1 : 0;
        pc += 3;
        continue;
      case R.ref_func:
        refs[(fp + code[pc + 1]) >> 1] = funcs[code[pc + 2]];
        pc += 3;
        continue;
      case R.table_get:
        refs[(fp + code[pc + 1]) >> 1] = tableGetOp(inst, I, code[pc + 2], fp + code[pc + 3]);
        pc += 4;
        continue;
      case R.table_set:
        tableSetOp(inst, I, code[pc + 1], fp + code[pc + 2], refs[(fp + code[pc + 3]) >> 1]);
        pc += 4;
        continue;
      case R.table_size:
        tableSizeOp(inst, I, code[pc + 2], fp + code[pc + 1]);
        pc += 3;
        continue;
      case R.table_grow:
        tableGrowOp(inst, I, code[pc + 2], fp + code[pc + 1], refs[(fp + code[pc + 3]) >> 1], fp + code[pc + 4]);
        pc += 5;
        continue;
      case R.table_fill:
        tableFillOp(inst, I, code[pc + 1], fp + code[pc + 2], refs[(fp + code[pc + 3]) >> 1], fp + code[pc + 4]);
        pc += 5;
        continue;
      case R.table_copy:
        tableCopyOp(inst, I, code[pc + 1], code[pc + 2], fp + code[pc + 3], fp + code[pc + 4], fp + code[pc + 5]);
        pc += 6;
        continue;
      case R.table_init:
        tableInitOp(inst, I, code[pc + 1], code[pc + 2], fp + code[pc + 3], fp + code[pc + 4], fp + code[pc + 5]);
        pc += 6;
        continue;
      case R.elem_drop:
        inst.elems[code[pc + 1]] = [];
        pc += 2;
        continue;
      default: {
        const never: never = op;
        throw new Error(`bad register instruction ${String(never)}`);
      }
    }

    // A call: `callee` with arguments at fp + argBase; pc is the return address.
    if (callee.def !== null && callee.instance!.store === store) {
      const c = callee.compiled ?? compiled(callee);
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
      store.depth = depth + 1;
      store.sp = fp + cur.frameWords;
      callExternal(store, callee, fp + argBase);
      store.depth = depth;
      I = regs.i32;
      F = regs.f32;
      D = regs.f64;
      refs = regs.refs;
      mem = inst.memories[0] ?? NO_MEMORY;
      u8 = mem.u8;
      dv = mem.view;
      m64 = mem.f64;
      m32 = mem.i32;
      memLen = u8.length;
    }
  }
}
