package io.github.triage.cli;

import io.github.triage.io.CsvTables;
import io.github.triage.stage.slice.AutoExclusionStage;
import io.github.triage.stage.slice.RehomingStage;
import picocli.CommandLine.Command;

/** The pipeline stages that stamp slice_config: {@code slice-config rehoming} and {@code slice-config auto-exclude}. */
final class SliceConfigStagesCli {
	private SliceConfigStagesCli() {
	}

	@Command(name = "rehoming", mixinStandardHelpOptions = true,
			description = "Correct tile-column re-homing and encoder glitches in SHIFTS, stamp rehomed / rehoming_reliable, "
					+ "print slice_id,rehomed,rehoming_reliable,correction for every step.")
	static final class Rehome extends SliceConfigStagesRehomeFields {
		@Override
		void execute() throws Exception {
			final RehomingStage.Result result = new RehomingStage().run(new RehomingStage.Options(config.input, shifts,
					tileFovMm, maxShiftMm, returnFraction, tolerance, config.output, shiftsOut), null, listener());
			print(CsvTables.format(RehomingStage.Result.HEADER, result.rows()));
		}
	}

	@Command(name = "auto-exclude", mixinStandardHelpOptions = true,
			description = "Stamp auto_excluded / auto_exclude_reason from runs of low pairwise z-correlation; "
					+ "print the excluded ids, one per line.")
	static final class AutoExclude extends SliceConfigStagesAutoExcludeFields {
		@Override
		void execute() throws Exception {
			final AutoExclusionStage.Result result = new AutoExclusionStage().run(
					new AutoExclusionStage.Options(config.input, metrics, thresholds.zCorr, thresholds.consecutive,
							config.output), null,
					listener());
			printLines(result.excluded());
		}
	}
}
