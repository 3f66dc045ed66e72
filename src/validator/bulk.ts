/**
 * Validation of table instructions and bulk-memory instructions ("Validation
 * › Instructions › Table Instructions", "Memory Instructions"): table.get/set/
 * size/grow/fill/copy/init, elem.drop, memory.init/copy/fill, data.drop, with
 * the address types of table64 and memory64 (and the smaller of two address
 * types for copies between tables or memories of different address types).
 *
 * Not here: loads and stores (typed from the opcode table in func.ts).
 */
import { Op } from '../ast/op-ids.js';
import { I32, I64 } from '../ast/types.js';
import type { FuncValidator } from './func.js';
import { matchVal } from './match.js';
import { typeName } from './messages.js';
import { refOp } from './refs.js';

/** Table instructions and the bulk-memory instructions; refs.ts for anything else. */
export function tableOrMemoryOp(v: FuncValidator, op: number): void {
  const ins = v.ins;
  const c = v.c;
  switch (op) {
    case Op.table_get: {
      const t = v.table(ins.x);
      v.popExpect(t.addr64 ? I64 : I32);
      v.push(t.elem);
      return;
    }
    case Op.table_set: {
      const t = v.table(ins.x);
      v.popExpect(t.elem);
      v.popExpect(t.addr64 ? I64 : I32);
      return;
    }
    case Op.table_size:
      v.push(v.tableAddr(ins.x));
      return;
    case Op.table_grow: {
      const t = v.table(ins.x);
      const a = t.addr64 ? I64 : I32;
      v.popExpect(a);
      v.popExpect(t.elem);
      v.push(a);
      return;
    }
    case Op.table_fill: {
      const t = v.table(ins.x);
      const a = t.addr64 ? I64 : I32;
      v.popExpect(a);
      v.popExpect(t.elem);
      v.popExpect(a);
      return;
    }
    case Op.table_copy: {
      const td = v.table(ins.x);
      const ts = v.table(ins.y);
      if (!matchVal(c, ts.elem, td.elem)) {
        throw v.error(`type mismatch: source element type ${typeName(ts.elem)} does not match destination element type ${typeName(td.elem)}`);
      }
      v.popExpect(td.addr64 && ts.addr64 ? I64 : I32);
      v.popExpect(ts.addr64 ? I64 : I32);
      v.popExpect(td.addr64 ? I64 : I32);
      return;
    }
    case Op.table_init: {
      const t = v.table(ins.y);
      const e = v.elemType(ins.x);
      if (!matchVal(c, e, t.elem)) {
        throw v.error(`type mismatch: element segment's type ${typeName(e)} does not match table's element type ${typeName(t.elem)}`);
      }
      v.popI32();
      v.popI32();
      v.popExpect(t.addr64 ? I64 : I32);
      return;
    }
    case Op.elem_drop:
      v.elemType(ins.x);
      return;
    case Op.memory_init: {
      const a = v.memAddr(ins.y);
      v.checkData(ins.x);
      v.popI32();
      v.popI32();
      v.popExpect(a);
      return;
    }
    case Op.data_drop:
      v.checkData(ins.x);
      return;
    case Op.memory_copy: {
      const ad = v.memAddr(ins.x);
      const as = v.memAddr(ins.y);
      v.popExpect(ad === I64 && as === I64 ? I64 : I32);
      v.popExpect(as);
      v.popExpect(ad);
      return;
    }
    case Op.memory_fill: {
      const a = v.memAddr(ins.x);
      v.popExpect(a);
      v.popI32();
      v.popExpect(a);
      return;
    }
    default:
      refOp(v, op);
  }
}
