/**
 * The translator's peephole rewrites: each replaces the last one or two
 * emitted instructions (never across a label, so no other path can observe
 * the change) by one superinstruction, saving dispatches — the
 * interpreter's main cost. Each returns whether it applied; the caller emits
 * the plain form otherwise. The patterns (wasm → register code):
 *
 * | rewrite | pattern | becomes |
 * | --- | --- | --- |
 * | `foldConst` | `i32.const a; i32.const b; i32.<op>` | `i32.const (a op b)` (nothing emitted) |
 * | `deferAdd` | `x; i32.const k; i32.add/sub` | slot "x + k" (Loc.AddImm), emitted only if used other than as an address |
 * | `fusedAddress` | `i32_add d a b` / `i32_add_imm d a k` / "x + k", then a load/store at d | the `_rr` load/store at a + b |
 * | `fuseCompareBranch` | `i32_<cmp> d a b; br_if d` (also `_imm`, `eqz`; `f32_<cmp>`/`f64_<cmp>`) | `br_<cmp> a b t` (`br_f64_<cmp>`; `br_not_…` when negated) |
 * |   … counter | `i32_add_imm x y k; i32_<cmp> d x b; br_if d` | `add_br_<cmp> x y k b t` (`_imm` bound: `add_br_<cmp>_imm`) |
 * |   … register step | `i32_add x y z; i32_<cmp> d x b; br_if d` | `addr_br_<cmp> x y z b t` |
 * |   … count-down | `i32_add_imm x y k; br_if (local x)` | `add_br_ne_imm x y k 0 t` |
 * | `fuseLoadOperand` | `f64_load(_rr) t p q o; f64.<add/sub/mul/div> x t` | `f64_<op>_m d x p q o` (add/mul: either side) |
 * | `fuseMultiplyAdd` | `f32_mul t x y; f32.add t z` / `f32.add z t` | `f32_mul_add d x y z` / `f32_add_mul d z x y` |
 * | `fuseStoreResult` | `f64_<op> v b c; f64.store p v` | `f64_<op>_st p b c o` |
 * |   … multiply | `f64_mul t y z; f64_add/sub v b t; f64.store p v` | `f64_add/sub_mul_st p b y z o` |
 * | `fuseReadModifyWrite` | `f64_add_m v x p q o; f64.store p v` (same address) | `f64_add_rmw x p q o` |
 * |   … multiply | `f64_mul t x y; f64_add_m v t p q o; store` | `f64_mul_add_rmw x y p q o` |
 * |   … loaded factor | `f64_mul_m t x p' q' o'; f64_add_m v t …; store` | `f64_mul_m_add_rmw x p' q' o' p q o` |
 * | `fuseCopy` | `i32_load8_u/_s, i32_load, i64/f64_load (or _rr) t …; store8/store/i64/f64 store of t` | `copy8/32/64` |
 *
 * A fused-away temporary is always a popped slot's home (dead afterwards),
 * never a local. Operands of the instructions being rewritten are read by
 * their layouts' names (`L_DAB.b`).
 */
import { I32, type ValType } from '../ast/types.js';
import { L_DA, L_DAB, L_DABCI, L_DABI, L_DAI, R } from './isa-ids.js';
import { ADD_BR_OF, ADDR_BR_OF, BR_OF, BR_OF_NEG, MEM_OPERAND_R, STORE_RESULT_R, SWAP_BR } from './ops.js';
import { Loc, StackModel } from './translate-stack.js';

/** The compare-and-branch instructions whose second operand is an immediate. */
const IMM_BR: ReadonlySet<number> = new Set([R.br_eq_imm, R.br_ne_imm, R.br_lt_s_imm, R.br_lt_u_imm, R.br_gt_s_imm,
  R.br_gt_u_imm, R.br_le_s_imm, R.br_le_u_imm, R.br_ge_s_imm, R.br_ge_u_imm]);

/** i32 operation `r` on constants a and b, or null if it is not folded. */
function foldI32(r: number, a: number, b: number): number | null {
  switch (r) {
    case R.i32_add: return (a + b) | 0;
    case R.i32_sub: return (a - b) | 0;
    case R.i32_mul: return Math.imul(a, b);
    case R.i32_and: return a & b;
    case R.i32_or: return a | b;
    case R.i32_xor: return a ^ b;
    case R.i32_shl: return a << b;
    case R.i32_shr_s: return a >> b;
    case R.i32_shr_u: return (a >>> b) | 0;
    default: return null;
  }
}

export class Fusions extends StackModel {
  /** Binary `r` on two i32 constants: pushes the folded constant. */
  protected foldConst(r: number, out: ValType): boolean {
    const kb = this.h - 1;
    const ka = kb - 1;
    if (this.loc[kb] !== Loc.Const || this.loc[ka] !== Loc.Const || out !== I32 || this.type[ka] !== I32) return false;
    const v = foldI32(r, this.val[ka]!, this.val[kb]!);
    if (v === null) return false;
    this.h -= 2;
    this.pushConst(I32, v, 0);
    return true;
  }

