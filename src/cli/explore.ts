/**
 * `tswasm disasm` and `tswasm trace`: the two commands for looking inside
 * the engine. Portable (no Node APIs): they take a decoded, validated module
 * and return text, so they are tested directly and main.node.ts only reads
 * the file and prints.
 *
 *     tswasm disasm FILE [--func NAME|INDEX]
 *     tswasm trace FILE [--limit N] [--invoke NAME [ARGS...]]
 *
 * `disasm` prints, for each function defined in the module, its wasm
 * instructions with their byte offsets and the register code the
 * interpreter translates the function into (src/interp/isa.ts), each
 * register instruction under the wasm instruction it came from.
 *
 * `trace` runs one call with the stepper (src/interp/stepper.ts) and prints
 * one line per executed wasm instruction — step number, call depth,
 * function, byte offset, the instruction, then the operand stack after it
 * and the memory it touched — for at most `--limit` steps (default 10,000).
 * Without `--invoke` it runs a WASI command's `_start`. Arguments are typed
 * by the function's parameters: i32/i64 as integers, f32/f64 as decimal
 * numbers (or `nan`, `inf`).
 *
 * Throws `UsageError` for a bad command line, `CompileError`/`LinkError`
 * from the engine. A trap ends the trace with a `trap:` line.
 */
import type { Func, Module } from '../ast/module.js';
import { opName } from '../ast/opcodes.js';
import { F32, F64, I32, I64, type ValType } from '../ast/types.js';
import { typeText } from '../text/printer.js';
import { Reader } from '../decoder/reader.js';
import { readInstr } from '../decoder/instr.js';
import { instr } from '../ast/instr.js';
import { disassemble } from '../interp/disasm.js';
import { translateWithMarks } from '../interp/translate.js';
import {
  FuncInst, MemoryInst, Stepper, f32ToBits, f64ToBits, instantiate, instrText, moduleFuncType, valueText,
  type Imports, type Value,
} from '../interp/index.js';
import { WasiExit } from '../wasi/index.js';
import { UsageError } from './args.js';

/** `tswasm disasm` as parsed. */
export interface DisasmCommand {
  cmd: 'disasm';
  file: string;
  func?: string;
}

/** `tswasm trace` as parsed. */
export interface TraceCommand {
  cmd: 'trace';
  file: string;
  invoke?: string;
  args: string[];
  limit: number;
}

/** The default `--limit` of `trace`. */
export const DEFAULT_TRACE_LIMIT = 10_000;

/** `tswasm disasm --help`. */
export const DISASM_USAGE = `  disasm FILE [--func NAME]    each function's wasm instructions (with byte offsets) and the register code
                               the interpreter makes of them; --func: one function (name, $name or index)`;
/** `tswasm trace --help`. */
export const TRACE_USAGE = `  trace FILE [--limit N] [--invoke NAME [ARGS...]]
                               run one call instruction by instruction, one line each: step, function@offset,
                               instruction, operand stack after it, memory touched. Default: a WASI command's
                               _start; at most N steps (default ${DEFAULT_TRACE_LIMIT})`;
/** Both, for `tswasm help`. */
export const EXPLORE_USAGE = `${DISASM_USAGE}\n${TRACE_USAGE}`;

/** Parses `disasm`'s arguments (after the command name). */
export function parseDisasm(argv: readonly string[]): DisasmCommand {
  const files: string[] = [];
  let func: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--func') {
      func = argv[++i];
      if (func === undefined) throw new UsageError('--func needs a function name or index');
    } else if (argv[i]!.startsWith('-')) {
      throw new UsageError(`unknown option ${argv[i]} for disasm (see tswasm help)`);
    } else files.push(argv[i]!);
  }
  if (files.length !== 1) throw new UsageError('usage: tswasm disasm FILE [--func NAME]');
  return { cmd: 'disasm', file: files[0]!, func };
}

