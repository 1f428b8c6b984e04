#!/usr/bin/env bash
# Builds the smoke suite's base images from files on this host, because CI has no image registry:
#   BUSYBOX_IMAGE  busybox-static + the libc the AOT entrypoint links against (what `ldd` says), nothing else.
#                  It has neither useradd nor adduser, so it exercises the Dockerfile's last-resort user creation.
#   NODE_IMAGE     the same plus the host's /usr/bin/node and every library `ldd` lists for it, useradd/groupadd
#                  (as on Debian's official node images) and a `node` user with uid 1000 (as on the official
#                  images, so the Dockerfile's uid 1001 must not collide with it).
#   NOLIBC_IMAGE   BUSYBOX_IMAGE without the libc: the entrypoint cannot run there, so the Dockerfile must refuse it.
# Usage: base-images.sh ENTRYPOINT_BINARY BUSYBOX_IMAGE NODE_IMAGE NOLIBC_IMAGE [LABEL=VALUE]
set -euo pipefail

bin=${1:?usage: base-images.sh ENTRYPOINT_BINARY BUSYBOX_IMAGE NODE_IMAGE NOLIBC_IMAGE [LABEL=VALUE]}
busybox_image=${2:?busybox image name}
node_image=${3:?node image name}
nolibc_image=${4:?no-libc image name}
label=${5:-entrypoint-smoke=1}
DOCKER=${DOCKER:-/usr/bin/docker}

for need in /bin/busybox /usr/bin/node; do
  [[ -x $need ]] || { echo "base-images: $need is missing (apt-get install busybox-static nodejs)" >&2; exit 1; }
done

work=$(mktemp -d /tmp/smoke-rootfs.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Copies a host file (following symlinks) to the same path under the rootfs.
put() { local f=$1 root=$2; mkdir -p "$root$(dirname "$f")"; cp -L --preserve=mode "$f" "$root$f"; }
# Copies every shared library an ELF file needs, at the paths the host's loader resolves them to.
put_libs() {
  local elf=$1 root=$2 lib
  for lib in $(ldd "$elf" | awk '/=> \//{print $3} /^[[:space:]]*\//{print $1}'); do put "$lib" "$root"; done
}

# The static busybox with all its applets, and minimal /etc files: no shared library at all.
make_busybox_root() {
  local root=$1 applet
  mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,usr/local/bin,etc,tmp,root,dev,proc,sys,run,var/tmp}
  chmod 1777 "$root/tmp" "$root/var/tmp"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [[ $applet == busybox ]] || ln -sf busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files\n' >"$root/etc/nsswitch.conf"
  printf '127.0.0.1 localhost\n::1 localhost\n' >"$root/etc/hosts"
}

import() {
  local root=$1 name=$2
  tar -C "$root" -c . | "$DOCKER" import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change "LABEL $label" \
    --change 'CMD ["/bin/sh"]' - "$name" >/dev/null
  echo "base-images: $name ($("$DOCKER" image inspect -f '{{.Size}}' "$name") bytes)"
}

# (a) busybox + libc
make_busybox_root "$work/busybox"
put_libs "$bin" "$work/busybox"
import "$work/busybox" "$busybox_image"

# (b) node: busybox + libc + node + its libraries + shadow's useradd/groupadd
root=$work/node
make_busybox_root "$root"
put_libs "$bin" "$root"
put /usr/bin/node "$root"
put_libs /usr/bin/node "$root"
ln -sf /usr/bin/node "$root/usr/local/bin/node"
for tool in /usr/sbin/groupadd /usr/sbin/useradd; do
  if [[ -x $tool ]]; then put "$tool" "$root"; put_libs "$tool" "$root"; fi
done
[[ -f /etc/login.defs ]] && put /etc/login.defs "$root"
printf 'node:x:1000:1000::/home/node:/bin/sh\n' >>"$root/etc/passwd"
printf 'node:x:1000:\n' >>"$root/etc/group"
printf 'root:*:19000:0:99999:7:::\nnobody:*:19000:0:99999:7:::\nnode:!:19000:0:99999:7:::\n' >"$root/etc/shadow"
printf 'root:*::\nnogroup:*::\nnode:!::\n' >"$root/etc/gshadow"
chmod 640 "$root/etc/shadow" "$root/etc/gshadow"
mkdir -p "$root/home/node" && chown 1000:1000 "$root/home/node"
import "$root" "$node_image"

# (c) busybox alone
make_busybox_root "$work/nolibc"
import "$work/nolibc" "$nolibc_image"
