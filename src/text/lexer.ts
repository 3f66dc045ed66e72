/**
 * The lexer of the WebAssembly text format ("Text Format › Lexical Format"):
 * source text → a flat token stream in typed arrays (kind, start, end, and
 * for every `(` the index of its matching `)`), so the parser can skip a
 * whole S-expression in O(1) and scan a module's fields twice cheaply.
 *
 * Tokens follow the spec's maximal-munch rule: a run of `idchar`s and strings
 * not separated by white space or parentheses is ONE token, classified
 * afterwards (keyword, number-like, `$id`, string, or reserved). Strings are
 * validated here (escapes, UTF-8) but decoded only on demand.
 *
 * Annotations `(@id …)` ("Custom Annotations" appendix) are lexed for
 * well-formedness and dropped, except `@custom`, `@name` and
 * `@metadata.code.branch_hint`, which stay in the stream as an `Annot` open
 * token for the parser to interpret.
 *
 * Deliberately not here: the meaning of numbers (src/numeric/parse.ts) and of
 * keywords (the opcode table, via the parser).
 */
import { CompileError } from '../errors.js';
import { BRANCH_HINT_SECTION } from '../decoder/branch-hints.js';

/** The id of branch-hint annotations: the name of their custom section. */
export const BRANCH_HINT = BRANCH_HINT_SECTION;

/** Token kinds. `Annot` opens a kept annotation and pairs with a `RParen` like `LParen`. */
export const enum Tok {
  LParen,
  RParen,
  /** Starts with a lower-case letter: keywords, mnemonics, `inf`, `nan…`, `offset=…`. */
  Keyword,
  /** Starts with a digit, `+` or `-`: a number (checked when used). */
  Num,
  /** `$name` or `$"…"`. */
  Id,
  String,
  Reserved,
  Annot,
  Eof,
}

/** A syntax error of the text format: the message is the testsuite's text followed by ` at line:column`. */
export class WatSyntaxError extends CompileError {
  /** The reason alone, as the testsuite spells it. */
  readonly reason: string;
  readonly line: number;
  readonly column: number;
  constructor(reason: string, offset: number, line: number, column: number) {
    super(`${reason} at ${line}:${column}`, offset);
    this.reason = reason;
    this.line = line;
    this.column = column;
  }
}
Object.defineProperty(WatSyntaxError.prototype, 'name', { value: 'CompileError', writable: true, configurable: true });

/** Line and column (both 1-based) of character offset `pos` in `src`. */
export function lineCol(src: string, pos: number): [number, number] {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < pos && i < src.length; i++) {
    if (src.charCodeAt(i) === 0x0a) { line++; lineStart = i + 1; }
  }
  return [line, pos - lineStart + 1];
}

/** Throws a WatSyntaxError for `reason` at offset `pos` of `src`. */
export function syntaxError(src: string, pos: number, reason: string): never {
  const [l, c] = lineCol(src, pos);
  throw new WatSyntaxError(reason, pos, l, c);
}

// Character classes: IDCHAR for the spec's idchar, plus the reserved punctuation.
const IDCHAR = new Uint8Array(128);
for (const c of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&\'*+-./:<=>?@\\^_`|~') {
  IDCHAR[c.charCodeAt(0)] = 1;
}
const RESERVED_PUNCT = new Uint8Array(128);
for (const c of ',;[]{}') RESERVED_PUNCT[c.charCodeAt(0)] = 1;

const QUOTE = 0x22;
const DOLLAR = 0x24;
const LPAREN = 0x28;
const RPAREN = 0x29;
const SEMI = 0x3b;
const AT = 0x40;
const BACKSLASH = 0x5c;

/** The token stream of one source text. */
export class Tokens {
  readonly src: string;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  /** For LParen/Annot: index of the matching RParen. */
  match: Int32Array;
  count = 0;

  constructor(src: string) {
    this.src = src;
    const cap = Math.max(16, src.length >> 2);
    this.kind = new Uint8Array(cap);
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.match = new Int32Array(cap);
  }

