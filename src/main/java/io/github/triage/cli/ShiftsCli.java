package io.github.triage.cli;

import io.github.triage.BadInputException;
import io.github.triage.stage.slice.CumulativeShiftsStage;
import picocli.CommandLine.Command;

/** {@code triage shifts ...}: cumulative shifts by slice id from shifts_xy.csv. */
@Command(name = "shifts", mixinStandardHelpOptions = true, description = "Cumulative shifts by slice ID from shifts_xy.csv.",
		subcommands = { ShiftsCli.Cumulative.class })
public final class ShiftsCli extends CommandGroup {
	@Command(name = "cumulative", mixinStandardHelpOptions = true,
			description = "Print CSV slice_id,dx_mm,dy_mm (+ dx_px,dy_px with --resolution-um) for the selected slices, "
					+ "summed by slice id over all ids of SHIFTS. Gap warnings go to stderr.")
	static final class Cumulative extends ShiftsCumulativeFields {
		@Override
		void execute() throws Exception {
			final CumulativeShiftsStage.Resolution res;
			try {
				res = resolution == null ? null : CumulativeShiftsStage.Resolution.parse(resolution);
			}
			catch (final BadInputException e) {
				throw new BadInputException("--resolution-um: " + e.getMessage(), e);
			}
			final CumulativeShiftsStage.Result result = new CumulativeShiftsStage().run(
					new CumulativeShiftsStage.Options(shifts, selection.sliceConfig, res, center, output), null,
					listener());
			print(result.csv());
		}
	}
}
