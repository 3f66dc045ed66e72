/**
 * Identifier contexts of the text format ("Text Format › Modules ›
 * Identifier Context"): one name → index map per index space of a module,
 * field names per struct type, and the function-local context (locals and
 * the label stack). Also the "type use" bookkeeping: inline function types
 * that match no defined type are appended to the type section.
 *
 * Deliberately not here: parsing (the rules call into this), validation of
 * the indices (the validator's job: an index may point past the space).
 */
import type { Module } from '../ast/module.js';
import type { ValType } from '../ast/types.js';
import type { Cursor } from './cursor.js';
import { Tok } from './lexer.js';

/** An index space and its identifiers. */
export class Space {
  readonly names = new Map<string, number>();
  count = 0;
  /** Word used in "unknown …" errors. */
  readonly what: string;
  /** Word used in "duplicate …" errors. */
  readonly dupWhat: string;

  constructor(what: string, dupWhat: string) {
    this.what = what;
    this.dupWhat = dupWhat;
  }

  /** Binds `name` (if any) to index `idx`; duplicates are an error. */
  bind(c: Cursor, name: string | null, idx: number, at: number): void {
    if (name === null) return;
    if (this.names.has(name)) c.fail(`duplicate ${this.dupWhat} $${name}`, at);
    this.names.set(name, idx);
  }
}

/** The module-level identifier context plus the module being built. */
export class ModCtx {
  readonly m: Module;
  readonly types = new Space('type', 'type');
  readonly funcs = new Space('function', 'func');
  readonly tables = new Space('table', 'table');
  readonly memories = new Space('memory', 'memory');
  readonly globals = new Space('global', 'global');
  readonly tags = new Space('tag', 'tag');
  readonly elems = new Space('elem segment', 'elem');
  readonly datas = new Space('data segment', 'data');
  /** Field identifiers per type index. */
  readonly fields = new Map<number, Map<string, number>>();
  /** Cache of function signatures usable by inline type uses: key → type index. */
  private readonly sigs = new Map<string, number>();
  private sigsReady = false;
  /** Set when an instruction names a data segment: the module then needs a data count section. */
  usesDataCount = false;
  /**
   * Branch hints per function with any, in function order: the function's
   * index, the size of its local declarations, and `FuncCtx.hints`.
   */
  readonly branchHints: { func: number; localsSize: number; hints: number[] }[] = [];
  /** Custom-descriptors and other proposals switched on. */
  readonly customDescriptors: boolean;
  readonly customPageSizes: boolean;
  /** 64-bit address types and u64 limits (memory64). */
  readonly memory64: boolean;

  constructor(m: Module, customDescriptors: boolean, customPageSizes: boolean, memory64 = true) {
    this.m = m;
    this.customDescriptors = customDescriptors;
    this.customPageSizes = customPageSizes;
    this.memory64 = memory64;
  }

  /**
   * The type index for an inline function type ("Type Uses" abbreviation):
   * the first defined type that is a final function type with no supertypes,
   * alone in its rec group and with exactly these params/results; otherwise a
   * new such type appended to the module.
   */
  typeFor(params: readonly ValType[], results: readonly ValType[]): number {
    const m = this.m;
    if (!this.sigsReady) {
      this.sigsReady = true;
      for (const g of m.recGroups) {
        if (g.count !== 1 || g.explicit) continue;
        const t = m.types[g.start]!;
        if (t.comp.kind !== 'func' || !t.final || t.supers.length > 0 || t.describes !== null || t.descriptor !== null) continue;
        const key = sigKey(t.comp.params, t.comp.results);
        if (!this.sigs.has(key)) this.sigs.set(key, g.start);
      }
    }
    const key = sigKey(params, results);
    const found = this.sigs.get(key);
    if (found !== undefined) return found;
    const idx = m.types.length;
    m.types.push({
      final: true, supers: [], comp: { kind: 'func', params: params.slice(), results: results.slice() },
      describes: null, descriptor: null, form: 'bare',
    });
    m.recGroups.push({ start: idx, count: 1, explicit: false });
    this.sigs.set(key, idx);
    return idx;
  }

  /** The function type (params, results) of type index `idx`, or null when it is not a defined function type. */
  funcType(idx: number): { params: ValType[]; results: ValType[] } | null {
    const t = this.m.types[idx];
    return t !== undefined && t.comp.kind === 'func' ? t.comp : null;
  }
}

function sigKey(params: readonly ValType[], results: readonly ValType[]): string {
  return params.join(',') + '>' + results.join(',');
}

/** The context of one function body: local names and the label stack. */
export class FuncCtx {
  readonly locals = new Map<string, number>();
  localCount = 0;
  /** Label names, innermost last (null for unnamed labels). */
  readonly labels: (string | null)[] = [];
  /**
   * Branch hints of a function body, as pairs (offset of the hinted
   * instruction in the expression bytes, hint value); null where no
   * function is being parsed (constant expressions).
   */
  hints: number[] | null = null;
}

/** Resolves an index: a number, or an identifier bound in `space`. */
export function resolveIdx(c: Cursor, space: Space): number {
  const at = c.pos;
  const name = c.optId();
  if (name === null) return c.u32();
  const i = space.names.get(name);
  if (i === undefined) c.fail(`unknown ${space.what} $${name}`, at);
  return i;
}

/** Does the current token start an index (a number or an identifier)? */
export function atIdx(c: Cursor): boolean {
  return c.kind === Tok.Id || c.isNat();
}
