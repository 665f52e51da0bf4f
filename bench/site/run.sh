#!/usr/bin/env bash
# Site build benchmark: the five seed posts plus N synthetic days (default 1000 days x 15 papers, 1-6 posts each,
# two snapshots per post), built with `hotpapers site build` (Release). Each run builds into a fresh folder after a
# `sync`, so one run's writeback does not land on the next; the folders are removed at the end.
# Then the same full builds with the runtime's tiered PGO on (DOTNET_TieredPGO=1; the CLI turns it off in its
# runtimeconfig); the first is checked equal to the default build.
# Then the file-writing floor: the built site copied with cp -r, timed the same way.
# Then the incremental rebuild: one more day is added to a copy of the store (SyntheticDays with days+1 rewrites
# the same N days unchanged, which the store's change log ignores, and adds one), and `site build` updates a copy of
# the first full build; the updated folder must equal a full build of the N+1 days byte for byte (diff -r), which
# the script checks; then the same updates by a ReadyToRun publish of the CLI, framework-dependent and self-contained
# composite (as the Dockerfile builds it). The
# floor of a process: `hotpapers --version` (start the runtime, parse, print).
# Every timed line gives the wall time and the CPU time (user + system) of the process, and the load average.
# Usage: bench/site/run.sh [days=1000] [papers-per-day=15] [runs=3]
set -euo pipefail
cd "$(dirname "$0")/../.."
days=${1:-1000}
per_day=${2:-15}
runs=${3:-3}
work=$(mktemp -d /tmp/hotpapers-site-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build -c Release -v q --nologo src/HotPapers.Cli/HotPapers.Cli.csproj >/dev/null
dotnet build -c Release -v q --nologo bench/site/SyntheticDays/SyntheticDays.csproj >/dev/null
cli=(dotnet src/HotPapers.Cli/bin/Release/net10.0/hotpapers.dll --db "$work/bench.db" --now 2026-01-01T00:00:00)

"${cli[@]}" import posts samples/posts | tail -n 1
dotnet bench/site/SyntheticDays/bin/Release/net10.0/SyntheticDays.dll "$work/bench.db" "$days" "$per_day"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), .NET SDK $(dotnet --version)"

