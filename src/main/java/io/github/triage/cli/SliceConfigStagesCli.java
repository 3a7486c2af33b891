package io.github.triage.cli;

import java.nio.file.Path;

import io.github.triage.io.CsvTables;
import io.github.triage.stage.slice.AutoExclusionStage;
import io.github.triage.stage.slice.RehomingStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The pipeline stages that stamp slice_config: {@code slice-config rehoming} and {@code slice-config auto-exclude}. */
final class SliceConfigStagesCli {
	private SliceConfigStagesCli() {
	}

	@Command(name = "rehoming", mixinStandardHelpOptions = true,
			description = "Correct tile-column re-homing and encoder glitches in SHIFTS, stamp rehomed / rehoming_reliable, "
					+ "print slice_id,rehomed,rehoming_reliable,correction for every step.")
	static final class Rehome extends Subcommand {
		@Mixin
		ConfigInOut config;

		@Option(names = "--shifts", paramLabel = "F", required = true, description = "shifts_xy.csv (motor-position steps).")
		Path shifts;

		@Option(names = "--tile-fov-mm", paramLabel = "MM", required = true, description = "Tile field of view in mm.")
		Double tileFovMm; // boxed: a required option shows no default

		@Option(names = "--max-shift-mm", paramLabel = "MM",
				description = "Largest plausible step; larger ones are glitch candidates / unreliable.")
		double maxShiftMm = RehomingStage.Options.MAX_SHIFT_MM;

		@Option(names = "--return-fraction", paramLabel = "F",
				description = "A glitch is undone when |step + next| < F·|step|.")
		double returnFraction = RehomingStage.Options.RETURN_FRACTION;

		@Option(names = "--tile-fov-tolerance", paramLabel = "F",
				description = "A step within F·N·FOV of N FOVs is a re-homing.")
		double tolerance = RehomingStage.Options.TILE_FOV_TOLERANCE;

		@Option(names = "--shifts-out", paramLabel = "F", description = "Write the corrected shifts (with a reliable column) to F.")
		Path shiftsOut;
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
	static final class AutoExclude extends Subcommand {
		@Mixin
		ConfigInOut config;

		@Option(names = "--metrics", paramLabel = "DIR", required = true,
				description = "Folder with slice_zNN/pairwise_registration_metrics.json files (searched recursively).")
		Path metrics;

		@Mixin
		AutoExclusionOptions thresholds;

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
