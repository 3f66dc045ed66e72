// occt-import-js (OpenCascade's STEP/IGES/BREP import; emscripten with wasm exceptions in the legacy
// try/catch/delegate/rethrow form): imports a STEP cube and a broken STEP file, and reads a broken BREP
// file, whose C++ exception unwinds through OpenCascade's cleanup handlers and leaves as a
// WebAssembly.Exception. Prints a digest of each outcome.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const occtimportjs = require('occt-import-js');
const dir = new URL('../../../node_modules/occt-import-js/test/testfiles/', import.meta.url);
const occt = await occtimportjs();

function digest(name, read) {
  let result;
  try {
    result = read();
  } catch (e) {
    return `${name}: threw ${e instanceof WebAssembly.Exception ? 'a WebAssembly.Exception' : String(e)}`;
  }
  if (!result.success) return `${name}: failed`;
  let vertices = 0;
  let triangles = 0;
  let sum = 0;
  for (const m of result.meshes) {
    const p = m.attributes.position.array;
    vertices += p.length / 3;
    triangles += m.index.array.length / 3;
    for (const x of p) sum += x;
  }
  return `${name}: ${result.meshes.length} meshes, ${vertices} vertices, ${triangles} triangles, coordinate sum ${sum.toFixed(3)}`;
}

const cube = readFileSync(new URL('simple-basic-cube/cube.stp', dir));
const text = (s) => new TextEncoder().encode(s);
console.log(digest('cube.stp', () => occt.ReadStepFile(cube, null)));
console.log(digest('truncated cube.stp', () => occt.ReadStepFile(cube.subarray(0, cube.length >> 1), null)));
console.log(digest('broken BREP', () => occt.ReadBrepFile(text('DBRep_DrawableShape\nCASCADE Topology V1, (c) Matra-Datavision\nLocations 1\n1\n garbage'), null)));
// The reader recovers and the same instance keeps working after the exception.
console.log(digest('cube.stp again', () => occt.ReadStepFile(cube, null)));
