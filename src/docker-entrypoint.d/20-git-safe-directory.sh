#!/bin/sh
# Start-up hook: lets git work in /workspace when it is a repository.
#
# git refuses a repository owned by another user ("detected dubious ownership"), and a folder mounted from the
# host usually is someone else's. This marks it safe for the app's user, in its global git config ($HOME/.gitconfig),
# once (a second start does not add it again). GIT_SAFE_DIRECTORY names another folder than /workspace.
# Nothing to do (exit 0) when there is no repository there or no git in the image. When the config cannot be
# written (HOME missing or read-only), it says so and the start goes on: git in that folder will then complain.
#
# Runs as the app's user with the app's environment, before the app (see the README, "Start-up hooks").
# POSIX sh; works with dash and busybox.
set -eu

dir=${GIT_SAFE_DIRECTORY:-/workspace}

if [ ! -e "$dir/.git" ]; then
    echo "no git repository at $dir; nothing to do"
    exit 0
fi

if ! command -v git >/dev/null 2>&1; then
    echo "$dir is a git repository, but git is not installed; nothing to do"
    exit 0
fi

if git config --global --get-all safe.directory 2>/dev/null | grep -qxF "$dir"; then
    echo "$dir is already a git safe.directory"
    exit 0
fi

if git config --global --add safe.directory "$dir"; then
    echo "$dir marked as a git safe.directory for $(id -u):$(id -g) in ${HOME:-?}/.gitconfig"
else
    echo "warning: could not mark $dir as a git safe.directory (HOME=${HOME:-unset} must be writable); git in $dir will report dubious ownership" >&2
fi
