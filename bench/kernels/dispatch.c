/* dispatch: an interpreter-style switch dispatch loop.  A tiny stack
 * machine runs a bytecode program that sums Collatz step counts for every
 * start value 1..n.  Stresses br_table dispatch, small loads and branches.
 * run(n) returns the program's result (i32). */
#include "common.h"

enum {
  OP_HALT,
  OP_PUSH,  /* imm8: push immediate */
  OP_LOAD,  /* reg: push register */
  OP_STORE, /* reg: pop into register */
  OP_INC,   /* reg: register += 1 */
  OP_DEC,   /* reg: register -= 1 */
  OP_ADD,
  OP_SUB,
  OP_MUL,
  OP_AND,
  OP_XOR,
  OP_SHR,
  OP_EQ,
  OP_DUP,
  OP_DROP,
  OP_JMP,   /* addr16 */
  OP_JZ,    /* addr16: pop, jump if zero */
  OP_JNZ,   /* addr16: pop, jump if non-zero */
};

#define CODE_MAX 256
#define MAX_LABELS 8
#define MAX_FIXUPS 16

typedef struct {
  u8 code[CODE_MAX];
  u32 len;
  u32 labels[MAX_LABELS];
  u32 fixup_at[MAX_FIXUPS];
  u32 fixup_label[MAX_FIXUPS];
  u32 fixups;
} Assembler;

static Assembler as;

static void op(u8 o) { as.code[as.len++] = o; }
static void op1(u8 o, u8 arg) {
  op(o);
  as.code[as.len++] = arg;
}
static void jump(u8 o, u32 label) {
  op(o);
  as.fixup_at[as.fixups] = as.len;
  as.fixup_label[as.fixups++] = label;
  as.len += 2;
}
static void label(u32 l) { as.labels[l] = as.len; }

enum { L_OUTER, L_INNER, L_EVEN, L_STEP, L_NEXT, L_DONE };

/* Registers: r0 = i (counts down from n), r1 = total steps, r2 = x,
 * r3 = running checksum. */
static void assemble(void) {
  as.len = 0;
  as.fixups = 0;
  label(L_OUTER);
  op1(OP_LOAD, 0);
  jump(OP_JZ, L_DONE);
  op1(OP_LOAD, 0);
  op1(OP_STORE, 2);
  label(L_INNER);
  op1(OP_LOAD, 2);
  op1(OP_PUSH, 1);
  op(OP_EQ);
  jump(OP_JNZ, L_NEXT);
  op1(OP_LOAD, 2);
  op(OP_DUP);
  op1(OP_PUSH, 1);
  op(OP_AND);
  jump(OP_JZ, L_EVEN);
  op1(OP_PUSH, 3); /* odd: x = 3x + 1 */
  op(OP_MUL);
  op1(OP_PUSH, 1);
  op(OP_ADD);
  op1(OP_STORE, 2);
  jump(OP_JMP, L_STEP);
  label(L_EVEN); /* even: x = x >> 1 */
  op1(OP_PUSH, 1);
  op(OP_SHR);
  op1(OP_STORE, 2);
  label(L_STEP);
  op1(OP_INC, 1);
  jump(OP_JMP, L_INNER);
  label(L_NEXT); /* r3 = (r3 * 31) ^ (r1 - r0) */
  op1(OP_LOAD, 3);
  op1(OP_PUSH, 31);
  op(OP_MUL);
  op1(OP_LOAD, 1);
  op1(OP_LOAD, 0);
  op(OP_SUB);
  op(OP_XOR);
  op1(OP_STORE, 3);
  op1(OP_DEC, 0);
  jump(OP_JMP, L_OUTER);
  label(L_DONE);
  op1(OP_LOAD, 3);
  op1(OP_LOAD, 1);
  op(OP_ADD);
  op(OP_HALT);
  for (u32 f = 0; f < as.fixups; f++) {
    u32 target = as.labels[as.fixup_label[f]];
    as.code[as.fixup_at[f]] = (u8)(target & 255u);
    as.code[as.fixup_at[f] + 1] = (u8)(target >> 8);
  }
}

static NOINLINE u32 interpret(const u8 *code, u32 *regs) {
  u32 stack[64];
  u32 sp = 0;
  u32 pc = 0;
  for (;;) {
    u8 o = code[pc++];
    switch (o) {
      case OP_HALT:
        return sp ? stack[sp - 1] : 0;
      case OP_PUSH:
        stack[sp++] = code[pc++];
        break;
      case OP_LOAD:
        stack[sp++] = regs[code[pc++]];
        break;
      case OP_STORE:
        regs[code[pc++]] = stack[--sp];
        break;
      case OP_INC:
        regs[code[pc++]]++;
        break;
      case OP_DEC:
        regs[code[pc++]]--;
        break;
      case OP_ADD:
        sp--;
        stack[sp - 1] += stack[sp];
        break;
      case OP_SUB:
        sp--;
        stack[sp - 1] -= stack[sp];
        break;
      case OP_MUL:
        sp--;
        stack[sp - 1] *= stack[sp];
        break;
      case OP_AND:
        sp--;
        stack[sp - 1] &= stack[sp];
        break;
      case OP_XOR:
        sp--;
        stack[sp - 1] ^= stack[sp];
        break;
      case OP_SHR:
        sp--;
        stack[sp - 1] >>= (stack[sp] & 31u);
        break;
      case OP_EQ:
        sp--;
        stack[sp - 1] = stack[sp - 1] == stack[sp];
        break;
      case OP_DUP:
        stack[sp] = stack[sp - 1];
        sp++;
        break;
      case OP_DROP:
        sp--;
        break;
      case OP_JMP:
        pc = (u32)code[pc] | ((u32)code[pc + 1] << 8);
        break;
      case OP_JZ: {
        u32 target = (u32)code[pc] | ((u32)code[pc + 1] << 8);
        pc = stack[--sp] == 0 ? target : pc + 2;
        break;
      }
      case OP_JNZ: {
        u32 target = (u32)code[pc] | ((u32)code[pc + 1] << 8);
        pc = stack[--sp] != 0 ? target : pc + 2;
        break;
      }
      default:
        __builtin_trap();
    }
  }
}

i32 run(i32 n) {
  if (n <= 0) return 0;
  assemble();
  u32 regs[4] = {(u32)n, 0, 0, 0};
  return (i32)interpret(as.code, regs);
}
