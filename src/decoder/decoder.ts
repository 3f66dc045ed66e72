/**
 * The module decoder ("Binary Format › Modules"): framing of the preamble and
 * sections, section order, the cross-section count rules, and streaming.
 *
 * One implementation serves both entry points: `decode(bytes)` pushes the
 * whole buffer at once (no copy) and finishes; `ModuleDecoder` takes chunks as
 * they arrive and hands each section and each function body to its hooks as
 * soon as it is complete, so validation can overlap the download.
 *
 * Errors are `CompileError`s with the absolute byte offset. Nothing is
 * allocated from an untrusted count before the bytes it claims are there.
 */
import { CompileError } from '../errors.js';
import { SectionId, SECTION_ORDER, emptyModule, type Func, type Module } from '../ast/module.js';
import { Reader, TruncatedError } from './reader.js';
import { enabledOps, withDefaults, type Features } from '../ast/features.js';
import type { ScanInfo } from './instr.js';
import {
  decodeDataCountSection, decodeDataSection, decodeElementSection, decodeExportSection, decodeFunctionBody,
  decodeFunctionSection, decodeGlobalSection, decodeImportSection, decodeMemorySection, decodeStartSection,
  decodeTableSection, decodeTagSection, decodeTypeSection, parseNames,
} from './sections.js';

/** Callbacks a streaming consumer (the validator, `compileStreaming`) may register, and options. */
export interface DecodeHooks {
  /** Proposals beyond WebAssembly 3.0 to accept (see src/ast/features.ts). */
  features?: Partial<Features>;
  /** Called after each section is decoded (for the code section: after its last body). */
  onSection?(id: number, module: Module): void;
  /** Called for each function body as soon as it is decoded; `index` counts defined functions. */
  onFunction?(index: number, func: Func, module: Module): void;
  /**
   * Set by a consumer that walks every function body's instructions itself
   * (the streaming validator): the decoder then only reads each body's locals
   * and frames its bytes, without scanning the instructions a second time.
   */
  readonly checksBodies?: boolean;
}

const MAGIC = [0x00, 0x61, 0x73, 0x6d];
const VERSION = [0x01, 0x00, 0x00, 0x00];
const HEADER_SIZE = 8;
/** Position in SECTION_ORDER per section id (custom sections have none). */
const ORDER_RANK: number[] = [];
SECTION_ORDER.forEach((id, i) => { ORDER_RANK[id] = i; });
const MAX_SECTION_ID = SectionId.Tag;

const enum State {
  Header,
  SectionHeader,
  SectionBody,
  CodeCount,
  CodeBodySize,
  CodeBody,
  Done,
}

/**
 * Reads an unsigned LEB128 u32 from `buf[pos..len)`; returns -1 if the bytes
 * end before it does (more may arrive), else the value, with the byte length
 * in `lebLength`. Malformed encodings throw through the Reader.
 */
let lebLength = 0;
function tryU32(buf: Uint8Array, pos: number, len: number): number {
  let v = 0;
  for (let i = 0; i < 4; i++) {
    if (pos + i >= len) return -1;
    const b = buf[pos + i]!;
    v |= (b & 0x7f) << (7 * i);
    if ((b & 0x80) === 0) {
      lebLength = i + 1;
      return v;
    }
  }
  if (pos + 4 >= len) return -1;
  const r = new Reader(buf, pos, len, 0, 'unexpected end');
  const long = r.u32();
  lebLength = r.pos - pos;
  return long;
}

/**
 * A push decoder. Call `push` with each chunk, then `finish` for the module.
 * Throws `CompileError` (from `push` as soon as the error is visible, or from `finish`).
 */
