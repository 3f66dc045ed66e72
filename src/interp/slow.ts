/**
 * The executor's rare operations, kept out of its loop so the loop stays
 * small enough for the optimizing compiler: tables, bulk memory, segment
 * drops, `call_indirect`'s checks, i64 shifts by an immediate, and calls that
 * leave the store (host functions, functions of another store).
 *
 * Spec: "Execution › Instructions" (Table Instructions, Memory Instructions:
 * memory.fill/copy/init, data.drop; Control Instructions: call_indirect) and
 * "Invocation of Function Address" for host functions. Bounds checks use
 * unsigned 32-bit operands; every out-of-range access traps before any write.
 */
import type { FuncInst, Instance, MemoryInst, Store, TableInst } from './runtime.js';
import type { Value } from './values.js';
import { readValue, writeValue } from './values.js';
import { trapIndirectType, trapMemory, trapTable, trapUndefinedElement, trapUninitializedElement } from './traps.js';
import { R } from './isa-ids.js';
import { isCanonicalSubtype } from '../validator/canon.js';
import { cellsOf } from './regfile.js';

const TWO_32 = 4294967296;

/**
 * The unsigned value of an address operand at word `w`: an i32, or for a
 * 64-bit memory or table an i64 (exact below 2^53; larger values are out of
 * bounds of anything a host can allocate either way).
 */
export function addr(i32: Int32Array, w: number, is64: boolean): number {
  return is64 ? (i32[w + 1]! >>> 0) * TWO_32 + (i32[w]! >>> 0) : i32[w]! >>> 0;
}

/**
 * The function `call_indirect` calls: table `t` of `inst` at `i`, whose type
 * must be canonical type `typeId` or a subtype of it (O(1), canon.ts).
 */
export function indirectTarget(inst: Instance, typeId: number, t: number, i: number): FuncInst {
  const elems = inst.tables[t]!.elements;
  const u = i >>> 0;
  if (u >= elems.length) trapUndefinedElement(u);
  const f = elems[u] as FuncInst | null;
  if (f === null) trapUninitializedElement(u);
  if (f.typeId !== typeId && !isCanonicalSubtype(f.typeId, typeId)) trapIndirectType();
  return f;
}

/** table.get (i unsigned). */
export function tableGet(table: TableInst, i: number): Value {
  if (i >= table.elements.length) trapTable();
  return table.elements[i];
}

/** table.set (i unsigned). */
export function tableSet(table: TableInst, i: number, v: Value): void {
  if (i >= table.elements.length) trapTable();
  table.elements[i] = v;
}

/** table.fill (i, n: unsigned numbers, as from `u32`/`addr`). */
export function tableFill(table: TableInst, i: number, v: Value, n: number): void {
  const start = i;
  const end = start + n;
  if (end > table.elements.length) trapTable();
  table.elements.fill(v, start, end);
}

/** table.copy (overlapping ranges copy as if through a temporary; operands unsigned). */
export function tableCopy(dst: TableInst, src: TableInst, du: number, su: number, nu: number): void {
  if (su + nu > src.elements.length || du + nu > dst.elements.length) trapTable();
  if (dst === src) dst.elements.copyWithin(du, su, su + nu);
  else for (let k = 0; k < nu; k++) dst.elements[du + k] = src.elements[su + k];
}

/** table.init from element segment `elem` (operands unsigned). */
export function tableInit(table: TableInst, elem: readonly Value[], du: number, su: number, nu: number): void {
  if (su + nu > elem.length || du + nu > table.elements.length) trapTable();
  for (let k = 0; k < nu; k++) table.elements[du + k] = elem[su + k];
}

/** memory.fill (d, n unsigned). */
export function memoryFill(mem: MemoryInst, du: number, v: number, n: number): void {
  const end = du + n;
  if (end > mem.u8.length) trapMemory();
  mem.u8.fill(v & 0xff, du, end);
}

/** memory.copy (overlap-safe; operands unsigned). */
export function memoryCopy(dst: MemoryInst, src: MemoryInst, du: number, su: number, nu: number): void {
  if (su + nu > src.u8.length || du + nu > dst.u8.length) trapMemory();
  if (dst === src) dst.u8.copyWithin(du, su, su + nu);
  else dst.u8.set(src.u8.subarray(su, su + nu), du);
}

/** memory.init from data segment `data` (operands unsigned). */
export function memoryInit(mem: MemoryInst, data: Uint8Array, du: number, su: number, nu: number): void {
  if (su + nu > data.length || du + nu > mem.u8.length) trapMemory();
  mem.u8.set(data.subarray(su, su + nu), du);
}

/** i64.shl by the constant k (0..63) of r[a..] into r[d..]. */
export function i64ShlImm(r: Int32Array, d: number, a: number, k: number): void {
  k &= 63;
  const lo = r[a]!;
  const hi = r[a + 1]!;
  if (k === 0) {
    r[d] = lo;
    r[d + 1] = hi;
  } else if (k < 32) {
    r[d + 1] = (hi << k) | (lo >>> (32 - k));
    r[d] = lo << k;
  } else {
    r[d + 1] = lo << (k - 32);
    r[d] = 0;
  }
}

