/**
 * The `tswasm` command: `run`, `validate`, `inspect`, `wat2wasm`, `print`
 * (see `args.ts` for the syntax). Node-only: reads files, maps host
 * directories with `NodeFileSystem`, connects the process's stdio.
 *
 * Errors are one line on stderr: `tswasm: error: …` (exit 1), usage errors
 * `tswasm: …` (exit 2), traps `tswasm: trap: …` (exit 134, like wasmtime's
 * abort status). Otherwise `run` exits with the guest's code. The CLI grants
 * the guest stdio, a real clock and crypto randomness by default (the user
 * is at the terminal, as with wasmtime); files only via `--dir`, environment
 * only via `--env`/`--inherit-env`. Deliberately no REPL, no config files.
 *
 * Spec: preview1 (`_start`, exit codes); the text and binary formats for
 * `wat2wasm`/`print`.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CompileError, LinkError, RuntimeError } from '../errors.js';
import { parseWat, printWat } from '../text/index.js';
import { WASI, inspectImports, type CapabilityUse, type InputSource, type OutputSink } from '../wasi/index.js';
import { NodeFileSystem, nodeStderr, nodeStdin, nodeStdout } from '../wasi/node-fs.node.js';
import { parseArgs, UsageError, USAGE, type RunCommand } from './args.js';
import { compileModule, runCommand, wasiImports } from './engine.js';
import { EXPLORE_USAGE, disasmText, parseExplore, traceRun } from './explore.js';
import { validateCustomSections, validateOrThrow } from '../validator/index.js';
import { unsupportedFeature } from '../interp/support.js';
import { checkTier, jitFor } from '../api/tier.js';
import { ExnInst } from '../interp/index.js';
import { simpleTypeName } from '../ast/types.js';

/** Exit status for a trap (128 + SIGABRT, as wasmtime reports it). */
export const TRAP_EXIT = 134;

/** Where the CLI reads and writes; the process's own streams by default (tests pass their own). */
export interface CliIo {
  stdin: InputSource;
  stdout: OutputSink;
  stderr: OutputSink;
  env: Readonly<Record<string, string | undefined>>;
}

function processIo(): CliIo {
  return { stdin: nodeStdin(), stdout: nodeStdout(), stderr: nodeStderr(), env: process.env };
}

const encoder = new TextEncoder();

/** A user-facing failure: printed as `tswasm: error: <message>`. */
class CliError extends Error {}