/** Parses `trace`'s arguments (after the command name). Everything after `--invoke NAME` is the call's arguments. */
export function parseTrace(argv: readonly string[]): TraceCommand {
  const cmd: TraceCommand = { cmd: 'trace', file: '', args: [], limit: DEFAULT_TRACE_LIMIT };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--limit') {
      const n = argv[++i];
      if (n === undefined || !/^\d+$/.test(n) || Number(n) === 0) throw new UsageError(`--limit needs a positive integer, got ${n ?? 'nothing'}`);
      cmd.limit = Number(n);
    } else if (a === '--invoke') {
      cmd.invoke = argv[++i];
      if (cmd.invoke === undefined) throw new UsageError('--invoke needs an export name');
      cmd.args = argv.slice(i + 1);
      break;
    } else if (a.startsWith('-')) {
      throw new UsageError(`unknown option ${a} for trace (see tswasm help)`);
    } else if (cmd.file === '') {
      cmd.file = a;
    } else {
      throw new UsageError(`trace takes one module (got ${a} too); call arguments go after --invoke NAME`);
    }
  }
  if (cmd.file === '') throw new UsageError('usage: tswasm trace FILE [--limit N] [--invoke NAME [ARGS...]]');
  return cmd;
}

/** One wasm instruction of a listing: where it is (in the body and in the module), its text and nesting depth. */
export interface ListedInstr {
  /** Offset in the body (as the translator's marks count). */
  readonly at: number;
  /** Byte offset in the module when decoded from a binary, else `at`. */
  readonly offset: number;
  readonly name: string;
  readonly text: string;
  readonly depth: number;
}

/** The instructions of a function body, in order, with their nesting depth (for `disasm` and the explorer). */
export function wasmListing(m: Module, def: Func): ListedInstr[] {
  const out: ListedInstr[] = [];
  const r = new Reader(def.body);
  const ins = instr(0);
  let depth = 0;
  while (r.pos < def.body.length) {
    const at = r.pos;
    readInstr(r, ins);
    const name = opName(ins.op);
    if (name === 'end' || name === 'else') depth = Math.max(0, depth - 1);
    out.push({ at, offset: def.bodyOffset >= 0 ? def.bodyOffset + at : at, name, text: instrText(ins, m), depth });
    if (name === 'block' || name === 'loop' || name === 'if' || name === 'else' || name === 'try_table') depth++;
  }
  return out;
}

