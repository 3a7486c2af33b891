package io.github.triage.cli;

import io.github.triage.stage.slice.AutoExclusionStage;
import picocli.CommandLine.Option;

/** The auto-exclusion thresholds, the same on {@code slice-config auto-exclude} and {@code oct run}. */
final class AutoExclusionOptions {
	@Option(names = "--z-corr-threshold", paramLabel = "T", description = "A z-correlation strictly below T is low.")
	double zCorr = AutoExclusionStage.Options.Z_CORR_THRESHOLD;

	@Option(names = "--consecutive-threshold", paramLabel = "N", description = "Exclude runs of at least N low slices.")
	int consecutive = AutoExclusionStage.Options.CONSECUTIVE_THRESHOLD;
}
