# EntryPoint image: the AOT-published entrypoint on top of the app's image.
#
#   docker build -t myapp .                                    # compiles the entrypoint in the SDK stage
#   docker build --build-arg ENTRYPOINT_FROM=prebuilt -t myapp .   # takes artifacts/linux-<arch>/entrypoint (offline CI)
#   docker build --build-arg APP_IMAGE=my/app:1.2 -t myapp .    # your app instead of the demo (then set CMD too)
#
# Needs BuildKit (DOCKER_BUILDKIT=1 or buildx): it builds only the stages the final image uses, so the unused
# way of getting the binary (and the other architecture's artifact) is never touched.
#
# libc: a Native AOT binary runs only on the glibc it was linked against or a newer one. The SDK_IMAGE's glibc
# must therefore be no newer than the APP_IMAGE's (what the binary really needs is printed by the build stage;
# the final stage runs `entrypoint --version` and fails the build with a clear message when it does not run).
# A musl (Alpine) APP_IMAGE needs a linux-musl-* build, which this file does not make.

ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG APP_IMAGE=node:20-bookworm-slim
# sdk | prebuilt
ARG ENTRYPOINT_FROM=sdk
# TARGETARCH (amd64|arm64) is BuildKit's automatic platform argument; do not declare it here (that empties it).

# ---- way 1: compile it (native build per architecture; for arm64 on a PC, buildx runs this stage emulated) ----
FROM ${SDK_IMAGE} AS build-sdk
ARG TARGETARCH
# Extra `dotnet publish` arguments, e.g. "-p:NuGetAudit=false" for a build without network access
# (the audit's NU1900 warning is an error under TreatWarningsAsErrors when the feed is unreachable).
ARG PUBLISH_ARGS=
# Native AOT links with clang (or gcc) and needs zlib's headers; an SDK image that has them skips apt.
RUN if { command -v clang || command -v gcc; } >/dev/null && [ -e /usr/include/zlib.h ]; then exit 0; fi; \
    apt-get update \
 && apt-get install -y --no-install-recommends clang zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# (the [x] globs let files that do not exist be skipped)
COPY *.props *.targets global.jso[n] NuGet.confi[g] ./
# Only the entrypoint's project: the demo app and the hooks (also under src/) go to the app image, and editing them
# must not re-run this stage's Native AOT compile.
COPY src/EntryPoint/ src/EntryPoint/
RUN set -eu; \
    case "${TARGETARCH:-amd64}" in amd64) rid=linux-x64 ;; arm64) rid=linux-arm64 ;; \
      *) echo "unsupported TARGETARCH '${TARGETARCH}' (amd64 or arm64)" >&2; exit 1 ;; esac; \
    dotnet publish src/EntryPoint -c Release -r "$rid" -o /out -p:CopyOutputSymbolsToPublishDirectory=false $PUBLISH_ARGS; \
    echo "entrypoint needs: $(ldd --version | head -n1 | sed 's/^ldd //') at build time;" \
         "highest symbol version: $(objdump -T /out/entrypoint 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n1)"

# ---- way 2: take the binary CI published beforehand (no network, no SDK image) ----
FROM scratch AS prebuilt-amd64
COPY artifacts/linux-x64/entrypoint /out/entrypoint
FROM scratch AS prebuilt-arm64
COPY artifacts/linux-arm64/entrypoint /out/entrypoint
FROM prebuilt-${TARGETARCH} AS build-prebuilt

FROM build-${ENTRYPOINT_FROM} AS entrypoint-bin

