/**
 * Helpers for validator tests: small modules built as ASTs (and encoded when
 * a test wants bytes), without the text parser.
 */
import { emptyModule, type Module } from '../../src/ast/module.js';
import type { CompType, SubType, ValType } from '../../src/ast/types.js';

/** A final sub type with no supertypes around `comp`. */
export function sub(comp: CompType, supers: number[] = [], final = supers.length === 0): SubType {
  return { final, supers, comp, describes: null, descriptor: null, form: final && supers.length === 0 ? 'bare' : final ? 'sub final' : 'sub' };
}

/** A function type. */
export function funcType(params: ValType[], results: ValType[]): SubType {
  return sub({ kind: 'func', params, results });
}

/** Adds `types` as one rec group (explicit when more than one). Returns the index of the first. */
export function addRec(m: Module, types: SubType[]): number {
  const start = m.types.length;
  m.types.push(...types);
  m.recGroups.push({ start, count: types.length, explicit: types.length !== 1 });
  return start;
}

/** Concatenates byte chunks (numbers are single bytes). */
export function bytes(...parts: (number | ArrayLike<number>)[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'number') out.push(p);
    else for (let i = 0; i < p.length; i++) out.push(p[i]!);
  }
  return Uint8Array.from(out);
}

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** A module with one function of type `params -> results` whose body (ending with `end`) is `body`. */
export function oneFunc(params: ValType[], results: ValType[], body: Uint8Array, locals: { count: number; type: ValType }[] = []): Module {
  const m = emptyModule();
  const t = addRec(m, [funcType(params, results)]);
  m.funcTypes.push(t);
  m.funcs.push({ type: t, locals, body, bodyOffset: 0 });
  return m;
}