  push(kind: Tok, start: number, end: number): number {
    if (this.count === this.kind.length) this.grow();
    const i = this.count++;
    this.kind[i] = kind;
    this.start[i] = start;
    this.end[i] = end;
    return i;
  }

  private grow(): void {
    const n = this.kind.length * 2;
    const k = new Uint8Array(n); k.set(this.kind); this.kind = k;
    const s = new Int32Array(n); s.set(this.start); this.start = s;
    const e = new Int32Array(n); e.set(this.end); this.end = e;
    const m = new Int32Array(n); m.set(this.match); this.match = m;
  }

  /** The source text of token i. */
  text(i: number): string {
    return this.src.slice(this.start[i]!, this.end[i]!);
  }

  /** Is token i exactly the keyword `word`? */
  is(i: number, word: string): boolean {
    const s = this.start[i]!;
    return this.kind[i] === Tok.Keyword && this.end[i]! - s === word.length && this.src.startsWith(word, s);
  }

  /** Is token i `(` followed by the keyword `word`? */
  isOpen(i: number, word: string): boolean {
    return this.kind[i] === Tok.LParen && this.is(i + 1, word);
  }

  /** The bytes of string token i (escapes decoded, UTF-8 encoded). */
  bytes(i: number): Uint8Array {
    return decodeStringBody(this.src, this.start[i]! + 1, this.end[i]! - 1);
  }

  /** The name of identifier token i (without `$`; quoted ids decoded). */
  idName(i: number): string {
    const s = this.start[i]!;
    if (this.src.charCodeAt(s + 1) === QUOTE) {
      return utf8ToString(decodeStringBody(this.src, s + 2, this.end[i]! - 1)) ?? '';
    }
    return this.src.slice(s + 1, this.end[i]!);
  }

  /** Throws a syntax error located at token i. */
  fail(i: number, reason: string): never {
    return syntaxError(this.src, this.start[Math.min(i, this.count - 1)]!, reason);
  }
}

/** Lexes `src` completely. Throws WatSyntaxError. */
export function lex(src: string): Tokens {
  const t = new Tokens(src);
  const n = src.length;
  const stack: number[] = [];
  // Annotation nesting: depth of the parenthesis stack at which a dropped annotation began (or -1).
  let dropDepth = -1;
  let annotStart = -1;
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) { i++; continue; }
    if (c === SEMI && src.charCodeAt(i + 1) === SEMI) {
      i += 2;
      // A line comment ends at a newline or a carriage return ("Comments" in the text format).
      while (i < n && src.charCodeAt(i) !== 0x0a && src.charCodeAt(i) !== 0x0d) i++;
      continue;
    }
    if (c === LPAREN && src.charCodeAt(i + 1) === SEMI) { i = skipBlockComment(src, i); continue; }
    if (c === LPAREN) {
      if (src.charCodeAt(i + 1) === AT) {
        // An annotation: `(@` then an idchar run or a string as its id, no space.
        const idStart = i + 2;
        let j = idStart;
        if (src.charCodeAt(j) === QUOTE) {
          j = tryScanString(src, j);
          if (j < 0) syntaxError(src, i, 'empty annotation id');
          const b = decodeStringBody(src, idStart + 1, j - 1);
          if (dropDepth < 0 && b.length === 0) syntaxError(src, i, 'empty annotation id');
          if (utf8ToString(b) === null) syntaxError(src, i, 'malformed UTF-8 encoding');
        } else {
          while (j < n && isIdChar(src.charCodeAt(j))) j++;
          if (j === idStart) {
            if (dropDepth < 0) syntaxError(src, i, 'empty annotation id');
            stack.push(-1); // `(@` with no id inside an annotation: just a parenthesis
            i = j;
            continue;
          }
        }
        const id = src.slice(idStart, j);
        if (dropDepth < 0 && (id === 'custom' || id === 'name' || id === BRANCH_HINT)) {
          stack.push(t.push(Tok.Annot, i, j));
        } else {
          if (dropDepth < 0) { dropDepth = stack.length; annotStart = i; }
          stack.push(-1);
        }
        i = j;
        continue;
      }
      stack.push(dropDepth < 0 ? t.push(Tok.LParen, i, i + 1) : -1);
      i++;
      continue;
    }
    if (c === RPAREN) {
      if (stack.length === 0) syntaxError(src, i, 'unexpected token');
      const open = stack.pop()!;
      if (open >= 0) {
        const close = t.push(Tok.RParen, i, i + 1); // may grow (replace) the arrays: push first
        t.match[open] = close;
      }
      if (dropDepth === stack.length) dropDepth = -1;
      i++;
      continue;
    }
    // A token: a maximal run of idchars, strings and reserved punctuation.
    const start = i;
    let hasString = false;
    let other = false;
    while (i < n) {
      const d = src.charCodeAt(i);
      if (d < 128 && IDCHAR[d] === 1) {
        i++;
        continue;
      }
      if (d === QUOTE) {
        if (i === start + 1 && src.charCodeAt(start) === DOLLAR) {
          const close = tryScanString(src, i);
          if (close < 0) syntaxError(src, start, 'empty identifier');
          i = close;
        } else {
          i = scanString(src, i);
        }
        hasString = true;
      } else if (d < 128 && RESERVED_PUNCT[d] === 1 && !(d === SEMI && src.charCodeAt(i + 1) === SEMI)) {
        i++;
        other = true;
      } else {
        break;
      }
    }
    if (i === start) syntaxError(src, i, src.charCodeAt(i) >= 0xd800 && src.charCodeAt(i) < 0xe000 && !validSurrogate(src, i)
      ? 'malformed UTF-8 encoding' : 'illegal character');
    if (dropDepth >= 0) continue;
    t.push(classify(src, start, i, hasString, other), start, i);
  }
  if (dropDepth >= 0) syntaxError(src, annotStart, 'unclosed annotation');
  if (stack.length > 0) {
    const open = stack[stack.length - 1]!;
    syntaxError(src, open >= 0 ? t.start[open]! : n, 'unclosed parenthesis');
  }
  t.push(Tok.Eof, n, n);
  return t;
}

