#!/usr/bin/env bash
# Benchmark of the entrypoint against the shell script it replaces: start-up to exec, peak RSS, binary size, and
# `diagnose --json` at 10, 1,000 and 10,000 entries per SOURCE. Prints a Markdown table; exits 1 when a target is
# missed, 2 on a usage or set-up error.
#
#   tests/bench/run.sh
#
# Start-up is timed with hyperfine (-N, no shell in between) on one prepared tree under --root, in ROUNDS rounds;
# each round times all three programs with the order rotated, so slow phases of a busy machine hit all of them
# alike (A/B alternating in blocks of RUNS). All samples of a program are pooled; the targets use the medians.
#   entrypoint  artifacts/linux-x64/entrypoint --root TREE -- true      (the AOT binary: probe, link, log, exec)
#   shell       sh tests/bench/baseline.sh TREE true                     (ls -A, mountpoint -q, rm -rf, ln -sfn, exec)
#   floor       exec_true true                                           (C, compiled here: only execvp)
# Two states, each set by hyperfine --prepare (tests/bench/reset.sh, not timed) before every run of every program:
#   fresh   TARGETs are the image's placeholder directories, so each run must make both links;
#   linked  TARGETs are already the symlinks (a container restart); the shell still does rm -rf + ln -sfn.
#
# Environment:
#   BENCH_PUBLISH=1   publish linux-x64 and linux-arm64 first with .ci/publish (0: use artifacts/ as they are)
#   BENCH_ARM64=1     publish and measure the linux-arm64 binary (0: skip it; its size is then not checked)
#   BENCH_ROUNDS=30   rounds per state;  BENCH_RUNS=4  timed runs per program per round (plus 1 warm-up); short
#                     blocks keep the programs interleaved finely while other work comes and goes
#   BENCH_DOCKER=auto also measure the image layer the binary makes (FROM scratch + COPY) when docker works; 0: never
# Targets: start-up median <= 0.75 x shell in both states; peak RSS <= 16 MiB; each binary <= 6 MB (6,000,000
# bytes); diagnose --json at 10,000 entries per SOURCE <= 100 ms (median), growing no faster than linearly.
set -euo pipefail
export LC_ALL=C

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench=$repo/tests/bench
publish=${BENCH_PUBLISH:-1}
arm64=${BENCH_ARM64:-1}
rounds=${BENCH_ROUNDS:-30}
runs=${BENCH_RUNS:-4}
docker_mode=${BENCH_DOCKER:-auto}

max_ratio=0.75
max_rss_kib=$((16 * 1024))
max_binary_bytes=6000000
max_diagnose_ms=100

log() { printf 'bench: %s\n' "$*" >&2; }
die() { log "$*"; exit 2; }

