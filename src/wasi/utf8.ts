/**
 * UTF-8 for strings crossing the guest boundary (args, environment, paths,
 * directory entries, symlink targets, text stdin).
 *
 * Written out because `TextEncoder`/`TextDecoder` are not in ES2020 nor in
 * every engine tswasm targets (older Hermes). The decoder is strict: malformed
 * input (overlongs, surrogates, truncation) gives `null`, which path calls
 * report as `EILSEQ`. The encoder turns lone surrogates into U+FFFD.
 */

/** Encodes a JS string as UTF-8. */
export function utf8Encode(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** Decodes strict UTF-8; `null` when malformed. */
export function utf8Decode(bytes: Uint8Array): string | null {
  let s = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    let cp: number;
    let extra: number;
    let min: number;
    if (b < 0x80) {
      s += String.fromCharCode(b);
      i++;
      continue;
    }
    if ((b & 0xe0) === 0xc0) [cp, extra, min] = [b & 0x1f, 1, 0x80];
    else if ((b & 0xf0) === 0xe0) [cp, extra, min] = [b & 0x0f, 2, 0x800];
    else if ((b & 0xf8) === 0xf0) [cp, extra, min] = [b & 0x07, 3, 0x10000];
    else return null;
    if (i + extra >= bytes.length) return null;
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    s += String.fromCodePoint(cp);
    i += extra + 1;
  }
  return s;
}