  /** `x + k` / `x - k` with x a local or a home: leaves the sum pending as one AddImm slot. */
  protected deferAdd(r: number): boolean {
    const kb = this.h - 1;
    const ka = kb - 1;
    if ((r !== R.i32_add && r !== R.i32_sub) || this.loc[kb] !== Loc.Const
      || (this.loc[ka] !== Loc.Local && this.loc[ka] !== Loc.Home)) return false;
    const base = this.reg(ka);
    const v = r === R.i32_add ? this.val[kb]! : -this.val[kb]! | 0;
    this.h -= 2;
    const k = this.newSlot(I32, Loc.AddImm);
    this.val[k] = base;
    this.hi[k] = v;
    return true;
  }

  /**
   * If the top slot (an address) was just computed by an i32.add of two
   * registers (or of a register and a constant that has a pool cell), removes
   * that add, pops the slot and returns the add's operands; else null.
   */
  protected fusedAddress(): [number, number] | null {
    const k = this.h - 1;
    if (this.loc[k] === Loc.AddImm) {
      const b = this.poolReg(I32, this.hi[k]!, 0);
      if (b < 0) return null;
      this.h--;
      return [this.val[k]!, b];
    }
    if (!this.canRetarget(k)) return null;
    const s = this.lastStart;
    const r = this.code[s]!;
    let a: number;
    let b: number;
    if (r === R.i32_add) a = this.code[s + L_DAB.a]!, b = this.code[s + L_DAB.b]!;
    else if (r === R.i32_add_imm) a = this.code[s + L_DAI.a]!, b = this.poolReg(I32, this.code[s + L_DAI.i]!, 0);
    else return null;
    if (b < 0) return null;
    this.truncate(s);
    this.h--;
    return [a, b];
  }

  /**
   * `br_if`/`if` on an i32 comparison or `eqz` just emitted: pops the
   * condition and emits one compare-and-branch (with a loop counter's add
   * fused in when it was emitted just before), jumping when the condition
   * holds (`negate`: when it does not). Returns the index of the jump's
   * target operand, or -1 if nothing fused.
   */
  protected fuseCompareBranch(negate: boolean): number {
    const k = this.h - 1;
    if (this.canRetarget(k)) {
      const s = this.lastStart;
      const cmp = this.code[s]!;
      const br = negate ? BR_OF_NEG[cmp]! : BR_OF[cmp]!;
      if (br < 0) return -1;
      // The comparison is `i32_eqz d a`, `i32_<cmp>_imm d a i` or `i32_<cmp> d a b`.
      const eqz = cmp === R.i32_eqz;
      const imm = IMM_BR.has(br);
      const a = this.code[s + (eqz ? L_DA.a : imm ? L_DAI.a : L_DAB.a)]!;
      const b = eqz ? -1 : this.code[s + (imm ? L_DAI.i : L_DAB.b)]!;
      const p = this.prevStart;
      this.truncate(s);
      this.h--;
      const addBr = ADD_BR_OF[br]!;
      const swapped = SWAP_BR[br]!;
      const prev = this.opAt(p);
      const counter = prev === R.i32_add_imm && b !== a;
      if (addBr >= 0 && counter && this.code[p + L_DAI.d] === a) {
        // `x = y + k; if (x <cmp> b) br` (a loop counter): one instruction.
        const y = this.code[p + L_DAI.a]!;
        const step = this.code[p + L_DAI.i]!;
        this.truncate(p);
        this.op(addBr, a, y, step, b, 0);
      } else if (swapped >= 0 && counter && this.code[p + L_DAI.d] === b) {
        // The same with the counter on the right: `b <cmp> x` is `x <swapped cmp> b`.
        const y = this.code[p + L_DAI.a]!;
        const step = this.code[p + L_DAI.i]!;
        this.truncate(p);
        this.op(ADD_BR_OF[swapped]!, b, y, step, a, 0);
      } else if (prev === R.i32_add && this.code[p + L_DAB.d] === a && ADDR_BR_OF[br]! >= 0 && b !== a
        && this.addrBound(br, b) >= 0) {
        // `x = y + z; if (x <cmp> b) br` with a register step: one instruction.
        const bound = this.addrBound(br, b);
        const y = this.code[p + L_DAB.a]!;
        const z = this.code[p + L_DAB.b]!;
        this.truncate(p);
        this.op(ADDR_BR_OF[br]!, a, y, z, bound, 0);
      } else if (cmp === R.i32_eqz) this.op(br, a, 0);
      else this.op(br, a, b, 0);
      this.lastDest = -1;
      return this.len - 1;
    }
    const s = this.lastStart;
    if (this.loc[k] === Loc.Local && this.opAt(s) === R.i32_add_imm
      && this.code[s + L_DAI.d] === this.localReg(this.val[k]!)) {
      // `x = y + k; br_if (x)`: a count-down loop, one instruction.
      const d = this.code[s + L_DAI.d]!;
      const y = this.code[s + L_DAI.a]!;
      const imm = this.code[s + L_DAI.i]!;
      this.truncate(s);
      this.h--;
      this.op(negate ? R.add_br_eq_imm : R.add_br_ne_imm, d, y, imm, 0, 0);
      this.lastDest = -1;
      return this.len - 1;
    }
    return -1;
  }

