/**
 * Validation of the type section ("Validation › Types": rec groups, sub
 * types, "Defined Types"): every type index used is in scope (the types of
 * earlier groups and of the group itself), each group is canonicalized
 * (canon.ts), and each declared supertype is earlier, not final, and matched
 * by the subtype's composite type. Also the limits, struct-field counts,
 * params/results per function type, subtype depth, and the custom-descriptors
 * clauses (descriptor-types.ts).
 *
 * Plus the well-formedness checks of limits-bearing types used by imports
 * and definitions: memory and table types.
 *
 * Not here: instructions (func.ts), other sections (module.ts).
 */
import type { MemType, SubType, TableType, ValType } from '../ast/types.js';
import { isRef, refHeap } from '../ast/types.js';
import { canonicalizeGroup, forEachRecGroup, rememberModuleCanon } from './canon.js';
import type { Context } from './context.js';
import { matchComp } from './match.js';
import { compileError } from './messages.js';
import {
  MAX_PARAMS, MAX_REC_GROUPS, MAX_RESULTS, MAX_STRUCT_FIELDS, MAX_SUBTYPE_DEPTH, MAX_TYPES,
} from './limits.js';
import { checkDescriptorClauses, checkDescriptorSubtype } from './descriptor-types.js';

function fail(message: string): never {
  throw compileError(message, -1, -1);
}

/** Calls `f` with every type index `st` mentions (supers, value types, descriptor clauses). */
function forEachTypeUse(st: SubType, f: (x: number) => void): void {
  const val = (t: ValType): void => {
    if (isRef(t)) {
      const h = refHeap(t);
      if (h >= 0) f(h);
    }
  };
  for (const s of st.supers) f(s);
  const c = st.comp;
  if (c.kind === 'func') {
    c.params.forEach(val);
    c.results.forEach(val);
  } else if (c.kind === 'struct') {
    for (const fl of c.fields) val(fl.type);
  } else {
    val(c.field.type);
  }
}

/** Validates the whole type section into `c`. Throws CompileError. */
export function validateTypes(c: Context): void {
  const m = c.module;
  if (m.types.length > MAX_TYPES) fail('too many types');
  if (m.recGroups.length > MAX_REC_GROUPS) fail('too many rec groups');
  c.allocTypes();
  forEachRecGroup(m, (start, count) => validateRecGroup(c, start, count));
  rememberModuleCanon(m, c.canon);
}

/** Validates rec group `types[start .. start+count)` and brings it into scope. */
function validateRecGroup(c: Context, start: number, count: number): void {
  const end = start + count;
  if (c.features.customDescriptors) checkDescriptorClauses(c, start, count, fail);
  for (let x = start; x < end; x++) {
    const st = c.types[x]!;
    forEachTypeUse(st, (y) => { if (y >= end) fail(`unknown type ${y >>> 0}`); });
    const comp = st.comp;
    if (comp.kind === 'func') {
      if (comp.params.length > MAX_PARAMS) fail('too many parameters');
      if (comp.results.length > MAX_RESULTS) fail('too many results');
    } else if (comp.kind === 'struct' && comp.fields.length > MAX_STRUCT_FIELDS) {
      fail('too many struct fields');
    }
  }
  c.typeCount = end;
  for (let x = start; x < end; x++) c.setTypeShape(x);
  canonicalizeGroup(c.types, start, count, c.canon);
  for (let x = start; x < end; x++) {
    const st = c.types[x]!;
    if (st.supers.length > 1) fail(`sub type ${x} has too many super types`);
    const s = st.supers[0];
    if (s !== undefined) {
      if (s >= x) fail(`forward use of type ${s} in sub type definition`);
      const sup = c.types[s]!;
      if (sup.final) fail(`sub type ${x} has final super type ${s}`);
      if (!matchComp(c, st, sup)) fail(`sub type ${x} does not match super type ${s}`);
      if (c.features.customDescriptors) checkDescriptorSubtype(c, x, s, fail);
      const depth = c.depth[s]! + 1;
      if (depth > MAX_SUBTYPE_DEPTH) fail('subtype depth limit exceeded');
      c.depth[x] = depth;
    }
  }
}

/** Checks a memory type's limits, page size and sharing ("Memory Types"). */
export function checkMemType(mt: MemType, customPageSizes: boolean): void {
  const log2 = mt.pageSizeLog2;
  if (log2 !== null && (!customPageSizes || (log2 !== 0 && log2 !== 16))) fail('invalid custom page size');
  const bits = mt.addr64 ? 64n : 32n;
  const pageLog2 = BigInt(log2 ?? 16);
  // 2^bits bytes in pages, but a page count must itself fit the address type.
  let range = (1n << bits) >> pageLog2;
  if (range > (1n << bits) - 1n) range = (1n << bits) - 1n;
  const what = mt.addr64
    ? log2 === null || log2 === 16 ? '2^48 pages (256 TiB)' : `${range} pages`
    : log2 === null || log2 === 16 ? '65536 pages (4GiB)' : `${range} pages`;
  const { min, max } = mt.limits;
  if (min > range || (max !== null && max > range)) fail(`memory size must be at most ${what}`);
  if (max !== null && min > max) fail('size minimum must not be greater than maximum');
  if (mt.shared && max === null) fail('shared memory must have maximum');
}

/** Checks a table type's limits ("Table Types"); the element type is checked by the caller. */
export function checkTableType(tt: TableType): void {
  const range = tt.addr64 ? 0xffff_ffff_ffff_ffffn : 0xffff_ffffn;
  const { min, max } = tt.limits;
  if (min > range || (max !== null && max > range)) {
    fail(`table size must be at most ${tt.addr64 ? '2^64-1' : '2^32-1'}`);
  }
  if (max !== null && min > max) fail('size minimum must not be greater than maximum');
}
