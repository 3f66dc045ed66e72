/**
 * Linear memory growth: O(n) in total however it is split (capacity reserved
 * ahead geometrically, so storage is replaced O(log n) times), the JS API's
 * `Memory.buffer` semantics (exactly the memory's size, a new object after
 * each growth — also a growth by 0 through the JS API — and the old one
 * detached), bytes preserved, new pages zero, limits respected. Counts
 * replacements through `capacity`; no timing.
 */
import { describe, expect, it } from 'vitest';
import { MemoryInst, PAGE_SIZE } from '../../src/interp/runtime.js';
import { WebAssembly as W } from '../../src/index.js';
import { call1, load } from './helpers.js';

describe('memory growth', () => {
  it('replaces storage O(log n) times when grown page by page', () => {
    const m = new MemoryInst(1, null);
    const capacities = new Set<number>([m.capacity]);
    for (let i = 0; i < 2000; i++) {
      expect(m.grow(1)).toBe(1 + i);
      expect(m.u8.length).toBe((2 + i) * PAGE_SIZE);
      expect(m.capacity).toBeGreaterThanOrEqual(m.byteLength);
      capacities.add(m.capacity);
    }
    expect(m.pages).toBe(2001);
    expect(capacities.size).toBeLessThanOrEqual(13);
  });

  it('keeps bytes, zeroes new pages, and never reserves past the limit', () => {
    const m = new MemoryInst(1, 5);
    m.u8[0] = 7;
    m.i32[100] = -1;
    m.u8[PAGE_SIZE - 1] = 9;
    expect(m.grow(3)).toBe(1);
    expect(m.capacity).toBeLessThanOrEqual(5 * PAGE_SIZE);
    expect([m.u8[0], m.i32[100], m.u8[PAGE_SIZE - 1]]).toEqual([7, -1, 9]);
    expect(m.u8.subarray(PAGE_SIZE).every((b) => b === 0)).toBe(true);
    expect(m.grow(2)).toBe(-1);
    expect(m.grow(1)).toBe(4);
    expect(m.grow(1)).toBe(-1);
    expect(m.pages).toBe(5);
  });

  it('hands out an exact-size buffer, a new one after growth, the old one detached', () => {
    const m = new MemoryInst(1, null);
    m.grow(1); // storage now reserved ahead
    const b1 = m.buffer;
    expect(b1.byteLength).toBe(2 * PAGE_SIZE);
    expect(m.buffer).toBe(b1);
    new Uint8Array(b1)[5] = 42;
    expect(m.u8[5]).toBe(42); // the buffer aliases the memory
    m.grow(1);
    expect(b1.byteLength).toBe(0); // detached (Node has structuredClone with transfer)
    const b2 = m.buffer;
    expect(b2).not.toBe(b1);
    expect(b2.byteLength).toBe(3 * PAGE_SIZE);
    expect(new Uint8Array(b2)[5]).toBe(42);
    m.u8[6] = 1;
    expect(new Uint8Array(b2)[6]).toBe(1);
  });

  it('WebAssembly.Memory: buffer after grow (also by 0) is new, the old detached', () => {
    const mem = new W.Memory({ initial: 1 });
    const b0 = mem.buffer;
    expect(mem.grow(0)).toBe(1);
    expect(b0.byteLength).toBe(0);
    const b1 = mem.buffer;
    expect(b1).not.toBe(b0);
    expect(b1.byteLength).toBe(PAGE_SIZE);
    expect(mem.grow(2)).toBe(1);
    expect(b1.byteLength).toBe(0);
    expect(mem.buffer.byteLength).toBe(3 * PAGE_SIZE);
    expect(mem.buffer).toBe(mem.buffer);
  });

  it('memory.grow in the guest: the guest sees its data, the host a new buffer', () => {
    const inst = load(`(module (memory (export "mem") 1)
      (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
      (func (export "poke") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
      (func (export "peek") (param i32) (result i32) (i32.load (local.get 0))))`);
    const mem = inst.exports.mem as MemoryInst;
    call1(inst, 'poke', 8, 1234);
    const before = mem.buffer;
    for (let i = 0; i < 100; i++) expect(call1(inst, 'grow', 1)).toBe(1 + i);
    expect(before.byteLength).toBe(0);
    expect(call1(inst, 'peek', 8)).toBe(1234);
    call1(inst, 'poke', 100 * PAGE_SIZE, 99);
    expect(new Int32Array(mem.buffer)[(100 * PAGE_SIZE) >> 2]).toBe(99);
    expect(mem.buffer.byteLength).toBe(101 * PAGE_SIZE);
  });
});

describe('memory growth to the 32-bit limit', () => {
  it('grows from 0 to 65535 and 65536 pages (views past 2 GiB)', () => {
    const m = new MemoryInst(0, null);
    expect(m.grow(65535)).toBe(0);
    expect(m.i32.length).toBe((65535 * PAGE_SIZE) / 4);
    expect(m.f64.length).toBe((65535 * PAGE_SIZE) / 8);
    expect(m.grow(1)).toBe(65535);
    expect(m.u8.length).toBe(2 ** 32);
    expect(m.i32.length).toBe(2 ** 30);
    expect(m.grow(1)).toBe(-1);
  });
});
