/**
 * Command-line parsing for `tswasm`: turns argv into one `Command`, or throws
 * `UsageError` with a one-line message. Portable (no Node APIs), so it is
 * unit-tested directly.
 *
 *     tswasm run [options] file.wasm|file.wat [args...]
 *     tswasm validate file.wasm...
 *     tswasm inspect [--json] file.wasm
 *     tswasm wat2wasm file.wat [-o file.wasm]
 *     tswasm print file.wasm
 *
 * `run` options follow wasmtime's where they exist (`--dir HOST[::GUEST]`,
 * `--env K=V`, `--fuel N`); options go before the module, everything after
 * it is the guest's. Deliberately no config files or environment-variable
 * switches: what the guest may reach is on the command line.
 */
import type { ClockPolicy, RandomPolicy } from '../wasi/index.js';

/** A bad command line; the message is printed as `tswasm: <message>` with exit status 2. */
export class UsageError extends Error {}
Object.defineProperty(UsageError.prototype, 'name', { value: 'UsageError', writable: true, configurable: true });

/** A directory to preopen. */
export interface DirOption {
  host: string;
  guest: string;
  writable: boolean;
}

/** Everything `tswasm run` was asked for. */
export interface RunCommand {
  cmd: 'run';
  file: string;
  args: string[];
  dirs: DirOption[];
  /** `K=V` sets, bare `K` copies the host's value (if any). In order. */
  env: { name: string; value?: string }[];
  inheritEnv: boolean;
  fuel?: number;
  maxMemoryPages?: number;
  clock: ClockPolicy;
  random: RandomPolicy;
  /** Print every capability use to stderr. */
  trace: boolean;
  /** Execution tier (`--tier`): compile to JS, interpret, or auto (JS where `new Function` works). */
  tier: 'auto' | 'js' | 'interp';
}

export type Command =
  | RunCommand
  | { cmd: 'validate'; files: string[] }
  | { cmd: 'inspect'; file: string; json: boolean }
  | { cmd: 'wat2wasm'; input: string; output: string }
  | { cmd: 'print'; file: string }
  | { cmd: 'help' };

/** The usage text of `tswasm help`. */
export const USAGE = `usage: tswasm <command> [options]

  run [options] FILE.wasm|FILE.wat [ARGS...]   run a WASI command (exit status = the guest's)
      --dir HOST[::GUEST]      preopen HOST read-write, visible as GUEST (default: HOST)
      --dir-ro HOST[::GUEST]   the same, read-only
      --env NAME=VALUE         set a variable (--env NAME copies the host's)
      --inherit-env            pass the whole host environment
      --fuel N                 stop with a trap after about N instructions
      --max-memory-pages N     cap every memory at N pages of 64 KiB
      --clock real|none|frozen:NS   default real
      --random crypto|none|seed:N   default crypto
      --trace-capabilities     report every capability use on stderr
      --tier auto|js|interp    compile to JS, interpret, or auto (default: JS where allowed)
  validate FILE.wasm...        check modules (exit 1 if any is invalid)
  inspect [--json] FILE.wasm   imports, exports and the WASI capabilities it can ask for
  wat2wasm FILE.wat [-o OUT]   text to binary (default OUT: FILE.wasm)
  print FILE.wasm              binary to text
  help                         this text`;

function count(flag: string, text: string | undefined): number {
  if (text === undefined || !/^\d+$/.test(text)) throw new UsageError(`${flag} needs a non-negative integer, got ${text ?? 'nothing'}`);
  return Number(text);
}

function dir(flag: string, text: string | undefined, writable: boolean): DirOption {
  if (!text) throw new UsageError(`${flag} needs a directory`);
  const at = text.indexOf('::');
  const host = at < 0 ? text : text.slice(0, at);
  const guest = at < 0 ? text : text.slice(at + 2);
  if (!host || !guest) throw new UsageError(`${flag} ${text}: expected HOST or HOST::GUEST`);
  return { host, guest, writable };
}

