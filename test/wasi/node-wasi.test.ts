/**
 * Differential test against Node's own `node:wasi`, live: every test program
 * case runs under `node:wasi` and under tswasm's WASI (Node adapter, native
 * WebAssembly) on identical fresh fixtures, and stdout, stderr and exit code
 * must match — except where the case documents a Node deviation (`escape`:
 * Node lets symlinks leave the preopen; there we only check that Node's
 * deviating lines are exactly the ones listed, and that ours are refusals).
 */
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WASI as NodeWASI } from 'node:wasi';
import { describe, expect, it } from 'vitest';
import { WASI } from '../../src/wasi/index.js';
import { NodeFileSystem } from '../../src/wasi/node-fs.node.js';
// @ts-expect-error: plain ES module without types
import { loadManifest, prepareCase, programsDir } from '../wasi-programs/fixtures.mjs';

interface Case { name: string; program: string; nodeDeviation?: { replaceLines: Record<string, string> } }
interface Fixture { root: string; args: string[]; env: Record<string, string>; stdinPath: string; stdoutPath: string; stderrPath: string; cleanup(): void }
interface Result { exitCode: number; stdout: string; stderr: string }

const manifest = loadManifest() as { preopen: string; cases: Case[] };
const module = (c: Case) => new WebAssembly.Module(readFileSync(join(programsDir, c.program)));

function underNode(c: Case): Result {
  const fx = prepareCase(manifest, c) as Fixture;
  const fds = [openSync(fx.stdinPath, 'r'), openSync(fx.stdoutPath, 'w'), openSync(fx.stderrPath, 'w')];
  try {
    const wasi = new NodeWASI({
      version: 'preview1', args: fx.args, env: fx.env, preopens: { [manifest.preopen]: fx.root },
      stdin: fds[0], stdout: fds[1], stderr: fds[2], returnOnExit: true,
    });
    const exitCode = wasi.start(new WebAssembly.Instance(module(c), wasi.getImportObject() as WebAssembly.Imports));
    for (const fd of fds) closeSync(fd);
    return { exitCode, stdout: readFileSync(fx.stdoutPath, 'utf8'), stderr: readFileSync(fx.stderrPath, 'utf8') };
  } finally {
    fx.cleanup();
  }
}

function underTswasm(c: Case): Result {
  const fx = prepareCase(manifest, c) as Fixture;
  let stdout = '';
  let stderr = '';
  const d = new TextDecoder();
  try {
    const wasi = new WASI({
      args: fx.args, env: fx.env, stdin: readFileSync(fx.stdinPath), stdout: (b) => (stdout += d.decode(b)),
      stderr: (b) => (stderr += d.decode(b)), preopens: [{ guestPath: manifest.preopen, fs: new NodeFileSystem(fx.root), writable: true }],
      clock: 'real', random: 'crypto',
    });
    const exitCode = wasi.start(new WebAssembly.Instance(module(c), wasi.getImports() as unknown as WebAssembly.Imports));
    return { exitCode, stdout, stderr };
  } finally {
    fx.cleanup();
  }
}

describe('tswasm WASI vs node:wasi (live)', () => {
  for (const c of manifest.cases) {
    it(c.name, () => {
      // node:wasi's poll_oneoff can wake a timed sleep up to a millisecond early
      // (libuv rounds its timers to milliseconds), which the clock program
      // reports as a FAIL of its own; such a run of Node says nothing about us,
      // so Node gets up to three tries at a run without one.
      let node = underNode(c);
      for (let i = 0; i < 2 && /FAIL \(elapsed/.test(node.stdout); i++) node = underNode(c);
      const ours = underTswasm(c);
      if (!c.nodeDeviation) {
        expect(ours).toEqual(node);
        return;
      }
      const nodeLines = node.stdout.split('\n');
      const ourLines = ours.stdout.split('\n');
      expect(ourLines).toHaveLength(nodeLines.length);
      nodeLines.forEach((line, i) => {
        const replaced = c.nodeDeviation!.replaceLines[line];
        expect(ourLines[i]).toBe(replaced ?? line);
      });
      expect(ours.exitCode).toBe(0);
    });
  }
});
