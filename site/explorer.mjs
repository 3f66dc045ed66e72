/**
 * The explorer page: renders what model.mjs computes and wires the controls.
 * Text from a module (names, strings, error messages) only ever reaches the
 * page through `textContent`, never as markup.
 *
 * Deliberately not here: any WebAssembly semantics (model.mjs and tswasm).
 */
import { analyze, callExport, startStepping, valueText } from './model.mjs';
import { EXAMPLES } from './examples.mjs';

const $ = (id) => document.getElementById(id);
const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};
const hex = (n, w = 4) => `0x${n.toString(16).padStart(w, '0')}`;

let analysis = null;
let stepper = null;
const breakpoints = new Set();

function setStatus(node, kind, text) {
  node.className = `status ${kind}`;
  node.textContent = text;
}

/** What this page's host allows: reported in the header (the page never needs either). */
function probeHost() {
  let wasm = 'absent';
  if (typeof WebAssembly === 'object') {
    try {
      new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
      wasm = 'available (not used)';
    } catch (e) {
      wasm = `forbidden (${e.name})`;
    }
  }
  $('native').textContent = `native WebAssembly: ${wasm}`;
  let evalOk = true;
  try { (0, eval)('1'); } catch { evalOk = false; }
  $('csp').textContent = `eval: ${evalOk ? 'allowed (not used)' : 'forbidden'}`;
}

function renderSections() {
  const body = $('sections').tBodies[0];
  body.replaceChildren();
  for (const s of analysis.sections) {
    const tr = el('tr');
    for (const v of [String(s.id), s.name, hex(s.offset), `${s.size} bytes`]) tr.append(el('td', '', v));
    body.append(tr);
  }
}

function renderFuncSelect() {
  const sel = $('func');
  sel.replaceChildren();
  for (const f of analysis.funcs) {
    const o = el('option', '', `${f.index} ${f.name} ${f.signature}`);
    o.value = String(f.index);
    sel.append(o);
  }
}

/** The listing of the selected function; `mark` highlights one offset (the current or the offending instruction). */
function renderListing(mark = null, markClass = 'current') {
  const f = analysis.funcs.find((x) => String(x.index) === $('func').value) ?? analysis.funcs[0];
  const list = $('listing');
  list.replaceChildren();
  $('regcode').textContent = f ? (f.registerCode ?? '(the module is not valid: no register code)') : '';
  if (!f) return;
  for (const l of f.lines) {
    const li = el('li');
    li.id = `ins-${l.offset}`;
    if (breakpoints.has(l.offset)) li.classList.add('bp');
    if (l.offset === mark) li.classList.add(markClass);
    const off = el('span', 'off', hex(l.offset));
    off.title = 'toggle a breakpoint';
    off.addEventListener('click', () => {
      if (breakpoints.has(l.offset)) breakpoints.delete(l.offset); else breakpoints.add(l.offset);
      li.classList.toggle('bp');
    });
    const body = el('span', 'ins');
    body.append(document.createTextNode('  '.repeat(l.depth)));
    const a = el('a', '', l.name);
    a.href = l.spec.url;
    a.target = '_blank';
    a.rel = 'noopener';
    a.title = l.spec.title;
    body.append(a, document.createTextNode(l.text.slice(l.name.length)));
    li.append(off, body);
    list.append(li);
  }
  const target = mark !== null ? document.getElementById(`ins-${mark}`) : null;
  if (target) target.scrollIntoView({ block: 'nearest' });
}

/** The function that contains byte offset `offset`, selected in the code pane. */
function selectFuncAt(offset) {
  const f = analysis.funcs.find((x) => x.lines.some((l) => l.offset === offset));
  if (f) $('func').value = String(f.index);
}

function renderExports() {
  const sel = $('export');
  sel.replaceChildren();
  for (const e of analysis.exports) {
    const o = el('option', '', `${e.name} (${e.params.join(' ') || 'no params'}) → ${e.results.join(' ') || 'nothing'}`);
    o.value = e.name;
    sel.append(o);
  }
  const ok = analysis.instance !== null && analysis.exports.length > 0;
  for (const id of ['call', 'start']) $(id).disabled = !ok;
}

function load(input) {
  stepper = null;
  breakpoints.clear();
  analysis = analyze(input);
  $('text').textContent = analysis.text;
  renderSections();
  renderFuncSelect();
  renderExports();
  resetMachine();
  const e = analysis.error;
  if (e === null) {
    setStatus($('status'), analysis.note ? 'note' : 'ok', analysis.note
      ? `valid, but tswasm cannot execute it yet: ${analysis.note}`
      : `valid: ${analysis.bytes.length} bytes, ${analysis.funcs.length} functions, ${analysis.exports.length} exported`);
    renderListing();
    return;
  }
  const where = e.stage === 'text' && e.line !== null ? ` (line ${e.line}, column ${e.column})` : '';
  setStatus($('status'), 'error', `${e.stage === 'text' ? 'text format' : e.stage === 'decode' ? 'malformed' : e.stage === 'validate' ? 'invalid' : 'cannot instantiate'}: ${e.message}${where}`);
  if (e.offset >= 0 && (e.stage === 'validate' || e.stage === 'decode')) {
    selectFuncAt(e.offset);
    renderListing(e.offset, 'offending');
  } else {
    renderListing();
  }
  if (e.stage === 'text' && e.offset >= 0) {
    const ta = $('source');
    ta.focus();
    ta.setSelectionRange(e.offset, Math.min(ta.value.length, e.offset + 1));
  }
}