/** i64.shr_s by the constant k. */
export function i64ShrSImm(r: Int32Array, d: number, a: number, k: number): void {
  k &= 63;
  const lo = r[a]!;
  const hi = r[a + 1]!;
  if (k === 0) {
    r[d] = lo;
    r[d + 1] = hi;
  } else if (k < 32) {
    r[d] = (lo >>> k) | (hi << (32 - k));
    r[d + 1] = hi >> k;
  } else {
    r[d] = hi >> (k - 32);
    r[d + 1] = hi >> 31;
  }
}

/** i64.shr_u by the constant k. */
export function i64ShrUImm(r: Int32Array, d: number, a: number, k: number): void {
  k &= 63;
  const lo = r[a]!;
  const hi = r[a + 1]!;
  if (k === 0) {
    r[d] = lo;
    r[d + 1] = hi;
  } else if (k < 32) {
    r[d] = (lo >>> k) | (hi << (32 - k));
    r[d + 1] = hi >>> k;
  } else {
    r[d] = hi >>> (k - 32);
    r[d + 1] = 0;
  }
}

/** Hook set by invoke.ts: runs a function of another store (breaks an import cycle). */
export let invokeHook: (f: FuncInst, args: Value[]) => Value[] = () => {
  throw new Error('invoke not initialized');
};
/** Installs `invokeHook`. */
export function setInvokeHook(h: (f: FuncInst, args: Value[]) => Value[]): void {
  invokeHook = h;
}

/**
 * Calls `f` (a host function, a wasm function of another store, or one the
 * compile-to-JS tier runs) with the
 * arguments at register word `w` of `store`, and writes its results there.
 */
export function callExternal(store: Store, f: FuncInst, w: number): void {
  if (f.js !== null && f.instance!.store === store) {
    f.instance!.jit!.callFromRegs(store, f, w);
    return;
  }
  const { params, results } = f.type;
  const regs = store.regs;
  const args: Value[] = [];
  for (let k = 0, o = w; k < params.length; o += 2 * cellsOf(params[k]!), k++) {
    args.push(readValue(regs.i32, regs.refs, o, params[k]!));
  }
  const out = f.host !== null ? f.host(args) : invokeHook(f, args);
  if (results.length === 0) return;
  if (!Array.isArray(out) || out.length !== results.length) {
    throw new TypeError(`host function returned ${Array.isArray(out) ? out.length : 'no'} results, expected ${results.length}`);
  }
  regs.ensure(w + 2 * results.reduce((n, t) => n + cellsOf(t), 0));
  for (let k = 0, o = w; k < results.length; o += 2 * cellsOf(results[k]!), k++) {
    writeValue(regs.i32, regs.refs, o, results[k]!, out[k]);
  }
}

/** Access width in bytes of each memory-0 load/store that `load_x`/`store_x` stand for. */
function width(op: number): number {
  switch (op) {
    case R.i64_load: case R.i64_store: case R.f64_load: case R.f64_store: return 8;
    case R.i32_load: case R.i64_load32_s: case R.i64_load32_u: case R.i32_store: return 4;
    case R.i32_load16_s: case R.i32_load16_u: case R.i64_load16_s: case R.i64_load16_u: case R.i32_store16: return 2;
    default: return 1;
  }
}

/** The effective address of a generic access, trapping when `width` bytes do not fit. */
function effective(mem: MemoryInst, i32: Int32Array, a: number, offLo: number, offHi: number, w: number): number {
  const ea = addr(i32, a, mem.addr64) + (offHi >>> 0) * TWO_32 + (offLo >>> 0);
  if (ea + w > mem.u8.length) trapMemory();
  return ea;
}

/** load_x: the memory-0 load `op`, from any memory, with 64-bit addresses and offsets. */
export function loadX(mem: MemoryInst, op: number, i32: Int32Array, d: number, a: number, offLo: number, offHi: number): void {
  const ea = effective(mem, i32, a, offLo, offHi, width(op));
  const v = mem.view;
  switch (op) {
    case R.i32_load: i32[d] = v.getInt32(ea, true); return;
    case R.i64_load: case R.f64_load: i32[d] = v.getInt32(ea, true); i32[d + 1] = v.getInt32(ea + 4, true); return;
    case R.i32_load8_s: i32[d] = v.getInt8(ea); return;
    case R.i32_load8_u: i32[d] = v.getUint8(ea); return;
    case R.i32_load16_s: i32[d] = v.getInt16(ea, true); return;
    case R.i32_load16_u: i32[d] = v.getUint16(ea, true); return;
    case R.i64_load8_s: i32[d] = v.getInt8(ea); i32[d + 1] = i32[d]! >> 31; return;
    case R.i64_load8_u: i32[d] = v.getUint8(ea); i32[d + 1] = 0; return;
    case R.i64_load16_s: i32[d] = v.getInt16(ea, true); i32[d + 1] = i32[d]! >> 31; return;
    case R.i64_load16_u: i32[d] = v.getUint16(ea, true); i32[d + 1] = 0; return;
    case R.i64_load32_s: i32[d] = v.getInt32(ea, true); i32[d + 1] = i32[d]! >> 31; return;
    default: i32[d] = v.getInt32(ea, true); i32[d + 1] = 0; return; // i64_load32_u
  }
}

