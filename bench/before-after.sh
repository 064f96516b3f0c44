#!/usr/bin/env bash
# Before and after in one run: builds this checkout a second time in a temporary worktree with the files of one set of
# fixes as they were before them (at BASE, default e0a3954: main before the benchmark), and runs the benchmark of that
# build and of this checkout alternately, ROUNDS times each, so both meet the same machine with the same measuring
# code. Build this checkout first (./mvnw -DskipTests package).
#
#   bench/before-after.sh engine   [ROUNDS] [options]  the engine's hot path: the sandbox runs (decision latency, the
#                                                      simulated day, the store) of 45, 250 and 1,000 bots
#   bench/before-after.sh launcher [ROUNDS] [options]  the installed launcher's JVM options and the window's start:
#                                                      memory, the console under load and its cold start, 45 bots
#   bench/before-after.sh reshape  [ROUNDS] [options]  the reshaped engine (incremental strategies, one pipeline):
#                                                      the whole tree as it was at BASE (default 5405894) with its own
#                                                      benchmark, against this checkout: strategy bars/s and the ratio
#                                                      to ta4j, the simulated day and p99 latency of 45 and 1,000 bots
#
# Options after ROUNDS go to the benchmark command after these defaults (--help lists them).
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:?engine or launcher}
rounds=${2:-2}
shift $(( $# > 2 ? 2 : $# ))
base=${BASE:-$([ "$what" = reshape ] && echo 5405894 || echo e0a3954)}
java=${JAVA25:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}
[ -n "$java" ] && [ -x "$java" ] || java=java  # a JDK 25 java: JAVA25=/path/to/bin/java, or the first in /usr/lib/jvm
case "$what" in
  engine)
    files=(engine/src/main/java/dev/flotilla/engine/kernel/TickProcessor.java
           engine/src/main/java/dev/flotilla/engine/risk/Breakers.java
           engine/src/main/java/dev/flotilla/engine/market/sandbox/PricePath.java
           engine/src/main/java/dev/flotilla/engine/model/Symbol.java
           engine/src/main/java/dev/flotilla/engine/store/Tx.java)
    args=(--fleets 45,250,1000 --skip strategy,memory,console,market) ;;
  launcher)
    files=(jpackage/app-image.args jpackage/linux/app-image.args
           ui/src/main/java/dev/flotilla/ui/ConsoleApp.java
           app/src/main/java/dev/flotilla/app/ConsoleBridge.java
           app/src/main/java/dev/flotilla/app/Launcher.java)
    args=(--fleets 45 --skip strategy,fleet,market) ;;
  reshape)
    # the engine's API changed with it, so the before is the whole tree at BASE, measured by its own benchmark; the
    # fleet part's measuring code is the same in both, and each strategy part measures its engine's own path
    files=()
    args=(--fleets 45,1000 --skip memory,console,market) ;;
  *) echo "usage: $0 engine|launcher|reshape [ROUNDS] [benchmark options...]" >&2; exit 2 ;;
esac
tmp=$(mktemp -d)
trap 'git worktree remove --force "$tmp/before" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git worktree add --detach "$tmp/before" "$([ "$what" = reshape ] && echo "$base" || echo HEAD)" >/dev/null
for f in ${files[@]+"${files[@]}"}; do
  if git cat-file -e "$base:$f" 2>/dev/null; then git -C "$tmp/before" checkout "$base" -- "$f"; else rm -f "$tmp/before/$f"; fi
done
# the store's writer as it was takes no prepared statements
[ "$what" = engine ] && sed -i 's/Tx(DSLContext db) {/Tx(DSLContext db, PreparedWrites unused) {/' "$tmp/before/engine/src/main/java/dev/flotilla/engine/store/Tx.java"
(cd "$tmp/before" && ./mvnw -q -DskipTests package)
for i in $(seq 1 "$rounds"); do
  echo "== round $i: before ($what files as at $base)"
  (cd "$tmp/before" && "$java" -jar bench/target/bench/flotilla-bench.jar "${args[@]}" "$@")
  echo "== round $i: after ($(git rev-parse --short HEAD))"
  "$java" -jar bench/target/bench/flotilla-bench.jar "${args[@]}" "$@"
done
