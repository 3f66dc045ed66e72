// Runs first in the Chromium host's page: tells whether the page is locked
// down as the matrix claims. The suite's line for it is `csp-probe: …`, read
// by run.mjs; a page where eval or native wasm compilation works fails there.
(function () {
  var evalBlocked = false;
  try { (0, eval)('1'); } catch (e) { evalBlocked = true; }
  var fnBlocked = false;
  try { Function('return 1'); } catch (e) { fnBlocked = true; }
  var wasm = 'absent';
  if (typeof WebAssembly === 'object') {
    try { new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])); wasm = 'allowed'; } catch (e) { wasm = 'refused (' + e.name + ')'; }
  }
  console.log('csp-probe: eval ' + (evalBlocked && fnBlocked ? 'refused' : 'ALLOWED') + ', native WebAssembly ' + wasm);
})();
