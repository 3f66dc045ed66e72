/**
 * Runs one `.wast` file of the testsuite: every command, through the three
 * stages of engine.ts (decode+validate, instantiate, invoke), with the
 * outcomes the reference interpreter's script runner defines:
 *
 * - `passed` / `failed`; `wrong-message` when the right failure came with a
 *   message the expected text is not a prefix of (the reference compares
 *   prefixes);
 * - `pending` when a stage the command needs is not there yet (validator,
 *   interpreter), with the reason — never counted as passed;
 * - `skipped` for commands listed in skips.json.
 *
 * It also counts the text-format work itself: modules parsed, text and
 * binary `assert_malformed`, and (option `roundTrip`) whether each
 * well-formed module survives binary → printed text → binary unchanged.
 *
 * Deliberately not here: scheduling files, tables and summaries (run.mjs).
 */
import type { Module } from '../src/ast/module.js';
import type { Features } from '../src/ast/features.js';
import { encode } from '../src/encoder/index.js';
import { parseScript, parseWat, parseWatModule, printWat } from '../src/text/index.js';
import type { Action, Command, ModuleSource, Value } from '../src/text/index.js';
import type { Engine, RunnerInstance } from './engine.js';
import { checkResult, toArg } from './values.js';

/** The outcome of one command. */
export type Outcome = 'passed' | 'failed' | 'wrong-message' | 'pending' | 'skipped';

/** What running one file gave. */
export interface FileResult {
  file: string;
  feature: string;
  counts: Record<Outcome, number>;
  /** Per command type: passed/failed/pending… counts. */
  byType: Record<string, Record<Outcome, number>>;
  /** One line per non-passing command (failed, wrong-message), `line: text`. */
  failures: string[];
  /** Why commands are pending: reason → count. */
  pending: Record<string, number>;
  stats: {
    modulesParsed: number;
    modulesParseFailed: number;
    malformedText: [passed: number, failed: number];
    malformedBinary: [passed: number, failed: number];
    roundTrip: [identical: number, differing: number];
  };
  /** Modules whose round trip differs (first few per file): `line: reason`. */
  roundTripFailures: string[];
  /** A script-level error (the file itself did not parse). */
  error: string | null;
}

/** Options for one file. */
export interface FileOptions {
  roundTrip: boolean;
  /** `line` numbers of commands to skip, with reasons. */
  skipLines: Map<number, string>;
}

/**
 * The features a suite file is written for, by its folder. The threads
 * proposal's copy of the tests predates reference types, multi-memory and
 * memory64: it expects one table and one memory at most, as WebAssembly 1.0
 * did, and limits that fit in u32.
 */
export function featuresOf(file: string): Partial<Features> {
  const preMulti = file.includes('proposals/threads/');
  return {
    customPageSizes: file.includes('custom-page-sizes'),
    customDescriptors: file.includes('custom-descriptors'),
    wideArithmetic: file.includes('wide-arithmetic'),
    ...(preMulti ? { multiMemory: false, multiTable: false, memory64: false } : {}),
  };
}

/** The feature (table row) of a suite file: its folder, `core` at the top. */
export function featureOf(file: string): string {
  const parts = file.split('/');
  return parts.length === 1 ? 'core' : parts.slice(0, -1).join('/');
}

class Pending extends Error {}

/** Runs a script's text. Never throws. */
export function runFile(file: string, text: string, engine: Engine, opts: FileOptions): FileResult {
  const res: FileResult = {
    file, feature: featureOf(file), counts: zero(), byType: {}, failures: [], pending: {},
    stats: { modulesParsed: 0, modulesParseFailed: 0, malformedText: [0, 0], malformedBinary: [0, 0], roundTrip: [0, 0] },
    roundTripFailures: [],
    error: null,
  };
  const features = featuresOf(file);
  const textOpts = { customDescriptors: features.customDescriptors === true, memory64: features.memory64 !== false };
  let cmds: Command[];
  try {
    cmds = parseScript(text, textOpts);
  } catch (e) {
    res.error = `script does not parse: ${msg(e)}`;
    res.counts.failed++;
    return res;
  }
  const r = new Runner(engine, features, textOpts, res, opts);
  for (const cmd of cmds) {
    const skip = opts.skipLines.get(cmd.line);
    let outcome: Outcome;
    let detail = '';
    if (skip !== undefined) {
      outcome = 'skipped';
    } else {
      try {
        r.line = cmd.line;
        [outcome, detail] = r.run(cmd);
      } catch (e) {
        if (e instanceof Pending) {
          outcome = 'pending';
          res.pending[e.message] = (res.pending[e.message] ?? 0) + 1;
        } else {
          outcome = 'failed';
          detail = `unexpected ${msg(e)}`;
        }
      }
    }
    res.counts[outcome]++;
    const bt = (res.byType[cmd.type] ??= zero());
    bt[outcome]++;
    if (outcome === 'failed' || outcome === 'wrong-message') res.failures.push(`${cmd.line}: ${cmd.type}: ${detail}`);
  }
  return res;
}

