/**
 * fast-check generators of well-formed module ASTs and instructions, used by
 * the decoder/encoder property tests (and reusable by other layers' tests).
 * Generated modules are well formed (they decode) but not necessarily valid.
 */
import fc from 'fast-check';
import { Imm, OPCODES } from '../../src/ast/opcodes.js';
import { Op } from '../../src/ast/op-ids.js';
import { instr, MEMARG_HAS_MEMORY, type Instr } from '../../src/ast/instr.js';
import { encodeInstrs } from '../../src/encoder/index.js';
import {
  BLOCK_EMPTY, F32, F64, Heap, I16, I32, I64, I8, V128, blockTypeOfIndex, refType,
  type SubType, type ValType,
} from '../../src/ast/types.js';
import { ExternKind, emptyModule, type Module } from '../../src/ast/module.js';

const ABSTRACT = [Heap.Func, Heap.Extern, Heap.Any, Heap.Eq, Heap.I31, Heap.Struct, Heap.Array, Heap.Exn,
  Heap.None, Heap.NoFunc, Heap.NoExtern, Heap.NoExn];

export const arbHeap = fc.oneof(fc.constantFrom(...ABSTRACT), fc.integer({ min: 0, max: 300 }));
export const arbRefType = fc.tuple(fc.boolean(), arbHeap).map(([n, h]) => refType(n, h));
export const arbValType: fc.Arbitrary<ValType> = fc.oneof(fc.constantFrom(I32, I64, F32, F64, V128), arbRefType);
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const smallIdx = fc.oneof(fc.integer({ min: 0, max: 5 }), u32);
const i32 = fc.integer({ min: -0x80000000, max: 0x7fffffff });

/** Instructions whose nesting matters are generated separately. */
const STRUCTURAL = new Set<number>([Op.block, Op.loop, Op.if, Op.else, Op.end, Op.try, Op.catch, Op.catch_all,
  Op.delegate, Op.try_table]);
const FLAT_OPS = OPCODES.map((_, i) => i).filter((i) => !STRUCTURAL.has(i)
  && OPCODES[i]![4] !== 'wide-arithmetic' && OPCODES[i]![4] !== 'custom-descriptors');

function arbImmediates(op: number): fc.Arbitrary<Instr> {
  const imm = OPCODES[op]![3];
  const mk = (f: (i: Instr) => void) => (i: Instr) => { f(i); return i; };
  switch (imm) {
    case Imm.None: case Imm.Zero: return fc.constant(instr(op));
    case Imm.BlockType: case Imm.TryTable: return fc.constant(instr(op, BLOCK_EMPTY));
    case Imm.BrTable:
      return fc.tuple(fc.array(smallIdx, { maxLength: 5 }), smallIdx).map(([l, d]) => mk((i) => { i.list = l; })(instr(op, d)));
    case Imm.MemArg: case Imm.MemArgLane:
      return fc.tuple(fc.integer({ min: 0, max: 0x3f }), fc.boolean(), smallIdx, u32, u32, fc.integer({ min: 0, max: 255 }))
        .map(([a, hasMem, mem, lo, hi, lane]) => {
          const i = instr(op, a | (hasMem ? MEMARG_HAS_MEMORY : 0), hasMem ? mem : 0, imm === Imm.MemArgLane ? lane : 0);
          i.lo = lo; i.hi = hi;
          return i;
        });
    case Imm.Lane: return fc.integer({ min: 0, max: 255 }).map((l) => instr(op, l));
    case Imm.Shuffle: case Imm.V128:
      return fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => mk((i) => { i.bytes = b; })(instr(op)));
    case Imm.I32: return i32.map((v) => instr(op, v));
    case Imm.F32: return u32.map((v) => instr(op, v));
    case Imm.I64: case Imm.F64:
      return fc.tuple(i32, i32).map(([lo, hi]) => mk((i) => { i.lo = lo; i.hi = hi; })(instr(op)));
    case Imm.SelectTypes:
      return fc.array(arbValType, { maxLength: 2 }).map((l) => mk((i) => { i.list = l; })(instr(op)));
    case Imm.HeapType: {
      const nullable = op === Op.ref_null || op === Op.ref_test_null || op === Op.ref_cast_null;
      return arbHeap.map((h) => instr(op, refType(nullable, h)));
    }
    case Imm.BrOnCast:
      return fc.tuple(smallIdx, arbRefType, arbRefType).map(([l, a, b]) => instr(op, l, a, b));
    case Imm.CallIndirect: case Imm.TypeField: case Imm.TypeCount: case Imm.TypeData: case Imm.TypeElem:
    case Imm.TypeType: case Imm.DataMemory: case Imm.MemoryMemory: case Imm.ElemTable: case Imm.TableTable:
      return fc.tuple(smallIdx, smallIdx).map(([x, y]) => instr(op, x, y));
    default:
      return smallIdx.map((x) => instr(op, x));
  }
}

