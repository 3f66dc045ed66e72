/** Encodes a `metadata.code.branch_hint` section's contents (see decoder/branch-hints.ts for the format). */
import type { BranchHintFunc } from '../decoder/branch-hints.js';
import { Writer } from './writer.js';

export function encodeBranchHints(funcs: readonly BranchHintFunc[]): Uint8Array {
  const w = new Writer();
  w.u32(funcs.length);
  for (const { func, hints } of funcs) {
    w.u32(func);
    w.u32(hints.length);
    for (const h of hints) {
      w.u32(h.offset);
      w.u32(1);
      w.u8(h.value);
    }
  }
  return w.finish().slice();
}