function resetMachine() {
  for (const id of ['stack', 'locals', 'control', 'globals']) $(id).replaceChildren();
  $('memory').textContent = '';
  $('memhint').textContent = '';
  $('current').textContent = '—';
  $('step').disabled = true;
  $('continue').disabled = true;
  setStatus($('outcome'), '', '');
}

function args() {
  const t = $('args').value.trim();
  return t === '' ? [] : t.split(/[\s,]+/);
}

/** A hex dump of 8 rows around the last touched bytes (or the start of memory 0). */
function renderMemory(touched) {
  const mem = analysis.instance.memories[touched?.memory ?? 0];
  const pre = $('memory');
  pre.replaceChildren();
  if (!mem) {
    pre.textContent = '(no memory)';
    return;
  }
  const center = touched ? touched.address : 0;
  const start = Math.max(0, Math.min((center & ~15) - 32, mem.u8.length - 128));
  $('memhint').textContent = touched ? `(memory ${touched.memory}: ${touched.write ? 'wrote' : 'read'} ${touched.length} bytes at ${hex(touched.address)})` : '(memory 0)';
  for (let row = start; row < Math.min(start + 128, mem.u8.length); row += 16) {
    pre.append(document.createTextNode(`${hex(row, 6)} `));
    for (let k = row; k < row + 16 && k < mem.u8.length; k++) {
      const b = mem.u8[k].toString(16).padStart(2, '0');
      const hit = touched && k >= touched.address && k < touched.address + touched.length;
      pre.append(hit ? el('span', 'touched', b) : document.createTextNode(b), document.createTextNode(' '));
    }
    pre.append(document.createTextNode('\n'));
  }
}

function renderMachine(lastStep) {
  const s = stepper;
  const fill = (id, items) => {
    const ol = $(id);
    ol.replaceChildren();
    for (const [cls, text] of items) ol.append(el('li', cls, text));
  };
  fill('stack', s.stack().map((v) => ['', valueText(v)]));
  const fr = s.frame;
  fill('locals', fr ? fr.locals.map((v) => ['', valueText(v)]) : []);
  fill('control', s.machineStack().filter((e) => e.kind !== 'value').map((e) => e.kind === 'frame'
    ? ['frame', `frame ${e.frame.name} (func ${e.frame.index}), ${e.frame.locals.length} locals`]
    : ['label', `label ${e.label.kind}, arity ${e.label.arity}, height ${e.label.height} (from ${hex(e.label.offset)})`]));
  fill('globals', s.globals().map((g) => ['', `${g.mutable ? 'mut ' : ''}${valueText(g.value)}`]));
  const touched = lastStep?.touched[lastStep.touched.length - 1];
  renderMemory(touched);
  const next = s.next();
  $('current').textContent = next ? `${next.name} @ ${hex(next.offset)}: ${next.text}` : '—';
  if (next) {
    selectFuncAt(next.offset);
    renderListing(next.offset);
  }
  const done = s.done;
  $('step').disabled = done;
  $('continue').disabled = done;
  if (s.trap) setStatus($('outcome'), 'error', `trap after ${s.steps} steps: ${s.trap.message}`);
  else if (done) setStatus($('outcome'), 'ok', `returned after ${s.steps} steps: ${s.resultValues.map(valueText).join(' ') || '(no results)'}`);
  else setStatus($('outcome'), 'note', `${s.steps} steps${lastStep ? `; last: ${lastStep.text}` : ''}`);
}

function guarded(fn) {
  return () => {
    try {
      fn();
    } catch (e) {
      setStatus($('outcome'), 'error', `${e.name}: ${e.message}`);
    }
  };
}

function init() {
  probeHost();
  const ex = $('example');
  for (const [name] of EXAMPLES) ex.append(el('option', '', name));
  ex.addEventListener('change', () => {
    $('source').value = EXAMPLES.find(([n]) => n === ex.value)[1];
    load($('source').value);
  });
  $('source').value = EXAMPLES[0][1];
  $('load').addEventListener('click', () => load($('source').value));
  $('file').addEventListener('change', async () => {
    const f = $('file').files[0];
    if (!f) return;
    const bytes = new Uint8Array(await f.arrayBuffer());
    const isText = !(bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d);
    if (isText) {
      $('source').value = new TextDecoder().decode(bytes);
      load($('source').value);
    } else {
      $('source').value = `;; ${f.name}: ${bytes.length} bytes of binary (its text form is below)`;
      load(bytes);
    }
  });
  $('func').addEventListener('change', () => renderListing());
  $('call').addEventListener('click', guarded(() => {
    stepper = null;
    resetMachine();
    const out = callExport(analysis, $('export').value, args());
    setStatus($('outcome'), 'ok', `result: ${out.length ? out.map(String).join(' ') : '(none)'}`);
  }));
  $('start').addEventListener('click', guarded(() => {
    stepper = startStepping(analysis, $('export').value, args(), breakpoints);
    renderMachine(null);
  }));
  $('step').addEventListener('click', guarded(() => renderMachine(stepper.step())));
  $('continue').addEventListener('click', guarded(() => {
    let last = null;
    const limit = 1_000_000;
    const before = stepper.steps;
    // Breakpoints may change while stepping: the page's set decides, by the next instruction's offset.
    while (!stepper.done && stepper.steps - before < limit) {
      last = stepper.step();
      const next = stepper.next();
      if (next !== null && breakpoints.has(next.offset)) break;
    }
    renderMachine(last);
  }));
  load($('source').value);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