  /** The bound register of an `addr_br_` made from `br` (its operand b: a register, or an immediate's pool cell; -1 if none). */
  private addrBound(br: number, b: number): number {
    return IMM_BR.has(br) ? this.poolReg(I32, b, 0) : b;
  }

  /**
   * `x op load(p)`, or `load(p) op x` for add and mul, with the f64 load just
   * emitted: the load becomes the operation's memory operand (`f64_<op>_m`).
   */
  protected fuseLoadOperand(r: number, out: ValType): boolean {
    const m = MEM_OPERAND_R[r]!;
    if (m < 0 || this.lastStart < 0) return false;
    const kb = this.h - 1;
    const ka = kb - 1;
    const s = this.lastStart;
    const ld = this.code[s]!;
    if (ld !== R.f64_load && ld !== R.f64_load_rr) return false;
    const memB = this.canRetarget(kb) && this.loc[ka] !== Loc.Const;
    const memA = !memB && (r === R.f64_add || r === R.f64_mul) && this.canRetarget(ka) && this.loc[kb] !== Loc.Home;
    if (!memA && !memB) return false;
    const rr = ld === R.f64_load_rr;
    const p = this.code[s + (rr ? L_DABI.a : L_DAI.a)]!;
    const q = rr ? this.code[s + L_DABI.b]! : this.poolReg(I32, 0, 0);
    const off = this.code[s + (rr ? L_DABI.i : L_DAI.i)]!;
    if (q < 0) return false;
    const ps = this.prevStart;
    this.truncate(s);
    const x = this.reg(memB ? ka : kb);
    this.h -= 2;
    this.op(m, this.push(out), x, p, q, off);
    // Nothing else was emitted: the instruction before the removed load is the one before this.
    if (this.lastStart === s) this.prevStart = ps;
    return true;
  }

  /**
   * `f32.add` of a product just computed into a temporary: one
   * `f32_mul_add`/`f32_add_mul` (operand order kept, so NaN payloads
   * propagate as in the unfused pair).
   */
  protected fuseMultiplyAdd(r: number, out: ValType): boolean {
    if (r !== R.f32_add || this.opAt(this.lastStart) !== R.f32_mul) return false;
    const kb = this.h - 1;
    const ka = kb - 1;
    const right = this.canRetarget(kb);
    if (!right && !(this.canRetarget(ka) && this.loc[kb] !== Loc.Home)) return false;
    const s = this.lastStart;
    const x = this.code[s + L_DAB.a]!;
    const y = this.code[s + L_DAB.b]!;
    const ps = this.prevStart;
    this.truncate(s);
    const z = this.reg(right ? ka : kb);
    this.h -= 2;
    if (right) this.op(R.f32_add_mul, this.push(out), z, x, y);
    else this.op(R.f32_mul_add, this.push(out), x, y, z);
    if (this.lastStart === s) this.prevStart = ps;
    return true;
  }

