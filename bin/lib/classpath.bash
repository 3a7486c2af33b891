# Sourced by bin/triage and workflows/bin/triage (bash, with ROOT set to the repository): sets JAR (the plugin jar
# in ROOT/target, empty when not built), triage_classpath sets CP and huge_pages sets HUGE. Only bash itself runs
# here: a start should stay near Java's own (docs/performance.md, Start-up).

find_jar() {
  local j
  JAR=
  for j in "$ROOT"/target/Triage_-*.jar; do
    case "$j" in *-clij-compat.jar|*-cli.jar|*-sources.jar|*-tests.jar) ;; *) [ -f "$j" ] && { JAR="$j"; return; } ;; esac
  done
}

# The class path in this order: a class that is not in the start-up archive is looked for jar by jar, opening each
# jar passed (~60 in target/lib, ~1 ms each), so the jars most commands use come first, picocli before all (its
# classes are too old for the archive and load from the jar on every start). The -cli jar holds the demo and the
# benchmarks (not in the plugin jar).
triage_classpath() {
  local name j base first=(picocli commons-csv commons-io commons-codec JTransforms JLargeArrays commons-math3 gson
    imglib2 ij)
  CP="$JAR:${JAR%.jar}-clij-compat.jar:${JAR%.jar}-cli.jar"
  for name in "${first[@]}"; do
    for j in "$ROOT"/target/lib/"$name"-[0-9]*.jar; do [ -f "$j" ] && CP="$CP:$j"; done
  done
  for j in "$ROOT"/target/lib/*.jar; do
    base="${j##*/}"
    case " ${first[*]} " in *" ${base%-[0-9]*} "*) continue ;; esac
    CP="$CP:$j"
  done
}

# HUGE: the JVM option for huge pages of heap where the kernel gives them on request (transparent huge pages in
# madvise mode), else empty (off: Java would warn; always: nothing to ask). Each first touch of new heap memory is
# otherwise a page fault per 4 KiB, which on the VMs measured cost more than the collections themselves
# (docs/performance.md, Memory).
huge_pages() {
  local thp=
  HUGE=
  { read -r thp </sys/kernel/mm/transparent_hugepage/enabled; } 2>/dev/null || true
  case "$thp" in *"[madvise]"*) HUGE=-XX:+UseTransparentHugePages ;; esac
}
