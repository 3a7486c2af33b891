package io.github.triage.cli;

/** {@code --slice-config F}: the slices with use=true in F, the same on {@code shifts cumulative} and {@code stack align}. */
final class SliceSelectionOption extends SliceSelectionOptionFields {
}
