/**
 * The `spectest` host module the spec testsuite imports: print functions
 * (which print nothing unless given a sink), globals holding 666 / 666.6,
 * a funcref table of 10..20 elements (and a 64-bit-indexed `table64`), a
 * memory of 1..2 pages, and a shared one (`shared_memory`, threads). Each call returns fresh instances, so one test file
 * cannot see another's writes.
 *
 * Spec: the reference interpreter's `spectest` module (interpreter/host/spectest.ml).
 */
import { F32, F64, FUNCREF, I32, I64 } from '../ast/types.js';
import { FuncInst, GlobalInst, MemoryInst, TableInst, type ExternVal } from './runtime.js';
import { f32ToBits, f64ToBits, writeGlobal, type Value } from './values.js';

function global(type: number, v: Value): GlobalInst {
  const g = new GlobalInst(type, false);
  writeGlobal(g, v);
  return g;
}

/** A fresh `spectest` module's exports. `print` receives each print call's arguments (boundary values). */
export function spectest(print: (name: string, args: Value[]) => void = () => {}): Record<string, ExternVal> {
  const fn = (name: string, params: number[]) => FuncInst.host({ params, results: [] }, (args) => {
    print(name, args);
  });
  return {
    print: fn('print', []),
    print_i32: fn('print_i32', [I32]),
    print_i64: fn('print_i64', [I64]),
    print_f32: fn('print_f32', [F32]),
    print_f64: fn('print_f64', [F64]),
    print_i32_f32: fn('print_i32_f32', [I32, F32]),
    print_f64_f64: fn('print_f64_f64', [F64, F64]),
    global_i32: global(I32, 666),
    global_i64: global(I64, 666n),
    global_f32: global(F32, f32ToBits(666.6)),
    global_f64: global(F64, f64ToBits(666.6)),
    table: new TableInst(FUNCREF, 10, 20),
    table64: new TableInst(FUNCREF, 10, 20, null, true),
    memory: new MemoryInst(1, 2),
    shared_memory: new MemoryInst(1, 2, undefined, false, true),
  };
}
