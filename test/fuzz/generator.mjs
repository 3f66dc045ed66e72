// A generator of random valid modules (WAT text) for what binaryen's
// translate-to-fuzz never emits in 2.0 mode: memory.grow and memory.size, and
// the table.* and bulk memory instructions (table.grow/size/fill/copy/init,
// elem.drop, table.get/set, memory.fill/copy/init, data.drop), mixed with
// loads, stores and call_indirect through the tables they reshape.
//
// Each module has one memory and two funcref tables with random limits,
// passive and active data and element segments, and 6–15 small exported
// functions `f0`… (1–6 statements each, so a trap cuts short little). Every statement
// leaves the stack empty and logs what it computed through the imported
// `env.log-i32`, so results, traps (bounds checks happen before any write)
// and the memory that survives them are all visible to the comparison.
// Termination is by construction: no loops, no recursion (call_indirect only
// reaches the leaf functions `leaf0`…, which do not call).
// Deliberately not here: running or comparing (differential.mjs).
import { rng } from './differential.mjs';

const I32S = [0, 1, 2, 3, 4, 7, 8, 15, 16, 255, 4096, 65535, 65536, 65537, 131072, 0x7fffffff, -1, -2, -65536];

/** The WAT text of the module for `seed`. */
export function generateOwn(seed) {
  const next = rng(seed * 40503 + 17);
  const pick = (xs) => xs[next() % xs.length];
  const chance = (n) => next() % n === 0;
  const int = (n) => next() % n;

  const memMin = int(3);
  const memMax = chance(2) ? null : memMin + int(4);
  const tabs = [0, 1].map(() => {
    const min = chance(4) ? 0 : 2 + int(5);
    return { min, max: chance(2) ? null : min + int(6) };
  });
  const leaves = 2 + int(3);
  const datas = 1 + int(3);
  const elems = 1 + int(3);
  const funcs = 6 + int(10);

  const i32 = (depth = 0) => {
    const r = int(depth > 1 ? 3 : 6);
    if (r === 0 || r === 1) return `(i32.const ${pick(I32S)})`;
    if (r === 2) return `(local.get $p)`;
    if (r === 3) return '(memory.size)';
    if (r === 4) return `(table.size $t${int(2)})`;
    return `(i32.${pick(['add', 'sub', 'mul', 'and', 'shl'])} ${i32(depth + 1)} ${i32(depth + 1)})`;
  };
  // Mostly in range, sometimes anything: every function should run a while before it traps, if it does.
  const small = () => (chance(8) ? i32() : `(i32.const ${int(4)})`);
  const slot = () => (chance(8) ? i32() : `(i32.const ${int(2)})`);
  const addr = () => (chance(8) ? i32() : `(i32.const ${int(Math.max(1, memMin) * 65536 - 8)})`);
  const ref = () => (chance(3) ? '(ref.null func)' : `(ref.func $leaf${int(leaves)})`);
  const log = (expr) => `(call $log ${expr})`;

  const statement = () => {
    switch (int(20)) {
      case 0: return log(`(memory.grow ${small()})`);
      case 1: return log('(memory.size)');
      case 2: return `(i32.store${pick(['', '8', '16'])} offset=${pick([0, 0, 0, 1, 4, 65532])} ${addr()} ${i32()})`;
      case 3: return log(`(i32.load${pick(['', '8_u', '16_s'])} offset=${pick([0, 0, 0, 2, 65535])} ${addr()})`);
      case 4: return `(memory.fill ${addr()} (i32.const ${int(256)}) ${small()})`;
      case 5: return `(memory.copy ${addr()} ${addr()} ${small()})`;
      case 6: return `(memory.init $d${int(datas)} ${addr()} ${small()} ${small()})`;
      case 7: if (!chance(3)) return log(i32()); return `(data.drop $d${int(datas)})`;
      case 8: { const t = int(2); return log(`(table.grow $t${t} ${ref()} ${small()})`); }
      case 9: return log(`(table.size $t${int(2)})`);
      case 10: return `(table.fill $t${int(2)} ${slot()} ${ref()} ${slot()})`;
      case 11: return `(table.copy $t${int(2)} $t${int(2)} ${slot()} ${slot()} ${slot()})`;
      case 12: return `(table.init $t${int(2)} $e${int(elems)} ${slot()} ${slot()} ${slot()})`;
      case 13: if (!chance(3)) return log(i32()); return `(elem.drop $e${int(elems)})`;
      case 14: return log(`(ref.is_null (table.get $t${int(2)} ${slot()}))`);
      case 15: return `(table.set $t${int(2)} ${slot()} ${ref()})`;
      case 16: case 17: return log(`(call_indirect $t${int(2)} (type $leaf) ${slot()})`);
      case 18: return log(`(i64.eqz (i64.load ${addr()}))`);
      default: return log(i32());
    }
  };

  const lines = ['(module'];
  lines.push('  (type $leaf (func (result i32)))');
  lines.push('  (import "env" "log-i32" (func $log (param i32)))');
  lines.push(`  (memory (export "memory") ${memMin}${memMax === null ? '' : ` ${memMax}`})`);
  tabs.forEach((t, i) => lines.push(`  (table $t${i} (export "table${i}") ${t.min}${t.max === null ? '' : ` ${t.max}`} funcref)`));
  for (let i = 0; i < leaves; i++) lines.push(`  (func $leaf${i} (type $leaf) (i32.const ${pick(I32S)}))`);
  lines.push(`  (elem declare func ${Array.from({ length: leaves }, (_, i) => `$leaf${i}`).join(" ")})`);
  for (let i = 0; i < datas; i++) {
    const bytes = Array.from({ length: int(12) }, () => `\\${int(256).toString(16).padStart(2, '0')}`).join('');
    const active = memMin > 0 && chance(3);
    lines.push(`  (data $d${i} ${active ? `(i32.const ${int(100)}) ` : ''}"${bytes}")`);
  }
  for (let i = 0; i < elems; i++) {
    const items = Array.from({ length: int(5) }, () => (chance(4) ? '(ref.null func)' : `(ref.func $leaf${int(leaves)})`)).join(' ');
    const active = tabs[0].min >= 4 && chance(2);
    lines.push(`  (elem $e${i} ${active ? '(table $t0) (i32.const 0) ' : ''}funcref ${items})`);
  }
  for (let f = 0; f < funcs; f++) {
    const body = Array.from({ length: 1 + int(5) }, () => `    ${statement()}`);
    if (memMin === 0 && chance(2)) body.unshift(`    ${log("(memory.grow (i32.const 1))")}`);
    lines.push(`  (func (export "f${f}") (param $p i32)`, ...body, '  )');
  }
  lines.push(`  (global (export "g") (mut i32) (i32.const ${pick(I32S)}))`);
  lines.push(')');
  return lines.join('\n');
}
