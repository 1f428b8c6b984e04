#!/usr/bin/env bash
# Smoke suite: the image built from the repository's Dockerfile, in real Docker containers, offline.
#
#   bash tests/smoke/run.sh
#
# Installs Docker if missing, starts dockerd (--bridge=none) if it is not running, builds local base images
# from this host's files (there is no registry), builds the image with ENTRYPOINT_FROM=prebuilt, and checks
# the contract (spec.md "Who uses it", "Builds and images", "Users and permissions", "Raspberry Pi: resources
# and devices", "Start-up hooks") each scenario in a fresh container. No container
# gets a network (--network none / network_mode: none); the app is probed from inside with `docker exec`.
# Cleans up its containers, volumes and images on exit. Last line: "N passed, M failed"; exit 1 if any failed.
#
# Environment: SMOKE_KEEP=1 keeps the images and the build cache (faster reruns); SMOKE_VERBOSE=1 shows logs.
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DOCKER=/usr/bin/docker            # Debian's client; /usr/local/bin/docker is a different one
export DOCKER_BUILDKIT=1
RUN_ID=smoke$$
LABEL=entrypoint-smoke=$RUN_ID
BUSYBOX_IMAGE=entrypoint-smoke-busybox:$RUN_ID
NODE_IMAGE=entrypoint-smoke-node:$RUN_ID
IMAGE=entrypoint-smoke-app:$RUN_ID
IMAGE_BB=entrypoint-smoke-app-busybox:$RUN_ID
NOLIBC_IMAGE=entrypoint-smoke-nolibc:$RUN_ID
PROJECT=$RUN_ID                   # compose project name
T=$(mktemp -d /tmp/entrypoint-smoke.XXXXXX)
chmod 755 "$T"
started=$(date +%s)
pass=0 fail=0

say()  { printf '%s\n' "smoke [$(($(date +%s) - started)) s]: $*"; }
eq() { [[ $1 == "$2" ]] || { echo "got '$1', want '$2'"; return 1; }; }
not_grep() { ! grep "$@"; }
ok()   { pass=$((pass + 1)); printf 'PASS %s\n' "$*"; }
bad()  { fail=$((fail + 1)); printf 'FAIL %s\n' "$*"; }
# check NAME COMMAND...: one assertion.
check() {
  local name=$1 out; shift
  if out=$("$@" 2>&1); then ok "$name"; else bad "$name"; [[ -n $out ]] && printf '%s\n' "$out" | tail -5 | sed 's/^/    | /'; fi
}
d()    { "$DOCKER" "$@"; }
# once [docker run args...]: a container that should exit by itself, removed when it does. Killed after 60 s
# (+10 s): the docker client passes timeout's SIGTERM on to the container and waits on, so -k is what bounds it.
once() { timeout -k 10 60 "$DOCKER" run --rm --label "$LABEL" --network none "$@"; }
# The compose files of section 8's project, as -f arguments (finish takes down whatever they started).
COMPOSE_FILES=()
compose() { docker-compose -p "$PROJECT" "${COMPOSE_FILES[@]}" "$@"; }

