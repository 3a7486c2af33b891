package io.github.triage.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.triage.io.SliceConfigFiles;
import io.github.triage.BadInputException;
import io.github.triage.slice.CumulativeShifts;
import io.github.triage.slice.PlainNumbers;
import io.github.triage.slice.ShiftsTable;
import io.github.triage.slice.SliceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code triage shifts ...}: cumulative shifts by slice id from shifts_xy.csv. */
@Command(name = "shifts", mixinStandardHelpOptions = true, description = "Cumulative shifts by slice ID from shifts_xy.csv.",
		subcommands = { ShiftsCli.Cumulative.class })
public final class ShiftsCli implements Runnable {
	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	@Command(name = "cumulative", mixinStandardHelpOptions = true,
			description = "Print CSV slice_id,dx_mm,dy_mm (+ dx_px,dy_px with --resolution-um) for the selected slices, "
					+ "summed by slice id over all ids of SHIFTS. Gap warnings go to stderr.")
	static final class Cumulative implements Callable<Integer> {
		@Parameters(index = "0", paramLabel = "SHIFTS", description = "shifts_xy.csv.")
		Path shifts;

		@Option(names = "--slice-config", paramLabel = "F",
				description = "Select the slices with use=true in F (default: every slice of SHIFTS).")
		Path sliceConfig;

		@Option(names = "--resolution-um", paramLabel = "X[,Y]",
				description = "Pixel size in µm (X, or X,Y when they differ): adds dx_px,dy_px = mm·1000/µm.")
		String resolution;

		@Option(names = "--center", description = "Subtract the shift of the middle selected slice (index n/2).")
		boolean center;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			final double[] res = resolution == null ? null : parseResolution(resolution);
			final ShiftsTable table = SliceConfigFiles.readShifts(shifts);
			final List<Integer> selected = new ArrayList<>();
			if (sliceConfig == null) selected.addAll(table.ids());
			else for (final String id : SliceConfigFiles.read(sliceConfig).filterSlicesToUse()) selected.add(SliceConfig.idValue(id));
			if (selected.isEmpty()) throw new BadInputException((sliceConfig == null ? shifts : sliceConfig)
					+ ": no slices selected (no slice with use=true)");
			final CumulativeShifts cum = CumulativeShifts.compute(table, selected, center);
			SliceConfigCli.warn(spec.commandLine().getErr(), cum.warnings());
			final PrintWriter out = spec.commandLine().getOut();
			out.println(res == null ? "slice_id,dx_mm,dy_mm" : "slice_id,dx_mm,dy_mm,dx_px,dy_px");
			for (final CumulativeShifts.Entry e : cum.entries()) {
				out.print(e.id() + "," + plain(e.dxMm()) + "," + plain(e.dyMm()));
				if (res != null) out.print("," + plain(e.dxPx(res[0])) + "," + plain(e.dyPx(res[1])));
				out.println();
			}
			out.flush();
			return 0;
		}
	}

	/** "X" or "X,Y" in µm, each a finite number > 0. */
	static double[] parseResolution(final String text) {
		final String[] parts = text.split(",", -1);
		if (parts.length < 1 || parts.length > 2)
			throw new BadInputException("--resolution-um: expected X or X,Y in µm, got '" + text + "'");
		final double[] r = new double[2];
		for (int i = 0; i < parts.length; i++) {
			try {
				r[i] = Double.parseDouble(parts[i].strip());
			}
			catch (final NumberFormatException e) {
				r[i] = Double.NaN;
			}
			if (!(r[i] > 0) || Double.isInfinite(r[i]))
				throw new BadInputException("--resolution-um: '" + parts[i].strip() + "' is not a positive number of µm");
		}
		if (parts.length == 1) r[1] = r[0];
		return r;
	}

	private static String plain(final double v) {
		return PlainNumbers.format(v);
	}
}