export class ModuleDecoder {
  private buf: Uint8Array = new Uint8Array(0);
  private len = 0;
  /** Absolute offset of the next byte to decode. */
  private pos = 0;
  private state = State.Header;
  private readonly module: Module = emptyModule();
  private readonly hooks: DecodeHooks;
  private readonly info: ScanInfo = { usesDataIndex: false };
  private lastRank = -1;
  private lastId = 0;
  private sectionId = 0;
  private sectionEnd = 0;
  private codeLeft = 0;
  private codeIndex = 0;
  private bodyEnd = 0;
  private sawCode = false;
  private sawFunction = false;
  private countMismatch = false;

  private readonly features: Features;
  private readonly ops: Uint8Array;

  constructor(hooks: DecodeHooks = {}) {
    this.hooks = hooks;
    this.features = withDefaults(hooks.features);
    this.ops = enabledOps(this.features);
  }

  /** Adds bytes and decodes as far as they allow. */
  push(chunk: Uint8Array): void {
    if (this.state === State.Done) throw new CompileError('decoder already finished', this.len);
    if (this.len === 0 && this.buf.length === 0) {
      this.buf = chunk; // first chunk: use it as it is
      this.len = chunk.length;
    } else {
      if (this.len + chunk.length > this.buf.length) {
        let cap = Math.max(this.buf.length * 2, 4096);
        while (cap < this.len + chunk.length) cap *= 2;
        const nb = new Uint8Array(cap);
        nb.set(this.buf.subarray(0, this.len));
        this.buf = nb;
      }
      this.buf.set(chunk, this.len);
      this.len += chunk.length;
    }
    this.run(false);
  }

  /** Declares the input complete and returns the module. */
  finish(): Module {
    if (this.state === State.Done) throw new CompileError('decoder already finished', this.len);
    this.run(true);
    const m = this.module;
    const ended = this.state === State.SectionHeader && this.pos === this.len;
    if (!ended) this.fail(this.state === State.Header ? 'unexpected end' : 'unexpected end of section or function', this.len);
    if (this.countMismatch || (!this.sawCode && m.funcTypes.length > 0)) {
      this.fail('function and code section have inconsistent lengths', this.len);
    }
    if (m.dataCount !== null && m.dataCount !== m.datas.length) {
      this.fail('data count and data section have inconsistent lengths', this.len);
    }
    this.state = State.Done;
    return m;
  }

  private fail(message: string, at: number): never {
    throw new CompileError(`${message} @ offset ${at}`, at);
  }

  private reader(start: number, end: number): Reader {
    const r = new Reader(this.buf, start, end, 0);
    r.features = this.features;
    r.ops = this.ops;
    return r;
  }

