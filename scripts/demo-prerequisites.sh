#!/usr/bin/env bash
# What `make demo` needs before it builds anything: the .NET 10 SDK and kubectl. Says what to
# install when something is missing (the demo itself then checks its ports and addresses).
set -uo pipefail

fail() {
  printf 'make demo: %s\n' "$*" >&2
  exit 2
}

command -v dotnet >/dev/null 2>&1 \
  || fail "dotnet is not on PATH. Install the .NET 10 SDK (https://dot.net/download) and run make demo again."
found=no
versions=
while read -r version _; do
  [ -n "$version" ] || continue
  versions="$versions $version"
  case $version in 10.*) found=yes ;; esac
done <<< "$(dotnet --list-sdks 2>/dev/null)"
[ "$found" = yes ] \
  || fail "the .NET 10 SDK is missing (installed:${versions:- none}). Install it from https://dot.net/download."
command -v kubectl >/dev/null 2>&1 \
  || fail "kubectl is not on PATH. Install it (https://kubernetes.io/docs/tasks/tools/) and run make demo again."
exit 0
