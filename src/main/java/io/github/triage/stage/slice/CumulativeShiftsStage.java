package io.github.triage.stage.slice;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.io.CsvTables;
import io.github.triage.ops.ImageOps;
import io.github.triage.slice.CumulativeShifts;
import io.github.triage.slice.PlainNumbers;
import io.github.triage.slice.ShiftsTable;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;

/**
 * Cumulative XY shifts by slice id ({@link CumulativeShifts}) of the slices with use=true in a slice_config (every
 * slice of the shifts file without one), in mm and, given a pixel size, in pixels. Gap warnings go to the listener.
 * The table is written to {@code output} when one is given; faces print it.
 */
public final class CumulativeShiftsStage implements Stage<CumulativeShiftsStage.Options, CumulativeShiftsStage.Result> {

	/** Pixel size in µm along X and Y. */
	public record Resolution(double xUm, double yUm) {
		/** "X" or "X,Y" in µm, each a finite number &gt; 0. */
		public static Resolution parse(final String text) {
			final String[] parts = text == null ? new String[0] : text.strip().split("\\s*,\\s*", -1);
			if (parts.length < 1 || parts.length > 2)
				throw new BadInputException("pixel size: expected X or X,Y in µm, got '" + text + "'");
			final double[] r = new double[2];
			for (int i = 0; i < parts.length; i++) {
				try {
					r[i] = Double.parseDouble(parts[i].strip());
				}
				catch (final NumberFormatException e) {
					r[i] = Double.NaN;
				}
				if (!(r[i] > 0) || Double.isInfinite(r[i]))
					throw new BadInputException("pixel size: '" + parts[i].strip() + "' is not a positive number of µm");
			}
			return new Resolution(r[0], parts.length == 1 ? r[0] : r[1]);
		}
	}

	/**
	 * @param shifts      shifts_xy.csv
	 * @param sliceConfig selects the slices with use=true; null: every slice of the shifts file
	 * @param resolution  adds dx_px,dy_px = mm·1000/µm; null: mm only
	 * @param center      subtract the shift of the middle selected slice (index n/2)
	 * @param output      CSV to write, or null
	 */
	public record Options(Path shifts, Path sliceConfig, Resolution resolution, boolean center, Path output) {
		public static final boolean CENTER = false;

		public static Options defaults(final Path shifts) {
			return new Options(shifts, null, null, CENTER, null);
		}
	}

	/** @param header {@code slice_id,dx_mm,dy_mm[,dx_px,dy_px]}; {@code rows} one per selected slice, as text */
	public record Result(List<CumulativeShifts.Entry> entries, List<String> header, List<List<String>> rows,
			Path output) {
		/** The table as CSV text, LF line ends. */
		public String csv() {
			return CsvTables.format(header, rows);
		}
	}

	@Override
	public Result run(final Options o, final ImageOps ops, final Listener listener) throws IOException {
		final Problems problems = new Problems();
		final ShiftsTable table = Inputs.shifts(problems, o.shifts());
		final SliceConfig config = o.sliceConfig() == null ? null : Inputs.config(problems, o.sliceConfig());
		if (o.output() != null) problems.requireOutputFile(o.output(), "output table");
		problems.throwIfAny();
		final List<Integer> selected = new ArrayList<>();
		if (config == null) selected.addAll(table.ids());
		else for (final String id : config.filterSlicesToUse()) selected.add(SliceConfig.idValue(id));
		if (selected.isEmpty()) throw new BadInputException((config == null ? o.shifts() : o.sliceConfig())
				+ ": no slices selected (no slice with use=true)");
		final CumulativeShifts cum = CumulativeShifts.compute(table, selected, o.center(), listener);
		final Resolution res = o.resolution();
		final List<String> header = res == null ? List.of("slice_id", "dx_mm", "dy_mm")
				: List.of("slice_id", "dx_mm", "dy_mm", "dx_px", "dy_px");
		final List<List<String>> rows = new ArrayList<>();
		for (final CumulativeShifts.Entry e : cum.entries()) {
			final List<String> row = new ArrayList<>(List.of(e.id(), plain(e.dxMm()), plain(e.dyMm())));
			if (res != null) {
				row.add(plain(e.dxPx(res.xUm())));
				row.add(plain(e.dyPx(res.yUm())));
			}
			rows.add(row);
		}
		if (o.output() != null) CsvTables.write(o.output(), header, rows);
		return new Result(cum.entries(), header, rows, o.output());
	}

	private static String plain(final double v) {
		return PlainNumbers.format(v);
	}
}
