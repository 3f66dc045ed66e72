// Differential execution: runs one module on several engines (native V8 and
// each tswasm tier) with the same deterministic host imports and compares
// what every engine observably did — each export's results or trap, the
// sequence of imported-function calls with their arguments, and the final
// exported memories, globals and tables.
//
// Plain JavaScript with no imports of tswasm, so that the vitest suite (which
// passes the engine from src/) and the campaign script scripts/fuzz.mjs (which
// passes it from dist/) share it. An engine is anything shaped like the
// `WebAssembly` namespace: { Module, Instance, RuntimeError }; a tier is just
// another entry in the engines list.
//
// What counts as the same:
// - numbers bit-for-bit as JS sees them: -0 differs from 0; every NaN is the
//   same NaN, because crossing into JS already loses a float's payload (the
//   payloads that matter are compared where they survive: in memory);
// - traps by kind (unreachable, integer divide by zero, ...), since V8 and
//   tswasm word their messages differently; other exceptions by class;
// - memories byte for byte. A memory difference is "NaN-only" when rerunning
//   the module after binaryen's --denan pass (the caller's job: see
//   scripts/fuzz.mjs) makes it disappear; the spec lets arithmetic NaNs carry
//   any payload, so those are reported apart, never as agreement.
// Deliberately not here: generating modules (binaryen.mjs, generator.mjs).

/** Host re-entrancy bound for call-export/call-ref imports (beyond it the host throws the same error everywhere). */
const MAX_HOST_DEPTH = 6;

/** A tiny deterministic PRNG (SplitMix32) for export arguments. */
export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const INTERESTING_I32 = [0, 1, -1, 2, 0x7fffffff, -0x80000000, 0xffff, 0x10000, 100];
const INTERESTING_F64 = [0, -0, 1, -1, 0.5, NaN, Infinity, -Infinity, 1e300, 5e-324];

/** An argument value of wasm type `t` (a tswasm ValType byte). */
function argOf(t, next) {
  const r = next();
  switch (t) {
    case 0x7f: return r & 1 ? INTERESTING_I32[r % INTERESTING_I32.length] : r | 0;
    case 0x7e: return r & 1 ? BigInt.asIntN(64, BigInt(INTERESTING_I32[r % INTERESTING_I32.length])) : BigInt.asIntN(64, (BigInt(next()) << 32n) | BigInt(r));
    case 0x7d:
    case 0x7c: return r & 1 ? INTERESTING_F64[r % INTERESTING_F64.length] : (r | 0) / 1000;
    default: return null; // references: null (externref/funcref)
  }
}

/** Labels for the JS objects we hand in as externref, so identity can be compared across engines. */
const HOST_OBJECTS = [{ tag: 'obj0' }, { tag: 'obj1' }, 'str', 42];

/** A comparable form of a value that crossed into JS. */
function norm(v) {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Object.is(v, -0) ? '-0' : v;
  if (typeof v === 'bigint') return `${v}n`;
  if (v === null || v === undefined) return v === null ? 'null' : 'undefined';
  if (typeof v === 'function') return 'func';
  const i = HOST_OBJECTS.indexOf(v);
  if (i >= 0) return `host${i}`;
  if (Array.isArray(v)) return v.map(norm);
  if (typeof v === 'string') return `str:${v}`;
  return 'object';
}

/** The kind of a trap or other exception, engine-independently. */
export function errorKind(e) {
  if (e && e.hostDepth) return 'host-depth';
  const name = e && e.constructor ? e.constructor.name : typeof e;
  const msg = String(e && e.message !== undefined ? e.message : e);
  if (name === 'RangeError' && /call stack|stack size/i.test(msg)) return 'stack';
  if (/call stack exhausted/.test(msg)) return 'stack';
  if (name !== 'RuntimeError') return `${name}`;
  if (/unreachable/.test(msg)) return 'trap:unreachable';
  if (/divide by zero|division by zero|remainder by zero/.test(msg)) return 'trap:div0';
  // V8 says "float unrepresentable in integer range" for every failing float-to-int truncation, NaN or too large;
  // the spec's texts are "invalid conversion to integer" and "integer overflow" (also division's INT_MIN / -1).
  if (/integer overflow|divide result unrepresentable|invalid conversion|float unrepresentable|conversion to integer/.test(msg)) return 'trap:overflow';
  // V8 says "null function or function signature mismatch" for both of call_indirect's failures.
  if (/signature mismatch|indirect call type mismatch|null function|uninitialized element/.test(msg)) return 'trap:indirect';
  if (/null reference|dereferencing a null/.test(msg)) return 'trap:null';
  if (/table|undefined element|element segment/.test(msg)) return 'trap:table-bounds';
  if (/memory|out of bounds|data segment/.test(msg)) return 'trap:memory-bounds';
  return `trap:${msg}`;
}