/** A single non-structural instruction with random immediates. */
export const arbFlatInstr: fc.Arbitrary<Instr> = fc.constantFrom(...FLAT_OPS).chain(arbImmediates);

/** An expression's bytes: flat instructions, some wrapped in blocks, ending with `end`. */
export const arbExprBytes: fc.Arbitrary<Uint8Array> = fc.array(
  fc.oneof(
    { weight: 5, arbitrary: arbFlatInstr.map((i) => [i]) },
    { weight: 1, arbitrary: fc.array(arbFlatInstr, { maxLength: 4 }).map((body) => [instr(Op.block, BLOCK_EMPTY), ...body, instr(Op.end)]) },
    { weight: 1, arbitrary: fc.array(arbFlatInstr, { maxLength: 3 }).map((body) => [instr(Op.if, blockTypeOfIndex(0)), ...body, instr(Op.else), instr(Op.end)]) },
  ),
  { maxLength: 12 },
).map((groups) => encodeInstrs([...groups.flat(), instr(Op.end)]));

const constExpr = i32.map((v) => encodeInstrs([instr(Op.i32_const, v), instr(Op.end)]));
const limits = fc.tuple(fc.bigInt({ min: 0n, max: 0xffffffffn }), fc.option(fc.bigInt({ min: 0n, max: 0xffffffffn }), { nil: null }))
  .map(([min, max]) => ({ min, max }));
const memType = fc.record({ limits, shared: fc.boolean(), addr64: fc.boolean(), pageSizeLog2: fc.constant(null) });
const tableType = fc.record({ elem: arbRefType, limits, addr64: fc.boolean() });
const globalType = fc.record({ type: arbValType, mutable: fc.boolean() });
const name = fc.string({ maxLength: 8, unit: 'grapheme' });

const subType: fc.Arbitrary<SubType> = fc.record({
  comp: fc.oneof(
    fc.record({ kind: fc.constant('func' as const), params: fc.array(arbValType, { maxLength: 4 }), results: fc.array(arbValType, { maxLength: 3 }) }),
    fc.record({ kind: fc.constant('struct' as const), fields: fc.array(fc.record({ type: fc.oneof(arbValType, fc.constantFrom(I8, I16)), mutable: fc.boolean() }), { maxLength: 4 }) }),
    fc.record({ kind: fc.constant('array' as const), field: fc.record({ type: fc.oneof(arbValType, fc.constantFrom(I8, I16)), mutable: fc.boolean() }) }),
  ),
  form: fc.constantFrom('bare' as const, 'sub' as const, 'sub final' as const),
  supers: fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 1 }),
}).map(({ comp, form, supers }) => ({
  comp, form, final: form !== 'sub', supers: form === 'bare' ? [] : supers, describes: null, descriptor: null,
}));

