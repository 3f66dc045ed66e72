/**
 * The translator's memory instructions: loads, stores, `memory.size` and
 * `memory.grow`. A 32-bit memory 0 with a 32-bit offset gets the fast forms
 * (`i32_load d a i`, the `_rr` forms with the address an `i32.add` fused in,
 * and the fusions of translate-fusions.ts); any other memory (multi-memory)
 * or a 64-bit address or offset (memory64) gets the generic `load_x` /
 * `store_x`, which name the memory and the memory-0 instruction they stand
 * for. Bulk memory instructions are plain calls into slow.ts (translate.ts).
 *
 * Spec: "Execution › Instructions › Memory Instructions".
 */
import type { Instr } from '../ast/instr.js';
import { I32, I64 } from '../ast/types.js';
import { R } from './isa-ids.js';
import { MEM_OUT, RR_R } from './ops.js';
import { Exceptions } from './translate-exceptions.js';

export class MemoryOps extends Exceptions {
  /** Is memory x a 32-bit memory 0 (the fast load/store forms' memory)? */
  protected fastMemory(x: number): boolean {
    return x === 0 && !this.inst.memories[0]!.addr64;
  }

  /** A load or store: wasm instruction `op` (memarg in `ins`), register instruction `mr` of its memory-0 form. */
  protected memory(op: number, ins: Instr, mr: number): void {
    const out = MEM_OUT[op]!;
    const fast = this.fastMemory(ins.y) && ins.hi === 0;
    if (out !== 0) {
      const ab = fast && RR_R[mr]! >= 0 ? this.fusedAddress() : null;
      if (ab !== null) {
        this.op(RR_R[mr]!, this.push(out), ab[0], ab[1], ins.lo);
        return;
      }
      const a = this.popReg();
      if (fast) this.op(mr, this.push(out), a, ins.lo);
      else this.op(R.load_x, this.push(out), a, ins.lo, ins.hi, ins.y, mr);
    } else {
      if (fast && mr === R.f64_store && (this.fuseReadModifyWrite(ins.lo) || this.fuseStoreResult(ins.lo))) return;
      if (fast && this.fuseCopy(mr, ins.lo)) return;
      const b = this.popReg();
      const ab = fast && RR_R[mr]! >= 0 ? this.fusedAddress() : null;
      if (ab !== null) {
        this.op(RR_R[mr]!, ab[0], ab[1], b, ins.lo);
        return;
      }
      const a = this.popReg();
      if (fast) this.op(mr, a, b, ins.lo);
      else this.op(R.store_x, a, b, ins.lo, ins.hi, ins.y, mr);
    }
  }

  protected memorySize(x: number): void {
    if (this.fastMemory(x)) this.op(R.memory_size, this.push(I32));
    else this.op(R.memory_size_x, this.push(this.inst.memories[x]!.addr64 ? I64 : I32), x);
  }

  protected memoryGrow(x: number): void {
    const a = this.popReg();
    if (this.fastMemory(x)) this.op(R.memory_grow, this.push(I32), a);
    else this.op(R.memory_grow_x, this.push(this.inst.memories[x]!.addr64 ? I64 : I32), x, a);
  }
}
