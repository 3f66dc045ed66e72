/**
 * Module-level validation ("Validation › Modules"): imports, functions,
 * tables, memories, tags, globals, exports, start function, element and data
 * segments, in the binary format's section order, so that a streaming
 * consumer can validate each section as soon as it has been decoded and each
 * function body while the rest of the module is still downloading.
 *
 * `ModuleValidator` keeps a cursor over the stages; `runThrough(stage)` runs
 * every stage up to and including `stage` that has not run yet. Function
 * bodies are validated either one by one (`validateBody`, streaming) or all
 * together at the code stage.
 *
 * Not here: the type section (types.ts) and instructions (func.ts).
 */
import { ExternKind, SectionId, type Module } from '../ast/module.js';
import type { Features } from '../ast/features.js';
import { FUNCREF, Heap, I32, I64, isRef, refHeap, refNullable, refType, type TableType, type ValType } from '../ast/types.js';
import { Context, TypeKind } from './context.js';
import { FuncValidator } from './func.js';
import { compileError, typeName } from './messages.js';
import { DecodedData } from '../decoder/sections.js';

/** `(ref func)`: the type of element segments given as function indices. */
const REF_FUNC = refType(false, Heap.Func);
import { matchVal } from './match.js';
import { checkMemType, checkTableType, validateTypes } from './types.js';
import {
  MAX_DATA_SEGMENTS, MAX_ELEMENT_SEGMENTS, MAX_EXPORTS, MAX_FUNCTIONS, MAX_GLOBALS, MAX_IMPORTS, MAX_MEMORIES,
  MAX_TABLES, MAX_TAGS,
} from './limits.js';

/** The validation stages, in binary section order. */
export const enum Stage {
  Types,
  Imports,
  Funcs,
  Tables,
  Memories,
  Tags,
  Globals,
  Exports,
  Start,
  Elems,
  DataCount,
  Code,
  Datas,
  Done,
}

/** The stage that completes when section `id` has been decoded. */
export function stageOfSection(id: number): Stage {
  switch (id) {
    case SectionId.Type: return Stage.Types;
    case SectionId.Import: return Stage.Imports;
    case SectionId.Function: return Stage.Funcs;
    case SectionId.Table: return Stage.Tables;
    case SectionId.Memory: return Stage.Memories;
    case SectionId.Tag: return Stage.Tags;
    case SectionId.Global: return Stage.Globals;
    case SectionId.Export: return Stage.Exports;
    case SectionId.Start: return Stage.Start;
    case SectionId.Element: return Stage.Elems;
    case SectionId.DataCount: return Stage.DataCount;
    case SectionId.Code: return Stage.Code;
    case SectionId.Data: return Stage.Datas;
    default: return -1 as Stage;
  }
}

function fail(message: string, offset = -1): never {
  throw compileError(message, -1, offset);
}

/** Validates one module, stage by stage. */
export class ModuleValidator {
  readonly c: Context;
  readonly fv: FuncValidator;
  private next: Stage = Stage.Types;
  /** True when bodies are validated one by one as they arrive. */
  streaming = false;

  constructor(m: Module, features: Features) {
    this.c = new Context(m, features);
    this.fv = new FuncValidator(this.c);
  }

  /** Runs all stages up to and including `stage`. */
  runThrough(stage: Stage): void {
    while (this.next <= stage && this.next < Stage.Done) {
      const s = this.next++;
      this.runStage(s);
    }
  }

  /** Validates defined function `index` (0-based among defined functions). */
  validateBody(index: number): void {
    this.runThrough(Stage.DataCount);
    const c = this.c;
    this.fv.validateFunc(c.module.funcs[index]!, c.numImportedFuncs + index);
  }

  private runStage(s: Stage): void {
    const c = this.c;
    const m = c.module;
    switch (s) {
      case Stage.Types: validateTypes(c); break;
      case Stage.Imports: this.imports(); break;
      case Stage.Funcs:
        if (m.funcTypes.length > MAX_FUNCTIONS) fail('too many functions');
        for (const t of m.funcTypes) {
          c.funcs.push(this.funcTypeIdx(t));
          c.exactFuncs.push(1);
        }
        break;
      case Stage.Tables: this.tables(); break;
      case Stage.Memories:
        for (const mt of m.memories) {
          checkMemType(mt, c.features.customPageSizes);
          c.memories.push(mt);
        }
        if (c.memories.length > MAX_MEMORIES) fail('too many memories');
        if (c.memories.length > 1 && !c.features.multiMemory) fail('multiple memories');
        break;
      case Stage.Tags:
        if (m.tags.length > MAX_TAGS) fail('too many tags');
        for (const t of m.tags) c.tags.push(this.tagType(t.type));
        break;
      case Stage.Globals: this.globals(); break;
      case Stage.Exports: this.exports(); break;
      case Stage.Start: this.start(); break;
      case Stage.Elems: this.elems(); break;
      case Stage.DataCount:
        c.dataCount = m.dataCount ?? m.datas.length;
        break;
      case Stage.Code:
        if (!this.streaming) for (let i = 0; i < m.funcs.length; i++) this.validateBody(i);
        break;
      case Stage.Datas: this.datas(); break;
    }
  }

  // ---- helpers ---------------------------------------------------------

