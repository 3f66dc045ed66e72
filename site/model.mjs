/**
 * The explorer's model: everything the page shows, computed from a module
 * with tswasm's own decoder, validator, printer, translator and stepper (the
 * built library in dist/, bundled by scripts/build-site.mjs). No DOM here, so
 * the page script (explorer.mjs) only renders, and nothing here needs the
 * browser's own WebAssembly: the page works where it is disabled (V8's
 * `--jitless`) or forbidden (a CSP without `wasm-unsafe-eval`).
 *
 * Deliberately not here: rendering, events, files.
 */
import { parseWat, printWat } from '../dist/src/text/index.js';
import { decode } from '../dist/src/decoder/index.js';
import { Reader } from '../dist/src/decoder/reader.js';
import { readInstr } from '../dist/src/decoder/instr.js';
import { instr } from '../dist/src/ast/instr.js';
import { opName } from '../dist/src/ast/opcodes.js';
import { validateOrThrow } from '../dist/src/validator/index.js';
import { unsupportedFeature } from '../dist/src/interp/support.js';
import { disassemble } from '../dist/src/interp/disasm.js';
import { compiled } from '../dist/src/interp/exec.js';
import { typeText } from '../dist/src/text/printer.js';
import {
  FuncInst, Stepper, f32ToBits, f64ToBits, instantiate, instrText, invoke, moduleFuncType, spectest, valueText,
} from '../dist/src/interp/index.js';

export { valueText };

const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element',
  'code', 'data', 'data count', 'tag'];

/** The specification's chapter on executing instructions; each instruction links to its section there. */
export const SPEC_EXEC = 'https://webassembly.github.io/spec/core/exec/instructions.html';

/** The section of "Execution › Instructions" that defines instruction `name`: `{ title, url }`. */
export function specSection(name) {
  let anchor = 'numeric-instructions';
  let title = 'Numeric Instructions';
  if (/^(unreachable|nop|block|loop|if|else|br|br_if|br_table|return|call|call_indirect|return_call.*|call_ref|throw.*|try_table)$/.test(name)) {
    anchor = 'control-instructions'; title = 'Control Instructions';
  } else if (name === 'end') {
    anchor = 'blocks'; title = 'Blocks';
  } else if (name === 'drop' || name.startsWith('select')) {
    anchor = 'parametric-instructions'; title = 'Parametric Instructions';
  } else if (name.startsWith('local.') || name.startsWith('global.')) {
    anchor = 'variable-instructions'; title = 'Variable Instructions';
  } else if (name.startsWith('table.') || name === 'elem.drop') {
    anchor = 'table-instructions'; title = 'Table Instructions';
  } else if (name.startsWith('memory.') || name === 'data.drop' || /\.(load|store)/.test(name)) {
    anchor = 'memory-instructions'; title = 'Memory Instructions';
  } else if (name.startsWith('ref.')) {
    anchor = 'reference-instructions'; title = 'Reference Instructions';
  } else if (name.startsWith('v128.') || /^[if](8|16|32|64)x\d+\./.test(name)) {
    anchor = 'vector-instructions'; title = 'Vector Instructions';
  }
  return { title: `Execution › Instructions › ${title}`, url: `${SPEC_EXEC}#${anchor}` };
}

/** The sections of a binary: id, name, offset of the section header, and payload size. */
function sectionsOf(bytes) {
  const out = [];
  const r = new Reader(bytes, 8);
  while (r.pos < bytes.length) {
    const at = r.pos;
    const id = r.u8();
    const size = r.u32();
    const start = r.pos;
    let name = SECTION_NAMES[id] ?? `unknown ${id}`;
    if (id === 0) name = `custom "${r.name()}"`;
    out.push({ id, name, offset: at, size });
    r.pos = start + size;
  }
  return out;
}

/** The wasm instructions of a function body, with offsets and nesting depth. */
function listing(m, def) {
  const lines = [];
  const r = new Reader(def.body);
  const ins = instr(0);
  let depth = 0;
  while (r.pos < def.body.length) {
    const at = r.pos;
    readInstr(r, ins);
    const name = opName(ins.op);
    if (name === 'end' || name === 'else') depth = Math.max(0, depth - 1);
    lines.push({ offset: def.bodyOffset >= 0 ? def.bodyOffset + at : at, name, text: instrText(ins, m), depth, spec: specSection(name) });
    if (name === 'block' || name === 'loop' || name === 'if' || name === 'else' || name === 'try_table') depth++;
  }
  return lines;
}

function funcName(m, index) {
  const n = m.names?.funcs.get(index);
  if (n !== undefined) return `$${n}`;
  const e = m.exports.find((x) => x.kind === 0 && x.index === index);
  return e ? `"${e.name}"` : `func[${index}]`;
}

