#!/usr/bin/env bash
# Assembles the Fiji update-site layout of Triage from the Maven build:
#   OUT/plugins/Triage_-VERSION.jar   the plugin jar (never the -clij-compat jar: it would shadow Fiji's classes)
#                                     (nor the -cli jar: demo and benchmarks are for bin/triage only)
#   OUT/jars/*.jar                    runtime dependencies that Fiji does not ship
# Usage: update-site/assemble.sh [--build] [OUT]      (OUT defaults to target/update-site)
#   --build   run `mvn package` first (done anyway when the plugin jar is missing)
# Environment: MVN (default mvn), MVN_ARGS (extra Maven arguments, e.g. -o).
# Which jars go to jars/: Maven scope compile+runtime (provided = Fiji's or the CLIJ/CLIJ2 update sites'),
# minus what Fiji's core site already ships (update-site/fiji-ships.txt). See update-site/README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MVN="${MVN:-mvn}"
read -r -a MVN_EXTRA <<< "${MVN_ARGS:-}"
build=false
out=""
for arg in "$@"; do
  case "$arg" in
    --build) build=true ;;
    -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "assemble.sh: unknown option $arg" >&2; exit 2 ;;
    *) [ -z "$out" ] || { echo "assemble.sh: more than one output folder given" >&2; exit 2; }; out="$arg" ;;
  esac
done
out="${out:-$ROOT/target/update-site}"

# The project's own version: the first <version> of pom.xml (the pom has no parent).
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)"
plugin_jar="$ROOT/target/Triage_-$version.jar"

if $build || [ ! -f "$plugin_jar" ]; then
  echo "assemble.sh: building $plugin_jar" >&2
  "$MVN" -B ${MVN_EXTRA[@]+"${MVN_EXTRA[@]}"} -f "$ROOT/pom.xml" -DskipTests package >&2
fi
[ -f "$plugin_jar" ] || { echo "assemble.sh: $plugin_jar was not built" >&2; exit 1; }

# Resolved runtime dependencies as group:artifact:type[:classifier]:version:scope:/path/to.jar
deps="$(mktemp)"
trap 'rm -f "$deps"' EXIT
list_deps() {
  "$MVN" -B -q ${MVN_EXTRA[@]+"${MVN_EXTRA[@]}"} "$@" -f "$ROOT/pom.xml" dependency:list -DincludeScope=runtime \
    -DexcludeTransitive=false -DoutputAbsoluteArtifactFilename=true -DoutputFile="$deps" >&2
}
# Offline first (the build has resolved everything); online only when that fails.
list_deps -o || list_deps
grep -q ':' "$deps" || { echo "assemble.sh: Maven listed no dependencies" >&2; exit 1; }

# Start from an empty layout so that stale jars from an older version never linger.
rm -rf "$out/plugins" "$out/jars"
mkdir -p "$out/plugins" "$out/jars"
cp "$plugin_jar" "$out/plugins/"

shipped="$(grep -v '^[[:space:]]*\(#\|$\)' "$ROOT/update-site/fiji-ships.txt" | sed 's/[[:space:]]//g' | paste -sd' ' -)"
n=0
while IFS= read -r line; do
  line="${line%% -- *}"                       # drop Maven's " -- module x" suffix
  line="$(echo "$line" | sed 's/^[[:space:]]*//')"
  case "$line" in *:*:*:*) ;; *) continue ;; esac
  IFS=: read -r -a f <<< "$line"
  ga="${f[0]}:${f[1]}"
  scope="${f[${#f[@]}-2]}"
  path="${f[${#f[@]}-1]}"
  case "$scope" in compile|runtime) ;; *) continue ;; esac
  case " $shipped " in *" $ga "*) echo "assemble.sh: skip $ga (Fiji ships it)" >&2; continue ;; esac
  [ -f "$path" ] || { echo "assemble.sh: $ga resolved to missing file $path" >&2; exit 1; }
  cp "$path" "$out/jars/"
  n=$((n + 1))
done < "$deps"

echo "assemble.sh: $out/plugins/$(basename "$plugin_jar") and $n jars in $out/jars" >&2
echo "$out"