  private checkType(x: number): void {
    if (x >= this.c.typeCount) fail(`unknown type ${x >>> 0}`);
  }
  private funcTypeIdx(x: number): number {
    this.checkType(x);
    if (this.c.typeKind[x] !== TypeKind.Func) fail(`non-function type ${x}`);
    return x;
  }
  private tagType(x: number): number {
    this.funcTypeIdx(x);
    if (this.c.results[x]!.length !== 0) fail('non-empty tag result type');
    return x;
  }
  private checkValType(t: ValType): void {
    if (isRef(t)) {
      const h = refHeap(t);
      if (h >= 0) this.checkType(h);
    }
  }
  private checkTable(tt: TableType): void {
    this.checkValType(tt.elem);
    checkTableType(tt);
  }

  // ---- stages ----------------------------------------------------------

  private imports(): void {
    const c = this.c;
    const m = c.module;
    if (m.imports.length > MAX_IMPORTS) fail('too many imports');
    for (const imp of m.imports) {
      const d = imp.desc;
      switch (d.kind) {
        case 'func':
          c.funcs.push(this.funcTypeIdx(d.type));
          c.exactFuncs.push(d.exact === true ? 1 : 0);
          break;
        case 'table': this.checkTable(d.type); c.tables.push(d.type); break;
        case 'memory': checkMemType(d.type, c.features.customPageSizes); c.memories.push(d.type); break;
        case 'global': this.checkValType(d.type.type); c.globals.push(d.type); break;
        case 'tag': c.tags.push(this.tagType(d.type)); break;
      }
    }
    c.numImportedFuncs = c.funcs.length;
    c.numImportedGlobals = c.globals.length;
  }

  private tables(): void {
    const c = this.c;
    for (const t of c.module.tables) {
      this.checkTable(t.type);
      if (t.init !== null) {
        this.fv.validateConst(t.init, t.type.elem, c.globals.length);
      } else if (!refNullable(t.type.elem)) {
        fail('type mismatch: table without initializer requires a nullable element type');
      }
      c.tables.push(t.type);
    }
    if (c.tables.length > MAX_TABLES) fail('too many tables');
    if (c.tables.length > 1 && !c.features.multiTable) fail('multiple tables');
  }

  private globals(): void {
    const c = this.c;
    const gs = c.module.globals;
    if (gs.length > MAX_GLOBALS) fail('too many globals');
    for (const g of gs) {
      this.checkValType(g.type.type);
      this.fv.validateConst(g.init, g.type.type, c.globals.length);
      c.globals.push(g.type);
    }
  }

  private exports(): void {
    const c = this.c;
    const ex = c.module.exports;
    if (ex.length > MAX_EXPORTS) fail('too many exports');
    const names = new Set<string>();
    for (const e of ex) {
      const i = e.index;
      switch (e.kind) {
        case ExternKind.Func:
          if (i >= c.funcs.length) fail(`unknown function ${i >>> 0}`);
          c.declaredFuncs.add(i);
          break;
        case ExternKind.Table: if (i >= c.tables.length) fail(`unknown table ${i >>> 0}`); break;
        case ExternKind.Memory: if (i >= c.memories.length) fail(`unknown memory ${i >>> 0}`); break;
        case ExternKind.Global: if (i >= c.globals.length) fail(`unknown global ${i >>> 0}`); break;
        case ExternKind.Tag: if (i >= c.tags.length) fail(`unknown tag ${i >>> 0}`); break;
      }
      if (names.has(e.name)) fail(`duplicate export name "${e.name}"`);
      names.add(e.name);
    }
  }

  private start(): void {
    const c = this.c;
    const s = c.module.start;
    if (s === null) return;
    const t = c.funcs[s];
    if (t === undefined) fail(`unknown function ${s >>> 0}`);
    if (c.params[t]!.length !== 0 || c.results[t]!.length !== 0) fail('start function must not have parameters or results');
  }

  private elems(): void {
    const c = this.c;
    const es = c.module.elems;
    if (es.length > MAX_ELEMENT_SEGMENTS) fail('too many element segments');
    for (const e of es) {
      // WebAssembly 3.0: segments given as function indices have type (ref func).
      const type = e.funcs !== null && e.type === FUNCREF ? REF_FUNC : e.type;
      this.checkValType(type);
      if (e.funcs !== null) {
        for (const f of e.funcs) {
          const t = c.funcs[f];
          if (t === undefined) fail(`unknown function ${f >>> 0}`);
          c.declaredFuncs.add(f);
        }
      } else if (e.exprs !== null) {
        for (const x of e.exprs) {
          this.fv.validateConst(x, type, c.globals.length);
        }
      }
      if (e.mode === 'active') {
        const tt = c.tables[e.table];
        if (tt === undefined) fail(`unknown table ${e.table >>> 0}`);
        if (!matchVal(c, type, tt.elem)) {
          fail(`type mismatch: element segment's type ${typeName(type)} does not match table's element type ${typeName(tt.elem)}`);
        }
        this.fv.validateConst(e.offset!, tt.addr64 ? I64 : I32, c.globals.length);
      }
      c.elemTypes.push(type);
    }
  }

  private datas(): void {
    const c = this.c;
    const ds = c.module.datas;
    if (ds.length > MAX_DATA_SEGMENTS) fail('too many data segments');
    for (const d of ds) {
      if (d.mode !== 'active') continue;
      const mt = c.memories[d.memory];
      if (mt === undefined) fail(`unknown memory ${d.memory >>> 0}`);
      const t = mt.addr64 ? I64 : I32;
      if (d instanceof DecodedData) {
        this.fv.validateConstIn(d.src, d.offsetStart, d.offsetEnd, t, c.globals.length, d.offsetStart);
      } else {
        this.fv.validateConst(d.offset!, t, c.globals.length);
      }
    }
  }
}
