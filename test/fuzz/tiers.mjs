// The tswasm execution tiers the differential fuzzer compares with native V8,
// one entry per tier: { name, engine } where engine is shaped like the
// `WebAssembly` namespace. Given the tswasm namespace (from src/ or dist/).
// When a tier lands (the compile-to-JS tier is selected by an option of the
// namespace), it is one more line here; the vitest suite and scripts/fuzz.mjs
// both read this list.
export function TIERS(tswasm) {
  return [
    { name: 'interp', engine: tswasm },
  ];
}
