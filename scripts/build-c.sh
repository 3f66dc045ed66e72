#!/usr/bin/env bash
# Rebuild every C-sourced .wasm file in the repository:
#   bench/kernels/*.c        -> bench/kernels/*.wasm       (freestanding, no imports)
#   bench/growth/growth.c    -> bench/growth/growth.wasm   (wasi-libc reactor: malloc, no imports)
#   test/wasi-programs/*.c   -> test/wasi-programs/*.wasm  (wasi-libc, wasm32-wasi)
#   examples/hello.c         -> examples/hello.wasm        (wasi-libc, wasm32-wasi)
#
# The built .wasm files are committed so tests never need a C toolchain.
#
# Usage:
#   scripts/build-c.sh           rebuild in place
#   scripts/build-c.sh --check   rebuild into a temp dir and fail if any
#                                committed .wasm differs (determinism check)
#
# Toolchain (Debian bookworm):
#   apt-get install -y clang lld wasi-libc libclang-rt-14-dev-wasm32
# wasi-libc installs its headers/libraries as a multiarch sysroot rooted at
# /usr (/usr/include/wasm32-wasi, /usr/lib/wasm32-wasi); other layouts can be
# selected with WASI_SYSROOT=/path/to/sysroot.
#
# Builds are deterministic: no debug info is emitted (-Wl,--strip-debug also
# drops the DWARF carried by libc.a), sources are compiled from inside their
# own directory with relative paths, and the output depends only on the
# compiler version and sources.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CC=${CC:-clang}
MODE=build
case "${1:-}" in
  "") ;;
  --check) MODE=check ;;
  -h|--help) sed -n '2,25p' "${BASH_SOURCE[0]}"; exit 0 ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

if ! command -v "$CC" >/dev/null 2>&1; then
  echo "error: $CC not found (apt-get install -y clang lld wasi-libc libclang-rt-14-dev-wasm32)" >&2
  exit 1
fi

find_sysroot() {
  if [[ -n "${WASI_SYSROOT:-}" ]]; then echo "$WASI_SYSROOT"; return; fi
  local cand
  for cand in /usr /usr/share/wasi-sysroot /opt/wasi-sdk/share/wasi-sysroot; do
    if [[ -f "$cand/include/wasm32-wasi/stdio.h" && -f "$cand/lib/wasm32-wasi/libc.a" ]] \
      || [[ -f "$cand/include/stdio.h" && -f "$cand/lib/wasm32-wasi/libc.a" ]]; then
      echo "$cand"; return
    fi
  done
  echo "error: no wasi-libc sysroot found (apt-get install wasi-libc, or set WASI_SYSROOT)" >&2
  exit 1
}
SYSROOT=$(find_sysroot)

# Freestanding kernels: MVP feature set, no libc, no imports, only `run` and
# `memory` exported.  -ffreestanding keeps the optimizer from turning loops
# into memset/memcpy libcalls that would become unresolved imports.
KERNEL_FLAGS=(--target=wasm32 -mcpu=mvp -nostdlib -ffreestanding -O2 -Wall -Wextra -Werror
  -Wl,--no-entry -Wl,--export=run -Wl,--strip-debug)
# WASI programs: wasi-libc command modules (_start), MVP feature set.
WASI_FLAGS=(--target=wasm32-wasi --sysroot="$SYSROOT" -mcpu=mvp -O2 -Wall -Wextra -Werror
  -Wl,--strip-debug)

OUT_ROOT=$ROOT
if [[ $MODE == check ]]; then
  OUT_ROOT=$(mktemp -d)
  trap 'rm -rf "$OUT_ROOT"' EXIT
  mkdir -p "$OUT_ROOT/bench/kernels" "$OUT_ROOT/bench/growth" "$OUT_ROOT/test/wasi-programs" "$OUT_ROOT/examples"
fi

BUILT=()

# compile DIR SRC OUT FLAGS...   (DIR relative to repo root)
compile() {
  local dir=$1 src=$2 out=$3
  shift 3
  (cd "$ROOT/$dir" && "$CC" "$@" -o "$OUT_ROOT/$dir/$out" "$src")
  chmod 644 "$OUT_ROOT/$dir/$out"
  BUILT+=("$dir/$out")
  echo "built $dir/$out"
}

for src in "$ROOT"/bench/kernels/*.c; do
  name=$(basename "$src" .c)
  if [[ $name == memops ]]; then
    compile bench/kernels memops.c memops.wasm "${KERNEL_FLAGS[@]}" -mbulk-memory
    compile bench/kernels memops.c memops_nobulk.wasm "${KERNEL_FLAGS[@]}"
  else
    compile bench/kernels "$name.c" "$name.wasm" "${KERNEL_FLAGS[@]}"
  fi
done

# The growth workloads: wasi-libc's malloc, as a reactor (no _start, no imports).
compile bench/growth growth.c growth.wasm "${WASI_FLAGS[@]}" -mexec-model=reactor

for src in "$ROOT"/test/wasi-programs/*.c; do
  name=$(basename "$src" .c)
  compile test/wasi-programs "$name.c" "$name.wasm" "${WASI_FLAGS[@]}"
done

compile examples hello.c hello.wasm "${WASI_FLAGS[@]}"

if [[ $MODE == check ]]; then
  status=0
  for f in "${BUILT[@]}"; do
    if ! cmp -s "$OUT_ROOT/$f" "$ROOT/$f"; then
      echo "DIFFERS: $f" >&2
      status=1
    fi
  done
  if [[ $status == 0 ]]; then echo "all ${#BUILT[@]} .wasm files match the committed builds"; fi
  exit $status
fi
