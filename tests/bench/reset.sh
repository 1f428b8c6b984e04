#!/bin/sh
# Puts the two default TARGETs of a bench tree back into one state before each timed run (hyperfine --prepare).
#
#   sh tests/bench/reset.sh fresh|linked ROOT
#
# fresh:  TARGETs are the image's placeholder directories (.gitkeep, README.md), so every run must link them.
# linked: TARGETs are already symlinks to their SOURCEs (what a restart of the container sees).
set -e
mode=$1 ROOT=$2
[ -n "$ROOT" ] && [ "$ROOT" != / ] && [ -d "$ROOT/app/custom-modules" ] || { echo "reset: bad ROOT '$ROOT'" >&2; exit 2; }
rm -rf "$ROOT/app/modules/custom" "$ROOT/app/server/mcp/custom"
case $mode in
fresh)
    mkdir -p "$ROOT/app/modules/custom" "$ROOT/app/server/mcp/custom"
    for d in "$ROOT/app/modules/custom" "$ROOT/app/server/mcp/custom"; do
        : >"$d/.gitkeep"
        echo "Custom code appears here at run time." >"$d/README.md"
    done
    ;;
linked)
    mkdir -p "$ROOT/app/modules" "$ROOT/app/server/mcp"
    ln -s ../custom-modules "$ROOT/app/modules/custom"
    ln -s ../../custom-mcp "$ROOT/app/server/mcp/custom"
    ;;
*) echo "reset: mode must be fresh or linked" >&2; exit 2 ;;
esac
