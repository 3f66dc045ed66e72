/**
 * The script (WAST) parser: a `.wast` file → its commands (script-ast.ts).
 * Covers `module` (text, `binary`, `quote`, `definition`, `instance`,
 * named), `register`, `invoke`, `get` and every assertion of the current
 * testsuite, with their constants and result patterns.
 *
 * Text modules are not parsed here but on demand (`source.parse()`), so that
 * one malformed module costs one command, not the whole script.
 *
 * Deliberately not here: running anything, deciding outcomes.
 */
import { utf8ToString, lex, Tok } from './lexer.js';
import { Cursor } from './cursor.js';
import { parseModuleFields, type TextOptions } from './module.js';
import { f32Const, f64Const, intConst, SHAPES, writeLane } from './literals.js';
import type { Action, Command, Expected, ModuleSource, NanPattern, Value } from './script-ast.js';

/** Parses a whole script. Throws WatSyntaxError when the script itself is malformed. */
export function parseScript(text: string, opts: TextOptions = {}): Command[] {
  const t = lex(text);
  const c = new Cursor(t);
  const lines = new LineCounter(text);
  const out: Command[] = [];
  // A bare module (fields at top level) is a script of one module.
  if (c.kind !== Tok.Eof && !isCommandStart(c)) {
    const start = c.pos;
    const source: ModuleSource = {
      kind: 'text', text, parse: () => {
        const cc = new Cursor(t, start);
        const m = parseModuleFields(cc, opts);
        if (cc.kind !== Tok.Eof) cc.unexpected();
        return m;
      },
    };
    return [{ type: 'module', line: 1, name: null, source, definition: false }];
  }
  while (c.kind !== Tok.Eof) {
    const open = c.pos;
    c.lparen();
    const line = lines.at(t.start[open]!);
    out.push(command(c, open, line, opts, lines));
    if (c.pos !== t.match[open]) c.unexpected();
    c.pos++;
  }
  return out;
}

function isCommandStart(c: Cursor): boolean {
  if (c.kind !== Tok.LParen) return false;
  const w = c.t.text(c.pos + 1);
  return w === 'module' || w.startsWith('assert_') || w === 'register' || w === 'invoke' || w === 'get'
    || w === 'input' || w === 'output';
}

/** Line numbers for increasing offsets in O(total length). */
class LineCounter {
  private pos = 0;
  private line = 1;
  constructor(private readonly src: string) {}
  at(offset: number): number {
    if (offset < this.pos) { this.pos = 0; this.line = 1; }
    for (;;) {
      const nl = this.src.indexOf('\n', this.pos);
      if (nl < 0 || nl >= offset) break;
      this.line++;
      this.pos = nl + 1;
    }
    return this.line;
  }
}

function command(c: Cursor, open: number, line: number, opts: TextOptions, lines: LineCounter): Command {
  const t = c.t;
  if (t.kind[c.pos] !== Tok.Keyword) c.unexpected();
  const kw = t.text(c.pos);
  switch (kw) {
    case 'module': {
      if (t.is(c.pos + 1, 'instance')) {
        c.pos += 2;
        const name = c.optId();
        const of = c.optId();
        return { type: 'instance', line, name, of };
      }
      const { name, source, definition } = moduleSource(c, open, opts);
      return { type: 'module', line, name, source, definition };
    }
    case 'register': {
      c.pos++;
      const as = c.name();
      return { type: 'register', line, as, name: c.optId() };
    }
    case 'invoke': case 'get':
      return { type: 'action', line, action: actionBody(c, line) };
    case 'assert_return': {
      c.pos++;
      const action = action_(c, lines);
      const expected: Expected[] = [];
      while (c.kind === Tok.LParen) expected.push(result(c));
      return { type: 'assert_return', line, action, expected };
    }
    case 'assert_trap': {
      c.pos++;
      if (c.isOpen('module')) {
        const { source } = moduleSource(c, c.pos, opts, true);
        return { type: 'assert_trap_module', line, source, message: c.name() };
      }
      const action = action_(c, lines);
      return { type: 'assert_trap', line, action, message: c.name() };
    }
    case 'assert_exhaustion': {
      c.pos++;
      const action = action_(c, lines);
      return { type: 'assert_exhaustion', line, action, message: c.name() };
    }
    case 'assert_exception': {
      c.pos++;
      return { type: 'assert_exception', line, action: action_(c, lines) };
    }
    case 'assert_invalid': case 'assert_malformed': case 'assert_unlinkable': case 'assert_malformed_custom':
    case 'assert_invalid_custom': case 'assert_uninstantiable': {
      c.pos++;
      if (!c.isOpen('module')) c.unexpected();
      const { source } = moduleSource(c, c.pos, opts, true);
      return { type: kw, line, source, message: c.name() };
    }
    default:
      return c.unexpected();
  }
}

/** `(module $id? …)` in any of its forms; leaves the cursor after it when `nested`, else at its `)`. */
function moduleSource(c: Cursor, open: number, opts: TextOptions, nested = false):
  { name: string | null; source: ModuleSource; definition: boolean } {
  const t = c.t;
  if (nested) c.pos = open + 1;
  c.keyword('module');
  let definition = false;
  if (c.is('definition')) { definition = true; c.pos++; }
  const name = c.optBindId();
  const close = t.match[open]!;
  let source: ModuleSource;
  if (c.is('binary') || c.is('quote')) {
    const quote = c.is('quote');
    c.pos++;
    const parts: Uint8Array[] = [];
    while (c.kind === Tok.String) parts.push(c.bytes());
    let n = 0;
    for (const p of parts) n += p.length;
    const bytes = new Uint8Array(n);
    n = 0;
    for (const p of parts) { bytes.set(p, n); n += p.length; }
    if (quote) {
      // Quoted source that is not UTF-8 keeps a marker the parser rejects as "malformed UTF-8 encoding".
      source = { kind: 'quote', text: utf8ToString(bytes) ?? INVALID_UTF8 };
    } else {
      source = { kind: 'binary', bytes };
    }
    if (c.pos !== close) c.unexpected();
  } else {
    const start = c.pos;
    const text = t.src.slice(t.start[open]!, t.end[close]!);
    source = {
      kind: 'text', text, parse: () => {
        const cc = new Cursor(t, start);
        const m = parseModuleFields(cc, opts);
        if (cc.pos !== close) cc.unexpected();
        return m;
      },
    };
    c.pos = close;
  }
  if (nested) c.pos = close + 1;
  return { name, source, definition };
}