function readModule(file: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new CliError(`${file}: ${(e as { code?: string }).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  if (file.endsWith('.wat')) return parseWat(new TextDecoder().decode(bytes));
  return bytes;
}

function run(cmd: RunCommand, io: CliIo): number {
  const module = compileModule(readModule(cmd.file));
  const env: Record<string, string> = {};
  if (cmd.inheritEnv) for (const [k, v] of Object.entries(io.env)) if (v !== undefined) env[k] = v;
  for (const { name, value } of cmd.env) {
    const v = value ?? io.env[name];
    if (v !== undefined) env[name] = v;
  }
  const preopens = cmd.dirs.map((d) => {
    let isDir = false;
    try {
      isDir = statSync(d.host).isDirectory();
    } catch {
      // reported below
    }
    if (!isDir) throw new CliError(`${d.writable ? '--dir' : '--dir-ro'} ${d.host}: not a directory`);
    return { guestPath: d.guest, fs: new NodeFileSystem(d.host), writable: d.writable };
  });
  const trace = (u: CapabilityUse) =>
    io.stderr(encoder.encode(`[tswasm] ${u.allowed ? 'allow' : 'DENY '} ${u.capability} ${u.call}${u.detail ? ` ${u.detail}` : ''}\n`));
  const wasi = new WASI({
    args: [cmd.file, ...cmd.args], env, stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, preopens,
    clock: cmd.clock, random: cmd.random, onCapability: cmd.trace ? trace : null,
  });
  let jit;
  try {
    jit = jitFor(checkTier(cmd.tier));
  } catch (e) {
    throw new CliError(`--tier ${cmd.tier}: ${(e as Error).message}`);
  }
  return runCommand(module, wasi, { fuel: cmd.fuel, maxMemoryPages: cmd.maxMemoryPages, jit });
}

function inspect(file: string, json: boolean, out: (s: string) => void): void {
  const bytes = readModule(file);
  const report = inspectImports(bytes);
  let exportsList: { name: string; kind: string }[] = [];
  try {
    const m = compileModule(bytes);
    const kinds = ['function', 'table', 'memory', 'global', 'tag'];
    exportsList = m.exports.map((e) => ({ name: e.name, kind: kinds[e.kind] ?? String(e.kind) }));
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    out(`warning: ${file} does not validate: ${e.message}\n`);
  }
  if (json) {
    out(`${JSON.stringify({ ...report, exports: exportsList }, null, 2)}\n`);
    return;
  }
  const has = (n: string) => exportsList.some((e) => e.name === n && e.kind === 'function');
  const kind = has('_start') ? 'WASI command (_start)' : has('_initialize') ? 'WASI reactor (_initialize)' : report.usesWasi ? 'library using WASI' : 'module';
  const lines = [`${basename(file)}: ${kind}`, `imports (${report.imports.length}):`];
  for (const i of report.imports) lines.push(`  ${i.module}.${i.name} (${i.kind})`);
  lines.push(`exports (${exportsList.length}):`);
  for (const e of exportsList) lines.push(`  ${e.name} (${e.kind})`);
  lines.push(`WASI capabilities it can ask for: ${report.capabilities.length ? report.capabilities.join(', ') : 'none'}`);
  if (report.unknownWasiFunctions.length) lines.push(`not in WASI preview1 (will not link): ${report.unknownWasiFunctions.join(', ')}`);
  if (report.otherModules.length) lines.push(`other import modules the host must provide: ${report.otherModules.join(', ')}`);
  out(`${lines.join('\n')}\n`);
}

/** `tswasm disasm` and `tswasm trace` (explore.ts); a trace's WASI guest gets stdio only. */
function exploreCommand(cmd: NonNullable<ReturnType<typeof parseExplore>>, io: CliIo, out: (s: string) => void): number {
  if (cmd.cmd === 'explore-help') {
    out(`${cmd.text}\n`);
    return 0;
  }
  const module = compileModule(readModule(cmd.file));
  try {
    if (cmd.cmd === 'disasm') {
      out(disasmText(module, cmd.func));
      return 0;
    }
    const wasi = new WASI({ args: [cmd.file], stdin: io.stdin, stdout: io.stdout, stderr: io.stderr });
    return traceRun(module, {
      invoke: cmd.invoke, args: cmd.args, limit: cmd.limit, imports: wasiImports(module, wasi),
      startWasi: (memory, start) => wasi.start({ exports: { memory, _start: start } }),
    }, (line) => out(`${line}\n`));
  } catch (e) {
    // `tswasm trace … | head`: the reader went away; stop as quietly as the other end of the pipe did.
    if (e instanceof Error && e.name === 'ErrnoError' && e.message.startsWith('EPIPE')) return 0;
    throw e;
  }
}

/** Runs the CLI with `argv` (without `node` and the script); returns the exit status. */
export function main(argv: readonly string[], io: CliIo = processIo()): number {
  const out = (s: string) => io.stdout(encoder.encode(s));
  const err = (s: string) => io.stderr(encoder.encode(`tswasm: ${s}\n`));
  try {
    const explore = parseExplore(argv);
    if (explore !== null) return exploreCommand(explore, io, out);
    const cmd = parseArgs(argv);
    switch (cmd.cmd) {
      case 'help':
        out(`${USAGE}\n${EXPLORE_USAGE}\n`);
        return 0;
      case 'run':
        return run(cmd, io);
      case 'validate': {
        let bad = 0;
        for (const file of cmd.files) {
          try {
            const info = validateOrThrow(readModule(file));
            const m = info.module;
            const cannot = unsupportedFeature(m, info.usedOps);
            out(`${file}: valid${cannot === null ? '' : ` (tswasm cannot execute it yet: ${cannot})`}\n`);
            try {
              validateCustomSections(m);
            } catch (e) {
              if (!(e instanceof CompileError)) throw e;
              out(`warning: ${file}: custom section ignored: ${e.message}\n`);
            }
          } catch (e) {
            if (!(e instanceof CompileError || e instanceof CliError)) throw e;
            out(`${file}: invalid: ${e.message}\n`);
            bad++;
          }
        }
        return bad ? 1 : 0;
      }
      case 'inspect':
        inspect(cmd.file, cmd.json, out);
        return 0;
      case 'wat2wasm':
        writeFileSync(cmd.output, parseWat(new TextDecoder().decode(readFileSync(cmd.input))));
        return 0;
      case 'print':
        out(printWat(readModule(cmd.file)));
        return 0;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(e.message);
      return 2;
    }
    if (e instanceof RuntimeError) {
      err(`trap: ${e.message}`);
      return TRAP_EXIT;
    }
    if (e instanceof ExnInst) {
      // A wasm exception no handler caught (a C++ exception escaping main, say): like a trap, not a crash.
      const params = e.tag.type.params.map((t) => simpleTypeName(t) ?? 'ref').join(' ');
      err(`uncaught wasm exception (tag with parameters: ${params || 'none'})`);
      return TRAP_EXIT;
    }
    if (e instanceof CompileError || e instanceof LinkError || e instanceof CliError) {
      err(`error: ${e.message}`);
      return 1;
    }
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('E')) {
      err(`error: ${(e as Error).message}`);
      return 1;
    }
    throw e;
  }
}
