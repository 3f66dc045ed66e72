/**
 * The WAST script parser and the printer: commands with their arguments and
 * expected-result patterns; printed modules parse back to the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { parseScript, parseWat, printWat } from '../../src/text/index.js';

describe('scripts', () => {
  it('reads every command form', () => {
    const cmds = parseScript(`
      (module $M (func (export "f") (param i32) (result i32) local.get 0))
      (module binary "\\00asm" "\\01\\00\\00\\00")
      (module quote "(func)")
      (module definition $D (func))
      (module instance $I $D)
      (register "m" $M)
      (invoke $M "f" (i32.const 1))
      (assert_return (invoke "f" (i32.const 1)) (i32.const 1))
      (assert_return (invoke "g") (f32.const nan:canonical) (either (i64.const 1) (i64.const -1)) (ref.null func) (ref.func))
      (assert_return (invoke "h") (v128.const f32x4 nan:arithmetic 1 2 3))
      (assert_trap (invoke "t") "unreachable")
      (assert_trap (module (func (start 0) unreachable)) "unreachable")
      (assert_exhaustion (invoke "e") "call stack exhausted")
      (assert_exception (invoke "x"))
      (assert_invalid (module (func (result i32))) "type mismatch")
      (assert_malformed (module quote "(func") "unclosed")
      (assert_unlinkable (module (import "x" "y" (func))) "unknown import")
      (get $M "g")
    `);
    expect(cmds.map((c) => c.type)).toEqual([
      'module', 'module', 'module', 'module', 'instance', 'register', 'action', 'assert_return', 'assert_return',
      'assert_return', 'assert_trap', 'assert_trap_module', 'assert_exhaustion', 'assert_exception', 'assert_invalid',
      'assert_malformed', 'assert_unlinkable', 'action',
    ]);
    const ret = cmds[8]!;
    if (ret.type !== 'assert_return') throw new Error();
    expect(ret.expected.map((e) => e.type)).toEqual(['f32-nan', 'either', 'value', 'ref']);
    const v = cmds[9]!;
    if (v.type !== 'assert_return') throw new Error();
    expect(v.expected[0]).toMatchObject({ type: 'v128-lanes', shape: 'f32x4', nans: ['nan:arithmetic', null, null, null] });
    expect(cmds[1]!.type === 'module' && cmds[1]!.source.kind).toBe('binary');
    expect(cmds[3]!.type === 'module' && cmds[3]!.definition).toBe(true);
    expect(cmds[7]!.line).toBe(9);
  });

  it('parses text modules lazily, one failure per command', () => {
    const cmds = parseScript('(module (func br 9x)) (module (func))');
    const src = cmds[0]!.type === 'module' ? cmds[0]!.source : null;
    expect(() => src?.kind === 'text' && src.parse()).toThrow(/unknown operator/);
  });
});

describe('printer', () => {
  it('prints modules that parse back to the same bytes', () => {
    const text = `(module
      (type $t (func (param i32) (result i32)))
      (rec (type $s (sub (struct (field (mut i8))))) (type (array (ref null $s))))
      (import "spectest" "print_i32" (func $p (param i32)))
      (memory 1 2) (table 2 funcref) (global $g (mut i64) (i64.const -5))
      (tag $e (param i32))
      (func $f (type $t) (local f32 f64 v128)
        (block $out (result i32)
          (loop $l (br_if $l (i32.eqz (local.get 0))))
          (try_table (catch $e $out) (throw $e (i32.const 1)))
          (v128.const f32x4 1.5 -0 nan:0x1 inf) drop
          (f64.const 0.1) drop
          (i32.load8_u offset=3 align=1 (local.get 0)))
        (call $p (i32.const 1)))
      (elem (i32.const 0) func $f $f)
      (data (i32.const 8) "\\00\\ffhi")
      (@custom "note" (after data) "x"))`;
    const bytes = parseWat(text);
    const printed = printWat(bytes);
    expect(Array.from(parseWat(printed))).toEqual(Array.from(bytes));
    expect(printed).toContain('(@custom "note" (after data) "x")');
  });
});
