#!/usr/bin/env bash
# Installs Nextflow for workflows/triage.nf from Maven Central (io.nextflow:nextflow, nf-commons, nf-httpfs and
# their dependencies) into workflows/.nextflow-lib, and writes the launcher workflows/nextflow. Needs Java 17+ and
# Maven (uses ~/.m2, so a second machine with a filled ~/.m2 installs offline). Idempotent: a complete install of
# the same version returns at once. NXF_VERSION overrides the version (default 24.10.0).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VERSION="${NXF_VERSION:-24.10.0}"
LIB="$HERE/.nextflow-lib"
LAUNCHER="$HERE/nextflow"

write_launcher() {
  # NXF_HOME inside the repository (plugins, secrets, history): nothing is written to ~/.nextflow; offline, no
  # update check, because the jars come from Maven Central and not from the Nextflow download site.
  cat > "$LAUNCHER.tmp" <<'LAUNCH'
#!/usr/bin/env bash
# Nextflow from Maven Central, installed by workflows/install-nextflow.sh. Usage: workflows/nextflow run workflows/triage.nf ...
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export NXF_HOME="${NXF_HOME:-$HERE/.nextflow-home}"
export NXF_OFFLINE="${NXF_OFFLINE:-true}"
export NXF_DISABLE_CHECK_LATEST=true
export NXF_ANSI_LOG="${NXF_ANSI_LOG:-false}"
[ -f "$HERE/.nextflow-lib/.complete" ] || { echo "nextflow: not installed; run $HERE/install-nextflow.sh" >&2; exit 1; }
# The --add-opens of Nextflow's own launcher: without them its task cache (Kryo) fails silently on Java 17 and
# -resume reruns every task.
opens=""
for p in java.lang java.lang.reflect java.io java.nio java.nio.file java.nio.file.spi java.net java.util \
    java.util.concurrent java.util.concurrent.atomic java.util.concurrent.locks java.util.regex java.time java.text \
    java.math sun.nio.ch sun.nio.fs sun.nio.cs sun.net.www.protocol.http sun.net.www.protocol.https \
    sun.net.www.protocol.ftp sun.net.www.protocol.file jdk.internal.misc jdk.internal.vm; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
# shellcheck disable=SC2086
exec java $opens ${NXF_JAVA_OPTS:--Xms256m -Xmx2g} -cp "$HERE/.nextflow-lib/*" nextflow.cli.Launcher "$@"
LAUNCH
  chmod +x "$LAUNCHER.tmp"
  mv -f "$LAUNCHER.tmp" "$LAUNCHER"
}

if [ -f "$LIB/.complete" ] && [ "$(cat "$LIB/.complete")" = "$VERSION" ]; then
  write_launcher
  exit 0
fi

command -v mvn >/dev/null || { echo "install-nextflow: Maven (mvn) is needed" >&2; exit 1; }
command -v java >/dev/null || { echo "install-nextflow: Java 17+ is needed" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cat > "$WORK/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.triage</groupId><artifactId>nextflow-install</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>io.nextflow</groupId><artifactId>nextflow</artifactId><version>$VERSION</version></dependency>
    <dependency><groupId>io.nextflow</groupId><artifactId>nf-commons</artifactId><version>$VERSION</version></dependency>
    <dependency><groupId>io.nextflow</groupId><artifactId>nf-httpfs</artifactId><version>$VERSION</version></dependency>
  </dependencies>
</project>
POM
echo "install-nextflow: resolving Nextflow $VERSION from Maven Central..." >&2
(cd "$WORK" && mvn -B -q dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$WORK/lib") >&2
rm -rf "$LIB.new" && mv "$WORK/lib" "$LIB.new"
echo "$VERSION" > "$LIB.new/.complete"
rm -rf "$LIB" && mv "$LIB.new" "$LIB"
write_launcher
echo "install-nextflow: Nextflow $VERSION in $LIB ($(ls "$LIB"/*.jar | wc -l) jars); run $LAUNCHER" >&2