function clock(text: string | undefined): ClockPolicy {
  if (text === 'real' || text === 'none') return text;
  const m = /^frozen:(\d+)$/.exec(text ?? '');
  if (m) return { frozen: BigInt(m[1]) };
  throw new UsageError(`--clock expects real, none or frozen:NANOSECONDS, got ${text ?? 'nothing'}`);
}

function random(text: string | undefined): RandomPolicy {
  if (text === 'crypto' || text === 'none') return text;
  const m = /^seed:(\d+)$/.exec(text ?? '');
  if (m) return { seed: BigInt(m[1]) };
  throw new UsageError(`--random expects crypto, none or seed:N, got ${text ?? 'nothing'}`);
}

function parseRun(argv: string[]): RunCommand {
  const cmd: RunCommand = { cmd: 'run', file: '', args: [], dirs: [], env: [], inheritEnv: false, clock: 'real', random: 'crypto', trace: false, tier: 'auto' };
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--dir': cmd.dirs.push(dir(flag, value(), true)); break;
      case '--dir-ro': cmd.dirs.push(dir(flag, value(), false)); break;
      case '--env': {
        const v = value();
        if (!v) throw new UsageError('--env needs NAME=VALUE or NAME');
        const at = v.indexOf('=');
        cmd.env.push(at < 0 ? { name: v } : { name: v.slice(0, at), value: v.slice(at + 1) });
        break;
      }
      case '--inherit-env': cmd.inheritEnv = true; break;
      case '--fuel': cmd.fuel = count(flag, value()); break;
      case '--max-memory-pages': cmd.maxMemoryPages = count(flag, value()); break;
      case '--clock': cmd.clock = clock(value()); break;
      case '--random': cmd.random = random(value()); break;
      case '--trace-capabilities': cmd.trace = true; break;
      case '--tier': {
        const t = value();
        if (t !== 'auto' && t !== 'js' && t !== 'interp') throw new UsageError(`--tier expects auto, js or interp, got ${t ?? 'nothing'}`);
        cmd.tier = t;
        break;
      }
      default: throw new UsageError(`unknown option ${flag} for run (see tswasm help)`);
    }
  }
  if (i >= argv.length) throw new UsageError('run needs a module: tswasm run [options] FILE.wasm [ARGS...]');
  cmd.file = argv[i];
  cmd.args = argv.slice(i + 1);
  return cmd;
}

/** Parses `tswasm`'s arguments (without `node` and the script). Throws `UsageError`. */
export function parseArgs(argv: readonly string[]): Command {
  const [name, ...rest] = argv;
  switch (name) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { cmd: 'help' };
    case 'run':
      return parseRun(rest);
    case 'validate':
      if (rest.length === 0) throw new UsageError('validate needs at least one module');
      return { cmd: 'validate', files: rest };
    case 'inspect': {
      const json = rest.includes('--json');
      const files = rest.filter((a) => a !== '--json');
      if (files.length !== 1) throw new UsageError('inspect needs exactly one module');
      return { cmd: 'inspect', file: files[0], json };
    }
    case 'wat2wasm': {
      const o = rest.indexOf('-o');
      const output = o >= 0 ? rest[o + 1] : undefined;
      const inputs = rest.filter((_, k) => k !== o && k !== o + 1 || o < 0);
      if (inputs.length !== 1 || (o >= 0 && !output)) throw new UsageError('usage: tswasm wat2wasm FILE.wat [-o FILE.wasm]');
      return { cmd: 'wat2wasm', input: inputs[0], output: output ?? inputs[0].replace(/\.wat$/, '') + '.wasm' };
    }
    case 'print':
      if (rest.length !== 1) throw new UsageError('print needs exactly one module');
      return { cmd: 'print', file: rest[0] };
    default:
      // `tswasm file.wasm args...` runs it, like `wasmtime file.wasm`.
      if (name.endsWith('.wasm') || name.endsWith('.wat')) return parseRun(argv.slice());
      throw new UsageError(`unknown command ${name} (see tswasm help)`);
  }
}