/** A well-formed (decodable) module AST. */
export const arbModule: fc.Arbitrary<Module> = fc.record({
  groups: fc.array(fc.tuple(fc.boolean(), fc.array(subType, { minLength: 1, maxLength: 3 })), { maxLength: 4 }),
  imports: fc.array(fc.tuple(name, name, fc.oneof(
    smallIdx.map((type) => ({ kind: 'func' as const, type })),
    tableType.map((type) => ({ kind: 'table' as const, type })),
    memType.map((type) => ({ kind: 'memory' as const, type })),
    globalType.map((type) => ({ kind: 'global' as const, type })),
    smallIdx.map((type) => ({ kind: 'tag' as const, type })),
  )), { maxLength: 4 }),
  funcs: fc.array(fc.tuple(smallIdx, fc.array(fc.record({ count: fc.integer({ min: 0, max: 1000 }), type: arbValType }), { maxLength: 3 }), arbExprBytes), { maxLength: 4 }),
  tables: fc.array(fc.tuple(tableType, fc.option(constExpr, { nil: null })), { maxLength: 2 }),
  memories: fc.array(memType, { maxLength: 2 }),
  tags: fc.array(smallIdx, { maxLength: 2 }),
  globals: fc.array(fc.tuple(globalType, constExpr), { maxLength: 3 }),
  exports: fc.uniqueArray(name, { maxLength: 4 }).chain((names) => fc.tuple(...names.map((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: 4 }), smallIdx)))),
  start: fc.option(smallIdx, { nil: null }),
  elems: fc.array(fc.record({
    mode: fc.constantFrom('active' as const, 'passive' as const, 'declarative' as const),
    table: smallIdx, exprsForm: fc.boolean(), explicitTable: fc.boolean(),
    type: arbRefType, funcs: fc.array(smallIdx, { maxLength: 3 }), exprs: fc.array(constExpr, { maxLength: 3 }), offset: constExpr,
  }), { maxLength: 3 }),
  datas: fc.array(fc.record({ passive: fc.boolean(), memory: smallIdx, explicit: fc.boolean(), offset: constExpr, init: fc.uint8Array({ maxLength: 8 }) }), { maxLength: 3 }),
  dataCount: fc.boolean(),
  customs: fc.array(fc.record({ name, data: fc.uint8Array({ maxLength: 8 }), after: fc.constantFrom(0, 1, 2, 3, 7, 10, 11) }), { maxLength: 3 }),
}).map((g) => {
  const m = emptyModule();
  for (const [explicit, types] of g.groups) {
    m.recGroups.push({ start: m.types.length, count: types.length, explicit: explicit || types.length !== 1 });
    m.types.push(...types);
  }
  m.imports = g.imports.map(([module, nm, desc]) => ({ module, name: nm, desc }));
  m.funcTypes = g.funcs.map(([t]) => t);
  m.funcs = g.funcs.map(([type, locals, body]) => ({ type, locals, body, bodyOffset: -1 }));
  m.tables = g.tables.map(([type, init]) => ({ type, init }));
  m.memories = g.memories;
  m.tags = g.tags.map((type) => ({ type }));
  m.globals = g.globals.map(([type, init]) => ({ type, init }));
  m.exports = g.exports.map(([n, kind, index]) => ({ name: n, kind: kind as ExternKind, index }));
  m.start = g.start;
  m.elems = g.elems.map((e) => {
    const active = e.mode === 'active';
    const implicitType = active && !e.explicitTable;
    return {
      mode: e.mode, table: active && e.explicitTable ? e.table : 0, offset: active ? e.offset : null,
      type: e.exprsForm && !implicitType ? e.type : refType(true, Heap.Func),
      funcs: e.exprsForm ? null : e.funcs, exprs: e.exprsForm ? e.exprs : null,
      explicitTable: active && e.explicitTable,
    };
  });
  m.datas = g.datas.map((d) => ({
    mode: d.passive ? 'passive' as const : 'active' as const, memory: !d.passive && d.explicit ? d.memory : 0,
    offset: d.passive ? null : d.offset, init: d.init, explicitMemory: !d.passive && d.explicit,
  }));
  // Bodies may use data indices (memory.init, data.drop…), which require the data count section.
  m.dataCount = g.dataCount || m.funcs.length > 0 ? m.datas.length : null;
  // Custom sections are kept in section order by the encoder; the generator lists them in that order too.
  const order = [0, 1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11];
  m.customs = [...g.customs].sort((a, b) => order.indexOf(a.after) - order.indexOf(b.after));
  return m;
});
