#!/usr/bin/env bash
# The embedded demo: an image's /app tree with custom code at the intermediate mount points, copied to a temp
# directory and used as --root. Shows `diagnose`, then a start that links and execs `ls`, then a second start.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=${ENTRYPOINT_BINARY:-$repo/artifacts/linux-x64/entrypoint}
if [[ ! -x $bin ]]; then
    echo "demo: publishing the entrypoint (Native AOT, about a minute the first time)..." >&2
    "$repo/.ci/publish" linux-x64 >&2
fi
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
cp -a "$repo/tests/demo/root/." "$tree/"

echo "== entrypoint diagnose --root $tree"
"$bin" diagnose --root "$tree" || true
echo
echo "== entrypoint --root $tree -- ls -l $tree/app/modules/custom/ $tree/app/server/mcp/custom/"
"$bin" --root "$tree" -- ls -l "$tree/app/modules/custom/" "$tree/app/server/mcp/custom/"
echo
echo "== the same start again"
"$bin" --root "$tree" -- true
