/**
 * The module AST ("Structure › Modules"): what the decoder produces, the text
 * parser builds, the encoder writes, and the validator and interpreter read.
 *
 * Deliberate choices:
 * - Function bodies and constant expressions stay as *bytes* (the binary
 *   instruction encoding, ending with `end`). Decoding a 14 MB module must not
 *   allocate an object per instruction; the validator, translator and printer
 *   walk the bytes with `InstrReader` (src/ast/instr-reader.ts). The text
 *   parser encodes instructions to bytes as it parses them.
 * - Where the binary format allows several spellings of the same thing (element
 *   segment flavours, explicit table/memory index 0, bare vs `sub final` types,
 *   the `rec` prefix), the AST records which one was used, so re-encoding a
 *   decoded module gives back identical bytes.
 * - Indices are plain numbers into the module's index spaces (imports first).
 */
import type { ExternType, GlobalType, MemType, RecGroup, SubType, TableType, ValType } from './types.js';

/** A run of locals of one type, as declared in the code section. */
export interface LocalRun {
  count: number;
  type: ValType;
}

/** A function defined in the module ("Functions"). */
export interface Func {
  /** Type index of the function's type. */
  type: number;
  /** Local declarations (beyond the parameters), as runs. */
  locals: LocalRun[];
  /** The body expression's bytes, ending with `end` (0x0B). */
  body: Uint8Array;
  /** Offset of `body[0]` in the module's bytes (for error messages), or -1. */
  bodyOffset: number;
  /**
   * Size in bytes of the encoded local declarations before `body`, when
   * decoded (code metadata offsets count from there); absent in a module
   * built otherwise, where the minimal encoding of `locals` is meant.
   */
  localsSize?: number;
}

/** A constant expression: instruction bytes ending with `end`. */
export type ConstExpr = Uint8Array;

/** A table definition ("Tables"), with its optional initializer expression. */
export interface Table {
  type: TableType;
  init: ConstExpr | null;
}

/** A global definition ("Globals"). */
export interface Global {
  type: GlobalType;
  init: ConstExpr;
}

/** A tag definition ("Tags"): the index of its function type. */
export interface Tag {
  type: number;
}

/** An import ("Imports"). */
export interface Import {
  module: string;
  name: string;
  desc: ExternType;
}

/** The kinds of exports and imports, by binary code ("External Types"). */
export const enum ExternKind {
  Func = 0,
  Table = 1,
  Memory = 2,
  Global = 3,
  Tag = 4,
}

/** An export ("Exports"). */
export interface Export {
  name: string;
  kind: ExternKind;
  index: number;
}

/** An element segment ("Element Segments"). */
export interface Elem {
  mode: 'active' | 'passive' | 'declarative';
  /** Active segments: the table index and offset expression. */
  table: number;
  offset: ConstExpr | null;
  /** The segment's reference type. */
  type: ValType;
  /** The items: function indices when `exprs` is false, else constant expressions. */
  funcs: number[] | null;
  exprs: ConstExpr[] | null;
  /**
   * Binary spelling: active with an explicit table index (flags 2 or 6) even
   * if it is 0. Active segments without it (flags 0 or 4) carry no element
   * kind or reference type byte: their type is funcref.
   */
  explicitTable: boolean;
}

/** A data segment ("Data Segments"). */
export interface Data {
  mode: 'active' | 'passive';
  memory: number;
  offset: ConstExpr | null;
  init: Uint8Array;
  /** Binary spelling: active with an explicit memory index (flag 2) even if it is 0. */
  explicitMemory: boolean;
}

/** A custom section, kept verbatim with its position for re-encoding. */
export interface CustomSection {
  name: string;
  data: Uint8Array;
  /** Id of the last non-custom section before it (0 if none). */
  after: number;
}

/** The parsed name section ("Name Section" in the appendix). Absent or malformed parts are empty. */
export interface Names {
  module: string | null;
  funcs: Map<number, string>;
  locals: Map<number, Map<number, string>>;
  /** Other subsections (labels, types, fields, tables, memories, globals, elems, datas, tags). */
  other: Map<number, Map<number, string>>;
}

/** A decoded (or parsed) module. */
export interface Module {
  /** All defined types, flattened; rec groups index into this. */
  types: SubType[];
  recGroups: RecGroup[];
  imports: Import[];
  funcs: Func[];
  tables: Table[];
  memories: MemType[];
  tags: Tag[];
  globals: Global[];
  exports: Export[];
  start: number | null;
  elems: Elem[];
  datas: Data[];
  /** The data count section's value, or null when the section is absent. */
  dataCount: number | null;
  customs: CustomSection[];
  /** The name section parsed, when present and well formed. */
  names: Names | null;
  /**
   * Function declarations of the function section (type indices), kept
   * separately because a streaming decoder knows them before the bodies arrive.
   */
  funcTypes: number[];
  /**
   * Ids of the non-custom sections present in the binary, in order (kept so
   * that empty sections re-encode); null for modules not decoded from a
   * binary, whose non-empty sections are written.
   */
  sections: number[] | null;
}

/** An empty module. */
export function emptyModule(): Module {
  return {
    types: [], recGroups: [], imports: [], funcs: [], tables: [], memories: [], tags: [], globals: [],
    exports: [], start: null, elems: [], datas: [], dataCount: null, customs: [], names: null, funcTypes: [],
    sections: null,
  };
}

/** Binary section ids ("Sections"). */
export const enum SectionId {
  Custom = 0,
  Type = 1,
  Import = 2,
  Function = 3,
  Table = 4,
  Memory = 5,
  Global = 6,
  Export = 7,
  Start = 8,
  Element = 9,
  Code = 10,
  Data = 11,
  DataCount = 12,
  Tag = 13,
}

/**
 * The order in which non-custom sections must appear ("Modules" in the binary
 * format): data count comes before code, tag between memory and global.
 */
export const SECTION_ORDER: readonly number[] = [
  SectionId.Type, SectionId.Import, SectionId.Function, SectionId.Table, SectionId.Memory, SectionId.Tag,
  SectionId.Global, SectionId.Export, SectionId.Start, SectionId.Element, SectionId.DataCount, SectionId.Code,
  SectionId.Data,
];

/** The number of imports of a kind: the start of that kind's defined indices. */
export function importCount(m: Module, kind: ExternType['kind']): number {
  let n = 0;
  for (const imp of m.imports) if (imp.desc.kind === kind) n++;
  return n;
}
