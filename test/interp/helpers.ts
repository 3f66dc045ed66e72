/**
 * Test helpers: WAT text → validated module → instance, and a shorthand to
 * call an export with boundary values (src/interp/values.ts).
 */
import { parseWatModule } from '../../src/text/index.js';
import { validateModule } from '../../src/validator/index.js';
import { instantiate, invoke, type FuncInst, type Imports, type Instance, type InstantiateOptions, type Value } from '../../src/interp/index.js';

/** Parses, validates and instantiates `wat`. */
export function load(wat: string, imports: Imports = {}, options: InstantiateOptions = {}): Instance {
  const m = parseWatModule(wat);
  validateModule(m);
  return instantiate(m, imports, options);
}

/** Calls export `name` of `inst` and returns its results. */
export function call(inst: Instance, name: string, ...args: Value[]): Value[] {
  return invoke(inst.exports[name] as FuncInst, args);
}

/** Calls export `name` and returns its single result. */
export function call1(inst: Instance, name: string, ...args: Value[]): Value {
  return call(inst, name, ...args)[0];
}
