#!/bin/sh
# Start-up hook: the app's state directories.
#
# Under /data/state when /data is writable by the app's user (a volume: state survives the container), else
# under /app/state (inside the container: lost with it). STATE_DIR, when set, is taken as it is.
# The directories made under it: STATE_SUBDIRS (space-separated, default "cache logs sessions").
#
# Runs as the app's user with the app's environment, before the app (see the README, "Start-up hooks").
# A hook cannot change the app's environment (the entrypoint execs the app with its own), so nothing is
# exported: the app picks the same directory by the same rule (/data/state if it exists and is writable,
# else /app/state), or set STATE_DIR for both in the container's environment.
# POSIX sh; works with dash and busybox.
set -eu

subdirs=${STATE_SUBDIRS:-cache logs sessions}

if [ -n "${STATE_DIR:-}" ]; then
    base=$STATE_DIR
    why="STATE_DIR is set"
    fix="make STATE_DIR=$STATE_DIR writable by the app's user, or unset it (then /data/state or /app/state)"
elif [ -d /data ] && [ -w /data ] && [ -x /data ] && { [ ! -e /data/state ] || [ -w /data/state ]; }; then
    base=/data/state
    why="/data is writable"
    fix="make /data/state writable by the app's user"
else
    base=/app/state
    why="/data is not writable by $(id -u):$(id -g) (missing, read-only or someone else's), so state is kept in the container and lost with it; mount a writable volume at /data to keep it"
    fix="/data is not writable either: mount a volume at /data that $(id -u):$(id -g) can write, or --tmpfs /data:uid=$(id -u),gid=$(id -g) when state may be lost, or set STATE_DIR to a writable directory"
fi

# Nowhere writable (e.g. `docker run --read-only` with no volume at /data) is an error that stops the start: the
# app would otherwise fail later, on its first write, further from the cause. The fix is a writable /data (a
# volume owned by the app's user, or a tmpfs when state may be lost), or STATE_DIR naming a writable directory.
for sub in $subdirs; do
    if ! err=$(mkdir -p "$base/$sub" 2>&1) || [ ! -w "$base/$sub" ]; then
        echo "cannot create or write $base/$sub as $(id -u):$(id -g) (${err:-not writable}); fix: $fix" >&2
        exit 1
    fi
done

echo "state directories under $base ($why): $subdirs"