finish() {
  local rc=$?
  trap - EXIT INT TERM
  say "cleaning up"
  if ((${#COMPOSE_FILES[@]})); then
    compose --profile option1 --profile option2 down -v --remove-orphans >/dev/null 2>&1
  fi
  local ids
  ids=$(d ps -aq --filter "label=$LABEL"; d ps -aq --filter "label=com.docker.compose.project=$PROJECT")
  [[ -n $ids ]] && d rm -f $ids >/dev/null 2>&1
  ids=$(d volume ls -q --filter "label=$LABEL"; d volume ls -q --filter "label=com.docker.compose.project=$PROJECT")
  [[ -n $ids ]] && d volume rm -f $ids >/dev/null 2>&1
  if [[ ${SMOKE_KEEP:-0} != 1 ]]; then
    d rmi -f "$IMAGE" "$IMAGE_BB" "$NODE_IMAGE" "$BUSYBOX_IMAGE" "$NOLIBC_IMAGE" "$NOLIBC_IMAGE-app" >/dev/null 2>&1
    d builder prune -f >/dev/null 2>&1
  fi
  rm -rf "$T"
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- prerequisites
need_pkgs=()
[[ -x /usr/bin/docker && -x /usr/sbin/dockerd ]] || need_pkgs+=(docker.io)
command -v docker-compose >/dev/null || need_pkgs+=(docker-compose)
[[ -x /bin/busybox ]] || need_pkgs+=(busybox-static)
[[ -x /usr/bin/node ]] || need_pkgs+=(nodejs)
command -v python3 >/dev/null || need_pkgs+=(python3)
if ((${#need_pkgs[@]})); then
  say "installing ${need_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -q && apt-get install -y -q --no-install-recommends "${need_pkgs[@]}"; } >"$T/apt.log" 2>&1 \
    || { cat "$T/apt.log"; say "apt-get failed"; echo "0 passed, 1 failed"; exit 1; }
fi

if ! d info >/dev/null 2>&1; then
  say "starting dockerd --bridge=none"
  # Detached from this script's stdout/stderr so whoever waits for the suite does not wait for dockerd.
  setsid nohup dockerd --bridge=none >/var/log/dockerd-smoke.log 2>&1 </dev/null &
  for _ in $(seq 60); do d info >/dev/null 2>&1 && break; sleep 1; done
  d info >/dev/null 2>&1 || { tail -20 /var/log/dockerd-smoke.log; say "dockerd did not start"; echo "0 passed, 1 failed"; exit 1; }
fi

case $(uname -m) in
  x86_64) RID=linux-x64 ;;
  aarch64) RID=linux-arm64 ;;
  *) say "unsupported machine $(uname -m)"; echo "0 passed, 1 failed"; exit 1 ;;
esac
BIN=$REPO/artifacts/$RID/entrypoint
# Publish when missing or older than any source file of the entrypoint.
if [[ ! -x $BIN || -n $(find "$REPO/src/EntryPoint" "$REPO/Directory.Build.props" -newer "$BIN" \
      -not -path '*/bin/*' -not -path '*/obj/*' -type f -print -quit 2>/dev/null) ]]; then
  say "publishing $BIN"
  "$REPO/.ci/publish" "$RID" >"$T/publish.log" 2>&1 \
    || { tail -30 "$T/publish.log"; say ".ci/publish $RID failed"; echo "0 passed, 1 failed"; exit 1; }
fi

# ---------------------------------------------------------------- images
say "building base images"
if ! DOCKER=$DOCKER bash "$REPO/tests/smoke/base-images.sh" "$BIN" "$BUSYBOX_IMAGE" "$NODE_IMAGE" "$NOLIBC_IMAGE" "$LABEL" >"$T/base.log" 2>&1; then
  cat "$T/base.log"; say "base images failed"; echo "0 passed, 1 failed"; exit 1
fi
build() { # TAG APP_IMAGE [extra args]
  local tag=$1 app=$2; shift 2
  d build --network none --progress=plain --label "$LABEL" \
    --build-arg ENTRYPOINT_FROM=prebuilt --build-arg APP_IMAGE="$app" "$@" -t "$tag" "$REPO"
}
b0=$(date +%s)
if build "$IMAGE" "$NODE_IMAGE" >"$T/build.log" 2>&1; then
  ok "image builds from the Dockerfile with ENTRYPOINT_FROM=prebuilt on a local node image ($(($(date +%s) - b0)) s)"
else
  tail -40 "$T/build.log"; bad "image build"; echo "$pass passed, $fail failed"; exit 1
fi
check "build stage checks that the binary runs on APP_IMAGE's libc" grep -q 'entrypoint .* runs here' "$T/build.log"

node_size=$(d image inspect -f '{{.Size}}' "$NODE_IMAGE")
app_size=$(d image inspect -f '{{.Size}}' "$IMAGE")
bin_size=$(stat -c %s "$BIN")
demo_size=$(du -sb "$REPO/src/demo-app" | cut -f1)
say "image size: base $node_size B, with entrypoint $app_size B: +$((app_size - node_size)) B" \
    "(entrypoint binary $bin_size B, demo app $demo_size B, the rest users/placeholders)"

# The Dockerfile on an image with neither useradd nor adduser (its last-resort user creation).
if build "$IMAGE_BB" "$BUSYBOX_IMAGE" >"$T/build-bb.log" 2>&1; then
  check "Dockerfile also builds on a busybox image without useradd/adduser (uid 1001)" \
    eq "$(once --entrypoint /bin/id "$IMAGE_BB" -u)" 1001
else
  tail -20 "$T/build-bb.log"; bad "Dockerfile builds on a busybox image without useradd/adduser"
fi

# An APP_IMAGE without the libc the binary needs (the busybox image less its libc): the build must fail, saying why.
build "$NOLIBC_IMAGE-app" "$NOLIBC_IMAGE" >"$T/build-nolibc.log" 2>&1
nolibc_rc=$?
check "build fails on an APP_IMAGE whose libc cannot run the binary" test "$nolibc_rc" -ne 0
check "... and says why" grep -q 'entrypoint does not run on APP_IMAGE' "$T/build-nolibc.log"

# ---------------------------------------------------------------- custom code on the "host"
MOD=$T/host/modules MCP=$T/host/mcp
mkdir -p "$MOD/weather" "$MOD/notes" "$MCP/echo-server" "$MCP/pkg-server" "$MCP/built-server/build"
printf 'name: weather\n' >"$MOD/weather/module.yaml"
printf 'name: notes\n' >"$MOD/notes/module.yaml"
printf 'console.log("echo")\n' >"$MCP/echo-server/index.js"
printf '{"name":"pkg-server"}\n' >"$MCP/pkg-server/package.json"
printf 'console.log("built")\n' >"$MCP/built-server/build/index.js"
chmod -R a+rX,go-w "$T/host"
RO_INTERMEDIATE=(-v "$MOD:/app/custom-modules:ro" -v "$MCP:/app/custom-mcp:ro")
RO_DIRECT=(-v "$MOD:/app/modules/custom:ro" -v "$MCP:/app/server/mcp/custom:ro")

# ---------------------------------------------------------------- helpers
start() { # NAME [docker run args...]: a detached app container
  local name=$1; shift
  d run -d --name "$RUN_ID-$name" --label "$LABEL" --network none "$@" "$IMAGE" >/dev/null 2>"$T/$name.start.err"
}
cname() { echo "$RUN_ID-$1"; }
logs() { d logs "$(cname "$1")" >"$T/$1.log" 2>&1; cat "$T/$1.log"; }
# wait_health CONTAINER FILE: asks the demo app for /health from inside (its own loopback) until it answers, the
# container stops, or 120 tries 0.5 s apart (a minute and more: a loaded 2-core CI machine starts Node slowly); the
# JSON to FILE.
wait_health() {
  local c=$1 out=$2
  for _ in $(seq 120); do
    if d exec "$c" node /app/demo-app/healthcheck.js >"$out" 2>/dev/null; then return 0; fi
    [[ $(d inspect -f '{{.State.Running}}' "$c" 2>/dev/null) == true ]] || return 1
    sleep 0.5
  done
  return 1
}
# health NAME: wait_health for the container started as NAME; JSON to $T/NAME.json
health() { wait_health "$(cname "$1")" "$T/$1.json"; }
# json FILE PYTHON-EXPR: evaluates EXPR with j = the parsed JSON (and helpers), true -> exit 0
json() {
  python3 - "$1" "$2" <<'PY'
import json, sys
try:
    j = json.load(open(sys.argv[1]))
except ValueError as e:
    sys.exit(f"{sys.argv[1]}: not JSON ({e}): {open(sys.argv[1]).read(200)!r}")
def link(name): return next(l for l in j["links"] if l["name"] == name)
def names(name): return sorted(e["name"] for e in link(name)["entries"])
def finding(code): return next(f for f in j["findings"] if f["code"] == code)
def device(path): return next(d for d in j["devices"] if d["path"] == path)
try:
    okay = eval(sys.argv[2])
except (KeyError, StopIteration, TypeError, IndexError) as e:
    sys.exit(f"{type(e).__name__} {e} in {json.dumps(j)[:300]}")
sys.exit(0 if okay else f"false: {sys.argv[2]} in {json.dumps(j)[:300]}")
PY
}
# line NAME LINK: the entrypoint's log line for a link ("custom LINK:")
line() { grep -m1 "custom $2:" "$T/$1.log"; }
has_mode() { line "$1" "$2" | grep -q "mode=$3"; }
rc_of() { "$@" >/dev/null 2>&1; echo $?; }
# run_rc NAME [docker run args...]: once; its output to $T/NAME.log, its exit code to $T/NAME.rc
run_rc() { local n=$1; shift; once "$@" >"$T/$n.log" 2>&1; echo $? >"$T/$n.rc"; }
# run_json NAME [docker run args...]: once; stdout (a diagnose --json) to $T/NAME.json, stderr to $T/NAME.err,
# exit code to $T/NAME.rc
run_json() { local n=$1; shift; once "$@" >"$T/$n.json" 2>"$T/$n.err"; echo $? >"$T/$n.rc"; }
# rc_is NAME RC: $T/NAME.rc holds RC
rc_is() { eq "$(cat "$T/$1.rc")" "$2"; }
# rc_json NAME RC EXPR: $T/NAME.rc is RC and EXPR holds for $T/NAME.json
rc_json() { rc_is "$1" "$2" && json "$T/$1.json" "$3"; }
# first_link_line NAME LINK MODE TEXT: that line says mode=MODE and TEXT
first_link_line() { line "$1" "$2" | grep "mode=$3" | grep -q "$4"; }
dump() { [[ ${SMOKE_VERBOSE:-0} == 1 || $fail -gt ${2:-0} ]] && { echo "---- $1"; sed 's/^/    /' "$T/$1.log" 2>/dev/null | tail -40; }; }

# ---------------------------------------------------------------- 1. no custom code
say "1. no custom code"
f0=$fail
start t1
check "1 no custom code: the app starts" health t1
logs t1 >/dev/null
check "1 log: custom modules line says mode=none" has_mode t1 modules none
check "1 log: custom mcp line says mode=none" has_mode t1 mcp none
check "1 log: names the command it execs" grep -Eq 'exec.*node' "$T/t1.log"
check "1 the app finds no modules" json "$T/t1.json" 'j["modules"] == [] and j["mcp_servers"] == []'
check "1 placeholder directory left alone" d exec "$(cname t1)" sh -c 'test -d /app/modules/custom && ! test -L /app/modules/custom'
check "1 execve: the app is PID 1 (same PID, no shell or wrapper left)" \
  eq "$(d exec "$(cname t1)" cat /proc/1/cmdline | tr '\0' ' ')" "node /app/demo-app/server.js "
dump t1 "$f0"

# ---------------------------------------------------------------- 2. intermediate read-only mounts
say "2. intermediate read-only mounts (seed option 3)"
f0=$fail
start t2 "${RO_INTERMEDIATE[@]}"
check "2 intermediate mounts: the app starts" health t2
logs t2 >/dev/null
check "2 log: custom modules mode=symlink, linked" first_link_line t2 modules symlink linked
check "2 log: custom mcp mode=symlink, linked" first_link_line t2 mcp symlink linked
check "2 /app/modules/custom resolves to /app/custom-modules" eq "$(d exec "$(cname t2)" readlink -f /app/modules/custom)" /app/custom-modules
check "2 /app/server/mcp/custom resolves to /app/custom-mcp" eq "$(d exec "$(cname t2)" readlink -f /app/server/mcp/custom)" /app/custom-mcp
check "2 the app lists the modules" json "$T/t2.json" 'j["modules"] == ["notes", "weather"]'
check "2 the app lists the MCP servers" json "$T/t2.json" 'j["mcp_servers"] == ["built-server", "echo-server", "pkg-server"]'
dump t2 "$f0"

# ---------------------------------------------------------------- 3. direct read-only bind mounts
say "3. direct read-only bind mounts (seed option 2)"
f0=$fail
start t3 "${RO_DIRECT[@]}"
check "3 direct mounts: the app starts" health t3
logs t3 >/dev/null
check "3 log: custom modules mode=bind-mount" has_mode t3 modules bind-mount
check "3 log: custom mcp mode=bind-mount" has_mode t3 mcp bind-mount
check "3 nothing changed: runtime paths are not symlinks" d exec "$(cname t3)" sh -c '! test -L /app/modules/custom && ! test -L /app/server/mcp/custom'
check "3 nothing changed: intermediate mount points still empty" d exec "$(cname t3)" sh -c '[ -z "$(ls -A /app/custom-modules)$(ls -A /app/custom-mcp)" ]'
check "3 the app lists the modules" json "$T/t3.json" 'j["modules"] == ["notes", "weather"] and len(j["mcp_servers"]) == 3'
dump t3 "$f0"

# ---------------------------------------------------------------- 4. named volumes with the bind driver
say "4. named volumes with the bind driver (seed option 1)"
f0=$fail
d volume create --label "$LABEL" --opt type=none --opt o=bind --opt device="$MOD" "$RUN_ID-modules" >/dev/null
d volume create --label "$LABEL" --opt type=none --opt o=bind --opt device="$MCP" "$RUN_ID-mcp" >/dev/null
start t4 -v "$RUN_ID-modules:/app/custom-modules:ro" -v "$RUN_ID-mcp:/app/custom-mcp:ro"
check "4 bind-driver volumes: the app starts" health t4
logs t4 >/dev/null
check "4 log: custom modules mode=symlink" has_mode t4 modules symlink
check "4 the app lists the modules and MCP servers" json "$T/t4.json" 'j["modules"] == ["notes", "weather"] and len(j["mcp_servers"]) == 3'
dump t4 "$f0"

# ---------------------------------------------------------------- 5. read-only root
say "5. --read-only root"
f0=$fail
run_rc t5a --read-only "${RO_INTERMEDIATE[@]}" "$IMAGE"
check "5 read-only root + intermediate mounts: exit 1 (got $(cat "$T/t5a.rc"))" rc_is t5a 1
check "5 ... with an error naming the path" grep -Eq '/app/(modules/custom|server/mcp/custom)' "$T/t5a.log"
check "5 ... and the fix (mount at the target directly / make the parent writable)" grep -Eiq 'directly|writable' "$T/t5a.log"
check "5 ... and no stack trace" not_grep -Eq '^\s+at [A-Za-z_.]+|Unhandled exception' "$T/t5a.log"
grep -m1 -E 'ERR|error' "$T/t5a.log" | cut -c1-300 | sed 's/^/    /'
# A read-only root needs somewhere writable for the app's state (the image's 10-state-dirs.sh hook stops the
# start otherwise, see 10.3): a tmpfs at /data for the app's user, as a real read-only deployment would mount.
start t5b --read-only --tmpfs /data:uid=1001,gid=1001 "${RO_DIRECT[@]}"
check "5 read-only root + direct mounts: the app starts" health t5b
logs t5b >/dev/null
check "5 ... mode=bind-mount" has_mode t5b modules bind-mount
check "5 ... the state hook uses the tmpfs at /data" grep -q 'hook 10-state-dirs.sh: state directories under /data/state' "$T/t5b.log"
[[ ${SMOKE_VERBOSE:-0} == 1 || $fail -gt $f0 ]] && { echo "---- t5a"; tail -20 "$T/t5a.log" | sed 's/^/    /'; }
dump t5b "$f0"

# ---------------------------------------------------------------- 6. diagnose
say "6. entrypoint diagnose"
f0=$fail
diag() { # NAME CONTAINER [args]: docker exec diagnose --json, JSON to $T/NAME.json, exit code to $T/NAME.rc
  local n=$1 c=$2; shift 2
  d exec "$c" entrypoint diagnose --json "$@" >"$T/$n.json" 2>"$T/$n.err"; echo $? >"$T/$n.rc"
}
diag d2 "$(cname t2)"
check "6 exec diagnose --json (intermediate): exit 0 (got $(cat "$T/d2.rc"))" rc_is d2 0
check "6 ... valid JSON with status, links, findings" json "$T/d2.json" 'j["status"] in ("ok", "warning") and isinstance(j["links"], list) and isinstance(j["findings"], list)'
check "6 ... modes symlink, source read-only mount" json "$T/d2.json" 'link("modules")["mode"] == "symlink" and link("mcp")["mode"] == "symlink" and link("modules")["source_mount"]["read_only"] is True'
check "6 ... inventory: the modules, found" json "$T/d2.json" 'names("modules") == ["notes", "weather"] and all(e["found"] for e in link("modules")["entries"])'
check "6 ... findings have severity, code, path, message, hint" json "$T/d2.json" 'all({"severity", "code", "path", "message", "hint"} <= set(f) for f in j["findings"])'
diag d3 "$(cname t3)"
check "6 exec diagnose --json (direct): exit 0, mode bind-mount, target read-only" \
  rc_json d3 0 'link("modules")["mode"] == "bind-mount" and link("mcp")["mode"] == "bind-mount" and link("modules")["target_mount"]["read_only"] is True' 
diag d1 "$(cname t1)"
check "6 exec diagnose --json (no custom code): exit 0, mode none" rc_json d1 0 'link("modules")["mode"] == "none"' 
# A read-write mount of custom code is a warning: exit 0, and 1 with --strict.
run_json d6rw -v "$MOD:/app/custom-modules" --entrypoint /usr/local/bin/entrypoint "$IMAGE" diagnose --json
check "6 diagnose, custom code read-write: exit 0, status warning" rc_json d6rw 0 'j["status"] == "warning"' 
rc=$(rc_of once -v "$MOD:/app/custom-modules" --entrypoint /usr/local/bin/entrypoint "$IMAGE" diagnose --json --strict)
check "6 diagnose --strict, custom code read-write: exit 1 (got $rc)" test "$rc" -eq 1
# An error: read-only root where the link cannot be made.
run_json d6ro --read-only "${RO_INTERMEDIATE[@]}" --entrypoint /usr/local/bin/entrypoint "$IMAGE" diagnose --json
check "6 diagnose, read-only root + intermediate mounts: exit 1, status error" \
  rc_json d6ro 1 'j["status"] == "error" and any(f["severity"] == "error" for f in j["findings"])' 
check "6 the contract's CI form: docker run IMAGE entrypoint diagnose --json --strict exits 0" \
  once "${RO_INTERMEDIATE[@]}" "$IMAGE" entrypoint diagnose --json --strict
# Exit codes of run before the exec.
rc=$(rc_of once "$IMAGE" no-such-command-xyz)
check "6 run: COMMAND not found -> 127 (got $rc)" test "$rc" -eq 127
rc=$(rc_of once "$IMAGE" /app/demo-app/README.md)
check "6 run: COMMAND not executable -> 126 (got $rc)" test "$rc" -eq 126
rc=$(rc_of once --entrypoint /usr/local/bin/entrypoint "$IMAGE")
check "6 run: no COMMAND -> 2 (got $rc)" test "$rc" -eq 2
check "6 --version exits 0" once --entrypoint /usr/local/bin/entrypoint "$IMAGE" --version
[[ ${SMOKE_VERBOSE:-0} == 1 || $fail -gt $f0 ]] && for n in d2 d3 d1 d6rw d6ro; do
  echo "---- $n (rc $(cat "$T/$n.rc" 2>/dev/null))"; head -c 1500 "$T/$n.json" 2>/dev/null | sed 's/^/    /'; echo; tail -5 "$T/$n.err" | sed 's/^/    /'
done

# ---------------------------------------------------------------- 7. signals, exit codes, restart
say "7. stop, exit code, restart"
f0=$fail
c=$(cname t2)
t0=$(date +%s%N)
d stop "$c" >/dev/null
ms=$((($(date +%s%N) - t0) / 1000000))
check "7 docker stop: stopped in ${ms} ms (< 5000, Docker would kill at 10 s)" test "$ms" -lt 5000
check "7 ... the app exited 0" eq "$(d inspect -f '{{.State.ExitCode}}' "$c")" 0
logs t2 >/dev/null
check "7 ... after the SIGTERM reached it" grep -q 'SIGTERM received' "$T/t2.log"
rc=$(rc_of once "$IMAGE" sh -c 'exit 42')
check "7 the container's exit code is the app's: sh -c 'exit 42' -> 42 (got $rc)" test "$rc" -eq 42
d restart "$c" >/dev/null
check "7 docker restart: the app starts again" health t2
logs t2 >/dev/null
check "7 ... and the second start says already linked" grep -q 'already linked' "$T/t2.log"
check "7 ... links still in place" eq "$(d exec "$c" readlink -f /app/modules/custom)" /app/custom-modules
start t7init --init "${RO_INTERMEDIATE[@]}"
if health t7init; then
  t0=$(date +%s%N); d stop "$(cname t7init)" >/dev/null; ms=$((($(date +%s%N) - t0) / 1000000))
  check "7 with --init: docker stop in ${ms} ms (< 5000)" test "$ms" -lt 5000
else
  bad "7 with --init: the app starts"
fi
dump t2 "$f0"

# ---------------------------------------------------------------- 8. compose
say "8. docker-compose"
f0=$fail
export APP_IMAGE_NAME=$IMAGE CUSTOM_MODULES_PATH=$MOD CUSTOM_MCP_PATH=$MCP
cd "$REPO" || exit 1
check "8 docker-compose config accepts docker-compose.yml" docker-compose -f docker-compose.yml config -q
check "8 docker-compose config accepts docker-compose.yml + docker-compose.rpi.yml" \
  docker-compose -f docker-compose.yml -f docker-compose.rpi.yml --profile option1 --profile option2 config -q
# The test override: no network (dockerd runs with --bridge=none; no test sends traffic), no restarts.
cat >"$T/compose.test.yml" <<'EOF'
services:
  app: {network_mode: none, restart: "no"}
  app-volumes: {network_mode: none, restart: "no"}
  app-direct: {network_mode: none, restart: "no"}
EOF
COMPOSE_FILES=(-f docker-compose.yml -f "$T/compose.test.yml")
# compose_health SERVICE: wait_health for the service's container (up -d has created it); JSON to $T/c-SERVICE.json
compose_health() { wait_health "$(compose --profile option1 --profile option2 ps -q "$1" 2>/dev/null | head -1)" "$T/c-$1.json"; }
compose up -d --no-build >"$T/c-up.log" 2>&1
check "8 docker-compose up (default: option 3) starts" compose_health app
check "8 ... only the default service runs (options 1 and 2 are behind profiles)" \
  eq "$(d ps -q --filter "label=com.docker.compose.project=$PROJECT" | wc -l)" 1
compose logs --no-color app >"$T/c-logs.log" 2>&1
check "8 docker-compose logs | grep custom: the detection lines" grep -q 'custom modules:.*mode=symlink' "$T/c-logs.log"
check "8 ... the app lists the modules" json "$T/c-app.json" 'j["modules"] == ["notes", "weather"]'
compose down -v >/dev/null 2>&1
compose --profile option1 up -d --no-build app-volumes >"$T/c-up1.log" 2>&1
check "8 option 1 (named bind volumes): starts" compose_health app-volumes
check "8 ... lists the modules" json "$T/c-app-volumes.json" 'j["modules"] == ["notes", "weather"]' 
compose --profile option1 down -v >/dev/null 2>&1
compose --profile option2 up -d --no-build app-direct >"$T/c-up2.log" 2>&1
check "8 option 2 (direct bind mounts): starts" compose_health app-direct
check "8 ... lists the modules" json "$T/c-app-direct.json" 'j["modules"] == ["notes", "weather"]' 
compose --profile option2 down -v >/dev/null 2>&1
# Raspberry Pi override on top: limits, heap, healthcheck.
COMPOSE_FILES=(-f docker-compose.yml -f docker-compose.rpi.yml -f "$T/compose.test.yml")
CONTAINER_MEMORY=768m CONTAINER_CPUS=1.5 NODE_MEMORY=384 \
  compose up -d --no-build app >"$T/c-up-rpi.log" 2>&1
rpi=$(compose ps -q app 2>/dev/null | head -1)
check "8 rpi override: memory 768m, 1.5 CPUs" eq "$(d inspect -f '{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}}' "$rpi")" "805306368 1500000000"
check "8 rpi override: NODE_OPTIONS heap 384" grep -q 'NODE_OPTIONS=--max-old-space-size=384' <(d inspect -f '{{.Config.Env}}' "$rpi")
check "8 rpi override: healthcheck runs the entrypoint's diagnose" grep -q diagnose <(d inspect -f '{{json .Config.Healthcheck.Test}}' "$rpi")
compose down -v >/dev/null 2>&1
[[ ${SMOKE_VERBOSE:-0} == 1 || $fail -gt $f0 ]] && for f in c-up c-logs c-up1 c-up2 c-up-rpi; do echo "---- $f"; tail -15 "$T/$f.log" | sed 's/^/    /'; done

# ---------------------------------------------------------------- 9. users, resources, devices
say "9. users, permissions, resources and devices (issue 4)"
f0=$fail
# log_has NAME REGEX STRING...: the first line of $T/NAME.log that matches REGEX contains every STRING
log_has() {
  local l s; l=$(grep -m1 -E "$2" "$T/$1.log") || { echo "no line matches $2"; return 1; }
  shift 2
  for s; do [[ $l == *"$s"* ]] || { echo "'$s' not in: $l"; return 1; }; done
}
# status_field NAME FIELD: a line of /proc/1/status (the app's) without the name, tabs as spaces
status_field() { d exec -u 0:0 "$(cname "$1")" grep "^$2:" /proc/1/status | cut -f2- | tr '\t' ' ' | sed 's/ *$//'; }
# cap_bit NAME SET BIT: prints 1 when capability BIT is in the app's SET (CapEff, CapBnd...), else 0
cap_bit() { echo $(((0x$(status_field "$1" "$2") >> $3) & 1)); }
# Custom code that only its owner, 1001, may read: a host directory 1001:1001 mode 0700.
OWNED=$T/host9/modules
mkdir -p "$OWNED/weather" && printf 'name: weather\n' >"$OWNED/weather/module.yaml"
chown -R 1001:1001 "$OWNED" && chmod 700 "$OWNED" && chmod 755 "$T/host9"

# 9.1 users and permissions
run_rc t9u1 --user 0:0 -e ENTRYPOINT_USER=1000:1000 -v "$OWNED:/app/custom-modules:ro" "$IMAGE"
check "9.1 root, ENTRYPOINT_USER=1000:1000, code 1001:1001 0700: exit 1 (got $(cat "$T/t9u1.rc"))" rc_is t9u1 1
check "9.1 ... source-not-readable error names owner 1001:1001, mode 0700, app 1000:1000" \
  log_has t9u1 '\[ERR\].*\[source-not-readable\]' 'owner 1001:1001' 'mode 0700' 'runs as 1000:1000'
check "9.1 ... and the fixes chmod -R 755 HOSTPATH, DOCKER_USER=1001 DOCKER_GROUP=1001" \
  log_has t9u1 '\[source-not-readable\]' "chmod -R 755 $OWNED" 'DOCKER_USER=1001 and DOCKER_GROUP=1001'
check "9.1 ... nothing started, no stack trace" not_grep -Eq 'demo-app:|^\s+at [A-Za-z_.]+|Unhandled exception' "$T/t9u1.log"
run_rc t9u1f --user 0:0 -v "$OWNED:/app/custom-modules:ro" "$IMAGE" --user 1000:1000 node /app/demo-app/server.js
check "9.1 the same with the entrypoint's --user 1000:1000: source-not-readable" \
  log_has t9u1f '\[ERR\].*\[source-not-readable\]' 'runs as 1000:1000'
check "9.1 ... exit 1 (got $(cat "$T/t9u1f.rc"))" rc_is t9u1f 1
start t9u2 --user 0:0 -e ENTRYPOINT_USER=1001:1001 -v "$OWNED:/app/custom-modules:ro"
check "9.1 root, ENTRYPOINT_USER=1001:1001 (the owner): the app starts" health t9u2
logs t9u2 >/dev/null
check "9.1 ... the app (PID 1) runs as uid 1001" eq "$(status_field t9u2 Uid)" "1001 1001 1001 1001"
check "9.1 ... gid 1001, groups 1001" eq "$(status_field t9u2 Gid) / $(status_field t9u2 Groups)" "1001 1001 1001 1001 / 1001"
check "9.1 ... with no capabilities left (CapEff 0)" eq "$(status_field t9u2 CapEff)" 0000000000000000
check "9.1 ... and reads the 0700 code as its owner" json "$T/t9u2.json" 'j["modules"] == ["weather"] and j["uid"] == 1001'
check "9.1 ... log: app will run as 1001:1001 (app)" grep -q 'app will run as 1001:1001 (app)' "$T/t9u2.log"
diag t9u2d "$(cname t9u2)"
check "9.1 ... diagnose: user 1001:1001, drop_from_root, HOME /home/app" \
  rc_json t9u2d 0 'j["user"]["uid"] == 1001 and j["user"]["gid"] == 1001 and j["user"]["drop_from_root"] is True and j["user"]["home"] == "/home/app"'
run_rc t9u3 -e ENTRYPOINT_USER=1000:1000 "$IMAGE"
check "9.1 default user 1001, ENTRYPOINT_USER=1000:1000: exit 1 (got $(cat "$T/t9u3.rc"))" rc_is t9u3 1
check "9.1 ... user-mismatch error: started as 1001:1001, cannot become 1000:1000" \
  log_has t9u3 '\[ERR\].*\[user-mismatch\]' 'started as 1001:1001 and cannot become 1000:1000'
check "9.1 ... names the requested user as given, not as an internal record" not_grep -F 'UserSpec {' "$T/t9u3.log"
run_rc t9u4 --user 0:0 -e ENTRYPOINT_USER=nosuchuser "$IMAGE"
check "9.1 root, ENTRYPOINT_USER=nosuchuser: exit 2, a bad value (got $(cat "$T/t9u4.rc"))" rc_is t9u4 2
check "9.1 ... user-unknown error naming the value as given" log_has t9u4 '\[ERR\].*\[user-unknown\]' '--user nosuchuser:'

# 9.2 memory and CPU limits, Node heap (the compose NODE_MEMORY=512 with a 256m container)
start t9m --memory 256m --cpus 1.5 -e NODE_OPTIONS=--max-old-space-size=512
check "9.2 --memory 256m --cpus 1.5, heap 512: the app starts (a warning does not stop it)" health t9m
logs t9m >/dev/null
check "9.2 ... log: node-heap-too-large warning naming 512 and 256" \
  log_has t9m '\[WRN\].*\[node-heap-too-large\]' '512 MiB' '256 MiB'
check "9.2 ... log summary: 256 MiB, 1.5 CPUs" grep -q '256 MiB, 1.5 CPUs (cgroup v[12])' "$T/t9m.log"
diag t9md "$(cname t9m)"
check "9.2 ... diagnose: exit 0, status warning, memory_limit_bytes 268435456, cpus 1.5, heap 512" \
  rc_json t9md 0 'j["status"] == "warning" and j["resources"]["memory_limit_bytes"] == 268435456 and j["resources"]["cpus"] == 1.5 and j["resources"]["node_heap_mib"] == 512'
check "9.2 ... diagnose: node-heap-too-large warning naming 512 and 256" \
  json "$T/t9md.json" 'finding("node-heap-too-large")["severity"] == "warning" and "512" in finding("node-heap-too-large")["message"] and "256" in finding("node-heap-too-large")["message"]'
start t9a --memory 256m -e ENTRYPOINT_NODE_HEAP=auto
check "9.2 ENTRYPOINT_NODE_HEAP=auto, --memory 256m: the app starts" health t9a
logs t9a >/dev/null
check "9.2 ... the app's environment has NODE_OPTIONS=--max-old-space-size=192 (75%)" \
  grep -qx 'NODE_OPTIONS=--max-old-space-size=192' <(d exec "$(cname t9a)" sh -c 'cat /proc/1/environ | tr "\0" "\n"')
diag t9ad "$(cname t9a)"
check "9.2 ... diagnose: node_heap_mib 192, no heap warning" \
  rc_json t9ad 0 'j["resources"]["node_heap_mib"] == 192 and not any(f["code"] == "node-heap-too-large" for f in j["findings"])'

# 9.3 /dev/gpiomem present (/dev/null stands in), with CAP_SYS_RAWIO. Docker's --cap-add reaches only a process
# that runs as root: the app runs as root here, so the capability is effective for it.
start t9g --user 0:0 --device /dev/null:/dev/gpiomem --cap-add SYS_RAWIO
check "9.3 --device /dev/null:/dev/gpiomem --cap-add SYS_RAWIO (app as root): the app starts" health t9g
logs t9g >/dev/null
check "9.3 ... log: gpiomem info, CAP_SYS_RAWIO effective" grep -q '\[INF\].*/dev/gpiomem is present.*CAP_SYS_RAWIO is in the effective.*\[gpiomem\]' "$T/t9g.log"
diag t9gd "$(cname t9g)"
check "9.3 ... diagnose: devices has /dev/gpiomem, exists, char device, not required" \
  rc_json t9gd 0 'device("/dev/gpiomem")["exists"] is True and device("/dev/gpiomem")["char_device"] is True and device("/dev/gpiomem")["required"] is False'
check "9.3 ... diagnose: cap_sys_rawio true" json "$T/t9gd.json" 'j["cap_sys_rawio"] is True'
check "9.3 ... diagnose: gpiomem info finding" json "$T/t9gd.json" 'finding("gpiomem")["severity"] == "info" and finding("gpiomem")["path"] == "/dev/gpiomem"'
# The default user (1001) with the same flags: the capability is only in the bounding set, never effective.
start t9g2 --device /dev/null:/dev/gpiomem --cap-add SYS_RAWIO
check "9.3 the same as the default user 1001: the app starts" health t9g2
diag t9g2d "$(cname t9g2)"
check "9.3 ... CAP_SYS_RAWIO is in the app's bounding set but not its effective set" \
  eq "$(cap_bit t9g2 CapBnd 17) $(cap_bit t9g2 CapEff 17)" "1 0"
check "9.3 ... diagnose says so: cap_sys_rawio false, /dev/gpiomem present" \
  rc_json t9g2d 0 'j["cap_sys_rawio"] is False and device("/dev/gpiomem")["exists"] is True'
# Started as root and dropped to 1001: the drop clears the capabilities, so the app does not have it either.
start t9g3 --user 0:0 -e ENTRYPOINT_USER=1001:1001 --device /dev/null:/dev/gpiomem --cap-add SYS_RAWIO
check "9.3 root dropping to 1001, --cap-add SYS_RAWIO: the app starts" health t9g3
logs t9g3 >/dev/null
diag t9g3d "$(cname t9g3)"
check "9.3 ... the app (PID 1) has no CAP_SYS_RAWIO after the drop" eq "$(cap_bit t9g3 CapEff 17)" 0
check "9.3 ... diagnose reports it for the app: cap_sys_rawio false" json "$T/t9g3d.json" 'j["cap_sys_rawio"] is False'
check "9.3 ... start log: gpiomem says not effective" grep -q '/dev/gpiomem is present.*CAP_SYS_RAWIO is not in the effective' "$T/t9g3.log"

# 9.4 a required device that is not there
run_rc t9r -e ENTRYPOINT_REQUIRE_DEVICES=/dev/gpiomem "$IMAGE"
check "9.4 ENTRYPOINT_REQUIRE_DEVICES=/dev/gpiomem without the device: exit 1 (got $(cat "$T/t9r.rc"))" rc_is t9r 1
check "9.4 ... device-missing error with the fix --device /dev/gpiomem" \
  log_has t9r '\[ERR\].*\[device-missing\]' '/dev/gpiomem does not exist' 'docker run --device /dev/gpiomem'
check "9.4 ... the app never started" not_grep -q 'demo-app:' "$T/t9r.log"
run_json t9rd --entrypoint /usr/local/bin/entrypoint "$IMAGE" diagnose --json --require-device /dev/gpiomem
check "9.4 diagnose --require-device /dev/gpiomem: exit 1, status error, device-missing" \
  rc_json t9rd 1 'j["status"] == "error" and finding("device-missing")["path"] == "/dev/gpiomem"'
check "9.4 ... devices lists /dev/gpiomem as required, missing" \
  json "$T/t9rd.json" 'device("/dev/gpiomem")["required"] is True and device("/dev/gpiomem")["exists"] is False'
for n in t9u1 t9u2 t9u3 t9m t9a t9g t9g3 t9r; do dump "$n" "$f0"; done
[[ ${SMOKE_VERBOSE:-0} == 1 || $fail -gt $f0 ]] && for n in t9u2d t9md t9ad t9gd t9g2d t9g3d t9rd; do
  echo "---- $n (rc $(cat "$T/$n.rc" 2>/dev/null))"; python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print({k: j.get(k) for k in ("status", "user", "resources", "devices", "cap_sys_rawio")}); [print(" ", f["severity"], f["code"], f["message"][:160]) for f in j["findings"]]' "$T/$n.json" 2>&1 | sed 's/^/    /'
done

# ---------------------------------------------------------------- 10. start-up hooks
say "10. start-up hooks (/docker-entrypoint.d)"
f0=$fail
# lineno NAME REGEX: the number of the first line of $T/NAME.log that matches REGEX (empty when none)
lineno() { grep -n -m1 -E "$2" "$T/$1.log" | cut -d: -f1; }
# in_order NAME REGEX...: each REGEX matches a line of $T/NAME.log, and in this order
in_order() {
  local n=$1 prev=0 at r; shift
  for r; do
    at=$(lineno "$n" "$r"); [[ -n $at ]] || { echo "no line matches $r"; return 1; }
    ((at > prev)) || { echo "'$r' is on line $at, not after line $prev"; return 1; }
    prev=$at
  done
}
# 10.1 a hooks folder from the host: two executable hooks and a file without an x bit (it must be skipped).
H1=$T/hooks1
mkdir -p "$H1"
printf '%s\n' '#!/bin/sh' 'echo "hello one"' 'echo "hello two (stderr)" >&2' 'echo run >>/tmp/hook-runs' >"$H1/10-hello.sh"
printf '%s\n' '#!/bin/sh' 'echo "uid=$(id -u) gid=$(id -g) home=$HOME greeting=${HOOK_GREETING:-unset}"' >"$H1/20-whoami.sh"
printf 'notes: not a hook\n' >"$H1/15-notes.txt"
chmod 0755 "$H1" "$H1/10-hello.sh" "$H1/20-whoami.sh" && chmod 0644 "$H1/15-notes.txt"
start t10a -v "$H1:/docker-entrypoint.d:ro" -e HOOK_GREETING=hi
check "10.1 hooks folder mounted from the host: the app starts" health t10a
logs t10a >/dev/null
check "10.1 log: hook lines in name order, both streams in the order written, before the exec line" \
  in_order t10a 'hook 10-hello\.sh: hello one' 'hook 10-hello\.sh: hello two \(stderr\)' 'hook 20-whoami\.sh: uid=' 'entrypoint: exec node '
check "10.1 ... the hooks run as the app's user 1001:1001 with its HOME and environment" \
  grep -q 'hook 20-whoami.sh: uid=1001 gid=1001 home=/home/app greeting=hi' "$T/t10a.log"
check "10.1 ... warning: 15-notes.txt is not executable, skipped" \
  log_has t10a '\[WRN\].*\[hook-not-executable\]' '/docker-entrypoint.d/15-notes.txt' 'mode 0644' 'skipped'
check "10.1 ... and it did not run" not_grep -q 'hook 15-notes.txt:' "$T/t10a.log"
check "10.1 ... the image's own hooks do not run (the mount replaces the folder)" not_grep -q 'hook 10-state-dirs.sh' "$T/t10a.log"
check "10.1 ... each hook ran once" eq "$(d exec "$(cname t10a)" cat /tmp/hook-runs | wc -l)" 1
# 10.4 (on the same container) diagnose lists the hooks and never runs them.
diag t10ad "$(cname t10a)"
check "10.4 exec diagnose --json: exit 0, hooks lists the three files in name order" \
  rc_json t10ad 0 '[h["name"] for h in j["hooks"]] == ["10-hello.sh", "15-notes.txt", "20-whoami.sh"]'
check "10.4 ... runs true for the two hooks, false (skipped) for 15-notes.txt" \
  json "$T/t10ad.json" '[h["runs"] for h in j["hooks"]] == [True, False, True] and j["hooks"][1]["skipped"] and j["hooks_dir"] == "/docker-entrypoint.d"'
check "10.4 ... finding hook-not-executable (warning)" json "$T/t10ad.json" 'finding("hook-not-executable")["severity"] == "warning"'
d exec "$(cname t10a)" entrypoint diagnose >"$T/t10ad.txt" 2>&1
check "10.4 ... diagnose (json, then text) ran no hook: /tmp/hook-runs still has 1 line" \
  eq "$(d exec "$(cname t10a)" cat /tmp/hook-runs | wc -l)" 1
logs t10a >/dev/null
check "10.4 ... and the container log still has one run of each hook" eq "$(grep -c 'hook 10-hello.sh: hello one' "$T/t10a.log")" 1

# 10.2 a failing hook stops the start: exit 1, the hook and its exit code named, no later hook, no app.
H2=$T/hooks2
mkdir -p "$H2"
printf '%s\n' '#!/bin/sh' 'echo "first ok"' >"$H2/10-ok.sh"
printf '%s\n' '#!/bin/sh' 'echo "failing on purpose" >&2' 'exit 3' >"$H2/20-fail.sh"
printf '%s\n' '#!/bin/sh' 'echo "must not run"' >"$H2/30-never.sh"
chmod 0755 "$H2" "$H2/10-ok.sh" "$H2/20-fail.sh" "$H2/30-never.sh"
run_rc t10b -v "$H2:/docker-entrypoint.d:ro" "$IMAGE"
check "10.2 a hook exits 3: the container exits 1 (got $(cat "$T/t10b.rc"))" rc_is t10b 1
check "10.2 ... the hooks before it ran, its output is logged" \
  in_order t10b 'hook 10-ok\.sh: first ok' 'hook 20-fail\.sh: failing on purpose'
check "10.2 ... error names the hook and exit code 3" \
  log_has t10b '\[ERR\].*\[hook-failed\]' 'hook 20-fail.sh' 'exit code 3' 'the app is not started'
check "10.2 ... the later hook did not run, nothing was exec'd, the app never started" \
  not_grep -Eq 'must not run|hook 30-never.sh: running|entrypoint: exec |demo-app:' "$T/t10b.log"
check "10.2 ... no stack trace" not_grep -Eq '^\s+at [A-Za-z_.]+|Unhandled exception' "$T/t10b.log"

# 10.3 the image's own hooks: /data root-owned (a fresh named volume) -> the /app/state fallback, logged.
d volume create --label "$LABEL" "$RUN_ID-data" >/dev/null
start t10c -v "$RUN_ID-data:/data"
check "10.3 image hooks, /data a root-owned volume: the app starts" health t10c
logs t10c >/dev/null
check "10.3 ... log: the fallback to /app/state, and why" \
  grep -q 'hook 10-state-dirs.sh: state directories under /app/state (/data is not writable by 1001:1001' "$T/t10c.log"
check "10.3 ... /app/state/{cache,logs,sessions} exist, owned by 1001" \
  eq "$(d exec "$(cname t10c)" stat -c '%n %u' /app/state/cache /app/state/logs /app/state/sessions | tr '\n' ' ')" \
     "/app/state/cache 1001 /app/state/logs 1001 /app/state/sessions 1001 "
check "10.3 ... nothing written to the root-owned /data" d exec "$(cname t10c)" sh -c '[ -z "$(ls -A /data)" ]'
check "10.3 ... 20-git-safe-directory.sh ran after it (no repository: nothing to do), then the exec" \
  in_order t10c 'hook 10-state-dirs\.sh: state' 'hook 20-git-safe-directory\.sh: no git repository at /workspace' 'entrypoint: exec node '
# /data writable by 1001 (a tmpfs for it) -> /data/state.
start t10d --tmpfs /data:uid=1001,gid=1001
check "10.3 image hooks, /data a tmpfs of 1001: the app starts" health t10d
logs t10d >/dev/null
check "10.3 ... log: state directories under /data/state (/data is writable)" \
  grep -q 'hook 10-state-dirs.sh: state directories under /data/state (/data is writable): cache logs sessions' "$T/t10d.log"
check "10.3 ... /data/state/{cache,logs,sessions} exist; /app/state stays empty" \
  d exec "$(cname t10d)" sh -c 'test -d /data/state/cache && test -d /data/state/logs && test -d /data/state/sessions && [ -z "$(ls -A /app/state)" ]'
# Read-only root and no writable /data: nowhere to keep state, so the hook stops the start and says how to fix it.
run_rc t10e --read-only "${RO_DIRECT[@]}" "$IMAGE"
check "10.3 --read-only root, no writable /data: exit 1 (got $(cat "$T/t10e.rc"))" rc_is t10e 1
check "10.3 ... the hook says why (read-only) and the fixes (a volume or --tmpfs at /data, STATE_DIR)" \
  log_has t10e 'hook 10-state-dirs.sh: cannot create or write /app/state/cache' 'Read-only file system' '--tmpfs /data:uid=1001,gid=1001' 'STATE_DIR'
check "10.3 ... error names 10-state-dirs.sh and exit code 1" \
  log_has t10e '\[ERR\].*\[hook-failed\]' 'hook 10-state-dirs.sh' 'exit code 1'
check "10.3 ... the app never started" not_grep -Eq 'entrypoint: exec |demo-app:' "$T/t10e.log"
# diagnose in the default image lists the image's two hooks.
diag t10cd "$(cname t10c)"
check "10.4 diagnose in the default image: hooks 10-state-dirs.sh, 20-git-safe-directory.sh, both run" \
  rc_json t10cd 0 '[(h["name"], h["runs"]) for h in j["hooks"]] == [("10-state-dirs.sh", True), ("20-git-safe-directory.sh", True)]'
for n in t10a t10b t10c t10d t10e; do dump "$n" "$f0"; done
[[ ${SMOKE_VERBOSE:-0} == 1 || $fail -gt $f0 ]] && for n in t10ad t10cd; do
  echo "---- $n (rc $(cat "$T/$n.rc" 2>/dev/null))"; python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(j.get("hooks_dir"), j.get("hooks_dir_state"), j.get("hooks")); [print(" ", f["severity"], f["code"], f["message"][:160]) for f in j["findings"]]' "$T/$n.json" 2>&1 | sed 's/^/    /'
done

# ---------------------------------------------------------------- summary
say "run time $(($(date +%s) - started)) s; image +$((app_size - node_size)) B over its base (binary $bin_size B)"
echo "$pass passed, $fail failed"
((fail == 0))