/**
 * Runs `bytes` on `engine`. `info` describes the module (from the caller's
 * decoder): { imports: [{module, name, kind, params?, results?, type?}],
 * exports: [{name, kind, params?, results?}] }. Returns the trace: an array
 * of events, then the final state.
 */
export function runOn(engine, bytes, info, seed) {
  const events = [];
  let instance = null;
  let depth = 0;
  const funcExports = info.exports.filter((e) => e.kind === 'func');
  const hostDepthError = () => Object.assign(new Error('host depth'), { hostDepth: true });

  const callExport = (index, catching) => {
    const ex = funcExports[index >>> 0 < funcExports.length ? index >>> 0 : -1];
    if (!ex) {
      events.push(['host', 'call-export', 'no such export']);
      if (catching) return 1;
      throw new Error('no such export');
    }
    if (depth >= MAX_HOST_DEPTH) throw hostDepthError();
    depth++;
    try {
      const next = rng(seed ^ (index * 7919));
      instance.exports[ex.name](...ex.params.map((t) => argOf(t, next)));
      return 0;
    } catch (e) {
      if (catching && !e.hostDepth) return 1;
      throw e;
    } finally {
      depth--;
    }
  };
  const callRef = (ref, catching) => {
    if (typeof ref !== 'function') {
      if (catching) return 1;
      throw new Error('null ref');
    }
    if (depth >= MAX_HOST_DEPTH) throw hostDepthError();
    depth++;
    try {
      ref();
      return 0;
    } catch (e) {
      if (catching && !e.hostDepth) return 1;
      throw e;
    } finally {
      depth--;
    }
  };
  const host = {
    'log-i32': (v) => void events.push(['log', norm(v)]),
    'log-i64': (v) => void events.push(['log', norm(v)]),
    'log-f32': (v) => void events.push(['log', norm(v)]),
    'log-f64': (v) => void events.push(['log', norm(v)]),
    'log-ref': (v) => void events.push(['log', norm(v)]),
    'call-export': (i) => void callExport(i, false),
    'call-export-catch': (i) => callExport(i, true),
    'call-ref': (r) => void callRef(r, false),
    'call-ref-catch': (r) => callRef(r, true),
    'table-get': (i) => instance.exports.table.get(i >>> 0),
    'table-set': (i, v) => void instance.exports.table.set(i >>> 0, v),
    sleep: (ms, id) => id,
  };

  const imports = {};
  let objects = 0;
  for (const imp of info.imports) {
    const ns = (imports[imp.module] ??= {});
    if (imp.kind === 'func') {
      const known = imp.module === 'fuzzing-support' || imp.module === 'env' ? host[imp.name] : undefined;
      ns[imp.name] = known
        ? (...args) => known(...args)
        : (...args) => {
            events.push(['call', imp.module, imp.name, args.map(norm)]);
            return imp.results.length === 0 ? undefined : argOf(imp.results[0], rng(args.length));
          };
    } else if (imp.kind === 'global') {
      const t = imp.valtype;
      ns[imp.name] = t === 0x6f ? HOST_OBJECTS[objects++ % HOST_OBJECTS.length] : t === 0x7e ? 7n : t === 0x70 ? null : 7;
    } else if (imp.kind === 'memory') {
      ns[imp.name] = new engine.Memory({ initial: imp.min, maximum: imp.max ?? undefined });
    } else if (imp.kind === 'table') {
      ns[imp.name] = new engine.Table({ element: imp.elem === 0x6f ? 'externref' : 'anyfunc', initial: imp.min, maximum: imp.max ?? undefined });
    }
  }

  try {
    instance = new engine.Instance(new engine.Module(bytes), imports);
  } catch (e) {
    events.push(['instantiate', errorKind(e)]);
    return { events, state: null };
  }
  const hang = instance.exports.hangLimitInitializer;
  funcExports.forEach((ex, i) => {
    if (ex.name === 'hangLimitInitializer') return;
    if (typeof hang === 'function') hang();
    const next = rng(seed ^ (i * 7919));
    const args = ex.params.map((t) => argOf(t, next));
    try {
      const r = instance.exports[ex.name](...args);
      events.push(['return', ex.name, norm(r)]);
    } catch (e) {
      events.push(['throw', ex.name, errorKind(e)]);
    }
  });
  return { events, state: snapshot(instance, info) };
}