function zero(): Record<Outcome, number> {
  return { passed: 0, failed: 0, 'wrong-message': 0, pending: 0, skipped: 0 };
}

function msg(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

function errMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

type Result = [Outcome, string];
const PASS: Result = ['passed', ''];

/** The state of one script: named modules and instances, registrations. */
class Runner {
  private readonly defs = new Map<string, Module>();
  private readonly instances = new Map<string, RunnerInstance>();
  private readonly registered = new Map<string, RunnerInstance>();
  private last: RunnerInstance | null = null;
  /** Why the last module (or a named one) has no instance: the feature the interpreter lacks. */
  private lastPending: string | null = null;
  private readonly pendingNames = new Map<string, string>();
  private readonly pendingRegistered = new Map<string, string>();
  private spectest: Record<string, unknown> | null = null;

  constructor(
    private readonly engine: Engine,
    private readonly features: Partial<Features>,
    private readonly textOpts: { customDescriptors: boolean; memory64: boolean },
    private readonly res: FileResult,
    private readonly opts: FileOptions,
  ) {}

  run(cmd: Command): Result {
    switch (cmd.type) {
      case 'module': {
        // Without a validator the module is still instantiated (so later
        // commands can run), but the command itself stays pending.
        const m = this.parseDecode(cmd.source);
        if (this.engine.validate !== null) this.engine.validate(m, this.features);
        if (cmd.name !== null) this.defs.set(cmd.name, m);
        if (!cmd.definition) {
          const why = this.engine.interp?.unsupported(m) ?? null;
          this.lastPending = why === null ? null : `interpreter: ${why} not executable yet`;
          if (cmd.name !== null) {
            if (this.lastPending === null) this.pendingNames.delete(cmd.name);
            else this.pendingNames.set(cmd.name, this.lastPending);
          }
          if (this.lastPending !== null) {
            this.last = null;
            throw new Pending(this.lastPending);
          }
          const inst = this.instantiate(m);
          this.last = inst;
          if (cmd.name !== null) this.instances.set(cmd.name, inst);
        }
        if (this.engine.validate === null) throw new Pending('validator');
        return PASS;
      }
      case 'instance': {
        const m = cmd.of !== null ? this.defs.get(cmd.of) : undefined;
        if (m === undefined) return ['failed', `unknown module definition ${cmd.of}`];
        const why = this.engine.interp?.unsupported(m) ?? null;
        this.lastPending = why === null ? null : `interpreter: ${why} not executable yet`;
        if (cmd.name !== null && this.lastPending !== null) this.pendingNames.set(cmd.name, this.lastPending);
        const inst = this.instantiate(m);
        this.last = inst;
        if (cmd.name !== null) this.instances.set(cmd.name, inst);
        return PASS;
      }
      case 'register': {
        const pending = cmd.name === null ? this.lastPending : this.pendingNames.get(cmd.name) ?? null;
        if (pending !== null) {
          this.pendingRegistered.set(cmd.as, pending);
          throw new Pending(pending);
        }
        const inst = this.instance(cmd.name);
        this.registered.set(cmd.as, inst);
        this.pendingRegistered.delete(cmd.as);
        return PASS;
      }
      case 'action':
        this.act(cmd.action);
        return PASS;
      case 'assert_return': {
        const got = this.act(cmd.action);
        if (got.length !== cmd.expected.length) return ['failed', `${got.length} results, expected ${cmd.expected.length}`];
        for (let i = 0; i < got.length; i++) {
          const why = checkResult(got[i], cmd.expected[i]!, this.engine.interp!);
          if (why !== null) return ['failed', `result ${i}: ${why}`];
        }
        return PASS;
      }
      case 'assert_trap': case 'assert_exhaustion':
        return this.expectFailure(() => this.act(cmd.action), cmd.message, cmd.type === 'assert_trap' ? 'RuntimeError' : 'exhaustion');
      case 'assert_exception':
        return this.expectFailure(() => this.act(cmd.action), '', 'exception');
      case 'assert_trap_module': case 'assert_uninstantiable': {
        const m = this.compile(cmd.source);
        return this.expectFailure(() => this.instantiate(m), cmd.message, 'RuntimeError');
      }
      case 'assert_unlinkable': {
        const m = this.compile(cmd.source);
        return this.expectFailure(() => this.instantiate(m), cmd.message, 'LinkError');
      }
      case 'assert_malformed': case 'assert_malformed_custom':
        return this.malformed(cmd.source, cmd.message, cmd.type === 'assert_malformed');
      case 'assert_invalid': case 'assert_invalid_custom': {
        const m = this.parseDecode(cmd.source);
        if (this.engine.validate === null) throw new Pending('validator');
        const custom = cmd.type === 'assert_invalid_custom';
        if (custom && this.engine.validateCustom === null) throw new Pending('validator (custom sections)');
        try {
          this.engine.validate(m, this.features);
          if (custom) this.engine.validateCustom!(m, this.features);
        } catch (e) {
          return this.compare(e, cmd.message, 'CompileError');
        }
        return ['failed', `module is valid, expected "${cmd.message}"`];
      }
    }
  }

  /** Text or binary → module, counting parse statistics and the round trip. Throws on failure. */
  private parseDecode(src: ModuleSource): Module {
    let bytes: Uint8Array;
    if (src.kind === 'binary') {
      bytes = src.bytes;
    } else {
      try {
        const m = src.kind === 'text' ? src.parse() : parseWatModule(src.text, this.textOpts);
        bytes = encode(m);
        this.res.stats.modulesParsed++;
      } catch (e) {
        this.res.stats.modulesParseFailed++;
        throw e;
      }
    }
    const m = this.engine.decode(bytes, this.features);
    // The round trip is text → binary → printed text → binary; binary sources may use spellings text cannot express.
    if (this.opts.roundTrip && src.kind !== 'binary') this.roundTrip(bytes);
    return m;
  }

  private roundTrip(bytes: Uint8Array): void {
    let why = '';
    try {
      const again = parseWat(printWat(bytes, this.features), this.textOpts);
      if (!sameBytes(again, bytes)) why = 'bytes differ';
    } catch (e) {
      why = msg(e);
    }
    this.res.stats.roundTrip[why === '' ? 0 : 1]++;
    if (why !== '' && this.res.roundTripFailures.length < 5) this.res.roundTripFailures.push(`${this.line}: ${why}`);
  }

  /** The line of the command being run (for round-trip reports). */
  line = 0;

  /** A module that must decode and validate (when the validator exists). */
  private compile(src: ModuleSource): Module {
    const m = this.parseDecode(src);
    if (this.engine.validate === null) throw new Pending('validator');
    this.engine.validate(m, this.features);
    return m;
  }

  private malformed(src: ModuleSource, expected: string, counted: boolean): Result {
    const stat = src.kind === 'binary' ? this.res.stats.malformedBinary : this.res.stats.malformedText;
    let result: Result;
    try {
      const m = src.kind === 'binary' ? this.engine.decode(src.bytes, this.features)
        : this.engine.decode(encode(src.kind === 'text' ? src.parse() : parseWatModule(src.text, this.textOpts)), this.features);
      // A malformed custom section: the module decodes, the section's own rules fail.
      if (!counted && this.engine.validateCustom !== null) this.engine.validateCustom(m, this.features);
      result = ['failed', `accepted, expected "${expected}"`];
    } catch (e) {
      result = this.compare(e, expected, 'CompileError');
    }
    if (counted) stat[result[0] === 'passed' ? 0 : 1]++;
    return result;
  }

  /** Compares a thrown error with the expected class and message prefix. */
  private compare(e: unknown, expected: string, cls: string): Result {
    const name = e instanceof Error ? e.name : '';
    const text = errMessage(e);
    if (name !== cls) return ['failed', `${name || typeof e}: "${text}", expected ${cls} "${expected}"`];
    if (!text.startsWith(expected)) return ['wrong-message', `"${text}", expected "${expected}"`];
    return PASS;
  }

  private expectFailure(f: () => unknown, expected: string, kind: 'RuntimeError' | 'LinkError' | 'exhaustion' | 'exception'): Result {
    try {
      f();
    } catch (e) {
      if (e instanceof Pending) throw e;
      if (kind === 'exception') {
        return this.engine.interp?.isException(e) === true ? PASS : ['failed', `${msg(e)}, expected an uncaught exception`];
      }
      if (kind === 'exhaustion') return this.compare(e, expected, 'RuntimeError');
      return this.compare(e, expected, kind);
    }
    return ['failed', `no error, expected "${expected}"`];
  }

  private instantiate(m: Module): RunnerInstance {
    const interp = this.engine.interp;
    if (interp === null) throw new Pending('interpreter');
    const why = interp.unsupported(m);
    if (why !== null) throw new Pending(`interpreter: ${why} not executable yet`);
    for (const imp of m.imports) {
      const pending = this.pendingRegistered.get(imp.module);
      if (pending !== undefined) throw new Pending(pending);
    }
    this.spectest ??= interp.spectest();
    const spectest = this.spectest;
    return interp.instantiate(m, (module, name) => {
      if (module === 'spectest') return spectest[name];
      return this.registered.get(module)?.exports[name];
    });
  }

  private instance(name: string | null): RunnerInstance {
    if (this.engine.interp === null) throw new Pending('interpreter');
    const pending = name === null ? this.lastPending : this.pendingNames.get(name);
    if (pending !== null && pending !== undefined) throw new Pending(pending);
    const inst = name === null ? this.last : this.instances.get(name) ?? null;
    if (inst === null) throw new Error(`no module instance ${name ?? ''}`);
    return inst;
  }

  private act(a: Action): unknown[] {
    const interp = this.engine.interp;
    const inst = this.instance(a.module);
    const ext = inst.exports[a.name];
    if (ext === undefined) throw new Error(`unknown export "${a.name}"`);
    if (a.type === 'get') return [interp!.readGlobal(ext)];
    return interp!.invoke(ext, a.args.map((v: Value) => toArg(v)));
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

