/**
 * The translator's GC room: struct, array and i31 instructions, `ref.eq`,
 * `ref.test`, `ref.cast`, `br_on_cast`, `br_on_cast_fail` and the
 * extern/any conversions → the register instructions of room `'gc'`
 * (isa.ts), run by exec-gc.ts.
 *
 * - Field and element accesses are specialized at translation by storage
 *   kind (gc.ts: one word, two, four, a reference; packed signed reads), so
 *   the handler does no dispatch on the type; a struct field is addressed by
 *   its slot.
 * - `struct.new`, `array.new_fixed` and the bulk array operations take their
 *   operands in consecutive registers, as a call's arguments (`args`).
 * - Type immediates are resolved here: a concrete heap type becomes its
 *   canonical id (the instance's `canon`), so the run-time test compares
 *   canonical ids only (gc.ts `refMatches`).
 * - `br_on_cast` is `ref_test` into a fresh i32 slot and `br_if` (the
 *   reference stays on the stack as the label's last value);
 *   `br_on_cast_fail` tests negated.
 * - `any.convert_extern` and `extern.convert_any` emit nothing: both sides
 *   represent a reference by the same JS value.
 *
 * Spec: "Execution › Instructions › Aggregate Reference Instructions" and
 * "Reference Instructions".
 */
import type { Instr } from '../ast/instr.js';
import { Op } from '../ast/op-ids.js';
import { ANYREF, I16, I32, I8, refExact, refHeap, refNullable, type StorageType, type ValType } from '../ast/types.js';
import { R } from './isa-ids.js';
import { Kind, type ArrayLayout, type StructLayout } from './gc.js';
import { MemoryOps } from './translate-memory.js';

/** The value type a field's storage type unpacks to (i8, i16 → i32). */
function unpacked(t: StorageType): ValType {
  return t === I8 || t === I16 ? I32 : t;
}

const GET: Record<Kind, number> = {
  [Kind.I8]: R.struct_get32, [Kind.I16]: R.struct_get32, [Kind.W32]: R.struct_get32, [Kind.W64]: R.struct_get64,
  [Kind.W128]: R.struct_get128, [Kind.Ref]: R.struct_get_ref,
};
const SET: Record<Kind, number> = {
  [Kind.I8]: R.struct_set8, [Kind.I16]: R.struct_set16, [Kind.W32]: R.struct_set32, [Kind.W64]: R.struct_set64,
  [Kind.W128]: R.struct_set128, [Kind.Ref]: R.struct_set_ref,
};
const ARRAY_GET: Record<Kind, number> = {
  [Kind.I8]: R.array_get32, [Kind.I16]: R.array_get32, [Kind.W32]: R.array_get32, [Kind.W64]: R.array_get64,
  [Kind.W128]: R.array_get128, [Kind.Ref]: R.array_get_ref,
};
const ARRAY_SET: Record<Kind, number> = {
  [Kind.I8]: R.array_set32, [Kind.I16]: R.array_set32, [Kind.W32]: R.array_set32, [Kind.W64]: R.array_set64,
  [Kind.W128]: R.array_set128, [Kind.Ref]: R.array_set_ref,
};

export class GcOps extends MemoryOps {
  /** The runtime heap type of ref type `t` of this module (a concrete type → its canonical id). */
  private runtimeHeap(t: ValType): number {
    const h = refHeap(t);
    return h >= 0 ? this.inst.canon[h]! : h;
  }

  private structLayout(x: number): StructLayout {
    return this.inst.layouts[x] as StructLayout;
  }

  private arrayLayout(x: number): ArrayLayout {
    return this.inst.layouts[x] as ArrayLayout;
  }

  /** The unpacked type of field `y` of struct type `x`, or of the elements of array type `x` (y = -1). */
  private fieldType(x: number, y: number): ValType {
    const c = this.inst.module.types[x]!.comp;
    if (c.kind === 'struct') return unpacked(c.fields[y]!.type);
    if (c.kind === 'array') return unpacked(c.field.type);
    throw new Error(`type ${x} is not a struct or array type`);
  }

  /** The `j` flags of `ref_test`/`ref_cast` for target type `t`: bit 0 null matches, bit 1 negated, bit 2 exact. */
  private castFlags(t: ValType, negate: boolean): number {
    return (refNullable(t) ? 1 : 0) | (negate ? 2 : 0) | (refExact(t) && refHeap(t) >= 0 ? 4 : 0);
  }

  /** `br_on_cast(_fail)`'s test of the top slot against ref type `t` into a new i32 slot (the reference stays). */
  private testTop(t: ValType, negate: boolean): void {
    const a = this.reg(this.h - 1);
    this.op(R.ref_test, this.push(I32), a, this.runtimeHeap(t), this.castFlags(t, negate));
  }

