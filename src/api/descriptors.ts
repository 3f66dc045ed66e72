/**
 * Reading the JS API's descriptor dictionaries (MemoryDescriptor,
 * TableDescriptor, GlobalDescriptor): the WebIDL conversions of their members
 * ([EnforceRange] unsigned long / unsigned long long), with TypeError for
 * missing or out-of-range values, as the JS API specifies.
 */

/** WebIDL `[EnforceRange] unsigned long`: a TypeError unless `v` is a finite number in [0, 2^32). */
export function enforceU32(v: unknown, what: string): number {
  const n = +(v as number);
  if (!Number.isFinite(n)) throw new TypeError(`${what} must be a finite number`);
  const t = Math.trunc(n);
  if (t < 0 || t > 0xffffffff) throw new TypeError(`${what} is out of range`);
  return t;
}

/** A dictionary argument: undefined/null read as empty; other non-objects are a TypeError. */
export function dictionary(v: unknown, what: string): Record<string, unknown> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' && typeof v !== 'function') throw new TypeError(`${what} must be an object`);
  return v as Record<string, unknown>;
}

/** Reads the (initial/minimum, maximum) pair of a Memory or Table descriptor. */
export function readLimits(d: Record<string, unknown>, what: string): { initial: number; maximum: number | null } {
  const hasInitial = d.initial !== undefined;
  const hasMinimum = d.minimum !== undefined;
  if (hasInitial && hasMinimum) throw new TypeError(`${what}: give initial or minimum, not both`);
  if (!hasInitial && !hasMinimum) throw new TypeError(`${what}: initial is required`);
  const initial = enforceU32(hasInitial ? d.initial : d.minimum, `${what}.initial`);
  const maximum = d.maximum === undefined ? null : enforceU32(d.maximum, `${what}.maximum`);
  if (maximum !== null && maximum < initial) throw new RangeError(`${what}: maximum is less than initial`);
  return { initial, maximum };
}

/** The bytes of a BufferSource (ArrayBuffer or view), copied as the JS API requires. */
export function bufferSourceBytes(src: unknown): Uint8Array {
  if (src instanceof ArrayBuffer) return new Uint8Array(src.slice(0));
  if (ArrayBuffer.isView(src)) return new Uint8Array(src.buffer.slice(src.byteOffset, src.byteOffset + src.byteLength));
  if (typeof SharedArrayBuffer !== 'undefined' && src instanceof SharedArrayBuffer) return new Uint8Array(src.slice(0));
  throw new TypeError('an ArrayBuffer or ArrayBuffer view is required');
}