function isIdChar(c: number): boolean {
  return c < 128 && IDCHAR[c] === 1;
}

function validSurrogate(src: string, i: number): boolean {
  const c = src.charCodeAt(i);
  const d = src.charCodeAt(i + 1);
  return c < 0xdc00 && d >= 0xdc00 && d < 0xe000;
}

function classify(src: string, start: number, end: number, hasString: boolean, other: boolean): Tok {
  const c = src.charCodeAt(start);
  if (other) return Tok.Reserved;
  if (hasString) {
    if (c === QUOTE && scanString(src, start) === end) return Tok.String;
    if (c === DOLLAR && src.charCodeAt(start + 1) === QUOTE && scanString(src, start + 1) === end) {
      const b = decodeStringBody(src, start + 2, end - 1);
      if (b.length === 0) syntaxError(src, start, 'empty identifier');
      if (utf8ToString(b) === null) syntaxError(src, start, 'malformed UTF-8 encoding');
      return Tok.Id;
    }
    if (c === DOLLAR && end === start + 1) syntaxError(src, start, 'empty identifier');
    return Tok.Reserved;
  }
  if (c === DOLLAR) {
    if (end === start + 1) syntaxError(src, start, 'empty identifier');
    return Tok.Id;
  }
  if (c >= 0x61 && c <= 0x7a) return Tok.Keyword;
  if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d) return Tok.Num;
  return Tok.Reserved;
}

function skipBlockComment(src: string, i: number): number {
  const start = i;
  let depth = 0;
  const n = src.length;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === LPAREN && src.charCodeAt(i + 1) === SEMI) { depth++; i += 2; continue; }
    if (c === SEMI && src.charCodeAt(i + 1) === RPAREN) {
      depth--;
      i += 2;
      if (depth === 0) return i;
      continue;
    }
    i++;
  }
  return syntaxError(src, start, 'unclosed comment');
}

