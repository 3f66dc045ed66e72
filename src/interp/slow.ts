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

/** The function `call_indirect` calls: table `t` of `inst` at `i`, checked against type id `typeId`. */
export function indirectTarget(inst: Instance, typeId: number, t: number, i: number): FuncInst {
  const elems = inst.tables[t]!.elements;
  const u = i >>> 0;
  if (u >= elems.length) trapUndefinedElement();
  const f = elems[u] as FuncInst | null;
  if (f === null) trapUninitializedElement();
  if (f.typeId !== typeId) trapIndirectType();
  return f;
}

/** table.get */
export function tableGet(table: TableInst, i: number): Value {
  const u = i >>> 0;
  if (u >= table.elements.length) trapTable();
  return table.elements[u];
}

/** table.set */
export function tableSet(table: TableInst, i: number, v: Value): void {
  const u = i >>> 0;
  if (u >= table.elements.length) trapTable();
  table.elements[u] = v;
}

/** table.fill */
export function tableFill(table: TableInst, i: number, v: Value, n: number): void {
  const start = i >>> 0;
  const end = start + (n >>> 0);
  if (end > table.elements.length) trapTable();
  table.elements.fill(v, start, end);
}

/** table.copy (overlapping ranges copy as if through a temporary). */
export function tableCopy(dst: TableInst, src: TableInst, d: number, s: number, n: number): void {
  const du = d >>> 0;
  const su = s >>> 0;
  const nu = n >>> 0;
  if (su + nu > src.elements.length || du + nu > dst.elements.length) trapTable();
  if (dst === src) dst.elements.copyWithin(du, su, su + nu);
  else for (let k = 0; k < nu; k++) dst.elements[du + k] = src.elements[su + k];
}

/** table.init from element segment `elem`. */
export function tableInit(table: TableInst, elem: readonly Value[], d: number, s: number, n: number): void {
  const du = d >>> 0;
  const su = s >>> 0;
  const nu = n >>> 0;
  if (su + nu > elem.length || du + nu > table.elements.length) trapTable();
  for (let k = 0; k < nu; k++) table.elements[du + k] = elem[su + k];
}

/** memory.fill */
export function memoryFill(mem: MemoryInst, d: number, v: number, n: number): void {
  const du = d >>> 0;
  const end = du + (n >>> 0);
  if (end > mem.u8.length) trapMemory();
  mem.u8.fill(v & 0xff, du, end);
}

/** memory.copy (overlap-safe). */
export function memoryCopy(dst: MemoryInst, src: MemoryInst, d: number, s: number, n: number): void {
  const du = d >>> 0;
  const su = s >>> 0;
  const nu = n >>> 0;
  if (su + nu > src.u8.length || du + nu > dst.u8.length) trapMemory();
  if (dst === src) dst.u8.copyWithin(du, su, su + nu);
  else dst.u8.set(src.u8.subarray(su, su + nu), du);
}

/** memory.init from data segment `data`. */
export function memoryInit(mem: MemoryInst, data: Uint8Array, d: number, s: number, n: number): void {
  const du = d >>> 0;
  const su = s >>> 0;
  const nu = n >>> 0;
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
 * Calls `f` (a host function, or a wasm function of another store) with the
 * arguments at register word `w` of `store`, and writes its results there.
 */
export function callExternal(store: Store, f: FuncInst, w: number): void {
  const { params, results } = f.type;
  const regs = store.regs;
  const args: Value[] = [];
  for (let k = 0; k < params.length; k++) args.push(readValue(regs.i32, regs.refs, w + 2 * k, params[k]!));
  const out = f.host !== null ? f.host(args) : invokeHook(f, args);
  if (results.length === 0) return;
  if (!Array.isArray(out) || out.length !== results.length) {
    throw new TypeError(`host function returned ${Array.isArray(out) ? out.length : 'no'} results, expected ${results.length}`);
  }
  regs.ensure(w + 2 * results.length);
  for (let k = 0; k < results.length; k++) writeValue(regs.i32, regs.refs, w + 2 * k, results[k]!, out[k]);
}