  private run(final: boolean): void {
    for (;;) {
      const avail = this.len - this.pos;
      switch (this.state) {
        case State.Header: {
          if (avail < 4) {
            if (final) this.fail('unexpected end', this.len);
            return;
          }
          for (let i = 0; i < 4; i++) if (this.buf[i] !== MAGIC[i]) this.fail('magic header not detected', 0);
          if (avail < HEADER_SIZE) {
            if (final) this.fail('unexpected end', this.len);
            return;
          }
          for (let i = 4; i < 8; i++) if (this.buf[i] !== VERSION[i - 4]) this.fail('unknown binary version', 4);
          this.pos += HEADER_SIZE;
          this.state = State.SectionHeader;
          break;
        }
        case State.SectionHeader: {
          if (avail === 0) return;
          const start = this.pos;
          const id = this.buf[start]!;
          if (id > MAX_SECTION_ID) this.fail('malformed section id', start);
          const size = tryU32(this.buf, start + 1, this.len);
          if (size < 0) {
            if (final) this.fail('unexpected end', this.len);
            return;
          }
          const bodyStart = start + 1 + lebLength;
          if (id !== SectionId.Custom) {
            const rank = ORDER_RANK[id]!;
            if (rank <= this.lastRank) this.fail('unexpected content after last section', start);
            this.lastRank = rank;
            this.lastId = id;
            (this.module.sections ??= []).push(id);
          }
          this.sectionId = id;
          this.sectionEnd = bodyStart + size;
          this.pos = bodyStart;
          if (id === SectionId.Code) {
            this.checkFunctionCount(start, true);
            this.state = State.CodeCount;
          } else {
            this.state = State.SectionBody;
          }
          break;
        }
        case State.SectionBody: {
          if (this.len < this.sectionEnd) {
            if (final) this.fail('length out of bounds', this.len);
            return;
          }
          if (!this.retryable(() => this.decodeSection(this.sectionId, this.pos, this.sectionEnd, this.sectionEnd),
            () => this.decodeSection(this.sectionId, this.pos, this.sectionEnd, this.len), final)) return;
          this.pos = this.sectionEnd;
          this.state = State.SectionHeader;
          break;
        }
        case State.CodeCount: {
          const limit = Math.min(this.len, this.sectionEnd);
          const n = tryU32(this.buf, this.pos, limit);
          if (n < 0) {
            if (final || this.len >= this.sectionEnd) {
              this.fail(this.len < this.sectionEnd ? 'length out of bounds' : 'unexpected end of section or function', limit);
            }
            return;
          }
          this.pos += lebLength;
          // Checked when the module is complete, as the reference decoder does,
          // so that a later section-order error is the one reported.
          this.countMismatch = n !== this.module.funcTypes.length;
          this.codeLeft = n;
          this.state = State.CodeBodySize;
          break;
        }
        case State.CodeBodySize: {
          if (this.codeLeft === 0) {
            if (this.pos !== this.sectionEnd) this.fail('section size mismatch', this.pos);
            this.sawCode = true;
            this.hooks.onSection?.(SectionId.Code, this.module);
            this.state = State.SectionHeader;
            break;
          }
          const limit = Math.min(this.len, this.sectionEnd);
          const size = tryU32(this.buf, this.pos, limit);
          if (size < 0) {
            if (final || this.len >= this.sectionEnd) {
              this.fail(this.len < this.sectionEnd ? 'length out of bounds' : 'unexpected end of section or function', limit);
            }
            return;
          }
          this.pos += lebLength;
          this.bodyEnd = this.pos + size;
          if (this.bodyEnd > this.sectionEnd) {
            if (!final) return;
            this.fail(this.bodyEnd > this.len ? 'length out of bounds' : 'section size mismatch', this.pos);
          }
          this.state = State.CodeBody;
          break;
        }
        case State.CodeBody: {
          if (this.len < this.bodyEnd) {
            if (final) this.fail('length out of bounds', this.len);
            return;
          }
          const index = this.codeIndex;
          const type = this.module.funcTypes[index] ?? -1;
          let func: Func;
          try {
            func = decodeFunctionBody(this.reader(this.pos, this.bodyEnd), type, this.info, this.bodyEnd, !this.hooks.checksBodies);
          } catch (e) {
            const bodyStart = this.pos;
            const bodyEnd = this.bodyEnd;
            this.retryable(() => { throw e; },
              () => { decodeFunctionBody(this.reader(bodyStart, this.len), type, this.info, bodyEnd); }, final);
            return; // not final: wait for the rest of the input, then retry
          }
          this.codeIndex++;
          this.module.funcs.push(func);
          if (this.info.usesDataIndex && this.module.dataCount === null) {
            this.fail('data count section required', func.bodyOffset);
          }
          if (!this.countMismatch) this.hooks.onFunction?.(index, func, this.module);
          this.pos = this.bodyEnd;
          this.codeLeft--;
          this.state = State.CodeBodySize;
          break;
        }
        case State.Done:
          return;
      }
    }
  }

