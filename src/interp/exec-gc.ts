/**
 * The executor's GC room: the handlers of the register instructions with
 * room `'gc'` in isa.ts (struct, array, i31, casts, `ref.eq`), reached from
 * exec.ts's GENERATED `rooms` region. One call per instruction; returns the
 * next pc (a taken branch is the translator's `br_nez` after `ref_test`, so
 * nothing here jumps).
 *
 * Operands are read by their `L_<LAYOUT>` names, as in exec.ts; references
 * are `refs[(fp + w) >> 1]`. Field and element representation and the type
 * test are gc.ts's; the multi-operand operations (allocation, bulk array
 * operations) are gc-ops.ts's, shared with constant expressions.
 *
 * Spec: "Execution › Instructions › Aggregate Reference Instructions",
 * "Scalar Reference Instructions" (ref.i31, i31.get), "Reference
 * Instructions" (ref.eq, ref.test, ref.cast).
 */
import {
  L_AI, L_ABI, L_DA, L_DAB, L_DAI, L_DAIJ, L_DX, L_DXA, L_DXAB, L_DXAI, L_DXYAB, L_YA, L_YAI, L_ABC, R,
} from './isa-ids.js';
import type { Instance } from './runtime.js';
import type { Value } from './values.js';
import { Kind, defaultStruct, type GcArray, refI31, refMatches, refMatchesExact, type ArrayLayout, type StructLayout } from './gc.js';
import {
  arrayCopy, arrayFill, arrayInitData, arrayInitElem, arrayNew, arrayNewData, arrayNewDefault, arrayNewElem,
  arrayNewFixed, arrayRef, structNew, structRef,
} from './gc-ops.js';
import { trapArray, trapCast, trapNullI31 } from './traps.js';

/** Element `i` (unsigned) of array reference `v`, bounds-checked: returns the array. */
function checked(v: Value, i: number): GcArray {
  const a = arrayRef(v);
  if (i >= a.n) trapArray();
  return a;
}

