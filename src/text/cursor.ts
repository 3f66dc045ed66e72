/**
 * The parser's cursor over the token stream, with the helpers every grammar
 * rule uses: expecting parentheses and keywords, reading natural numbers and
 * strings, and reporting errors the way the reference interpreter words them
 * ("unexpected token", "unknown operator …", "constant out of range").
 *
 * Deliberately not here: any grammar rule (types.ts, instr.ts, module.ts,
 * script.ts) or identifier resolution (context.ts).
 */
import { OP_BY_NAME } from '../ast/opcodes.js';
import { isFloatLiteral, isIntegerLiteral, parseU32, parseU64 } from '../numeric/parse.js';
import { Tok, utf8ToString, type Tokens } from './lexer.js';

/**
 * Keywords of the text format that are not instruction mnemonics. A keyword
 * token outside this list and the opcode table is an "unknown operator", as
 * in the reference lexer, wherever it appears.
 */
const STRUCTURAL_KEYWORDS = new Set([
  'module', 'type', 'func', 'param', 'result', 'local', 'import', 'export', 'table', 'memory', 'global', 'tag',
  'start', 'elem', 'data', 'offset', 'item', 'declare', 'mut', 'sub', 'final', 'rec', 'struct', 'array', 'field',
  'ref', 'null', 'exact', 'descriptor', 'describes', 'shared', 'unshared', 'pagesize', 'then', 'else', 'end',
  'do', 'catch', 'catch_ref', 'catch_all', 'catch_all_ref', 'delegate', 'i32', 'i64', 'f32', 'f64', 'v128',
  'i8', 'i16', 'i8x16', 'i16x8', 'i32x4', 'i64x2', 'f32x4', 'f64x2', 'any', 'eq', 'i31', 'none', 'nofunc',
  'extern', 'noextern', 'exn', 'noexn', 'funcref', 'externref', 'anyref', 'eqref', 'i31ref', 'structref',
  'arrayref', 'exnref', 'nullref', 'nullfuncref', 'nullexternref', 'nullexnref', 'inf', 'nan', 'binary', 'quote',
  'definition', 'instance', 'register', 'invoke', 'get', 'either', 'assert_return', 'assert_trap',
  'assert_exhaustion', 'assert_invalid', 'assert_malformed', 'assert_unlinkable', 'assert_exception',
  'assert_malformed_custom', 'assert_invalid_custom', 'assert_uninstantiable', 'nan:canonical',
  'nan:arithmetic', 'ref.extern', 'ref.host', 'ref.any', 'ref.eq', 'ref.struct', 'ref.array', 'ref.i31',
  'ref.exn', 'ref.null', 'ref.func', 'input', 'output', 'script', 'before', 'after', 'custom', 'name',
]);

/** Is `word` a keyword of the text format (or the script)? */
export function isKnownKeyword(word: string): boolean {
  if (OP_BY_NAME.has(word) || STRUCTURAL_KEYWORDS.has(word)) return true;
  if (word.startsWith('offset=') || word.startsWith('align=')) return isIntegerLiteral(word.slice(word.indexOf('=') + 1));
  return isFloatLiteral(word);
}

/** A position in a token stream with the grammar's primitive moves. */
export class Cursor {
  readonly t: Tokens;
  pos: number;

  constructor(t: Tokens, pos = 0) {
    this.t = t;
    this.pos = pos;
  }

  get kind(): Tok {
    return this.t.kind[this.pos] as Tok;
  }

  /** Fails at the current token with `reason`. */
  fail(reason: string, at = this.pos): never {
    return this.t.fail(at, reason);
  }

  /**
   * Fails at the current token with the reference lexer/parser's message:
   * "unknown operator" for tokens that are no keyword, number, string or
   * identifier at all, else "unexpected token".
   */
  unexpected(at = this.pos): never {
    const k = this.t.kind[at] as Tok;
    if (k === Tok.Reserved) return this.fail('unknown operator', at);
    if (k === Tok.Keyword && !isKnownKeyword(this.t.text(at))) return this.fail(`unknown operator ${this.t.text(at)}`, at);
    if (k === Tok.Num && !isFloatLiteral(this.t.text(at))) return this.fail('unknown operator', at);
    if (k === Tok.Annot) {
      const text = this.t.text(at);
      return this.fail(`misplaced ${text.slice(1)} annotation`, at);
    }
    return this.fail('unexpected token', at);
  }