/** Scans a string literal starting at the quote at `i`; returns the index after its closing quote. */
function scanString(src: string, i: number): number {
  const start = i;
  const n = src.length;
  i++;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (c === 0x0a) break;
    if (c < 0x20 || c === 0x7f) syntaxError(src, i, 'illegal character');
    if (c === BACKSLASH) {
      const e = src.charCodeAt(i + 1);
      if (e === 0x74 || e === 0x6e || e === 0x72 || e === QUOTE || e === 0x27 || e === BACKSLASH) { i += 2; continue; }
      if (e === 0x75 && src.charCodeAt(i + 2) === 0x7b) {
        let j = i + 3;
        const ds = j;
        let v = 0;
        while (j < n && (hexVal(src.charCodeAt(j)) >= 0 || (src.charCodeAt(j) === 0x5f && j > ds))) {
          if (src.charCodeAt(j) !== 0x5f) v = Math.min(v * 16 + hexVal(src.charCodeAt(j)), 0x110000);
          j++;
        }
        if (j === ds || src.charCodeAt(j) !== 0x7d || v >= 0x110000 || (v >= 0xd800 && v < 0xe000)) {
          syntaxError(src, i, 'illegal escape');
        }
        i = j + 1;
        continue;
      }
      if (hexVal(e) >= 0 && hexVal(src.charCodeAt(i + 2)) >= 0) { i += 3; continue; }
      if (i + 1 >= n) break;
      syntaxError(src, i, 'illegal escape');
    }
    if (c >= 0xd800 && c < 0xe000) {
      if (!validSurrogate(src, i)) syntaxError(src, i, 'malformed UTF-8 encoding');
      i += 2;
      continue;
    }
    i++;
  }
  return syntaxError(src, start, 'unclosed string');
}

/** Like scanString, but returns -1 instead of throwing. */
function tryScanString(src: string, i: number): number {
  try {
    return scanString(src, i);
  } catch {
    return -1;
  }
}

function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** Decodes the body of a (validated) string literal between `from` and `to` into bytes. */
export function decodeStringBody(src: string, from: number, to: number): Uint8Array {
  const out: number[] = [];
  let i = from;
  while (i < to) {
    const c = src.charCodeAt(i);
    if (c === BACKSLASH) {
      const e = src.charCodeAt(i + 1);
      switch (e) {
        case 0x74: out.push(9); i += 2; continue;
        case 0x6e: out.push(10); i += 2; continue;
        case 0x72: out.push(13); i += 2; continue;
        case QUOTE: case 0x27: case BACKSLASH: out.push(e); i += 2; continue;
        case 0x75: {
          let j = i + 3;
          let v = 0;
          while (src.charCodeAt(j) !== 0x7d) {
            if (src.charCodeAt(j) !== 0x5f) v = v * 16 + hexVal(src.charCodeAt(j));
            j++;
          }
          pushUtf8(out, v);
          i = j + 1;
          continue;
        }
        default:
          out.push(hexVal(e) * 16 + hexVal(src.charCodeAt(i + 2)));
          i += 3;
          continue;
      }
    }
    if (c < 0x80) { out.push(c); i++; continue; }
    const cp = src.codePointAt(i)!;
    pushUtf8(out, cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return Uint8Array.from(out);
}

function pushUtf8(out: number[], cp: number): void {
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
  else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
}

/** Strict UTF-8 decoding; null when `b` is not valid UTF-8 (overlong forms and surrogates rejected). */
export function utf8ToString(b: Uint8Array): string | null {
  let s = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let cp: number;
    let need: number;
    let min: number;
    if (c < 0x80) { s += String.fromCharCode(c); i++; continue; }
    if (c >= 0xc2 && c < 0xe0) { cp = c & 0x1f; need = 1; min = 0x80; }
    else if (c >= 0xe0 && c < 0xf0) { cp = c & 0x0f; need = 2; min = 0x800; }
    else if (c >= 0xf0 && c < 0xf5) { cp = c & 0x07; need = 3; min = 0x10000; }
    else return null;
    if (i + need >= b.length + 0 && i + need > b.length - 1 + 1) return null;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) return null;
    s += String.fromCodePoint(cp);
    i += need + 1;
  }
  return s;
}
