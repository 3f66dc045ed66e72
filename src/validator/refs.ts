/**
 * Validation of reference and aggregate instructions ("Validation ›
 * Instructions › Reference Instructions", "Aggregate Instructions"): ref.*,
 * br_on_null/non_null/cast, i31, struct.*, array.*, extern conversions, and
 * the custom-descriptors instructions (descriptors.ts).
 *
 * Each case follows the spec's rule "inputs -> outputs" over the operand
 * stack of `FuncValidator`. Not here: control and numeric instructions.
 */
import { Op } from '../ast/op-ids.js';
import {
  EQREF, Heap, I16, I32, I8, isRef, refExact, refHeap, refNullable, refType, type FieldType, type ValType,
} from '../ast/types.js';
import { TypeKind } from './context.js';
import type { FuncValidator } from './func.js';
import { BOT_HEAP, REF_BOT, UNKNOWN, defaultable, matchRef, matchStorage, matchVal, topOfHeap, unpacked } from './match.js';
import { resultName, typeName } from './messages.js';
import { MAX_ARRAY_NEW_FIXED } from './limits.js';
import { descriptorOfRef, descriptorOp, structNewCheck } from './descriptors.js';

/** Pops a reference (any reference type); `REF_BOT` from a polymorphic stack. */
export function popRef(v: FuncValidator): ValType {
  const t = v.pop();
  if (t === UNKNOWN) return REF_BOT;
  if (!isRef(t)) throw v.error(`type mismatch: instruction requires reference type but stack has ${typeName(t)}`);
  return t;
}

/** The struct fields of type `x` ("unknown type", or not a struct). */
export function structFields(v: FuncValidator, x: number): FieldType[] {
  v.checkType(x);
  const comp = v.c.types[x]!.comp;
  if (comp.kind !== 'struct') throw v.error(`type mismatch: non-structure type ${x}`);
  return comp.fields;
}

/** The array field of type `x`. */
export function arrayField(v: FuncValidator, x: number): FieldType {
  v.checkType(x);
  const comp = v.c.types[x]!.comp;
  if (comp.kind !== 'array') throw v.error(`type mismatch: non-array type ${x}`);
  return comp.field;
}

/** The reference type an allocation of type `x` produces (exact with custom descriptors). */
export function allocated(v: FuncValidator, x: number): ValType {
  return refType(false, x, v.c.features.customDescriptors);
}

function isPacked(t: number): boolean {
  return t === I8 || t === I16;
}

/** `diff_reftype`: the type left when a cast to `rt2` fails on an `rt1`. */
function diffRef(rt1: ValType, rt2: ValType): ValType {
  return refNullable(rt2) ? refType(false, refHeap(rt1), refExact(rt1)) : rt1;
}

/** Checks that the reference type of a cast is well formed. */
function checkRefType(v: FuncValidator, t: ValType): void {
  v.checkValType(t);
}

