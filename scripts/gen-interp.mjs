#!/usr/bin/env node
/**
 * `npm run gen`: writes the interpreter's generated code from the register
 * instruction set (src/interp/isa.ts):
 *
 * - src/interp/isa-ids.ts: `const enum R` (row numbers of the table) and one
 *   `const enum L_<LAYOUT>` per distinct operand layout, naming each
 *   operand's word position (`L_DAB.b === 3`) and the instruction's size
 *   (`L_DAB.size === 4`), so no handler or peephole reads `code[pc + 3]`.
 * - the `GENERATED` regions of src/interp/exec.ts: the handler families that
 *   differ only in an operator (compare-and-branch, comparisons, binary
 *   operations, loads and stores with their `_rr` forms, the fused f64
 *   memory forms), each expanded from the one description below. The rest
 *   of exec.ts is written by hand; the regions keep the whole hot loop in one
 *   `switch`, as fast as when every case was typed out (measured with
 *   `npm run bench`).
 *
 * test/interp/generated.test.ts checks that the committed files equal this
 * script's output (and never rewrites them). Deliberately not generated: the
 * rare and irregular handlers, which read better written out.
 *
 * Run: `node scripts/gen-interp.mjs` (no build needed: isa.ts has no imports
 * and is transpiled here with TypeScript's own API).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = new URL('../', import.meta.url);
const ISA_PATH = 'src/interp/isa.ts';
const IDS_PATH = 'src/interp/isa-ids.ts';
const EXEC_PATH = 'src/interp/exec.ts';

/** The ISA table, loaded from isa.ts. */
export async function loadIsa() {
  const src = readFileSync(new URL(ISA_PATH, root), 'utf8');
  const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2020 } });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(js.outputText).toString('base64')}`);
  return mod.ISA;
}

// ---------------------------------------------------------------------------
// Operand layouts

/** Operand names of a layout string: letters, a repeated letter numbered from 2 (`a a i` → a, a2, i). */
export function operandNames(layout) {
  const seen = new Map();
  return layout.split(' ').filter((l) => l !== '').map((l) => {
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return n === 1 ? l : `${l}${n}`;
  });
}

/** The name of layout's enum: `L_` and its letters upper-cased (`d a b` → `L_DAB`; no operands: `L_NONE`). */
export function layoutEnum(layout) {
  const letters = layout.replace(/ /g, '').toUpperCase();
  return `L_${letters === '' ? 'NONE' : letters}`;
}

function generateIds(isa) {
  const lines = [
    '/**',
    ` * GENERATED from the register instruction set (${ISA_PATH}) by scripts/gen-interp.mjs;`,
    ' * do not edit. Regenerate: npm run gen',
    ' *',
    ' * `R.x` is the row number of register instruction x in `ISA`. `L_<LAYOUT>.<operand>` is the',
    ' * word position of an operand in an instruction of that layout (the opcode is word 0; a',
    ' * repeated letter is numbered from 2), and `L_<LAYOUT>.size` the words the instruction takes',
    " * (for `br_table`'s `a n`, where its n targets start).",
    ' */',
    '/** Register instruction ids: row numbers of the ISA table. */',
    'export const enum R {',
  ];
  isa.forEach((row, i) => lines.push(`  ${row[0]} = ${i},`));
  lines.push('}', '/** Number of register instructions. */', `export const R_COUNT = ${isa.length};`, '');
  const layouts = [...new Set(isa.map((row) => row[1]))];
  for (const layout of layouts) {
    const names = operandNames(layout);
    const users = isa.filter((row) => row[1] === layout).map((row) => row[0]);
    const shown = users.length > 4 ? `${users.slice(0, 4).join(', ')}, … (${users.length})` : users.join(', ');
    lines.push(`/** Layout \`${layout}\`: ${shown}. */`);
    lines.push(`export const enum ${layoutEnum(layout)} {`);
    names.forEach((n, i) => lines.push(`  ${n} = ${i + 1},`));
    lines.push(`  size = ${names.length + 1},`, '}');
  }
  lines.push('');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------
// Handler families (the one description of each)

/** A handler's operand accessors for row `name` with `layout`. */
export function operands(layout) {
  const L = layoutEnum(layout);
  const w = (n) => `code[pc + ${L}.${n}]`;
  return {
    L,
    /** the raw operand word */
    w,
    /** an i32 register operand */
    i32: (n) => `I[fp + ${w(n)}]`,
    /** an f32 register operand */
    f32: (n) => `F[fp + ${w(n)}]`,
    /** an f64 register operand */
    f64: (n) => `D[(fp + ${w(n)}) >> 1]`,
    /** a register operand's word address (for the i64 helpers) */
    at: (n) => `fp + ${w(n)}`,
    next: `pc += ${L}.size;`,
  };
}

/** i32 comparisons: JS condition of `x <cmp> y` on int32 values. */
const I32_CMP = {
  eq: (x, y) => `${x} === ${y}`,
  ne: (x, y) => `${x} !== ${y}`,
  lt_s: (x, y) => `${x} < ${y}`,
  lt_u: (x, y) => `(${x} >>> 0) < (${y} >>> 0)`,
  gt_s: (x, y) => `${x} > ${y}`,
  gt_u: (x, y) => `(${x} >>> 0) > (${y} >>> 0)`,
  le_s: (x, y) => `${x} <= ${y}`,
  le_u: (x, y) => `(${x} >>> 0) <= (${y} >>> 0)`,
  ge_s: (x, y) => `${x} >= ${y}`,
  ge_u: (x, y) => `(${x} >>> 0) >= (${y} >>> 0)`,
};

/** i32 binary operations: JS expression (an int32) of `x <op> y`; numeric helpers from src/numeric. */
const I32_BIN = {
  add: (x, y) => `(${x} + ${y}) | 0`,
  sub: (x, y) => `(${x} - ${y}) | 0`,
  mul: (x, y) => `Math.imul(${x}, ${y})`,
  div_s: (x, y) => `i32_div_s(${x}, ${y})`,
  div_u: (x, y) => `i32_div_u(${x}, ${y})`,
  rem_s: (x, y) => `i32_rem_s(${x}, ${y})`,
  rem_u: (x, y) => `i32_rem_u(${x}, ${y})`,
  and: (x, y) => `${x} & ${y}`,
  or: (x, y) => `${x} | ${y}`,
  xor: (x, y) => `${x} ^ ${y}`,
  shl: (x, y) => `${x} << ${y}`,
  shr_s: (x, y) => `${x} >> ${y}`,
  shr_u: (x, y) => `(${x} >>> ${y}) | 0`,
  rotl: (x, y) => `i32_rotl(${x}, ${y})`,
  rotr: (x, y) => `i32_rotr(${x}, ${y})`,
};

/**
 * i64 operations written inline on the (lo, hi) words at word addresses
 * `a`, `b` (destination `d`), instead of a call into src/numeric/i64.ts:
 * a call per instruction is the larger part of their cost, with the JIT
 * (the executor exceeds V8's inlining budget) and without it. The rest
 * (mul, div, rem, shifts, rotations) call src/numeric. Both forms are
 * checked against native WebAssembly by test/interp/ops.prop.test.ts.
 */
const I64_INLINE_BIN = {
  and: ['I[d] = I[a] & I[b];', 'I[d + 1] = I[a + 1] & I[b + 1];'],
  or: ['I[d] = I[a] | I[b];', 'I[d + 1] = I[a + 1] | I[b + 1];'],
  xor: ['I[d] = I[a] ^ I[b];', 'I[d + 1] = I[a + 1] ^ I[b + 1];'],
  add: ['const al = I[a];', 'const lo = (al + I[b]) | 0;',
    'I[d + 1] = (I[a + 1] + I[b + 1] + ((lo >>> 0) < (al >>> 0) ? 1 : 0)) | 0;', 'I[d] = lo;'],
  sub: ['const al = I[a];', 'const bl = I[b];',
    'I[d + 1] = (I[a + 1] - I[b + 1] - ((al >>> 0) < (bl >>> 0) ? 1 : 0)) | 0;', 'I[d] = (al - bl) | 0;'],
};
/** i64 comparisons inline: the high words decide (signed or unsigned), equal high words the unsigned low words. */
const I64_INLINE_CMP = (c) => {
  if (c === 'eq') return 'I[a] === I[b] && I[a + 1] === I[b + 1]';
  if (c === 'ne') return 'I[a] !== I[b] || I[a + 1] !== I[b + 1]';
  const [op, sign] = c.split('_');
  const rel = { lt: '<', gt: '>', le: '<=', ge: '>=' }[op];
  const strict = rel.slice(0, 1);
  const hi = sign === 's' ? (x) => x : (x) => `(${x} >>> 0)`;
  return `${hi('I[a + 1]')} ${strict} ${hi('I[b + 1]')} || (I[a + 1] === I[b + 1] && (I[a] >>> 0) ${rel} (I[b] >>> 0))`;
};

/** Float comparisons (the same JS operator for f32 and f64). */
const F_CMP = { eq: '===', ne: '!==', lt: '<', gt: '>', le: '<=', ge: '>=' };
/** Float binary operations with a JS operator or a helper (copysign works on bits: written by hand). */
const F_BIN = {
  add: (x, y) => `${x} + ${y}`,
  sub: (x, y) => `${x} - ${y}`,
  mul: (x, y) => `${x} * ${y}`,
  div: (x, y) => `${x} / ${y}`,
  min: (x, y) => `f64_min(${x}, ${y})`,
  max: (x, y) => `f64_max(${x}, ${y})`,
};

/**
 * Memory-0 loads: bytes read, the bounds check's width, and how the value
 * is read at `addr` and written to destination operand `d`.
 */
const READ32 = '(addr & 3 ? dv.getInt32(addr, true) : m32[addr >>> 2])';
const READ32_HI = '(addr & 3 ? dv.getInt32(addr + 4, true) : m32[(addr >>> 2) + 1])';
/** Value expression of each narrow load, as an int32. */
const NARROW = {
  '8_s': '(u8[addr] << 24) >> 24',
  '8_u': 'u8[addr]',
  '16_s': 'dv.getInt16(addr, true)',
  '16_u': 'dv.getUint16(addr, true)',
  '32_s': READ32,
  '32_u': READ32,
};
const LOADS = [
  { name: 'i32_load', width: 4, body: (o) => [`${o.i32('d')} = ${READ32};`] },
  { name: 'i64_load', width: 8, body: (o) => [`const d = ${o.at('d')};`, `I[d] = ${READ32};`, `I[d + 1] = ${READ32_HI};`] },
  { name: 'f64_load', width: 8, body: (o) => [`${o.f64('d')} = (addr & 7 ? dv.getFloat64(addr, true) : m64[addr >>> 3]);`] },
  ...['8_s', '8_u', '16_s', '16_u'].map((n) => ({
    name: `i32_load${n}`, width: Number.parseInt(n) / 8, body: (o) => [`${o.i32('d')} = ${NARROW[n]};`],
  })),
  ...['8_s', '8_u', '16_s', '16_u', '32_s', '32_u'].map((n) => ({
    name: `i64_load${n}`, width: Number.parseInt(n) / 8, body: (o) => n.endsWith('_s')
      ? [`const d = ${o.at('d')};`, `const v = ${NARROW[n]};`, 'I[d] = v;', 'I[d + 1] = v >> 31;']
      : [`const d = ${o.at('d')};`, `I[d] = ${NARROW[n]};`, 'I[d + 1] = 0;'],
  })),
];
/** Memory-0 stores: width, and how value operand `v` is written at `addr`. */
const STORES = [
  { name: 'i32_store', width: 4, body: (o, v) => [`if (addr & 3) dv.setInt32(addr, ${o.i32(v)}, true);`, `else m32[addr >>> 2] = ${o.i32(v)};`] },
  { name: 'i64_store', width: 8, body: (o, v) => [
    `const b = ${o.at(v)};`,
    'if (addr & 3) dv.setInt32(addr, I[b], true);', 'else m32[addr >>> 2] = I[b];',
    'if (addr & 3) dv.setInt32(addr + 4, I[b + 1], true);', 'else m32[(addr >>> 2) + 1] = I[b + 1];',
  ] },
  { name: 'f64_store', width: 8, body: (o, v) => [
    `if ((addr & 7) === 0) m64[addr >>> 3] = ${o.f64(v)};`, `else dv.setFloat64(addr, ${o.f64(v)}, true);`,
  ] },
  { name: 'i32_store8', width: 1, body: (o, v) => [`u8[addr] = ${o.i32(v)};`] },
  { name: 'i32_store16', width: 2, body: (o, v) => [`dv.setInt16(addr, ${o.i32(v)}, true);`] },
];

/** The bounds check of a `width`-byte access at `addr` (u32 address + u32 offset: exact in a double). */
const bounds = (width, addr = 'addr') => (width === 1 ? `if (${addr} >= memLen) trapMemory();` : `if (${addr} + ${width} > memLen) trapMemory();`);
/** The effective address: register a (+ register b for `_rr`) wrapped to u32, plus the u32 offset i. */
const address = (o, rr) => (rr
  ? `const addr = ((${o.i32('a')} + ${o.i32('b')}) >>> 0) + (${o.w('i')} >>> 0);`
  : `const addr = (${o.i32('a')} >>> 0) + (${o.w('i')} >>> 0);`);

/**
 * The families: region name → (row) → handler lines, or null when the row is
 * not in the family. Each region of exec.ts holds its family's rows in ISA
 * order.
 */
export const FAMILIES = {
  'compare-and-branch': (name, o) => {
    let m = /^br_(not_)?(f32|f64)_(\w+)$/.exec(name);
    if (m && F_CMP[m[3]]) {
      const v = m[2] === 'f32' ? o.f32 : o.f64;
      const cond = `${v('a')} ${F_CMP[m[3]]} ${v('b')}`;
      return [`if (${m[1] ? `!(${cond})` : cond}) pc = ${o.w('t')};`, `else ${o.next}`, 'continue;'];
    }
    m = /^br_(\w+?)(_imm)?$/.exec(name);
    if (m && I32_CMP[m[1]]) {
      const y = m[2] ? o.w('i') : o.i32('b');
      return [`if (${I32_CMP[m[1]](o.i32('a'), y)}) pc = ${o.w('t')};`, `else ${o.next}`, 'continue;'];
    }
    m = /^(add|addr)_br_(\w+?)(_imm)?$/.exec(name);
    if (m && I32_CMP[m[2]]) {
      const step = m[1] === 'add' ? o.w('i') : o.i32('b');
      const bound = m[1] === 'addr' ? o.i32('c') : m[3] ? o.w('j') : o.i32('b');
      return ['{', `const v = (${o.i32('a')} + ${step}) | 0;`, `${o.i32('d')} = v;`,
        `if (${I32_CMP[m[2]]('v', bound)}) pc = ${o.w('t')};`, `else ${o.next}`, 'continue;', '}'];
    }
    return null;
  },
  'loads and stores': (name, o) => {
    const rr = name.endsWith('_rr');
    const base = rr ? name.slice(0, -3) : name;
    const ld = LOADS.find((x) => x.name === base);
    if (ld) return ['{', address(o, rr), bounds(ld.width), ...ld.body(o), o.next, 'continue;', '}'];
    const st = STORES.find((x) => x.name === base);
    if (st) return ['{', address(o, rr), bounds(st.width), ...st.body(o, rr ? 'c' : 'b'), o.next, 'continue;', '}'];
    return null;
  },
  i32: (name, o) => {
    const m = /^i32_(\w+?)(_imm)?$/.exec(name);
    if (!m) return null;
    const y = m[2] ? o.w('i') : o.i32('b');
    if (I32_CMP[m[1]]) return [`${o.i32('d')} = ${I32_CMP[m[1]](o.i32('a'), y)} ? 1 : 0;`, o.next, 'continue;'];
    if (I32_BIN[m[1]]) return [`${o.i32('d')} = ${I32_BIN[m[1]](o.i32('a'), y)};`, o.next, 'continue;'];
    return null;
  },
  i64: (name, o) => {
    const m = /^i64_(\w+)$/.exec(name);
    if (!m) return null;
    const words = [`const a = ${o.at('a')};`, `const b = ${o.at('b')};`];
    if (I32_CMP[m[1]]) {
      return ['{', ...words, `${o.i32('d')} = ${I64_INLINE_CMP(m[1])} ? 1 : 0;`, o.next, 'continue;', '}'];
    }
    if (I64_INLINE_BIN[m[1]]) {
      return ['{', `const d = ${o.at('d')};`, ...words, ...I64_INLINE_BIN[m[1]], o.next, 'continue;', '}'];
    }
    if (I32_CMP[m[1]]) return [`${o.i32('d')} = i64_${m[1]}(I, ${o.at('a')}, ${o.at('b')});`, o.next, 'continue;'];
    if (I32_BIN[m[1]]) return [`i64_${m[1]}(I, ${o.at('d')}, ${o.at('a')}, ${o.at('b')});`, o.next, 'continue;'];
    return null;
  },
  float: (name, o) => {
    const m = /^(f32|f64)_(\w+)$/.exec(name);
    if (!m) return null;
    const v = m[1] === 'f32' ? o.f32 : o.f64;
    if (F_CMP[m[2]]) return [`${o.i32('d')} = ${v('a')} ${F_CMP[m[2]]} ${v('b')} ? 1 : 0;`, o.next, 'continue;'];
    if (F_BIN[m[2]]) return [`${v('d')} = ${F_BIN[m[2]](v('a'), v('b'))};`, o.next, 'continue;'];
    return null;
  },
  'multiply-add': (name, o) => {
    if (name === 'f32_mul_add') return [`${o.f32('d')} = Math.fround(${o.f32('a')} * ${o.f32('b')}) + ${o.f32('c')};`, o.next, 'continue;'];
    if (name === 'f32_add_mul') return [`${o.f32('d')} = ${o.f32('a')} + Math.fround(${o.f32('b')} * ${o.f32('c')});`, o.next, 'continue;'];
    return null;
  },
  'f64 memory operands': (name, o) => {
    let m = /^f64_(add|sub|mul|div)_m$/.exec(name);
    if (m) {
      const loaded = '(addr & 7 ? dv.getFloat64(addr, true) : m64[addr >>> 3])';
      return ['{', `const addr = ((${o.i32('b')} + ${o.i32('c')}) >>> 0) + (${o.w('i')} >>> 0);`, bounds(8),
        `${o.f64('d')} = ${F_BIN[m[1]](o.f64('a'), loaded)};`, o.next, 'continue;', '}'];
    }
    m = /^f64_(add|sub|mul|div)_st$/.exec(name);
    if (m) {
      return ['{', address(o, false), bounds(8), `const v = ${F_BIN[m[1]](o.f64('b'), o.f64('c'))};`,
        'if ((addr & 7) === 0) m64[addr >>> 3] = v;', 'else dv.setFloat64(addr, v, true);', o.next, 'continue;', '}'];
    }
    return null;
  },
};

/**
 * Rooms: families of rare, wide instructions whose handlers live in their own
 * executor file, out of the hot `switch` (which V8 optimizes only below a
 * size limit). A row joins a room by its 4th field in isa.ts
 * (`['i32x4_add', 'd a b', '…', 'vector']`); the room's region in exec.ts
 * sends all its rows to one call, which runs the instruction and returns the
 * next pc. Each room's executor is written by hand, with its own `switch`
 * over its rows.
 */
const ROOMS = {
  vector: ['pc = execVector(code, pc, fp, I, mem);', 'continue;'],
  gc: ['pc = execGc(code, pc, fp, I, refs, inst);', 'continue;'],
};

/** The region of every room: its rows' case labels, then the room's call. */
function roomText(isa) {
  const out = [];
  for (const [room, body] of Object.entries(ROOMS)) {
    const rows = isa.filter((row) => row[3] === room);
    if (rows.length === 0) continue;
    for (const row of rows) out.push(`      case R.${row[0]}:`);
    out.push(...indent(body));
  }
  return out;
}

const BEGIN = (region) => `// GENERATED BEGIN ${region} (scripts/gen-interp.mjs; do not edit, run \`npm run gen\`)`;
const END = (region) => `// GENERATED END ${region}`;

/** Indents handler lines: `case` at 6 spaces, the body at 8, inside braces one level more. */
function indent(lines) {
  const out = [];
  let depth = 0;
  for (const l of lines) {
    if (l === '}') depth--;
    out.push(`${' '.repeat(8 + 2 * depth)}${l}`);
    if (l === '{') depth++;
  }
  // A block opens on the case line: `case R.x: {`.
  return out;
}

function regionText(isa, region) {
  if (region === 'rooms') return roomText(isa);
  const out = [];
  for (const [name, layout, , room] of isa) {
    if (room !== undefined) continue;
    const body = FAMILIES[region](name, operands(layout));
    if (body === null) continue;
    if (body[0] === '{') {
      out.push(`      case R.${name}: {`);
      out.push(...indent(body.slice(1, -1)));
      out.push('      }');
    } else {
      out.push(`      case R.${name}:`);
      out.push(...indent(body));
    }
  }
  return out;
}

/** exec.ts with every GENERATED region replaced by its family's current expansion. */
function generateExec(isa, current) {
  const lines = current.split('\n');
  const out = [];
  const found = new Set();
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)\/\/ GENERATED BEGIN (.+?) \(/.exec(lines[i]);
    if (!m) {
      out.push(lines[i]);
      continue;
    }
    const region = m[2];
    if (!FAMILIES[region] && region !== 'rooms') throw new Error(`${EXEC_PATH}: unknown GENERATED region "${region}"`);
    found.add(region);
    let j = i + 1;
    while (j < lines.length && lines[j].trim() !== END(region)) j++;
    if (j === lines.length) throw new Error(`${EXEC_PATH}: no end for GENERATED region "${region}"`);
    out.push(`${m[1]}${BEGIN(region)}`, ...regionText(isa, region), `${m[1]}${END(region)}`);
    i = j;
  }
  for (const region of [...Object.keys(FAMILIES), 'rooms']) {
    if (!found.has(region)) throw new Error(`${EXEC_PATH}: GENERATED region "${region}" missing`);
  }
  return out.join('\n');
}

/** Every generated file: path (from the repository root) → the text it must have. */
export async function generated() {
  const isa = await loadIsa();
  const exec = readFileSync(new URL(EXEC_PATH, root), 'utf8');
  return new Map([[IDS_PATH, generateIds(isa)], [EXEC_PATH, generateExec(isa, exec)]]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [path, text] of await generated()) {
    const url = new URL(path, root);
    if (readFileSync(url, 'utf8') !== text) {
      writeFileSync(url, text);
      console.log(`gen: wrote ${path}`);
    } else console.log(`gen: ${path} up to date`);
  }
}
