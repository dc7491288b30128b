# syntax=docker/dockerfile:1
# The operator's image: a NativeAOT binary on Ubuntu Chiseled runtime-deps (no shell, no
# package manager, no .NET runtime, non-root). Build with `make docker-build IMG=...`.
#
# The build stage is the SDK image with the NativeAOT toolchain (clang, zlib); only the
# published binary reaches the final image.

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}-noble-aot AS build
ARG TARGETARCH
WORKDIR /source

# Restore first, from the project files alone, so that this layer is reused until a project
# file or the package versions change. The RID and the AOT flags must match the publish.
COPY --link global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY --link src/Operator/Operator.csproj src/Operator/
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    case "${TARGETARCH:-amd64}" in amd64) rid=linux-x64 ;; arm64) rid=linux-arm64 ;; *) echo "unsupported TARGETARCH ${TARGETARCH}" >&2; exit 1 ;; esac \
    && dotnet restore src/Operator/Operator.csproj -r "$rid" -p:PublishAot=true -p:KubeClientFlavor=Aot

# Then the sources, and the NativeAOT publish (trimmed by definition).
COPY --link src/Operator/ src/Operator/
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    case "${TARGETARCH:-amd64}" in amd64) rid=linux-x64 ;; arm64) rid=linux-arm64 ;; esac \
    && dotnet publish src/Operator/Operator.csproj -c Release -r "$rid" --no-restore \
        -p:PublishAot=true -p:KubeClientFlavor=Aot -p:InvariantGlobalization=true \
        -o /app \
    && rm -f /app/*.dbg /app/*.pdb /app/*.Development.json

# The runtime: only what a self-contained native binary needs (glibc, OpenSSL, CA
# certificates, tzdata), no shell. Kubernetes' runAsNonRoot needs the numeric user.
FROM mcr.microsoft.com/dotnet/runtime-deps:${DOTNET_VERSION}-noble-chiseled AS final
ARG VERSION=0.0.0-dev
ARG REVISION=unknown
ARG CREATED=unknown
LABEL org.opencontainers.image.title="site-maintenance-operator" \
      org.opencontainers.image.description="Kubernetes operator that takes a web site offline gracefully, after its sessions and commands drain" \
      org.opencontainers.image.source="https://github.com/site-maintenance/site-maintenance" \
      org.opencontainers.image.url="https://github.com/site-maintenance/site-maintenance" \
      org.opencontainers.image.documentation="https://github.com/site-maintenance/site-maintenance/tree/main/docs" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.vendor="site-maintenance contributors" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}"
WORKDIR /app
COPY --link --from=build /app/ ./
USER $APP_UID
EXPOSE 8080 8081
ENTRYPOINT ["/app/site-maintenance-operator"]