# --- tools ------------------------------------------------------------------------------------------------------
ensure_tools() {
    local missing=()
    command -v hyperfine >/dev/null || missing+=(hyperfine)
    [[ -x /usr/bin/time ]] || missing+=(time)
    command -v jq >/dev/null || missing+=(jq)
    command -v gcc >/dev/null || missing+=(gcc)
    command -v mountpoint >/dev/null || missing+=(util-linux)
    [[ ${#missing[@]} -eq 0 ]] && return 0
    log "installing ${missing[*]}"
    local sudo=()
    [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}" >&2 \
        || { "${sudo[@]}" apt-get update >&2 && "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}" >&2; }
}
ensure_tools

work=$(mktemp -d "${TMPDIR:-/tmp}/entrypoint-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# --- binaries ---------------------------------------------------------------------------------------------------
x64=$repo/artifacts/linux-x64/entrypoint
a64=$repo/artifacts/linux-arm64/entrypoint
if [[ $publish == 1 ]]; then
    log "publishing linux-x64 (Native AOT)"
    "$repo/.ci/publish" linux-x64 >&2
    if [[ $arm64 == 1 ]]; then
        log "publishing linux-arm64 (cross-compiled)"
        "$repo/.ci/publish" linux-arm64 >&2
    fi
fi
[[ -x $x64 ]] || die "$x64 is missing; run with BENCH_PUBLISH=1 or .ci/publish linux-x64"
if [[ $arm64 == 1 && ! -x $a64 ]]; then die "$a64 is missing; run with BENCH_PUBLISH=1 or BENCH_ARM64=0"; fi

floor=$work/exec_true
gcc -O2 -o "$floor" "$bench/exec_true.c"

# --- the tree ---------------------------------------------------------------------------------------------------
# The demo image tree: 2 entries in /app/custom-modules, 1 in /app/custom-mcp, placeholder TARGETs.
tree=$work/tree
mkdir -p "$tree"
cp -a "$repo/tests/demo/root/." "$tree/"

# Both programs must do the same job: from the fresh state each must leave both TARGETs as symlinks that reach
# their SOURCE, and exit 0 after exec'ing true.
check_links() {
    local who=$1
    [[ -L $tree/app/modules/custom && -e $tree/app/modules/custom/weather/module.yaml ]] \
        || die "$who did not link /app/modules/custom"
    [[ -L $tree/app/server/mcp/custom && -e $tree/app/server/mcp/custom/search/build/index.js ]] \
        || die "$who did not link /app/server/mcp/custom"
}
sh "$bench/reset.sh" fresh "$tree"
"$x64" --root "$tree" -- true 2>/dev/null || die "entrypoint --root $tree -- true failed"
check_links entrypoint
sh "$bench/reset.sh" fresh "$tree"
sh "$bench/baseline.sh" "$tree" true 2>/dev/null || die "the shell baseline failed"
check_links "the shell baseline"
"$floor" true || die "exec_true failed"

# --- statistics -------------------------------------------------------------------------------------------------
# median of the numbers (seconds) in a file, in ms
median_ms() { sort -g "$1" | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit } m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f", m * 1000 }'; }
# "p10–p90" of the numbers (seconds) in a file, in ms
spread_ms() { sort -g "$1" | awk '{ v[NR] = $1 } END { lo = v[int(NR * 0.1) + 1]; hi = v[int(NR * 0.9)]; printf "%.2f–%.2f", lo * 1000, hi * 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }

# Runs hyperfine in $rounds rounds over the named commands, rotating their order, pooling each command's times
# (seconds, one per line) into $work/times/<state>.<name>, and each round's median into <state>.<name>.rounds.
#   timed STATE PREPARE NAME=COMMAND...
timed() {
    local state=$1 prepare=$2
    shift 2
    local specs=("$@") n=$# r i k
    mkdir -p "$work/times"
    for spec in "${specs[@]}"; do : >"$work/times/$state.${spec%%=*}"; : >"$work/times/$state.${spec%%=*}.rounds"; done
    for ((r = 0; r < rounds; r++)); do
        local args=(-N --style none --runs "$runs" --warmup 1 --export-json "$work/round.json")
        [[ -n $prepare ]] && args+=(--prepare "$prepare")
        local order=()
        for ((i = 0; i < n; i++)); do
            k=$(((i + r) % n))
            order+=("${specs[k]}")
            args+=(--command-name "${specs[k]%%=*}" "${specs[k]#*=}")
        done
        hyperfine "${args[@]}" >/dev/null 2>>"$work/hyperfine.log" || { cat "$work/hyperfine.log" >&2; die "hyperfine failed"; }
        for spec in "${order[@]}"; do
            local name=${spec%%=*}
            jq -r --arg n "$name" '.results[] | select(.command == $n) | .times[]' "$work/round.json" \
                | tee -a "$work/times/$state.$name" >"$work/round.times"
            median_ms "$work/round.times" >>"$work/times/$state.$name.rounds"
            echo >>"$work/times/$state.$name.rounds"
        done
        printf '.' >&2
    done
    printf '\n' >&2
}

failures=()
miss() { failures+=("$*"); }

# --- start-up to exec -------------------------------------------------------------------------------------------
declare -A med
for state in fresh linked; do
    log "start-up, $state tree: $rounds rounds x $runs runs x 3 programs"
    timed "$state" "sh $bench/reset.sh $state $tree" \
        "entrypoint=$x64 --root $tree -- true" \
        "shell=sh $bench/baseline.sh $tree true" \
        "floor=$floor true"
    for name in entrypoint shell floor; do med[$state.$name]=$(median_ms "$work/times/$state.$name"); done
done

# --- peak RSS ---------------------------------------------------------------------------------------------------
# ru_maxrss survives execve (the kernel keeps the old image's high-water mark), so `time -f %M entrypoint -- true`
# is the entrypoint's own peak. The largest of 5 runs is kept.
#   peak_rss_kib PREPARE COMMAND...    (PREPARE: a shell command run, not measured, before each run; "" for none)
peak_rss_kib() {
    local prepare=$1 best=0 i v
    shift
    for i in 1 2 3 4 5; do
        [[ -n $prepare ]] && sh -c "$prepare"
        /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1 || true
        v=$(tail -n1 "$work/rss")
        ((v > best)) && best=$v
    done
    echo "$best"
}
declare -A rss
declare -a out_bytes
rss[fresh.entrypoint]=$(peak_rss_kib "sh $bench/reset.sh fresh $tree" "$x64" --root "$tree" -- true)
rss[linked.entrypoint]=$(peak_rss_kib "sh $bench/reset.sh linked $tree" "$x64" --root "$tree" -- true)
rss[fresh.shell]=$(peak_rss_kib "sh $bench/reset.sh fresh $tree" sh "$bench/baseline.sh" "$tree" true)
rss[floor]=$(peak_rss_kib "" "$floor" true)

# --- diagnose --json at 10, 1,000 and 10,000 entries per SOURCE -------------------------------------------------
sizes=(10 1000 10000)
for n in "${sizes[@]}"; do
    t=$work/diag$n
    mkdir -p "$t/app/custom-modules" "$t/app/custom-mcp" "$t/app/modules" "$t/app/server/mcp"
    (
        cd "$t/app/custom-modules" && names=($(seq -f 'module%05g' 1 "$n")) && mkdir "${names[@]}" \
            && printf '%s/module.yaml\0' "${names[@]}" | xargs -0 touch
        cd "$t/app/custom-mcp" && names=($(seq -f 'server%05g' 1 "$n")) && mkdir "${names[@]}" \
            && printf '%s/package.json\0' "${names[@]}" | xargs -0 touch
    )
    sh "$bench/reset.sh" linked "$t"
    "$x64" diagnose --root "$t" --json >"$work/diag$n.json" || die "diagnose --root $t --json failed (exit $?)"
    jq -e --argjson n "$n" '[.links[] | select(.entries_total == $n and (.entries | length) == ([$n, 256] | min))] | length == 2' \
        "$work/diag$n.json" >/dev/null \
        || die "diagnose at $n entries: expected entries_total $n and min($n, 256) described entries per link"
done
log "diagnose --json: $rounds rounds x $runs runs x ${#sizes[@]} tree sizes"
specs=()
for n in "${sizes[@]}"; do specs+=("n$n=$x64 diagnose --root $work/diag$n --json"); done
timed diagnose "" "${specs[@]}"
for n in "${sizes[@]}"; do
    med[diagnose.$n]=$(median_ms "$work/times/diagnose.n$n")
    rss[diagnose.$n]=$(peak_rss_kib "" "$x64" diagnose --root "$work/diag$n" --json)
    out_bytes[n]=$(stat -c %s "$work/diag$n.json")
done

# --- sizes ------------------------------------------------------------------------------------------------------
size_x64=$(stat -c %s "$x64")
size_a64=
[[ $arm64 == 1 ]] && size_a64=$(stat -c %s "$a64")

# The image gets that one file; when docker works, the layer it makes (FROM scratch, so the layer is all there is).
layer=
if [[ $docker_mode != 0 ]] && command -v docker >/dev/null && docker info >/dev/null 2>&1; then
    ctx=$work/docker
    mkdir -p "$ctx"
    cp "$x64" "$ctx/entrypoint"
    printf 'FROM scratch\nCOPY entrypoint /usr/local/bin/entrypoint\n' >"$ctx/Dockerfile"
    tag=entrypoint-bench-layer:$$
    if docker build -q -t "$tag" "$ctx" >/dev/null 2>&1; then
        layer=$(docker image inspect -f '{{.Size}}' "$tag" 2>/dev/null || true)
        docker image rm "$tag" >/dev/null 2>&1 || true
    fi
fi

# --- report -----------------------------------------------------------------------------------------------------
mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.2f MB", b / 1e6 }'; }
verdict() { if le "$1" "$2"; then echo ok; else echo MISSED; fi; }

echo
echo "### Start-up to exec (median of $((rounds * runs)) runs each; p10–p90 in brackets)"
echo
echo "| tree | entrypoint (AOT) | shell baseline | floor (C, exec only) | entrypoint / shell | floor / shell | target | |"
echo "|---|---|---|---|---|---|---|---|"
for state in fresh linked; do
    e=${med[$state.entrypoint]} s=${med[$state.shell]} f=${med[$state.floor]}
    q=$(ratio "$e" "$s")
    v=$(verdict "$q" "$max_ratio")
    [[ $v == ok ]] || miss "start-up ($state tree): entrypoint/shell = $q > $max_ratio"
    # The per-round ratios show how steady the ratio was while the machine's load changed.
    rr=$(paste "$work/times/$state.entrypoint.rounds" "$work/times/$state.shell.rounds" \
        | awk 'NF == 2 { r = $1 / $2; if (min == "" || r < min) min = r; if (r > max) max = r } END { printf "%.2f–%.2f", min, max }')
    echo "| $state | $e ms [$(spread_ms "$work/times/$state.entrypoint")] | $s ms [$(spread_ms "$work/times/$state.shell")] | $f ms [$(spread_ms "$work/times/$state.floor")] | **$q** (rounds $rr) | $(ratio "$f" "$s") | ≤ $max_ratio | $v |"
done

echo
echo "### Peak RSS (largest of 5 runs, /usr/bin/time %M)"
echo
echo "| program | peak RSS | target | |"
echo "|---|---|---|---|"
for key in fresh.entrypoint linked.entrypoint diagnose.10000; do
    v=$(verdict "${rss[$key]}" "$max_rss_kib")
    [[ $v == ok ]] || miss "peak RSS of $key: ${rss[$key]} KiB > $max_rss_kib KiB"
    case $key in
    fresh.entrypoint) label="entrypoint, fresh tree" ;;
    linked.entrypoint) label="entrypoint, linked tree" ;;
    diagnose.10000) label="entrypoint diagnose --json, 10,000 entries per SOURCE" ;;
    esac
    echo "| $label | $(mib "${rss[$key]}") | ≤ 16 MiB | $v |"
done
echo "| shell baseline (sh itself; each fork is its own process) | $(mib "${rss[fresh.shell]}") | | |"
echo "| floor (C, exec only) | $(mib "${rss[floor]}") | | |"

echo
echo "### Size"
echo
echo "| artifact | bytes | | target | |"
echo "|---|---|---|---|---|"
v=$(verdict "$size_x64" "$max_binary_bytes")
[[ $v == ok ]] || miss "linux-x64 binary: $size_x64 bytes > $max_binary_bytes"
echo "| linux-x64 \`entrypoint\` | $size_x64 | $(mb "$size_x64") | ≤ 6 MB | $v |"
if [[ -n $size_a64 ]]; then
    v=$(verdict "$size_a64" "$max_binary_bytes")
    [[ $v == ok ]] || miss "linux-arm64 binary: $size_a64 bytes > $max_binary_bytes"
    echo "| linux-arm64 \`entrypoint\` | $size_a64 | $(mb "$size_a64") | ≤ 6 MB | $v |"
else
    echo "| linux-arm64 \`entrypoint\` | not measured (BENCH_ARM64=0) | | ≤ 6 MB | skipped |"
fi
if [[ -n $layer ]]; then
    echo "| bytes added to the image (docker layer of the linux-x64 binary) | $layer | $(mb "$layer") | | |"
else
    echo "| bytes added to the image | = the binary (one file; docker not used) | | | |"
fi

echo
echo "### diagnose --json (median of $((rounds * runs)) runs each)"
echo
echo "| entries per SOURCE | time | p10–p90 | × the 10-entry time | JSON bytes | target | |"
echo "|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
    t=${med[diagnose.$n]}
    tgt="" v=""
    if [[ $n == 10000 ]]; then
        tgt="≤ $max_diagnose_ms ms"
        v=$(verdict "$t" "$max_diagnose_ms")
        [[ $v == ok ]] || miss "diagnose --json at 10,000 entries: $t ms > $max_diagnose_ms ms"
    fi
    echo "| $n | $t ms | $(spread_ms "$work/times/diagnose.n$n") ms | $(ratio "$t" "${med[diagnose.10]}") | ${out_bytes[n]} | $tgt | $v |"
done
# Linear or better: ten times the entries may cost at most ten times the time (the fixed start-up cost makes the
# real ratio far smaller; quadratic growth would show as ~100x). Checked from 1,000 to 10,000.
growth=$(ratio "${med[diagnose.10000]}" "${med[diagnose.1000]}")
v=$(verdict "$growth" 10)
[[ $v == ok ]] || miss "diagnose grows faster than linearly: 10,000 entries take ${growth}x the time of 1,000"
echo
echo "Growth from 1,000 to 10,000 entries: ${growth}x (linear would be ≤ 10x): $v. Each link describes at most 256 entries and counts the rest (checked in the JSON)."

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), kernel $(uname -r), load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."

if [[ ${#failures[@]} -gt 0 ]]; then
    echo
    echo "MISSED TARGETS:"
    printf '  - %s\n' "${failures[@]}"
    exit 1
fi
echo
echo "All targets met."
