/**
 * The custom-descriptors proposal's instructions: struct.new_desc,
 * struct.new_default_desc, ref.get_desc, ref.cast_desc_eq(_null) and
 * br_on_cast_desc_eq(_fail), and the rule that plain struct.new cannot
 * allocate a type that has a descriptor (nor the _desc forms one that has
 * none). Descriptor operands are `(ref null (exact? $desc))`, exact when the
 * allocated or cast-to type is exact.
 *
 * Only reachable when `features.customDescriptors` is on (the decoder rejects
 * the opcodes otherwise). Type-definition rules are in descriptor-types.ts.
 */
import { Op } from '../ast/op-ids.js';
import { refExact, refHeap, refType, type ValType } from '../ast/types.js';
import type { FuncValidator } from './func.js';
import { UNKNOWN, defaultable, isBottomHeap, topOfHeap } from './match.js';
import { heapName } from './messages.js';
import { brOnCast, structFields } from './refs.js';

/** struct.new(_default) and the _desc forms: a type with a descriptor needs the _desc form, and vice versa. */
export function structNewCheck(v: FuncValidator, x: number, desc: boolean): void {
  const st = v.c.types[x]!;
  if (!desc && st.descriptor !== null) throw v.error('type with descriptor requires descriptor allocation');
  if (desc && st.descriptor === null) throw v.error('type without descriptor requires non-descriptor allocation');
}

/** The descriptor type of the cast target `rt` ("type … does not have a descriptor"). */
export function descriptorOfRef(v: FuncValidator, rt: ValType): number {
  const h = refHeap(rt);
  if (h >= 0) v.checkType(h);
  const d = h >= 0 ? v.c.types[h]!.descriptor : null;
  if (d === null) throw v.error(`type ${heapName(h)} does not have a descriptor`);
  return d;
}

/** The custom-descriptors instructions. */
export function descriptorOp(v: FuncValidator, op: number): void {
  const ins = v.ins;
  const c = v.c;
  switch (op) {
    case Op.struct_new_desc: case Op.struct_new_default_desc: {
      const fields = structFields(v, ins.x);
      structNewCheck(v, ins.x, true);
      const d = c.types[ins.x]!.descriptor!;
      v.popExpect(refType(true, d, true));
      if (op === Op.struct_new_desc) {
        v.popSeq(c.structFieldTypes(ins.x), 0, fields.length);
      } else {
        for (const f of fields) if (!defaultable(f.type)) throw v.error('field type is not defaultable');
      }
      v.push(refType(false, ins.x, true));
      return;
    }
    case Op.ref_get_desc: {
      const x = ins.x;
      v.checkType(x);
      const d = c.types[x]!.descriptor;
      if (d === null) throw v.error('type without descriptor');
      const t = v.popExpect(refType(true, x));
      const h = t === UNKNOWN ? -1 : refHeap(t);
      const exact = t === UNKNOWN || isBottomHeap(h) || (refExact(t) && h >= 0 && c.canon[h] === c.canon[x]);
      v.push(refType(false, d, exact));
      return;
    }
    case Op.ref_cast_desc_eq: case Op.ref_cast_desc_eq_null: {
      const rt = ins.x;
      v.checkValType(rt);
      const d = descriptorOfRef(v, rt);
      v.popExpect(refType(true, d, refExact(rt)));
      v.popExpect(refType(true, topOfHeap(c, refHeap(rt))));
      v.push(rt);
      return;
    }
    case Op.br_on_cast_desc_eq: case Op.br_on_cast_desc_eq_fail:
      brOnCast(v, op === Op.br_on_cast_desc_eq_fail, true);
      return;
    default:
      throw v.error(`unsupported instruction ${op}`);
  }
}