/** The final state of every exported memory, global and table. */
function snapshot(instance, info) {
  const state = {};
  for (const ex of info.exports) {
    const v = instance.exports[ex.name];
    if (ex.kind === 'memory') state[ex.name] = new Uint8Array(v.buffer.slice(0));
    else if (ex.kind === 'global') state[ex.name] = norm(v.value);
    else if (ex.kind === 'table') {
      const items = [];
      for (let i = 0; i < v.length; i++) items.push(norm(v.get(i)));
      state[ex.name] = items;
    }
  }
  return state;
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Compares two traces; null when they agree, else { kind, detail } where kind
 * is 'events', 'memory' or 'state'. Engines that both ran out of stack in the
 * same export agree; one engine running out of stack where the other did not
 * is kind 'stack' (call depth limits legitimately differ between engines).
 */
export function compare(a, b) {
  const n = Math.max(a.events.length, b.events.length);
  for (let i = 0; i < n; i++) {
    const x = a.events[i];
    const y = b.events[i];
    if (same(x, y)) continue;
    const stack = (e) => e && (e[2] === 'stack' || e[1] === 'stack');
    if (stack(x) || stack(y)) return { kind: 'stack', detail: `event ${i}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}` };
    return { kind: 'events', detail: `event ${i}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}` };
  }
  if (!a.state || !b.state) return null;
  for (const key of Object.keys(a.state)) {
    const x = a.state[key];
    const y = b.state[key];
    if (x instanceof Uint8Array) {
      if (!(y instanceof Uint8Array) || x.length !== y.length) return { kind: 'memory', detail: `${key}: size ${x.length} vs ${y && y.length}` };
      for (let i = 0; i < x.length; i++) {
        if (x[i] !== y[i]) return { kind: 'memory', detail: `${key}: first difference at byte ${i} (${x[i]} vs ${y[i]})` };
      }
    } else if (!same(x, y)) {
      return { kind: 'state', detail: `${key}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}` };
    }
  }
  return null;
}

/**
 * What `runOn` needs to know about a module, from tswasm's decoded AST
 * (`decode` from src/decoder): each import's and export's kind and, for
 * functions, parameter and result types.
 */
export function describeModule(ast) {
  const funcType = (typeIndex) => {
    const comp = ast.types[typeIndex].comp;
    return { params: comp.params, results: comp.results };
  };
  const importedFuncs = [];
  const importedGlobals = [];
  const imports = ast.imports.map((imp) => {
    const d = imp.desc;
    const base = { module: imp.module, name: imp.name, kind: d.kind };
    if (d.kind === 'func') {
      importedFuncs.push(d.type);
      return { ...base, ...funcType(d.type) };
    }
    if (d.kind === 'global') {
      importedGlobals.push(d.type);
      return { ...base, valtype: d.type.type };
    }
    if (d.kind === 'memory') return { ...base, min: Number(d.type.limits.min), max: d.type.limits.max === null ? null : Number(d.type.limits.max) };
    if (d.kind === 'table') return { ...base, elem: d.type.elem, min: Number(d.type.limits.min), max: d.type.limits.max === null ? null : Number(d.type.limits.max) };
    return base;
  });
  const KINDS = ['func', 'table', 'memory', 'global', 'tag'];
  const exports = ast.exports.map((ex) => {
    const kind = KINDS[ex.kind];
    if (kind !== 'func') return { name: ex.name, kind };
    const typeIndex = ex.index < importedFuncs.length ? importedFuncs[ex.index] : ast.funcs[ex.index - importedFuncs.length].type;
    return { name: ex.name, kind, ...funcType(typeIndex) };
  });
  return { imports, exports };
}
