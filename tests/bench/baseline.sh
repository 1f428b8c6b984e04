#!/bin/sh
# The shell baseline: the job of the old docker-entrypoint.sh that `entrypoint` replaces, on a tree under ROOT.
#
#   sh tests/bench/baseline.sh ROOT COMMAND [ARGS...]
#
# For each default link: probe SOURCE with `ls -A`; when it has custom code, leave a mounted TARGET alone
# (`mountpoint -q`), else `rm -rf` TARGET and `ln -sfn` SOURCE to it; log a line to stderr; then exec COMMAND.
# That is 4 forks per link (ls, mountpoint, rm, ln), as the old script did on every start.
set -e
ROOT=$1
shift
# Never let an empty or wrong ROOT turn `rm -rf` loose on the host's /app.
[ -n "$ROOT" ] && [ "$ROOT" != / ] && [ -d "$ROOT/app" ] || { echo "baseline: bad ROOT '$ROOT'" >&2; exit 2; }

link() {
    name=$1 source=$ROOT$2 target=$ROOT$3
    if [ -d "$source" ] && [ -n "$(ls -A "$source" 2>/dev/null)" ]; then
        if mountpoint -q "$target"; then
            echo "custom $name: $target is a mount point; $source ignored" >&2
        else
            rm -rf "$target"
            ln -sfn "$source" "$target"
            echo "custom $name: linked $target -> $source" >&2
        fi
    else
        echo "custom $name: no custom code in $source" >&2
    fi
}

link modules /app/custom-modules /app/modules/custom
link mcp /app/custom-mcp /app/server/mcp/custom
echo "exec $*" >&2
exec "$@"
