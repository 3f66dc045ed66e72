/**
 * The `metadata.code.branch_hint` custom section (branch hinting, in the
 * code-metadata convention): per function, its index and (offset, size,
 * hint) entries, the offset counted from the start of the function body
 * (its locals), the size always 1, the hint 0 (likely not taken) or 1
 * (likely taken). This file reads the structure only; which instructions
 * the offsets name is checked against the code by the validator
 * (`validateCustomSections`).
 */
import { CompileError } from '../errors.js';
import { Reader } from './reader.js';

/** Name of the branch-hint custom section. */
export const BRANCH_HINT_SECTION = 'metadata.code.branch_hint';

/** The hints of one function. */
export interface BranchHintFunc {
  func: number;
  /** Offsets from the start of the function body, and hint values, in section order. */
  hints: { offset: number; value: number }[];
}

/**
 * Reads a branch-hint section's contents. Throws `CompileError`
 * ("@metadata.code.branch_hint section: …") when they are malformed.
 */
export function readBranchHints(data: Uint8Array): BranchHintFunc[] {
  const malformed = (reason: string): never => {
    throw new CompileError(`@${BRANCH_HINT_SECTION} section: ${reason}`, -1);
  };
  const r = new Reader(data, 0, data.length, 0);
  const out: BranchHintFunc[] = [];
  try {
    const nFuncs = r.u32();
    for (let i = 0; i < nFuncs; i++) {
      const func = r.u32();
      const hints: BranchHintFunc['hints'] = [];
      const n = r.u32();
      for (let k = 0; k < n; k++) {
        const offset = r.u32();
        if (r.u32() !== 1) malformed('missing reserved byte');
        const value = r.u8();
        if (value !== 0 && value !== 1) malformed('invalid hint value');
        hints.push({ offset, value });
      }
      out.push({ func, hints });
    }
  } catch (e) {
    if (e instanceof CompileError && !e.message.startsWith(`@${BRANCH_HINT_SECTION}`)) malformed('unexpected end');
    throw e;
  }
  if (r.pos !== r.end) malformed('unexpected content after last entry');
  return out;
}
