/**
 * Custom sections with rules of their own, checked on request: they never
 * make a module invalid for the core spec or the JS API (an engine must
 * ignore a custom section it cannot use), but tools and the testsuite's
 * `assert_invalid_custom` / `assert_malformed_custom` want to hear about them.
 *
 * Known today: `metadata.code.branch_hint` (branch hinting, in the
 * code-metadata convention): per function, in increasing function index,
 * (offset, size 1, hint 0 or 1) entries in increasing offset, each offset
 * counted from the start of the function body (its locals) and naming an
 * `if` or `br_if` instruction.
 *
 * Messages follow the reference interpreter: "@metadata.code.branch_hint
 * section: …" for a malformed section, "… annotation: invalid target" and
 * "… annotation: invalid order" for hints on the wrong instructions.
 */
import type { Module } from '../ast/module.js';
import { withDefaults, enabledOps, type Features } from '../ast/features.js';
import { instr } from '../ast/instr.js';
import { Op } from '../ast/op-ids.js';
import { Reader } from '../decoder/reader.js';
import { readInstr } from '../decoder/instr.js';
import { bodyLocalsSize } from '../encoder/module.js';
import { CompileError } from '../errors.js';
import { BRANCH_HINT_SECTION, readBranchHints } from '../decoder/branch-hints.js';

export { BRANCH_HINT_SECTION };

/**
 * Checks the custom sections of valid module `m` that have rules (see the
 * file comment). Throws `CompileError`; the first problem found wins.
 */
export function validateCustomSections(m: Module, features?: Partial<Features>): void {
  for (const c of m.customs) {
    if (c.name === BRANCH_HINT_SECTION) checkBranchHints(m, c.data, withDefaults(features));
  }
}

function checkBranchHints(m: Module, data: Uint8Array, features: Features): void {
  resolveBranchHints(m, data, features, (op) => {
    if (op !== Op.if && op !== Op.br_if) throw new CompileError(`@${BRANCH_HINT_SECTION} annotation: invalid target`, -1);
  });
}

/**
 * Reads branch-hint section `data` of module `m` and finds each hinted
 * instruction: per defined function (index without imports), the hints as
 * (offset in the function's expression bytes, hint value). `check` sees
 * each hinted instruction's Op as it is found and may throw. Throws
 * `CompileError` for a malformed section and for functions or offsets out
 * of order ("invalid order").
 */
export function resolveBranchHints(m: Module, data: Uint8Array, features: Partial<Features>,
  check: (op: number) => void): Map<number, { at: number; value: number }[]> {
  const invalid = (reason: string): never => {
    throw new CompileError(`@${BRANCH_HINT_SECTION} annotation: ${reason}`, -1);
  };
  const malformed = (reason: string): never => {
    throw new CompileError(`@${BRANCH_HINT_SECTION} section: ${reason}`, -1);
  };
  const funcs = readBranchHints(data);
  const imported = m.imports.filter((i) => i.desc.kind === 'func').length;
  const f = withDefaults(features);
  const ops = enabledOps(f);
  const ins = instr(0);
  const out = new Map<number, { at: number; value: number }[]>();
  let lastFunc = -1;
  for (const { func: fi, hints } of funcs) {
    const fn = m.funcs[fi - imported];
    if (fi < imported || fn === undefined) malformed('invalid function index');
    if (fi <= lastFunc) invalid('invalid order');
    lastFunc = fi;
    const localsSize = bodyLocalsSize(fn!);
    // Instruction starts are found by walking the expression as far as the hints ask.
    const body = new Reader(fn!.body, 0, fn!.body.length, 0);
    body.features = f;
    body.ops = ops;
    let at = -1; // start of the instruction last read
    let last = -1;
    const list: { at: number; value: number }[] = [];
    for (const { offset, value } of hints) {
      const target = offset - localsSize;
      if (offset <= last) invalid('invalid order');
      last = offset;
      while (at < target && body.pos < body.end) {
        at = body.pos;
        readInstr(body, ins);
      }
      if (at !== target) malformed('invalid offset');
      check(ins.op);
      list.push({ at, value });
    }
    out.set(fi - imported, list);
  }
  return out;
}