/** Runs the GC instruction at `pc`; returns the next pc. */
export function execGc(code: Int32Array, pc: number, fp: number, I: Int32Array, refs: Value[], inst: Instance): number {
  switch (code[pc]) {
    case R.ref_eq:
      I[fp + code[pc + L_DAB.d]!] = refs[(fp + code[pc + L_DAB.a]!) >> 1] === refs[(fp + code[pc + L_DAB.b]!) >> 1] ? 1 : 0;
      return pc + L_DAB.size;
    case R.ref_i31:
      refs[(fp + code[pc + L_DA.d]!) >> 1] = refI31(I[fp + code[pc + L_DA.a]!]!);
      return pc + L_DA.size;
    case R.i31_get_s: case R.i31_get_u: {
      const v = refs[(fp + code[pc + L_DA.a]!) >> 1];
      if (v === null) trapNullI31();
      I[fp + code[pc + L_DA.d]!] = code[pc] === R.i31_get_s ? (v as number) : (v as number) & 0x7fffffff;
      return pc + L_DA.size;
    }
    case R.ref_test: {
      const j = code[pc + L_DAIJ.j]!;
      const v = refs[(fp + code[pc + L_DAIJ.a]!) >> 1];
      const ok = (j & 4 ? refMatchesExact : refMatches)(v, code[pc + L_DAIJ.i]!, (j & 1) === 1);
      I[fp + code[pc + L_DAIJ.d]!] = ok !== ((j & 2) === 2) ? 1 : 0;
      return pc + L_DAIJ.size;
    }
    case R.ref_cast: {
      const j = code[pc + L_DAIJ.j]!;
      const v = refs[(fp + code[pc + L_DAIJ.a]!) >> 1];
      if (!(j & 4 ? refMatchesExact : refMatches)(v, code[pc + L_DAIJ.i]!, (j & 1) === 1)) trapCast();
      refs[(fp + code[pc + L_DAIJ.d]!) >> 1] = v;
      return pc + L_DAIJ.size;
    }

    // Structs
    case R.struct_new:
      refs[(fp + code[pc + L_DXA.d]!) >> 1] = structNew(inst.layouts[code[pc + L_DXA.x]!] as StructLayout, I, refs,
        fp + code[pc + L_DXA.a]!);
      return pc + L_DXA.size;
    case R.struct_new_default:
      refs[(fp + code[pc + L_DX.d]!) >> 1] = defaultStruct(inst.layouts[code[pc + L_DX.x]!] as StructLayout);
      return pc + L_DX.size;
    case R.struct_get32:
      I[fp + code[pc + L_DAI.d]!] = structRef(refs[(fp + code[pc + L_DAI.a]!) >> 1]).f[code[pc + L_DAI.i]!] as number;
      return pc + L_DAI.size;
    case R.struct_get_s8:
      I[fp + code[pc + L_DAI.d]!] = ((structRef(refs[(fp + code[pc + L_DAI.a]!) >> 1]).f[code[pc + L_DAI.i]!] as number) << 24) >> 24;
      return pc + L_DAI.size;
    case R.struct_get_s16:
      I[fp + code[pc + L_DAI.d]!] = ((structRef(refs[(fp + code[pc + L_DAI.a]!) >> 1]).f[code[pc + L_DAI.i]!] as number) << 16) >> 16;
      return pc + L_DAI.size;
    case R.struct_get64: case R.struct_get128: {
      const f = structRef(refs[(fp + code[pc + L_DAI.a]!) >> 1]).f;
      const s = code[pc + L_DAI.i]!;
      const d = fp + code[pc + L_DAI.d]!;
      const words = code[pc] === R.struct_get64 ? 2 : 4;
      for (let k = 0; k < words; k++) I[d + k] = f[s + k] as number;
      return pc + L_DAI.size;
    }
    case R.struct_get_ref:
      refs[(fp + code[pc + L_DAI.d]!) >> 1] = structRef(refs[(fp + code[pc + L_DAI.a]!) >> 1]).f[code[pc + L_DAI.i]!];
      return pc + L_DAI.size;
    case R.struct_set32:
      structRef(refs[(fp + code[pc + L_ABI.a]!) >> 1]).f[code[pc + L_ABI.i]!] = I[fp + code[pc + L_ABI.b]!];
      return pc + L_ABI.size;
    case R.struct_set8:
      structRef(refs[(fp + code[pc + L_ABI.a]!) >> 1]).f[code[pc + L_ABI.i]!] = I[fp + code[pc + L_ABI.b]!]! & 0xff;
      return pc + L_ABI.size;
    case R.struct_set16:
      structRef(refs[(fp + code[pc + L_ABI.a]!) >> 1]).f[code[pc + L_ABI.i]!] = I[fp + code[pc + L_ABI.b]!]! & 0xffff;
      return pc + L_ABI.size;
    case R.struct_set64: case R.struct_set128: {
      const f = structRef(refs[(fp + code[pc + L_ABI.a]!) >> 1]).f;
      const s = code[pc + L_ABI.i]!;
      const b = fp + code[pc + L_ABI.b]!;
      const words = code[pc] === R.struct_set64 ? 2 : 4;
      for (let k = 0; k < words; k++) f[s + k] = I[b + k];
      return pc + L_ABI.size;
    }
    case R.struct_set_ref:
      structRef(refs[(fp + code[pc + L_ABI.a]!) >> 1]).f[code[pc + L_ABI.i]!] = refs[(fp + code[pc + L_ABI.b]!) >> 1];
      return pc + L_ABI.size;

    // Arrays
    case R.array_new:
      refs[(fp + code[pc + L_DXAB.d]!) >> 1] = arrayNew(inst.layouts[code[pc + L_DXAB.x]!] as ArrayLayout, I, refs,
        fp + code[pc + L_DXAB.a]!, I[fp + code[pc + L_DXAB.b]!]! >>> 0);
      return pc + L_DXAB.size;
    case R.array_new_default:
      refs[(fp + code[pc + L_DXA.d]!) >> 1] = arrayNewDefault(inst.layouts[code[pc + L_DXA.x]!] as ArrayLayout,
        I[fp + code[pc + L_DXA.a]!]! >>> 0);
      return pc + L_DXA.size;
    case R.array_new_fixed:
      refs[(fp + code[pc + L_DXAI.d]!) >> 1] = arrayNewFixed(inst.layouts[code[pc + L_DXAI.x]!] as ArrayLayout, I, refs,
        fp + code[pc + L_DXAI.a]!, code[pc + L_DXAI.i]!);
      return pc + L_DXAI.size;
    case R.array_new_data:
      refs[(fp + code[pc + L_DXYAB.d]!) >> 1] = arrayNewData(inst.layouts[code[pc + L_DXYAB.x]!] as ArrayLayout,
        inst.datas[code[pc + L_DXYAB.y]!]!, I[fp + code[pc + L_DXYAB.a]!]! >>> 0, I[fp + code[pc + L_DXYAB.b]!]! >>> 0);
      return pc + L_DXYAB.size;
    case R.array_new_elem:
      refs[(fp + code[pc + L_DXYAB.d]!) >> 1] = arrayNewElem(inst.layouts[code[pc + L_DXYAB.x]!] as ArrayLayout,
        inst.elems[code[pc + L_DXYAB.y]!]!, I[fp + code[pc + L_DXYAB.a]!]! >>> 0, I[fp + code[pc + L_DXYAB.b]!]! >>> 0);
      return pc + L_DXYAB.size;
    case R.array_get32: {
      const i = I[fp + code[pc + L_DAB.b]!]! >>> 0;
      I[fp + code[pc + L_DAB.d]!] = (checked(refs[(fp + code[pc + L_DAB.a]!) >> 1], i).d as Int32Array)[i]!;
      return pc + L_DAB.size;
    }
    case R.array_get_s8: {
      const i = I[fp + code[pc + L_DAB.b]!]! >>> 0;
      I[fp + code[pc + L_DAB.d]!] = ((checked(refs[(fp + code[pc + L_DAB.a]!) >> 1], i).d as Uint8Array)[i]! << 24) >> 24;
      return pc + L_DAB.size;
    }
    case R.array_get_s16: {
      const i = I[fp + code[pc + L_DAB.b]!]! >>> 0;
      I[fp + code[pc + L_DAB.d]!] = ((checked(refs[(fp + code[pc + L_DAB.a]!) >> 1], i).d as Uint16Array)[i]! << 16) >> 16;
      return pc + L_DAB.size;
    }
    case R.array_get64: case R.array_get128: {
      const i = I[fp + code[pc + L_DAB.b]!]! >>> 0;
      const d = checked(refs[(fp + code[pc + L_DAB.a]!) >> 1], i).d as Int32Array;
      const words = code[pc] === R.array_get64 ? 2 : 4;
      const w = fp + code[pc + L_DAB.d]!;
      for (let k = 0; k < words; k++) I[w + k] = d[i * words + k]!;
      return pc + L_DAB.size;
    }
    case R.array_get_ref: {
      const i = I[fp + code[pc + L_DAB.b]!]! >>> 0;
      refs[(fp + code[pc + L_DAB.d]!) >> 1] = (checked(refs[(fp + code[pc + L_DAB.a]!) >> 1], i).d as Value[])[i];
      return pc + L_DAB.size;
    }
    case R.array_set32: {
      const i = I[fp + code[pc + L_ABC.b]!]! >>> 0;
      (checked(refs[(fp + code[pc + L_ABC.a]!) >> 1], i).d as Int32Array)[i] = I[fp + code[pc + L_ABC.c]!]!;
      return pc + L_ABC.size;
    }
    case R.array_set64: case R.array_set128: {
      const i = I[fp + code[pc + L_ABC.b]!]! >>> 0;
      const d = checked(refs[(fp + code[pc + L_ABC.a]!) >> 1], i).d as Int32Array;
      const words = code[pc] === R.array_set64 ? 2 : 4;
      const w = fp + code[pc + L_ABC.c]!;
      for (let k = 0; k < words; k++) d[i * words + k] = I[w + k]!;
      return pc + L_ABC.size;
    }
    case R.array_set_ref: {
      const i = I[fp + code[pc + L_ABC.b]!]! >>> 0;
      (checked(refs[(fp + code[pc + L_ABC.a]!) >> 1], i).d as Value[])[i] = refs[(fp + code[pc + L_ABC.c]!) >> 1];
      return pc + L_ABC.size;
    }
    case R.array_len:
      I[fp + code[pc + L_DA.d]!] = arrayRef(refs[(fp + code[pc + L_DA.a]!) >> 1]).n;
      return pc + L_DA.size;
    case R.array_fill: {
      const w = fp + code[pc + L_AI.a]!;
      arrayFill(refs[w >> 1], I[w + 2]! >>> 0, I[w + 6 + (code[pc + L_AI.i] === Kind.W128 ? 2 : 0)]! >>> 0,
        code[pc + L_AI.i]!, I, refs, w + 4);
      return pc + L_AI.size;
    }
    case R.array_copy: {
      const w = fp + code[pc + L_AI.a]!;
      arrayCopy(refs[w >> 1], I[w + 2]! >>> 0, refs[(w + 4) >> 1], I[w + 6]! >>> 0, I[w + 8]! >>> 0, code[pc + L_AI.i]!);
      return pc + L_AI.size;
    }
    case R.array_init_data: {
      const w = fp + code[pc + L_YAI.a]!;
      arrayInitData(refs[w >> 1], I[w + 2]! >>> 0, inst.datas[code[pc + L_YAI.y]!]!, I[w + 4]! >>> 0, I[w + 6]! >>> 0,
        code[pc + L_YAI.i]!);
      return pc + L_YAI.size;
    }
    case R.array_init_elem: {
      const w = fp + code[pc + L_YA.a]!;
      arrayInitElem(refs[w >> 1], I[w + 2]! >>> 0, inst.elems[code[pc + L_YA.y]!]!, I[w + 4]! >>> 0, I[w + 6]! >>> 0);
      return pc + L_YA.size;
    }
    default:
      throw new Error(`not a GC register instruction: ${code[pc]}`);
  }
}