  /** Translates GC instruction `op`; false if it is none. */
  protected gc(op: number, ins: Instr): boolean {
    switch (op) {
      case Op.ref_eq: {
        const b = this.popReg();
        const a = this.popReg();
        this.op(R.ref_eq, this.push(I32), a, b);
        return true;
      }
      case Op.ref_i31: {
        const a = this.popReg();
        this.op(R.ref_i31, this.push(ANYREF), a);
        return true;
      }
      case Op.i31_get_s: case Op.i31_get_u: {
        const a = this.popReg();
        this.op(op === Op.i31_get_s ? R.i31_get_s : R.i31_get_u, this.push(I32), a);
        return true;
      }
      case Op.ref_test: case Op.ref_test_null: {
        const a = this.popReg();
        this.op(R.ref_test, this.push(I32), a, this.runtimeHeap(ins.x), this.castFlags(ins.x, false));
        return true;
      }
      case Op.ref_cast: case Op.ref_cast_null: {
        const a = this.popReg();
        this.op(R.ref_cast, this.push(ins.x), a, this.runtimeHeap(ins.x), this.castFlags(ins.x, false));
        return true;
      }
      case Op.br_on_cast: case Op.br_on_cast_fail:
        this.testTop(ins.z, op === Op.br_on_cast_fail);
        this.brIf(ins.x);
        return true;
      case Op.any_convert_extern: case Op.extern_convert_any:
        return true;

      case Op.struct_new: {
        const base = this.args(this.structLayout(ins.x).kinds.length);
        this.op(R.struct_new, this.push(ANYREF), ins.x, base);
        return true;
      }
      case Op.struct_new_default:
        this.op(R.struct_new_default, this.push(ANYREF), ins.x);
        return true;
      case Op.struct_get: case Op.struct_get_s: case Op.struct_get_u: {
        const l = this.structLayout(ins.x);
        const k = l.kinds[ins.y]! as Kind;
        const r = op === Op.struct_get_s ? (k === Kind.I8 ? R.struct_get_s8 : R.struct_get_s16) : GET[k];
        const a = this.popReg();
        this.op(r, this.push(this.fieldType(ins.x, ins.y)), a, l.slot[ins.y]!);
        return true;
      }
      case Op.struct_set: {
        const l = this.structLayout(ins.x);
        const b = this.popReg();
        const a = this.popReg();
        this.op(SET[l.kinds[ins.y]! as Kind], a, b, l.slot[ins.y]!);
        return true;
      }

      case Op.array_new: {
        const b = this.popReg();
        const a = this.popReg();
        this.op(R.array_new, this.push(ANYREF), ins.x, a, b);
        return true;
      }
      case Op.array_new_default: {
        const a = this.popReg();
        this.op(R.array_new_default, this.push(ANYREF), ins.x, a);
        return true;
      }
      case Op.array_new_fixed: {
        const base = this.args(ins.y);
        this.op(R.array_new_fixed, this.push(ANYREF), ins.x, base, ins.y);
        return true;
      }
      case Op.array_new_data: case Op.array_new_elem: {
        const b = this.popReg();
        const a = this.popReg();
        this.op(op === Op.array_new_data ? R.array_new_data : R.array_new_elem, this.push(ANYREF), ins.x, ins.y, a, b);
        return true;
      }
      case Op.array_get: case Op.array_get_s: case Op.array_get_u: {
        const k = this.arrayLayout(ins.x).kind;
        const r = op === Op.array_get_s ? (k === Kind.I8 ? R.array_get_s8 : R.array_get_s16) : ARRAY_GET[k];
        const b = this.popReg();
        const a = this.popReg();
        this.op(r, this.push(this.fieldType(ins.x, -1)), a, b);
        return true;
      }
      case Op.array_set: {
        const c = this.popReg();
        const b = this.popReg();
        const a = this.popReg();
        this.op(ARRAY_SET[this.arrayLayout(ins.x).kind], a, b, c);
        return true;
      }
      case Op.array_len: {
        const a = this.popReg();
        this.op(R.array_len, this.push(I32), a);
        return true;
      }
      case Op.array_fill:
        this.op(R.array_fill, this.args(4), this.arrayLayout(ins.x).kind);
        return true;
      case Op.array_copy:
        this.op(R.array_copy, this.args(5), this.arrayLayout(ins.x).kind);
        return true;
      case Op.array_init_data:
        this.op(R.array_init_data, ins.y, this.args(4), this.arrayLayout(ins.x).kind);
        return true;
      case Op.array_init_elem:
        this.op(R.array_init_elem, ins.y, this.args(4));
        return true;
      default:
        return false;
    }
  }
}
