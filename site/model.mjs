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
import { F32, F64, I32, I64 } from '../dist/src/ast/types.js';
import { funcLabel, parseArg, wasmListing } from '../dist/src/cli/explore.js';
import { validateOrThrow } from '../dist/src/validator/index.js';
import { unsupportedFeature } from '../dist/src/interp/support.js';
import { disassemble } from '../dist/src/interp/disasm.js';
import { compiled } from '../dist/src/interp/exec.js';
import { typeText } from '../dist/src/text/printer.js';
import {
  FuncInst, Stepper, instantiate, invoke, moduleFuncType, spectest, valueText,
} from '../dist/src/interp/index.js';

/** Value type codes by the names the page shows. */
const TYPE_CODE = { i32: I32, i64: I64, f32: F32, f64: F64 };

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
      index, name: funcLabel(m, index),
      signature: type ? `(param ${type.params.map(typeText).join(' ')}) (result ${type.results.map(typeText).join(' ')})` : '',
      lines: wasmListing(m, def).map((l) => ({ ...l, spec: specSection(l.name) })), registerCode: null,
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

/** Calls export `name` to the end (the interpreter's fast path); returns the results as text. */
export function callExport(analysis, name, argTexts) {
  const fn = analysis.instance.exports[name];
  const ex = analysis.exports.find((e) => e.name === name);
  const args = ex.params.map((t, k) => parseArg(TYPE_CODE[t], argTexts[k] ?? ''));
  return invoke(fn, args);
}

/** A stepper for a call of export `name`, with breakpoints at the given byte offsets. */
export function startStepping(analysis, name, argTexts, breakOffsets) {
  const fn = analysis.instance.exports[name];
  if (!(fn instanceof FuncInst)) throw new Error(`${name} is not a function`);
  const ex = analysis.exports.find((e) => e.name === name);
  const args = ex.params.map((t, k) => parseArg(TYPE_CODE[t], argTexts[k] ?? ''));
  const breakpoints = [];
  for (const f of analysis.funcs) for (const l of f.lines) if (breakOffsets.has(l.offset)) breakpoints.push({ func: f.index, offset: l.offset });
  return new Stepper(fn, args, { breakpoints });
}