  lparen(): void {
    if (this.t.kind[this.pos] !== Tok.LParen) this.unexpected();
    this.pos++;
  }

  rparen(): void {
    if (this.t.kind[this.pos] !== Tok.RParen) this.unexpected();
    this.pos++;
  }

  /** Is the current token the keyword `word`? */
  is(word: string): boolean {
    return this.t.is(this.pos, word);
  }

  /** Is the current token `(` followed by keyword `word`? */
  isOpen(word: string): boolean {
    return this.t.isOpen(this.pos, word);
  }

  /** Consumes keyword `word` or fails. */
  keyword(word: string): void {
    if (!this.t.is(this.pos, word)) this.unexpected();
    this.pos++;
  }

  /** If at `(word`, consumes both and returns true. */
  open(word: string): boolean {
    if (!this.t.isOpen(this.pos, word)) return false;
    this.pos += 2;
    return true;
  }

  /** Index just after the `)` matching the `(` at `at`. */
  after(at: number): number {
    return this.t.match[at]! + 1;
  }

  /** Reads a natural number (u32). */
  u32(): number {
    if (this.kind !== Tok.Num) this.unexpected();
    const s = this.t.text(this.pos);
    const v = parseU32(s);
    if (v === null) {
      if (isIntegerLiteral(s) && s[0] !== '-' && s[0] !== '+') this.fail('i32 constant out of range');
      this.unexpected();
    }
    this.pos++;
    return v;
  }

  /** Reads a natural number (u64) as a bigint. */
  u64(): bigint {
    if (this.kind !== Tok.Num) this.unexpected();
    const v = natFromText(this.t.text(this.pos));
    if (v === null) {
      const s = this.t.text(this.pos);
      if (isIntegerLiteral(s) && s[0] !== '-' && s[0] !== '+') this.fail('i64 constant out of range');
      this.unexpected();
    }
    this.pos++;
    return v;
  }

  /** Is the current token a natural number (no sign)? */
  isNat(): boolean {
    if (this.kind !== Tok.Num) return false;
    const c = this.t.src.charCodeAt(this.t.start[this.pos]!);
    return c >= 0x30 && c <= 0x39 && isIntegerLiteral(this.t.text(this.pos));
  }

  /** Reads a string's bytes. */
  bytes(): Uint8Array {
    if (this.kind !== Tok.String) this.unexpected();
    return this.t.bytes(this.pos++);
  }

  /** Reads a string that must be valid UTF-8 (a name). */
  name(): string {
    const at = this.pos;
    if (this.kind === Tok.String) {
      // Fast path: printable ASCII without escapes is its own text.
      const t = this.t;
      const from = t.start[at]! + 1;
      const to = t.end[at]! - 1;
      let plain = true;
      for (let i = from; i < to; i++) {
        const ch = t.src.charCodeAt(i);
        if (ch === 0x5c || ch >= 0x7f) { plain = false; break; }
      }
      if (plain) {
        this.pos++;
        return t.src.slice(from, to);
      }
    }
    const s = utf8ToString(this.bytes());
    if (s === null) this.fail('malformed UTF-8 encoding', at);
    return s;
  }

  /** If the current token is an identifier, consumes it and returns its name. */
  optId(): string | null {
    return this.kind === Tok.Id ? this.t.idName(this.pos++) : null;
  }

  /**
   * An optional identifier in a binding position, where a `(@name …)`
   * annotation may follow it (or stand in its place); the annotation is
   * skipped: names in the text become identifiers, not name-section entries.
   */
  optBindId(): string | null {
    const id = this.optId();
    if (this.atNameAnnot()) this.pos = this.after(this.pos);
    return id;
  }

  /** Is the token at `at` the annotation `(@id`? */
  atAnnot(id: string, at = this.pos): boolean {
    return this.t.kind[at] === Tok.Annot && this.t.end[at]! - this.t.start[at]! === id.length + 2 && this.t.text(at) === `(@${id}`;
  }

  /** Is the current token a `(@name` annotation? */
  atNameAnnot(at = this.pos): boolean {
    return this.t.kind[at] === Tok.Annot && this.t.end[at]! - this.t.start[at]! === 6;
  }
}

/** A u64 natural number from its text, or null. */
export function natFromText(s: string): bigint | null {
  const w = parseU64(s);
  if (w === null) return null;
  return (BigInt(w.hi >>> 0) << 32n) | BigInt(w.lo >>> 0);
}
