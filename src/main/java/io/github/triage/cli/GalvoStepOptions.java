package io.github.triage.cli;

import io.github.triage.stage.galvo.StampStage;
import picocli.CommandLine.Option;

/** The galvo step's acquisition rows and threshold, the same on {@code slice-config generate} and {@code oct run}. */
final class GalvoStepOptions {
	@Option(names = "--n-extra", paramLabel = "N",
			description = "Galvo-return rows of the acquisition (needed for galvo detection).")
	Integer nExtra;

	@Option(names = "--galvo-threshold", paramLabel = "T",
			description = "Galvo confidence at or above which galvo_fix is true.")
	double threshold = StampStage.Options.DEFAULT_THRESHOLD;
}
