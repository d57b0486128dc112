#!/usr/bin/env bash
# Runs every libFuzzer target of Fuzz/ for a longer budget than scripts/test does (issue 13).
#   bench/fuzz.sh [SECONDS_PER_TARGET]   (default 600)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
KANSRIJK_FUZZ=1 swift build --product kansrijk-fuzz --scratch-path .build-fuzz
for target in query form multipart csv hsds; do
  work=$(mktemp -d)
  echo "==> $target for ${seconds}s"
  KANSRIJK_FUZZ_TARGET=$target .build-fuzz/debug/kansrijk-fuzz -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 -artifact_prefix="$work/" "$work" "Fuzz/corpus/$target" 2>&1 | grep -E "stat::|Done|ERROR|crash" || true
  if ls "$work"/crash-* >/dev/null 2>&1; then echo "CRASH in $target: $(ls "$work"/crash-*)"; exit 1; fi
  rm -rf "$work"
done