/** The module's name for function `index`: from the name section (`$name`), else an export (`"name"`), else `func[i]`. */
export function funcLabel(m: Module, index: number): string {
  const n = m.names?.funcs.get(index);
  if (n !== undefined) return `$${n}`;
  const ex = m.exports.find((e) => e.kind === 0 && e.index === index);
  return ex !== undefined ? `"${ex.name}"` : `func[${index}]`;
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(4, '0')}`;
}

/** Finds a defined function by name (name section or export) or index; throws UsageError. */
function findFunc(m: Module, which: string): number {
  const imported = m.imports.filter((i) => i.desc.kind === 'func').length;
  const total = imported + m.funcs.length;
  const byIndex = /^\d+$/.test(which) ? Number(which) : -1;
  const bare = which.startsWith('$') ? which.slice(1) : which;
  let index = byIndex;
  if (index < 0) {
    for (const [i, n] of m.names?.funcs ?? []) if (n === bare) index = i;
  }
  if (index < 0) index = m.exports.find((e) => e.kind === 0 && e.name === bare)?.index ?? -1;
  if (index < 0 || index >= total) throw new UsageError(`no function ${which} in the module`);
  if (index < imported) throw new UsageError(`function ${which} is imported: it has no code`);
  return index;
}

/** An import object that satisfies every import with a stand-in (disasm never runs code). */
function standIns(m: Module): Imports {
  return (module, name) => {
    const imp = m.imports.find((i) => i.module === module && i.name === name)!;
    const d = imp.desc;
    if (d.kind === 'func') {
      return FuncInst.host(moduleFuncType(m, d.type), () => { throw new Error(`disasm does not run imports (${module}.${name})`); });
    }
    return undefined;
  };
}

/**
 * Which wasm instruction each register instruction came from: body offset by
 * code index, from the translator's marks (pairs: wasm offset, code length
 * after it). A rewrite that replaces earlier code (a fusion) leaves the fused
 * instruction with the first wasm instruction it came from.
 */
function owners(marks: readonly number[]): number[] {
  const owner: number[] = [];
  let cur = 0;
  for (let i = 0; i < marks.length; i += 2) {
    const at = marks[i]!;
    const len = marks[i + 1]!;
    if (len < cur) cur = len;
    for (let p = cur; p < len; p++) owner[p] = at;
    cur = len;
  }
  return owner;
}

/**
 * The text of `tswasm disasm`: for each defined function (or only `func`),
 * a header, then each wasm instruction at its byte offset with the register
 * code translated from it beside it (the interpreter's `isa.ts` instructions:
 * code index, name, operands as registers `rN`, immediates and targets `@pc`).
 * The translator defers work — a `local.get` or a constant emits nothing, an
 * add may be folded into its user — so code appears beside the instruction
 * whose translation emitted it, often the one that consumes a value.
 */
export function disasmText(m: Module, func?: string): string {
  const imported = m.imports.filter((i) => i.desc.kind === 'func').length;
  const only = func === undefined ? -1 : findFunc(m, func);
  let inst;
  try {
    inst = instantiate(m, standIns(m));
  } catch (e) {
    throw new UsageError(`disasm needs the module to instantiate (it translates code on an instance): ${(e as Error).message}`);
  }
  const out: string[] = [];
  m.funcs.forEach((def, k) => {
    const index = imported + k;
    if (only >= 0 && index !== only) return;
    const t = moduleFuncType(m, def.type);
    const marks: number[] = [];
    const c = translateWithMarks(inst.funcs[index]!, marks);
    const owner = owners(marks);
    // Register instructions by the body offset of the wasm instruction they came from (-1: function entry).
    const byWasm = new Map<number, string[]>();
    for (const line of disassemble(c.code).split('\n')) {
      const pc = Number(/^\s*(\d+):/.exec(line)![1]);
      const at = owner[pc] ?? -1;
      const list = byWasm.get(at) ?? [];
      list.push(line.trim());
      byWasm.set(at, list);
    }
    const sig = [t.params.length ? `(param ${t.params.map(typeText).join(' ')})` : '', t.results.length ? `(result ${t.results.map(typeText).join(' ')})` : ''];
    out.push(`func ${index} ${funcLabel(m, index)}${sig.filter((x) => x !== '').map((x) => ` ${x}`).join('')}`);
    out.push(`  ${'offset  wasm instruction'.padEnd(WASM_COLUMN + 8)}register code (${c.code.length} words, frame of ${c.frameWords >> 1} cells)`);
    for (const line of byWasm.get(-1) ?? []) out.push(`  ${'(entry)'.padEnd(WASM_COLUMN + 8)}${line}`);
    for (const { at, offset, text, depth } of wasmListing(m, def)) {
      const wasmText = `${hex(offset)}  ${'  '.repeat(depth)}${text}`;
      const reg = byWasm.get(at) ?? [];
      out.push(`  ${reg.length > 0 ? `${wasmText.padEnd(WASM_COLUMN + 8)}${wasmText.length >= WASM_COLUMN + 8 ? '  ' : ''}${reg[0]}` : wasmText}`);
      for (const more of reg.slice(1)) out.push(`  ${''.padEnd(WASM_COLUMN + 8)}${more}`);
    }
    out.push('');
  });
  return out.join('\n');
}

/** Width of the wasm column of `disasm` (after the offset). */
const WASM_COLUMN = 30;

/** A boundary value (src/interp/values.ts) from a command-line argument of type `t`. */
export function parseArg(t: ValType, text: string): Value {
  const bad = () => new UsageError(`argument ${text} is not a ${typeText(t)}`);
  const num = (s: string) => (s === 'nan' ? NaN : s === 'inf' || s === '+inf' ? Infinity : s === '-inf' ? -Infinity : Number(s));
  switch (t) {
    case I32: {
      if (!/^[-+]?(0x[0-9a-f]+|\d+)$/i.test(text)) throw bad();
      const v = Number(text);
      if (v < -0x80000000 || v > 0xffffffff) throw bad();
      return v | 0;
    }
    case I64: {
      if (!/^[-+]?(0x[0-9a-f]+|\d+)$/i.test(text)) throw bad();
      const neg = text.startsWith('-');
      const v = BigInt(neg || text.startsWith('+') ? text.slice(1) : text) * (neg ? -1n : 1n);
      if (v < -(1n << 63n) || v >= 1n << 64n) throw bad();
      return BigInt.asIntN(64, v);
    }
    case F32: case F64: {
      const v = num(text);
      if (Number.isNaN(v) && text !== 'nan') throw bad();
      return t === F32 ? f32ToBits(v) : f64ToBits(v);
    }
    default:
      throw new UsageError(`trace cannot pass a ${typeText(t)} argument from the command line`);
  }
}

/** Where `traceRun` gets imports: the embedder's resolver (e.g. WASI's functions). */
export interface TraceOptions {
  invoke?: string;
  args: string[];
  limit: number;
  /** Imports for instantiation. */
  imports: Imports;
  /** Runs a WASI command's `_start` (given the instance's memory and a `_start` to call); returns its exit code. */
  startWasi?: (memory: MemoryInst | undefined, start: () => void) => number;
}

/**
 * Runs the call `tswasm trace` asks for, printing each line through `out`.
 * Returns the exit status: 0, the WASI exit code, or 134 for a trap.
 */
export function traceRun(m: Module, opts: TraceOptions, out: (line: string) => void): number {
  const inst = instantiate(m, opts.imports);
  const name = opts.invoke ?? '_start';
  const f = inst.exports[name];
  if (!(f instanceof FuncInst)) {
    throw new UsageError(opts.invoke === undefined ? 'the module has no _start: say which export to call with --invoke NAME' : `no exported function ${name}`);
  }
  if (opts.args.length !== f.type.params.length) {
    throw new UsageError(`${name} takes ${f.type.params.length} argument(s) (${f.type.params.map(typeText).join(' ')}), got ${opts.args.length}`);
  }
  const args = f.type.params.map((t, k) => parseArg(t, opts.args[k]!));
  const s = new Stepper(f, args);
  let status = 0;
  const go = () => {
    while (!s.done) {
      if (s.steps >= opts.limit) {
        out(`... stopped after ${opts.limit} steps (--limit ${opts.limit})`);
        return;
      }
      const st = s.step();
      const mem = st.touched.map((t) => ` ${t.write ? 'write' : 'read'} ${t.memory === 0 ? '' : `mem${t.memory}:`}${t.address}+${t.length}`).join('');
      out(`${String(st.n).padStart(6)} ${' '.repeat(2 * (st.depth - 1))}${st.name}@${hex(st.offset)} ${st.text.padEnd(22)} [${s.stack().map(valueText).join(' ')}]${mem}`);
      if (st.trap !== null) {
        out(`trap: ${st.trap}`);
        status = 134;
        return;
      }
    }
    out(`result: ${s.resultValues.length === 0 ? '(none)' : s.resultValues.map(valueText).join(' ')}`);
  };
  if (opts.invoke === undefined && opts.startWasi !== undefined) {
    const memory = inst.exports.memory;
    const code = opts.startWasi(memory instanceof MemoryInst ? memory : undefined, go);
    // proc_exit leaves in the middle of a step: the stepper still has its frames.
    if (!s.done) out(`exit: ${code} (proc_exit)`);
    return status !== 0 ? status : code;
  }
  try {
    go();
  } catch (e) {
    if (e instanceof WasiExit) {
      out(`exit: ${e.code} (proc_exit)`);
      return e.code;
    }
    throw e;
  }
  return status;
}

/** `disasm` or `trace` parsed from a whole command line, `help` for `--help`, or null for other commands. */
export function parseExplore(argv: readonly string[]): DisasmCommand | TraceCommand | { cmd: 'explore-help'; text: string } | null {
  const [name, ...rest] = argv;
  if (name !== 'disasm' && name !== 'trace') return null;
  const optionsEnd = name === 'trace' && rest.includes('--invoke') ? rest.indexOf('--invoke') : rest.length;
  if (rest.slice(0, optionsEnd).some((a) => a === '--help' || a === '-h')) {
    return { cmd: 'explore-help', text: `usage: tswasm\n${name === 'disasm' ? DISASM_USAGE : TRACE_USAGE}` };
  }
  return name === 'disasm' ? parseDisasm(rest) : parseTrace(rest);
}