  /**
   * `f64.store p (f64.add x (f64.load p))`, the `+=` of compiled C: when the
   * value was just computed by `f64_add_m` from the very address being
   * stored to, replaces both by one `f64_add_rmw` (with the multiply that
   * produced x fused in too, when it was emitted just before).
   */
  protected fuseReadModifyWrite(off: number): boolean {
    const kv = this.h - 1;
    const ka = kv - 1;
    if (!this.canRetarget(kv) || this.code[this.lastStart] !== R.f64_add_m) return false;
    const s = this.lastStart;
    const b = this.code[s + L_DABCI.b]!;
    const c = this.code[s + L_DABCI.c]!;
    if (this.code[s + L_DABCI.i] !== off) return false;
    // The address slot must name the same place: register b (with c the pool's zero) or b + c.
    const l = this.loc[ka];
    let same = false;
    if (l === Loc.Local || l === Loc.Home) same = c === this.pooled(0) && this.reg(ka) === b;
    else if (l === Loc.AddImm) same = this.val[ka] === b && this.pooled(this.hi[ka]!) >= 0 && c === this.pooled(this.hi[ka]!);
    if (!same) return false;
    const a = this.code[s + L_DABCI.a]!;
    // `mem[p] += x * y`: the product was computed just before into a temporary
    // (a popped slot's home, dead after this) — fuse the multiply in too.
    const pm = this.prevStart;
    const pr = this.isTemp(a) ? this.opAt(pm) : -1;
    if (pr === R.f64_mul && s === pm + L_DAB.size && this.code[pm + L_DAB.d] === a) {
      const x = this.code[pm + L_DAB.a]!;
      const y = this.code[pm + L_DAB.b]!;
      this.truncate(pm);
      this.h -= 2;
      this.op(R.f64_mul_add_rmw, x, y, b, c, off);
      this.prevStart = -1;
      return true;
    }
    if (pr === R.f64_mul_m && s === pm + L_DABCI.size && this.code[pm + L_DABCI.d] === a) {
      const x = this.code[pm + L_DABCI.a]!;
      const p = this.code[pm + L_DABCI.b]!;
      const q = this.code[pm + L_DABCI.c]!;
      const o = this.code[pm + L_DABCI.i]!;
      this.truncate(pm);
      this.h -= 2;
      this.op(R.f64_mul_m_add_rmw, x, p, q, o, b, c, off);
      this.prevStart = -1;
      return true;
    }
    this.truncate(s);
    this.h -= 2;
    this.op(R.f64_add_rmw, a, b, c, off);
    return true;
  }

  /**
   * `f64.store p (f64.op x y)` with the operation just emitted: one `f64_op_st`
   * (the address a plain register), with a multiply producing y fused into
   * add/sub when it was emitted just before.
   */
  protected fuseStoreResult(off: number): boolean {
    const kv = this.h - 1;
    const ka = kv - 1;
    if (!this.canRetarget(kv)) return false;
    const st = STORE_RESULT_R[this.code[this.lastStart]!]!;
    const l = this.loc[ka];
    if (st < 0 || (l !== Loc.Local && l !== Loc.Home)) return false;
    const s = this.lastStart;
    const b = this.code[s + L_DAB.a]!;
    const c = this.code[s + L_DAB.b]!;
    // `store p (x -/+ y * z)` with the product just computed into a temporary
    // (a popped slot's home, dead after this): fuse the multiply in too.
    const pm = this.prevStart;
    const fm = st === R.f64_sub_st ? R.f64_sub_mul_st : st === R.f64_add_st ? R.f64_add_mul_st : -1;
    if (fm >= 0 && this.opAt(pm) === R.f64_mul && s === pm + L_DAB.size && this.code[pm + L_DAB.d] === c && c !== b
      && this.isTemp(c)) {
      const y = this.code[pm + L_DAB.a]!;
      const z = this.code[pm + L_DAB.b]!;
      this.truncate(pm);
      const a = this.reg(ka);
      this.h -= 2;
      this.op(fm, a, b, y, z, off);
      this.prevStart = -1;
      return true;
    }
    this.truncate(s);
    const a = this.reg(ka);
    this.h -= 2;
    this.op(st, a, b, c, off);
    return true;
  }

  /**
   * `store q (load p)` of the same width, the load just emitted: one `copyN`
   * (memory to memory; the loaded temporary is dead).
   */
  protected fuseCopy(mr: number, off: number): boolean {
    const kv = this.h - 1;
    if (!this.canRetarget(kv)) return false;
    const s = this.lastStart;
    const lr = this.code[s]!;
    let cp = -1;
    let rr = false;
    if (mr === R.i32_store8) {
      if (lr === R.i32_load8_u || lr === R.i32_load8_s) cp = R.copy8;
      else if (lr === R.i32_load8_u_rr || lr === R.i32_load8_s_rr) cp = R.copy8, rr = true;
    } else if (mr === R.i32_store) {
      if (lr === R.i32_load) cp = R.copy32;
      else if (lr === R.i32_load_rr) cp = R.copy32, rr = true;
    } else if (mr === R.i64_store || mr === R.f64_store) {
      if (lr === R.i64_load || lr === R.f64_load) cp = R.copy64;
      else if (lr === R.i64_load_rr || lr === R.f64_load_rr) cp = R.copy64, rr = true;
    }
    if (cp < 0) return false;
    const zero = this.poolReg(I32, 0, 0);
    if (zero < 0) return false;
    const p = this.code[s + (rr ? L_DABI.a : L_DAI.a)]!;
    const q = rr ? this.code[s + L_DABI.b]! : zero;
    const o = this.code[s + (rr ? L_DABI.i : L_DAI.i)]!;
    this.truncate(s);
    this.h--;
    const ab = this.fusedAddress();
    const a = ab !== null ? ab[0] : this.popReg();
    const b = ab !== null ? ab[1] : zero;
    this.op(cp, p, q, o, a, b, off);
    return true;
  }
}