/** Reference, i31, struct, array and conversion instructions. */
export function refOp(v: FuncValidator, op: number): void {
  const ins = v.ins;
  const c = v.c;
  switch (op) {
    case Op.ref_null:
      v.checkValType(ins.x);
      v.push(ins.x);
      return;
    case Op.ref_is_null:
      popRef(v);
      v.push(I32);
      return;
    case Op.ref_as_non_null: {
      const t = popRef(v);
      v.push(refType(false, refHeap(t), refExact(t)));
      return;
    }
    case Op.ref_func: {
      const t = v.funcTypeOf(ins.x);
      // Constant expressions (globals, tables, segments) are what declares references.
      if (v.constMode) c.declaredFuncs.add(ins.x);
      else if (!c.declaredFuncs.has(ins.x)) throw v.error(`undeclared function reference ${ins.x >>> 0}`);
      v.push(refType(false, t, c.features.customDescriptors && c.exactFuncs[ins.x] === 1));
      return;
    }
    case Op.ref_eq:
      v.popExpect(EQREF);
      v.popExpect(EQREF);
      v.push(I32);
      return;
    case Op.br_on_null: {
      const d = v.label(ins.x);
      const t = popRef(v);
      v.popLabel(d);
      v.pushLabel(d);
      v.push(refType(false, refHeap(t), refExact(t)));
      return;
    }
    case Op.br_on_non_null: {
      const d = v.label(ins.x);
      const n = v.labelCount(d);
      if (n === 0) throw v.error(`type mismatch: instruction requires reference type but label has ${resultName(v.labelTypes(d))}`);
      const last = v.labelType(d, n - 1);
      if (!isRef(last)) throw v.error(`type mismatch: instruction requires reference type but label has ${typeName(last)}`);
      v.popExpect(refType(true, refHeap(last), refExact(last)));
      popLabelPrefix(v, d, n - 1);
      return;
    }
    case Op.ref_test: case Op.ref_test_null: case Op.ref_cast: case Op.ref_cast_null: {
      const rt = ins.x;
      checkRefType(v, rt);
      v.popExpect(refType(true, topOfHeap(c, refHeap(rt))));
      v.push(op === Op.ref_test || op === Op.ref_test_null ? I32 : rt);
      return;
    }
    case Op.br_on_cast: case Op.br_on_cast_fail:
      brOnCast(v, op === Op.br_on_cast_fail, false);
      return;
    case Op.any_convert_extern: case Op.extern_convert_any: {
      const from = op === Op.any_convert_extern ? Heap.Extern : Heap.Any;
      const to = op === Op.any_convert_extern ? Heap.Any : Heap.Extern;
      const t = v.pop();
      const nullable = t !== UNKNOWN && isRef(t) && refNullable(t);
      if (t !== UNKNOWN && !matchVal(c, t, refType(true, from))) throw v.mismatch([refType(nullable, from)], 1, v.sp + 1);
      v.push(refType(nullable, to));
      return;
    }
    case Op.ref_i31:
      v.popI32();
      v.push(refType(false, Heap.I31));
      return;
    case Op.i31_get_s: case Op.i31_get_u:
      v.popExpect(refType(true, Heap.I31));
      v.push(I32);
      return;
    default:
      aggregateOp(v, op);
  }
}

/** Pops then pushes the first `n` label types of frame `d` (the part a branch passes through). */
function popLabelPrefix(v: FuncValidator, d: number, n: number): void {
  for (let i = n - 1; i >= 0; i--) v.popExpect(v.labelType(d, i));
  for (let i = 0; i < n; i++) v.push(v.labelType(d, i));
}

/** br_on_cast / br_on_cast_fail l rt1 rt2, and the descriptor forms (`desc`: a descriptor operand on top). */
export function brOnCast(v: FuncValidator, fail: boolean, desc: boolean): void {
  const ins = v.ins;
  const c = v.c;
  const rt1 = ins.y;
  const rt2 = ins.z;
  const l = v.label(ins.x);
  checkRefType(v, rt1);
  checkRefType(v, rt2);
  const d = desc ? descriptorOfRef(v, rt2) : -1;
  let cast = rt2;
  if (!c.features.customDescriptors) {
    if (!matchRef(c, rt2, rt1)) throw v.error(`type mismatch on cast: type ${typeName(rt2)} does not match ${typeName(rt1)}`);
  } else {
    // Custom descriptors relaxes the rule to "same hierarchy"; a successful cast is non-null unless both allow null.
    if (topOfHeap(c, refHeap(rt1)) !== topOfHeap(c, refHeap(rt2))) {
      throw v.error(`type mismatch on cast: type ${typeName(rt2)} is not in the hierarchy of ${typeName(rt1)}`);
    }
    if (!refNullable(rt1)) cast = refType(false, refHeap(rt2), refExact(rt2));
  }
  const taken = fail ? diffRef(rt1, rt2) : cast;
  const n = v.labelCount(l);
  if (n === 0 || !matchVal(c, taken, v.labelType(l, n - 1))) {
    throw v.error(`type mismatch: instruction requires type ${typeName(taken)} but label has ${resultName(v.labelTypes(l))}`);
  }
  if (desc) v.popExpect(refType(true, d, refExact(rt2)));
  v.popExpect(rt1);
  popLabelPrefix(v, l, n - 1);
  v.push(fail ? cast : diffRef(rt1, rt2));
}