# ---- the app image ----
FROM ${APP_IMAGE}
ARG APP_UID=1001
ARG APP_GID=1001
ARG APP_USER=app
COPY --from=entrypoint-bin /out/entrypoint /usr/local/bin/entrypoint
# The example start-up hooks (README, "Start-up hooks"); made executable below, whatever mode the checkout gave them.
COPY src/docker-entrypoint.d/ /docker-entrypoint.d/
# 1. The binary must run on this image's libc (fails the build, not the first container start).
# 2. The app user, uid/gid 1001: Debian's shadow tools, else busybox (Alpine), else the files themselves.
#    Official node images already have `node` with 1000, so 1001 does not collide; an existing 1001 is reused.
# 3. The runtime paths with placeholders (the entrypoint replaces a placeholder-only directory with its symlink,
#    so it and its parent belong to the app user), and the empty intermediate mount points.
# 4. The hooks readable and executable by the app user, who runs them; /app/state for the app user, where
#    10-state-dirs.sh keeps state when /data is not writable (/app itself stays root's).
RUN set -eu; \
    if ! out=$(/usr/local/bin/entrypoint --version 2>&1); then \
      echo "entrypoint does not run on APP_IMAGE: $out" >&2; \
      echo "A Native AOT binary needs the glibc it was linked against or newer: build it with an SDK_IMAGE whose glibc is not newer than APP_IMAGE's (ldd --version)." >&2; \
      exit 1; \
    fi; \
    libc=$(ldd --version 2>/dev/null | head -n1 || :); echo "entrypoint $out runs here${libc:+ on $libc}"; \
    if ! grep -q "^[^:]*:[^:]*:${APP_GID}:" /etc/group; then \
      groupadd -g "$APP_GID" "$APP_USER" 2>/dev/null \
      || addgroup -g "$APP_GID" "$APP_USER" 2>/dev/null \
      || echo "${APP_USER}:x:${APP_GID}:" >>/etc/group; \
    fi; \
    group=$(awk -F: -v g="$APP_GID" '$3 == g {print $1; exit}' /etc/group); \
    if ! grep -q "^[^:]*:[^:]*:${APP_UID}:" /etc/passwd; then \
      useradd --no-log-init -u "$APP_UID" -g "$APP_GID" -M -d /home/app -s /bin/sh "$APP_USER" 2>/dev/null \
      || adduser -D -H -u "$APP_UID" -G "$group" -h /home/app -s /bin/sh "$APP_USER" 2>/dev/null \
      || echo "${APP_USER}:x:${APP_UID}:${APP_GID}::/home/app:/bin/sh" >>/etc/passwd; \
    fi; \
    mkdir -p /home/app && chown "$APP_UID:$APP_GID" /home/app; \
    mkdir -p /app/modules/custom /app/server/mcp/custom /app/custom-modules /app/custom-mcp; \
    for d in /app/modules/custom /app/server/mcp/custom; do \
      : >"$d/.gitkeep"; \
      printf '%s\n' \
        "# Custom code goes here" "" \
        "Placeholder. At start the entrypoint replaces this directory with a symlink to the intermediate mount" \
        "point (/app/custom-modules or /app/custom-mcp) when something is mounted there, or leaves it alone when" \
        "custom code is bind-mounted onto this path directly. See \`docker exec CONTAINER entrypoint diagnose\`." \
        >"$d/README.md"; \
    done; \
    chown "$APP_UID:$APP_GID" /app/modules /app/modules/custom /app/modules/custom/.gitkeep /app/modules/custom/README.md \
      /app/server/mcp /app/server/mcp/custom /app/server/mcp/custom/.gitkeep /app/server/mcp/custom/README.md; \
    chmod 0755 /app /app/custom-modules /app/custom-mcp; \
    chmod 0755 /docker-entrypoint.d; \
    for f in /docker-entrypoint.d/*; do if [ -f "$f" ]; then chmod 0755 "$f"; fi; done; \
    mkdir -p /app/state && chown "$APP_UID:$APP_GID" /app/state && chmod 0755 /app/state
# The demo app stands in for the real server; replace APP_IMAGE and CMD with your own.
COPY src/demo-app/ /app/demo-app/
USER ${APP_UID}:${APP_GID}
WORKDIR /app
ENTRYPOINT ["/usr/local/bin/entrypoint"]
CMD ["node", "/app/demo-app/server.js"]