# timed CMD...: runs CMD after a sync (so earlier writeback does not land on it); sets $wall (seconds), $cpu (user +
# system seconds, from GNU time), $load (the 1-minute load average before it) and $line (its output).
timed() {
  sync
  sleep 1
  local t0 t1
  load=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(date +%s.%N)
  line=$(/usr/bin/time -o "$work/cpu" -f '%U %S' "$@")
  t1=$(date +%s.%N)
  wall=$(echo "$t1 - $t0" | bc)
  cpu=$(awk '{print $1 + $2}' "$work/cpu")
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

times=()
for run in $(seq 1 "$runs"); do
  timed "${cli[@]}" site build --out "$work/site-$run"
  times+=("$wall")
  printf 'run %d: %.2f s wall, %.2f s CPU (process, load %s) | %s\n' "$run" "$wall" "$cpu" "$load" "$line"
done
full=$(median "${times[@]}")
printf 'median of %d runs: %.2f s wall\n' "$runs" "$full"
echo "site: $(du -sh "$work/site-1" | cut -f1) on disk, $(find "$work/site-1" -type f | wc -l) files"

# The same full builds with the runtime's tiered PGO on (DOTNET_TieredPGO=1 overrides the CLI's runtimeconfig, which
# turns it off, docs/site.md): what the setting is worth. Each must equal the default build.
pgo_times=()
for run in $(seq 1 "$runs"); do
  timed env DOTNET_TieredPGO=1 "${cli[@]}" site build --out "$work/site-pgo-$run"
  pgo_times+=("$wall")
  printf 'run %d, DOTNET_TieredPGO=1: %.2f s wall, %.2f s CPU (process, load %s) | %s\n' "$run" "$wall" "$cpu" "$load" "$line"
done
printf 'DOTNET_TieredPGO=1: median of %d runs: %.2f s wall\n' "$runs" "$(median "${pgo_times[@]}")"
diff -r -q "$work/site-1" "$work/site-pgo-1" >/dev/null || { echo "the build with DOTNET_TieredPGO=1 differs:"; diff -r -q "$work/site-1" "$work/site-pgo-1" | head; exit 1; }

# The kernel's share, as a floor for the build: the same files copied (read from the page cache, written anew).
floor_times=()
for run in $(seq 1 "$runs"); do
  timed cp -r "$work/site-1" "$work/copy-$run"
  floor_times+=("$wall")
done
floor=$(median "${floor_times[@]}")
printf 'floor: copying the built site (cp -r, one thread), median of %d runs: %.2f s wall; build/floor = %.2f\n' "$runs" "$floor" "$(echo "$full / $floor" | bc -l)"
rm -rf "$work"/copy-*

next="$work/next.db"
cp "$work/bench.db" "$next"
dotnet bench/site/SyntheticDays/bin/Release/net10.0/SyntheticDays.dll "$next" "$((days + 1))" "$per_day" >/dev/null
echo "the change log: $(sqlite3 "$work/bench.db" "SELECT COUNT(*) FROM site_changes" 2>/dev/null || echo '?') rows, $(sqlite3 "$next" "SELECT COUNT(*) FROM site_changes" 2>/dev/null || echo '?') after adding day $((days + 1))"
next_cli=(dotnet src/HotPapers.Cli/bin/Release/net10.0/hotpapers.dll --db "$next" --now 2026-01-01T00:00:00)
"${next_cli[@]}" site build --full --out "$work/full-next" >/dev/null
# updates LABEL CLI...: $runs updates of a fresh copy of the first full build by CLI, each checked equal to a full
# build of the N+1 days; prints each and the median.
updates() {
  local label=$1 times=()
  shift
  for run in $(seq 1 "$runs"); do
    rm -rf "$work/inc"
    cp -r "$work/site-1" "$work/inc"
    timed "$@" site build --out "$work/inc"
    times+=("$wall")
    printf 'incremental run %d (one new day), %s: %.2f s wall, %.2f s CPU (process, load %s) | %s\n' "$run" "$label" "$wall" "$cpu" "$load" "$line"
    diff -r -q "$work/full-next" "$work/inc" >/dev/null || { echo "incremental build differs from the full build:"; diff -r -q "$work/full-next" "$work/inc" | head; exit 1; }
  done
  printf 'incremental, %s: median of %d runs: %.2f s wall; each equal to a full build byte for byte\n' "$label" "$runs" "$(median "${times[@]}")"
}
updates "dotnet build output" "${next_cli[@]}"
timed "${next_cli[@]}" site build --out "$work/inc"
printf 'incremental with nothing changed: %.2f s wall, %.2f s CPU (load %s) | %s\n' "$wall" "$cpu" "$load" "$line"
# The same updates by the CLI compiled ahead (ReadyToRun), as the Dockerfile and the README publish it: a short build
# spends much of its CPU compiling methods it runs once.
# Each publish starts from no compiled-ahead files: an incremental publish would reuse the other kind's (a composite
# build's rewritten assemblies in a framework-dependent folder fail to start).
clean_r2r() { rm -rf src/HotPapers.Cli/obj/Release/net10.0/linux-x64 src/HotPapers/obj/Release/net10.0/linux-x64; }
clean_r2r
dotnet publish -c Release -v q --nologo --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o "$work/r2r" src/HotPapers.Cli/HotPapers.Cli.csproj >/dev/null
updates "ReadyToRun publish" dotnet "$work/r2r/hotpapers.dll" --db "$next" --now 2026-01-01T00:00:00
# And self-contained with the runtime in one composite image (README's first recipe): the framework's generic code
# over the tool's types is compiled ahead too. The publish takes several minutes.
clean_r2r
dotnet publish -c Release -v q --nologo --use-current-runtime --self-contained -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$work/composite" src/HotPapers.Cli/HotPapers.Cli.csproj >/dev/null
updates "composite ReadyToRun, self-contained" "$work/composite/hotpapers" --db "$next" --now 2026-01-01T00:00:00
for run in $(seq 1 "$runs"); do
  timed "$work/composite/hotpapers" --version
  printf 'floor of a process (composite hotpapers --version): %.2f s wall, %.2f s CPU (load %s)\n' "$wall" "$cpu" "$load"
done
clean_r2r
for run in $(seq 1 "$runs"); do
  timed dotnet src/HotPapers.Cli/bin/Release/net10.0/hotpapers.dll --version
  printf 'floor of a process (hotpapers --version): %.2f s wall, %.2f s CPU (load %s)\n' "$wall" "$cpu" "$load"
done

if command -v node >/dev/null; then
  echo "search over the built index:"
  node bench/site/search-bench.js "$work/site-1/search-index.json"
fi
