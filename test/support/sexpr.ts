/**
 * A minimal S-expression reader for .wast files, used by tests that only need
 * the binary forms of the testsuite (`(module binary "…")` and the assertions
 * around them). The real text-format parser lives in src/text.
 */
export type SExpr = { kind: 'list'; items: SExpr[]; start: number } | { kind: 'atom'; text: string } | { kind: 'string'; bytes: Uint8Array };

/** Decodes a WAT string literal's body (escapes \n \t \\ \' \" \hh \u{…}) to bytes. */
export function stringBytes(body: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      const cp = body.codePointAt(i)!;
      if (cp > 0xffff) i++;
      out.push(...new TextEncoder().encode(String.fromCodePoint(cp)));
      continue;
    }
    const n = body[++i]!;
    switch (n) {
      case 'n': out.push(10); break;
      case 't': out.push(9); break;
      case 'r': out.push(13); break;
      case '\\': out.push(92); break;
      case "'": out.push(39); break;
      case '"': out.push(34); break;
      case 'u': {
        const close = body.indexOf('}', i);
        const cp = parseInt(body.slice(i + 2, close).replace(/_/g, ''), 16);
        out.push(...new TextEncoder().encode(String.fromCodePoint(cp)));
        i = close;
        break;
      }
      default:
        out.push(parseInt(body.slice(i, i + 2), 16));
        i++;
    }
  }
  return Uint8Array.from(out);
}

/** Parses a whole file into its top-level forms. */
export function parseSExprs(src: string): SExpr[] {
  let i = 0;
  const stack: { items: SExpr[]; start: number }[] = [{ items: [], start: 0 }];
  while (i < src.length) {
    const c = src[i]!;
    if (c === ';' && src[i + 1] === ';') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '(' && src[i + 1] === ';') {
      let depth = 1;
      i += 2;
      while (i < src.length && depth > 0) {
        if (src[i] === '(' && src[i + 1] === ';') { depth++; i += 2; }
        else if (src[i] === ';' && src[i + 1] === ')') { depth--; i += 2; }
        else i++;
      }
    } else if (c === '(') {
      stack.push({ items: [], start: i });
      i++;
    } else if (c === ')') {
      const top = stack.pop()!;
      stack[stack.length - 1]!.items.push({ kind: 'list', items: top.items, start: top.start });
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      stack[stack.length - 1]!.items.push({ kind: 'string', bytes: stringBytes(src.slice(i + 1, j)) });
      i = j + 1;
    } else if (/\s/.test(c)) {
      i++;
    } else {
      let j = i + 1;
      while (j < src.length && !/[\s()";]/.test(src[j]!)) j++;
      stack[stack.length - 1]!.items.push({ kind: 'atom', text: src.slice(i, j) });
      i = j;
    }
  }
  return stack[0]!.items;
}

/** A `(module binary …)` form's bytes, or null if the form is not one. */
export function binaryModule(e: SExpr): Uint8Array | null {
  if (e.kind !== 'list') return null;
  const [head, ...rest] = e.items;
  if (head?.kind !== 'atom' || head.text !== 'module') return null;
  let k = 0;
  while (rest[k]?.kind === 'atom' && (rest[k] as { text: string }).text.startsWith('$')) k++;
  if (rest[k]?.kind === 'atom' && (rest[k] as { text: string }).text === 'definition') k++;
  while (rest[k]?.kind === 'atom' && (rest[k] as { text: string }).text.startsWith('$')) k++;
  if (rest[k]?.kind !== 'atom' || (rest[k] as { text: string }).text !== 'binary') return null;
  const parts = rest.slice(k + 1).map((p) => (p.kind === 'string' ? p.bytes : new Uint8Array(0)));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/** A binary module case from the suite. */
export interface BinaryCase {
  file: string;
  line: number;
  bytes: Uint8Array;
  /** 'module' (must decode), 'malformed' (must fail to decode with `message`), 'invalid'/'unlinkable'/'trap' (must decode). */
  expect: 'module' | 'malformed' | 'decodes';
  message: string;
}

/** Collects every binary module of a .wast source. */
export function binaryCases(file: string, src: string): BinaryCase[] {
  const out: BinaryCase[] = [];
  const lineOf = (pos: number) => src.slice(0, pos).split('\n').length;
  const visit = (e: SExpr) => {
    if (e.kind !== 'list') return;
    const head = e.items[0];
    const bytes = binaryModule(e);
    if (bytes) {
      out.push({ file, line: lineOf(e.start), bytes, expect: 'module', message: '' });
      return;
    }
    if (head?.kind === 'atom' && head.text.startsWith('assert_')) {
      const inner = e.items[1];
      const b = inner ? binaryModule(inner) : null;
      if (b) {
        const msgExpr = e.items[2];
        const message = msgExpr?.kind === 'string' ? new TextDecoder().decode(msgExpr.bytes) : '';
        out.push({
          file, line: lineOf(e.start), bytes: b, message,
          expect: head.text === 'assert_malformed' ? 'malformed' : 'decodes',
        });
        return;
      }
    }
    for (const it of e.items) visit(it);
  };
  for (const e of parseSExprs(src)) visit(e);
  return out;
}