/**
 * Analyzes a module from WAT text or binary bytes. Never throws: returns
 * `{ bytes, error, sections, funcs, text, exports, note }`, where `error`
 * is `{ stage: 'text' | 'decode' | 'validate' | 'instantiate', message, offset, line, column }` or null,
 * and `funcs` lists each defined function's instructions (also for an
 * invalid module that decodes, so the offending instruction can be shown).
 */
export function analyze(input) {
  const res = { bytes: null, module: null, error: null, sections: [], funcs: [], text: '', exports: [], note: null, instance: null };
  let bytes;
  if (typeof input === 'string') {
    try {
      bytes = parseWat(input);
    } catch (e) {
      res.error = { stage: 'text', message: e.message, offset: e.offset ?? -1, line: e.line ?? null, column: e.column ?? null };
      return res;
    }
  } else {
    bytes = input;
  }
  res.bytes = bytes;
  let m;
  try {
    m = decode(bytes);
  } catch (e) {
    res.error = { stage: 'decode', message: e.message, offset: e.offset ?? -1 };
    return res;
  }
  res.module = m;
  try {
    res.sections = sectionsOf(bytes);
  } catch {
    res.sections = [];
  }
  const imported = m.imports.filter((i) => i.desc.kind === 'func').length;
  res.funcs = m.funcs.map((def, k) => {
    const index = imported + k;
    let type = null;
    try {
      type = moduleFuncType(m, def.type);
    } catch {
      // an invalid module's type index: shown without a signature
    }
    return {
      index, name: funcName(m, index),
      signature: type ? `(param ${type.params.map(typeText).join(' ')}) (result ${type.results.map(typeText).join(' ')})` : '',
      lines: listing(m, def), registerCode: null,
    };
  });
  try {
    res.text = printWat(bytes);
  } catch (e) {
    res.text = `;; the printer failed: ${e.message}`;
  }
  let info;
  try {
    info = validateOrThrow(bytes);
  } catch (e) {
    res.error = { stage: 'validate', message: e.message, offset: e.offset ?? -1 };
    return res;
  }
  res.note = unsupportedFeature(info.module, info.usedOps);
  if (res.note !== null) return res;
  try {
    const sp = spectest();
    res.instance = instantiate(m, (mod, name) => (mod === 'spectest' ? sp[name] : undefined));
  } catch (e) {
    res.error = { stage: 'instantiate', message: e.message, offset: -1 };
    return res;
  }
  for (const f of res.funcs) {
    try {
      const c = compiled(res.instance.funcs[f.index]);
      f.registerCode = disassemble(c.code);
    } catch (e) {
      f.registerCode = `(not translated: ${e.message})`;
    }
  }
  res.exports = m.exports.filter((e) => e.kind === 0).map((e) => {
    const fn = res.instance.exports[e.name];
    return { name: e.name, index: e.index, params: fn.type.params.map(typeText), results: fn.type.results.map(typeText) };
  });
  return res;
}

/** A boundary value from the text of an argument of type `t` (i32/i64 integers, f32/f64 decimals). */
export function argValue(t, text) {
  const s = text.trim();
  switch (t) {
    case 'i32': {
      if (!/^[-+]?(0x[0-9a-f]+|\d+)$/i.test(s)) throw new Error(`${text} is not an i32`);
      return Number(s) | 0;
    }
    case 'i64': {
      if (!/^[-+]?(0x[0-9a-f]+|\d+)$/i.test(s)) throw new Error(`${text} is not an i64`);
      const neg = s.startsWith('-');
      return BigInt.asIntN(64, BigInt(neg || s.startsWith('+') ? s.slice(1) : s) * (neg ? -1n : 1n));
    }
    case 'f32': case 'f64': {
      const v = s === 'nan' ? NaN : s === 'inf' ? Infinity : s === '-inf' ? -Infinity : Number(s);
      if (Number.isNaN(v) && s !== 'nan') throw new Error(`${text} is not an ${t}`);
      return t === 'f32' ? f32ToBits(v) : f64ToBits(v);
    }
    default:
      throw new Error(`cannot pass a ${t} from the page`);
  }
}

/** Calls export `name` to the end (the interpreter's fast path); returns the results as text. */
export function callExport(analysis, name, argTexts) {
  const fn = analysis.instance.exports[name];
  const ex = analysis.exports.find((e) => e.name === name);
  const args = ex.params.map((t, k) => argValue(t, argTexts[k] ?? ''));
  return invoke(fn, args);
}

/** A stepper for a call of export `name`, with breakpoints at the given byte offsets. */
export function startStepping(analysis, name, argTexts, breakOffsets) {
  const fn = analysis.instance.exports[name];
  if (!(fn instanceof FuncInst)) throw new Error(`${name} is not a function`);
  const ex = analysis.exports.find((e) => e.name === name);
  const args = ex.params.map((t, k) => argValue(t, argTexts[k] ?? ''));
  const breakpoints = [];
  for (const f of analysis.funcs) for (const l of f.lines) if (breakOffsets.has(l.offset)) breakpoints.push({ func: f.index, offset: l.offset });
  return new Stepper(fn, args, { breakpoints });
}
