package io.github.triage.cli;

/** The auto-exclusion thresholds, the same on {@code slice-config auto-exclude} and {@code oct run}. */
final class AutoExclusionOptions extends AutoExclusionOptionsFields {
}