/** struct.* and array.* instructions. */
function aggregateOp(v: FuncValidator, op: number): void {
  const ins = v.ins;
  const c = v.c;
  switch (op) {
    case Op.struct_new: case Op.struct_new_default: {
      const fields = structFields(v, ins.x);
      structNewCheck(v, ins.x, false);
      if (op === Op.struct_new) {
        v.popSeq(c.structFieldTypes(ins.x), 0, fields.length);
      } else {
        for (const f of fields) if (!defaultable(f.type)) throw v.error('field type is not defaultable');
      }
      v.push(allocated(v, ins.x));
      return;
    }
    case Op.struct_get: case Op.struct_get_s: case Op.struct_get_u: {
      const fields = structFields(v, ins.x);
      const f = fields[ins.y];
      if (f === undefined) throw v.error(`unknown field ${ins.y >>> 0}`);
      if ((op !== Op.struct_get) !== isPacked(f.type)) throw v.error(`field is ${op === Op.struct_get ? 'packed' : 'unpacked'}`);
      v.popExpect(refType(true, ins.x));
      v.push(unpacked(f.type));
      return;
    }
    case Op.struct_set: {
      const fields = structFields(v, ins.x);
      const f = fields[ins.y];
      if (f === undefined) throw v.error(`unknown field ${ins.y >>> 0}`);
      if (!f.mutable) throw v.error('immutable field');
      v.popExpect(unpacked(f.type));
      v.popExpect(refType(true, ins.x));
      return;
    }
    case Op.array_new: case Op.array_new_default: {
      const f = arrayField(v, ins.x);
      if (op === Op.array_new_default && !defaultable(f.type)) throw v.error('array type is not defaultable');
      v.popI32();
      if (op === Op.array_new) v.popExpect(unpacked(f.type));
      v.push(allocated(v, ins.x));
      return;
    }
    case Op.array_new_fixed: {
      const f = arrayField(v, ins.x);
      const n = ins.y >>> 0;
      if (n > MAX_ARRAY_NEW_FIXED) throw v.error('array.new_fixed: too many operands');
      v.popRepeat(unpacked(f.type), n);
      v.push(allocated(v, ins.x));
      return;
    }
    case Op.array_new_data: case Op.array_init_data: {
      const f = arrayField(v, ins.x);
      if (op === Op.array_init_data && !f.mutable) throw v.error('immutable array');
      v.checkData(ins.y);
      const t = unpacked(f.type);
      if (isRef(t)) throw v.error('array type is not numeric or vector');
      v.popI32();
      v.popI32();
      if (op === Op.array_init_data) {
        v.popI32();
        v.popExpect(refType(true, ins.x));
      } else {
        v.push(allocated(v, ins.x));
      }
      return;
    }
    case Op.array_new_elem: case Op.array_init_elem: {
      const f = arrayField(v, ins.x);
      if (op === Op.array_init_elem && !f.mutable) throw v.error('immutable array');
      const e = v.elemType(ins.y);
      if (!matchVal(c, e, unpacked(f.type))) {
        throw v.error(`type mismatch: element segment's type ${typeName(e)} does not match array's field type ${typeName(f.type)}`);
      }
      v.popI32();
      v.popI32();
      if (op === Op.array_init_elem) {
        v.popI32();
        v.popExpect(refType(true, ins.x));
      } else {
        v.push(allocated(v, ins.x));
      }
      return;
    }
    case Op.array_get: case Op.array_get_s: case Op.array_get_u: {
      const f = arrayField(v, ins.x);
      if ((op !== Op.array_get) !== isPacked(f.type)) throw v.error(`array is ${op === Op.array_get ? 'packed' : 'unpacked'}`);
      v.popI32();
      v.popExpect(refType(true, ins.x));
      v.push(unpacked(f.type));
      return;
    }
    case Op.array_set: {
      const f = arrayField(v, ins.x);
      if (!f.mutable) throw v.error('immutable array');
      v.popExpect(unpacked(f.type));
      v.popI32();
      v.popExpect(refType(true, ins.x));
      return;
    }
    case Op.array_len:
      v.popExpect(refType(true, Heap.Array));
      v.push(I32);
      return;
    case Op.array_fill: {
      const f = arrayField(v, ins.x);
      if (!f.mutable) throw v.error('immutable array');
      v.popI32();
      v.popExpect(unpacked(f.type));
      v.popI32();
      v.popExpect(refType(true, ins.x));
      return;
    }
    case Op.array_copy: {
      const fd = arrayField(v, ins.x);
      const fs = arrayField(v, ins.y);
      if (!fd.mutable) throw v.error('immutable array');
      if (!matchStorage(c, fs.type, fd.type)) throw v.error('array types do not match');
      v.popI32();
      v.popI32();
      v.popExpect(refType(true, ins.y));
      v.popI32();
      v.popExpect(refType(true, ins.x));
      return;
    }
    default:
      descriptorOp(v, op);
  }
}