/** store_x: the memory-0 store `op`, to any memory, with 64-bit addresses and offsets. */
export function storeX(mem: MemoryInst, op: number, i32: Int32Array, a: number, b: number, offLo: number, offHi: number): void {
  const ea = effective(mem, i32, a, offLo, offHi, width(op));
  const v = mem.view;
  switch (op) {
    case R.i32_store: v.setInt32(ea, i32[b]!, true); return;
    case R.i64_store: case R.f64_store: v.setInt32(ea, i32[b]!, true); v.setInt32(ea + 4, i32[b + 1]!, true); return;
    case R.i32_store16: v.setInt16(ea, i32[b]!, true); return;
    default: v.setInt8(ea, i32[b]!); return; // i32_store8
  }
}

/** memory.size of any memory, written as an i32 or (64-bit memory) i64 at word d. */
export function memorySizeX(mem: MemoryInst, i32: Int32Array, d: number): void {
  i32[d] = mem.pages;
  i32[d + 1] = 0;
}

/** memory.grow of any memory (delta at word a), result at word d. */
export function memoryGrowX(mem: MemoryInst, i32: Int32Array, d: number, a: number): void {
  const delta = addr(i32, a, mem.addr64);
  const r = delta > 0xffffffff ? -1 : mem.grow(delta);
  i32[d] = r;
  i32[d + 1] = r < 0 ? -1 : 0;
}

/** memory.fill of memory x with operands at words a (dest), b (value), c (length). */
export function memoryFillOp(inst: Instance, i32: Int32Array, x: number, a: number, b: number, c: number): void {
  const m = inst.memories[x]!;
  memoryFill(m, addr(i32, a, m.addr64), i32[b]!, addr(i32, c, m.addr64));
}

/** memory.copy from memory y to memory x, operands at words a, b, c. */
export function memoryCopyOp(inst: Instance, i32: Int32Array, x: number, y: number, a: number, b: number, c: number): void {
  const d = inst.memories[x]!;
  const s = inst.memories[y]!;
  memoryCopy(d, s, addr(i32, a, d.addr64), addr(i32, b, s.addr64), addr(i32, c, d.addr64 && s.addr64));
}

/** memory.init of data segment x into memory y, operands at words a, b, c. */
export function memoryInitOp(inst: Instance, i32: Int32Array, x: number, y: number, a: number, b: number, c: number): void {
  const m = inst.memories[y]!;
  memoryInit(m, inst.datas[x]!, addr(i32, a, m.addr64), i32[b]! >>> 0, i32[c]! >>> 0);
}

/** table.get of table x at the index in word a. */
export function tableGetOp(inst: Instance, i32: Int32Array, x: number, a: number): Value {
  const t = inst.tables[x]!;
  return tableGet(t, addr(i32, a, t.addr64));
}

/** table.set of table x at the index in word a. */
export function tableSetOp(inst: Instance, i32: Int32Array, x: number, a: number, v: Value): void {
  const t = inst.tables[x]!;
  tableSet(t, addr(i32, a, t.addr64), v);
}

/** table.size of table x into word d (an i64 for a 64-bit table). */
export function tableSizeOp(inst: Instance, i32: Int32Array, x: number, d: number): void {
  i32[d] = inst.tables[x]!.elements.length;
  i32[d + 1] = 0;
}

/** table.grow of table x by the count in word b, new elements `v`; old size (or -1) into word d. */
export function tableGrowOp(inst: Instance, i32: Int32Array, x: number, d: number, v: Value, b: number): void {
  const t = inst.tables[x]!;
  const n = addr(i32, b, t.addr64);
  const r = n > 0xffffffff ? -1 : t.grow(n, v);
  i32[d] = r;
  i32[d + 1] = r < 0 ? -1 : 0;
}

/** table.fill of table x: start at word a, value `v`, count at word c. */
export function tableFillOp(inst: Instance, i32: Int32Array, x: number, a: number, v: Value, c: number): void {
  const t = inst.tables[x]!;
  tableFill(t, addr(i32, a, t.addr64), v, addr(i32, c, t.addr64));
}

/** table.copy from table y to table x, operands at words a, b, c. */
export function tableCopyOp(inst: Instance, i32: Int32Array, x: number, y: number, a: number, b: number, c: number): void {
  const d = inst.tables[x]!;
  const s = inst.tables[y]!;
  tableCopy(d, s, addr(i32, a, d.addr64), addr(i32, b, s.addr64), addr(i32, c, d.addr64 && s.addr64));
}

/** table.init of element segment x into table y, operands at words a, b, c. */
export function tableInitOp(inst: Instance, i32: Int32Array, x: number, y: number, a: number, b: number, c: number): void {
  const t = inst.tables[y]!;
  tableInit(t, inst.elems[x]!, addr(i32, a, t.addr64), i32[b]! >>> 0, i32[c]! >>> 0);
}
