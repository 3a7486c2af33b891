package io.github.triage.cli;

/** The galvo step's acquisition rows and threshold, the same on {@code slice-config generate} and {@code oct run}. */
final class GalvoStepOptions extends GalvoStepOptionsFields {
}
