/**
 * Disassembler of register code (isa.ts), for debugging and tests: one line
 * per instruction, `pc: name operands`, registers printed as `r<cell>` (or
 * `r<cell>.hi` for an odd word), immediates as numbers, targets as `@pc`.
 */
import { ISA } from './isa.js';

/** The text of `code`, one instruction per line. */
export function disassemble(code: Int32Array): string {
  const lines: string[] = [];
  let pc = 0;
  while (pc < code.length) {
    const [name, layout] = ISA[code[pc]!]!;
    const letters = layout.split(' ').filter((l) => l !== '');
    const parts: string[] = [];
    let p = pc + 1;
    for (const l of letters) {
      const w = code[p++]!;
      if (l === 'd' || l === 'a' || l === 'b' || l === 'c') parts.push(`r${w >> 1}${w & 1 ? '.hi' : ''}`);
      else if (l === 't') parts.push(`@${w}`);
      else if (l === 'n') {
        const targets: string[] = [];
        for (let k = 0; k < w; k++) targets.push(`@${code[p++]!}`);
        parts.push(`[${targets.join(' ')}]`);
      } else parts.push(String(w));
    }
    lines.push(`${String(pc).padStart(5)}: ${name} ${parts.join(' ')}`);
    pc = p;
  }
  return lines.join('\n');
}