/** The text of a `(module quote …)` whose bytes are not UTF-8 (a lone surrogate the lexer rejects). */
export const INVALID_UTF8 = '\ud800';

function action_(c: Cursor, lines: LineCounter): Action {
  const open = c.pos;
  c.lparen();
  const a = actionBody(c, lines.at(c.t.start[open]!));
  c.rparen();
  return a;
}

/** `invoke $m? "name" const*` or `get $m? "name"` (after the `(`). */
function actionBody(c: Cursor, line: number): Action {
  const type = c.is('invoke') ? 'invoke' : c.is('get') ? 'get' : c.unexpected();
  c.pos++;
  const module = c.optId();
  const name = c.name();
  const args: Value[] = [];
  while (c.kind === Tok.LParen) args.push(constant(c));
  return { type, module, name, args, line };
}

/** A constant `(t.const …)`, `(ref.null ht)`, `(ref.extern n)`, `(ref.host n)`. */
function constant(c: Cursor): Value {
  c.lparen();
  const kw = c.t.text(c.pos);
  c.pos++;
  let v: Value;
  switch (kw) {
    case 'i32.const': v = { type: 'i32', value: intConst(c, 32) as number }; break;
    case 'i64.const': { const w = intConst(c, 64) as { lo: number; hi: number }; v = { type: 'i64', lo: w.lo, hi: w.hi }; break; }
    case 'f32.const': v = { type: 'f32', bits: f32Const(c) }; break;
    case 'f64.const': { const w = f64Const(c); v = { type: 'f64', lo: w.lo, hi: w.hi }; break; }
    case 'v128.const': {
      const shape = c.t.text(c.pos);
      const lanes = SHAPES.get(shape);
      if (lanes === undefined) c.unexpected();
      c.pos++;
      const bytes = new Uint8Array(16);
      for (let i = 0; i < lanes; i++) writeLane(c, shape, bytes, i);
      v = { type: 'v128', bytes };
      break;
    }
    case 'ref.null': v = { type: 'ref.null', heap: c.kind === Tok.RParen ? '' : c.t.text(c.pos++) }; break;
    case 'ref.extern': v = { type: 'ref.extern', value: c.u32() }; break;
    case 'ref.host': v = { type: 'ref.host', value: c.u32() }; break;
    default: return c.unexpected(c.pos - 1);
  }
  c.rparen();
  return v;
}

function nanPattern(c: Cursor): NanPattern | null {
  if (c.is('nan:canonical')) { c.pos++; return 'nan:canonical'; }
  if (c.is('nan:arithmetic')) { c.pos++; return 'nan:arithmetic'; }
  return null;
}

/** An expected result. */
function result(c: Cursor): Expected {
  const open = c.pos;
  const kw = c.t.text(open + 1);
  switch (kw) {
    case 'either': {
      c.pos += 2;
      const options: Expected[] = [];
      while (c.kind === Tok.LParen) options.push(result(c));
      c.rparen();
      return { type: 'either', options };
    }
    case 'f32.const': case 'f64.const': {
      c.pos += 2;
      const nan = nanPattern(c);
      if (nan !== null) {
        c.rparen();
        return { type: kw === 'f32.const' ? 'f32-nan' : 'f64-nan', nan };
      }
      c.pos = open;
      return { type: 'value', value: constant(c) };
    }
    case 'v128.const': {
      const shape = c.t.text(open + 2);
      if (shape !== 'f32x4' && shape !== 'f64x2') break;
      c.pos = open + 3;
      const lanes = SHAPES.get(shape)!;
      const bytes = new Uint8Array(16);
      const nans: (NanPattern | null)[] = [];
      let any = false;
      for (let i = 0; i < lanes; i++) {
        const nan = nanPattern(c);
        nans.push(nan);
        if (nan !== null) any = true;
        else writeLane(c, shape, bytes, i);
      }
      c.rparen();
      if (!any) return { type: 'value', value: { type: 'v128', bytes } };
      return { type: 'v128-lanes', shape, bytes, nans };
    }
    case 'ref.null':
      if (c.t.kind[open + 2] === Tok.RParen) {
        c.pos = open + 3;
        return { type: 'ref.null-any' };
      }
      break;
    case 'ref.extern': case 'ref.host':
      if (c.t.kind[open + 2] === Tok.RParen) {
        c.pos = open + 3;
        return { type: 'ref', kind: kw.slice(4) };
      }
      break;
    case 'ref.func': case 'ref.any': case 'ref.eq': case 'ref.i31': case 'ref.struct': case 'ref.array':
    case 'ref.exn': case 'ref.i31_shared': {
      // A non-null reference of that kind; an operand (e.g. a function name) is not checked.
      c.pos = c.after(open);
      return { type: 'ref', kind: kw.slice(4) };
    }
  }
  return { type: 'value', value: constant(c) };
}
