/**
 * Which modules Node 20's engine (V8 11.3) can judge: the differential tests
 * compare `tswasm.validate` with `WebAssembly.validate` only on modules that
 * use features Node 20 has (MVP, sign extension, saturating truncation, bulk
 * memory, reference types with funcref/externref, multi-value, SIMD without
 * relaxed SIMD, threads, tail calls, legacy exceptions). Feature use of
 * instructions comes from the opcode table's feature column.
 */
import { Imm, OPCODES, type Feature } from '../../src/ast/opcodes.js';
import { Op } from '../../src/ast/op-ids.js';
import type { Module } from '../../src/ast/module.js';
import { EXTERNREF, FUNCREF, isRef, type ValType } from '../../src/ast/types.js';
import { Reader } from '../../src/decoder/reader.js';
import { readInstr } from '../../src/decoder/instr.js';
import { CompileError } from '../../src/errors.js';
import type { Instr } from '../../src/ast/instr.js';

const NODE20: ReadonlySet<Feature> = new Set<Feature>([
  'mvp', 'sign-extension', 'saturating-float-to-int', 'bulk-memory', 'reference-types', 'simd', 'tail-call',
  'legacy-exceptions', 'threads',
]);
const CONST_OPS = new Set<number>([Op.i32_const, Op.i64_const, Op.f32_const, Op.f64_const, Op.v128_const, Op.ref_null, Op.ref_func, Op.global_get, Op.end]);

function valOk(t: ValType): boolean {
  return !isRef(t) || t === FUNCREF || t === EXTERNREF;
}

function exprOk(bytes: Uint8Array, isConst: boolean): boolean {
  const r = new Reader(bytes, 0, bytes.length, 0);
  const ins: Instr = { op: 0, x: 0, y: 0, z: 0, lo: 0, hi: 0, bytes: null, list: [], catches: [] };
  try {
    while (r.pos < r.end) {
      readInstr(r, ins);
      const op = ins.op;
      const feature = OPCODES[op]![4];
      if (!NODE20.has(feature) && op !== Op.throw) return false;
      if (isConst && !CONST_OPS.has(op)) return false;
      if ((op === Op.ref_null) && !valOk(ins.x)) return false;
      if (op === Op.select_t && !ins.list.every(valOk)) return false;
      if ((op === Op.block || op === Op.loop || op === Op.if || op === Op.try) && ins.x >= 0 && ins.x !== 0x40 && !valOk(ins.x)) return false;
      if ((OPCODES[op]![3] === Imm.MemArg || OPCODES[op]![3] === Imm.MemArgLane) && ins.y !== 0) return false;
    }
  } catch (e) {
    if (e instanceof CompileError) return true; // malformed: both engines must reject
    throw e;
  }
  return true;
}

/** Does `m` use only features Node 20's WebAssembly engine implements? */
export function node20Can(m: Module): boolean {
  if (m.recGroups.some((g) => g.explicit)) return false;
  for (const t of m.types) {
    if (t.comp.kind !== 'func' || t.supers.length || t.form !== 'bare') return false;
    if (!t.comp.params.every(valOk) || !t.comp.results.every(valOk)) return false;
  }
  let memories = 0;
  for (const imp of m.imports) {
    const d = imp.desc;
    if (d.kind === 'table' && (!valOk(d.type.elem) || d.type.addr64)) return false;
    if (d.kind === 'memory') { memories++; if (d.type.addr64 || d.type.pageSizeLog2 !== null) return false; }
    if (d.kind === 'global' && !valOk(d.type.type)) return false;
    if (d.kind === 'func' && d.exact) return false;
  }
  for (const mt of m.memories) { memories++; if (mt.addr64 || mt.pageSizeLog2 !== null) return false; }
  if (memories > 1) return false;
  for (const t of m.tables) if (t.init !== null || !valOk(t.type.elem) || t.type.addr64) return false;
  for (const g of m.globals) if (!valOk(g.type.type) || !exprOk(g.init, true)) return false;
  for (const e of m.elems) {
    if (!valOk(e.type)) return false;
    if (e.offset && !exprOk(e.offset, true)) return false;
    for (const x of e.exprs ?? []) if (!exprOk(x, true)) return false;
  }
  for (const d of m.datas) if (d.offset && !exprOk(d.offset, true)) return false;
  for (const f of m.funcs) {
    if (!f.locals.every((l) => valOk(l.type))) return false;
    if (!exprOk(f.body, false)) return false;
  }
  return true;
}
