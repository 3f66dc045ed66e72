/**
 * The translator's code buffer: appends register instructions (isa.ts) and
 * remembers the last two it emitted and the last label, which is all the
 * peephole rewrites (translate-fusions.ts) may look at.
 *
 * `op(r, ...operands)` checks that the instruction gets exactly the number of
 * operands its layout declares, so a wrong emission fails at translation, not
 * as a misread instruction stream at run time. Operands of an emitted
 * instruction are read back by name (`code[s + L_DAB.b]`, the `L_` enums of
 * isa-ids.ts), never by a bare number.
 *
 * Deliberately not here: what the operands mean (the stack model,
 * translate-stack.ts) and which rewrites exist.
 */
import { ISA, ISA_DEST, ISA_SIZE } from './isa.js';

export class Emitter {
  protected code = new Int32Array(256);
  protected len = 0;
  /** Code index of the last label bound: no rewrite may look back across it. */
  protected labelPos = 0;
  /** Start of the last emitted instruction (-1: none, or it may not be rewritten). */
  protected lastStart = -1;
  /** Start of the instruction before the last one (-1: none). */
  protected prevStart = -1;
  /** Code index of the last instruction's `d` operand (-1: none, or it may not be retargeted). */
  protected lastDest = -1;

  /** Appends one word (an operand list's entries after `op`, e.g. br_table's targets). */
  protected put(w: number): void {
    if (this.len === this.code.length) {
      const c = new Int32Array(this.code.length * 2);
      c.set(this.code);
      this.code = c;
    }
    this.code[this.len++] = w;
  }

  /** Emits register instruction `r` with its operands (exactly as many as its layout declares). */
  protected op(r: number, ...operands: number[]): void {
    if (operands.length !== ISA_SIZE[r]) {
      throw new Error(`translator: ${ISA[r]![0]} takes ${ISA_SIZE[r]} operands, emitted with ${operands.length}`);
    }
    this.prevStart = this.lastStart;
    this.lastStart = this.len;
    const d = ISA_DEST[r]!;
    this.lastDest = d ? this.len + d : -1;
    this.put(r);
    for (const o of operands) this.put(o);
  }

  /** The register instruction that starts at code index `s` (the last or the one before), or -1. */
  protected opAt(s: number): number {
    return s >= 0 && s >= this.labelPos ? this.code[s]! : -1;
  }

  /** Removes the instructions from code index `s` on (a rewrite replaces them). */
  protected truncate(s: number): void {
    this.len = s;
    this.lastStart = -1;
    this.lastDest = -1;
  }

  /** Marks the current position as a jump target. */
  protected bindLabel(): void {
    this.labelPos = this.len;
    this.lastDest = -1;
  }
}