  /**
   * Runs `first` (reading within the unit's declared size). If it runs past
   * that size, the module is malformed; to give the reference interpreter's
   * message, `retry` re-reads with the whole input as the limit once the input
   * is complete. Returns false when it must wait for the rest of the input.
   */
  private retryable(first: () => void, retry: () => void, final: boolean): boolean {
    try {
      first();
      return true;
    } catch (e) {
      if (!(e instanceof TruncatedError)) throw e;
      if (!final) return false;
      try {
        retry();
      } catch (e2) {
        if (e2 instanceof TruncatedError) throw new CompileError(e2.message, e2.offset);
        throw e2;
      }
      throw e;
    }
  }

  private checkFunctionCount(at: number, codePresent: boolean): void {
    this.sawFunction = this.sawFunction || codePresent;
    void at;
  }

  private decodeSection(id: number, start: number, end: number, readEnd: number): void {
    const r = this.reader(start, readEnd);
    const m = this.module;
    const info = this.info;
    switch (id) {
      case SectionId.Custom: {
        const name = r.name();
        if (r.pos > end) r.fail('unexpected end of section or function', end);
        const data = this.buf.subarray(r.pos, end);
        m.customs.push({ name, data, after: this.lastId });
        if (name === 'name' && m.names === null) m.names = parseNames(data, r.pos);
        r.pos = end;
        break;
      }
      case SectionId.Type: decodeTypeSection(r, m); break;
      case SectionId.Import: decodeImportSection(r, m); break;
      case SectionId.Function: decodeFunctionSection(r, m); break;
      case SectionId.Table: decodeTableSection(r, m, info); break;
      case SectionId.Memory: decodeMemorySection(r, m); break;
      case SectionId.Tag: decodeTagSection(r, m); break;
      case SectionId.Global: decodeGlobalSection(r, m, info); break;
      case SectionId.Export: decodeExportSection(r, m); break;
      case SectionId.Start: decodeStartSection(r, m); break;
      case SectionId.Element: decodeElementSection(r, m, info); break;
      case SectionId.DataCount: decodeDataCountSection(r, m); break;
      case SectionId.Data:
        if (!this.sawCode && m.funcTypes.length > 0) {
          this.fail('function and code section have inconsistent lengths', start);
        }
        decodeDataSection(r, m, info);
        break;
    }
    if (r.pos !== end) r.fail('section size mismatch');
    this.hooks.onSection?.(id, m);
  }
}

/** Decodes a whole module. Throws `CompileError`. */
export function decode(bytes: Uint8Array, hooks?: DecodeHooks): Module {
  const d = new ModuleDecoder(hooks);
  d.push(bytes);
  return d.finish();
}

/** The part of a WHATWG `ReadableStream` the streaming decoder uses. */
export interface ReadableStreamLike {
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; releaseLock?(): void };
}

/**
 * Decodes a module from a `ReadableStream` (e.g. a `Response` body) or an
 * async iterable of chunks, handing sections and bodies to `hooks` as they
 * complete. Rejects with `CompileError`.
 */
export async function decodeStream(
  source: ReadableStreamLike | AsyncIterable<Uint8Array>, hooks?: DecodeHooks,
): Promise<Module> {
  const d = new ModuleDecoder(hooks);
  if (typeof (source as ReadableStreamLike).getReader === 'function') {
    const reader = (source as ReadableStreamLike).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value) d.push(copyIfShared(value));
    }
  } else {
    // The iterator protocol by hand rather than `for await` (which Hermes
    // 0.12 cannot compile), closing the iterator on an early exit as
    // `for await` would.
    const it = (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    let finished = false;
    try {
      for (;;) {
        const step = await it.next();
        if (step.done) { finished = true; break; }
        d.push(copyIfShared(step.value));
      }
    } finally {
      // Only a throw leaves early; its error wins over one from closing, as with `for await`.
      if (!finished && typeof it.return === 'function') await it.return().catch(() => undefined);
    }
  }
  return d.finish();
}

/** Chunks from streams may be reused by their producer: keep our own copy (only the first chunk is kept by reference). */
function copyIfShared(chunk: Uint8Array): Uint8Array {
  return chunk.slice();
}
