#!/usr/bin/env bash
# Publishes one project as a NativeAOT binary, the way the release image is built: against
# KubernetesClient.Aot, trimmed, with every trim or AOT analysis warning an error.
#
#   scripts/publish-aot.sh <project.csproj> <output folder>
#
# Incremental: when nothing changed, it takes a few seconds. The Aot flavor builds in the
# project's obj/aot and bin/aot (Directory.Build.props), so it never disturbs the normal build.
# Exit codes: 0 published; 3 a native toolchain prerequisite is missing (named on stderr);
# anything else: the publish failed.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 <project.csproj> <output folder>" >&2
  exit 2
fi
project=$1
output=$2
dotnet=${DOTNET:-dotnet}

# NativeAOT links with clang and needs zlib (libz) to link against.
missing=()
if ! command -v clang >/dev/null 2>&1; then
  missing+=("clang (the native linker driver)")
elif ! printf 'int main(void){return 0;}\n' | clang -x c - -lz -o /dev/null >/dev/null 2>&1; then
  missing+=("zlib1g-dev (clang cannot link with -lz)")
fi
if [ ${#missing[@]} -gt 0 ]; then
  {
    echo "NativeAOT publish of $project: missing prerequisites:"
    printf '  - %s\n' "${missing[@]}"
    echo "Install them with: apt-get install -y clang zlib1g-dev   (see .ci/apt-packages)"
  } >&2
  exit 3
fi

case "$(uname -m)" in
  x86_64 | amd64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "NativeAOT publish: unsupported machine $(uname -m)" >&2; exit 2 ;;
esac

exec "$dotnet" publish "$project" -c Release -r "$rid" -nologo \
  -p:KubeClientFlavor=Aot -p:PublishAot=true \
  -p:TreatWarningsAsErrors=true -p:IlcTreatWarningsAsErrors=true \
  -o "$output"
