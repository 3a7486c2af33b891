package io.github.triage.stage.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.io.AtomicFiles;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.io.StackVolumes;
import io.github.triage.io.StepMetrics;
import io.github.triage.io.layout.SliceNames;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.Workers;
import io.github.triage.slice.ShiftsTable;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stack.CommonSpace;
import io.github.triage.stack.ItkLinear;
import io.github.triage.stack.LocalMedianShifts;
import io.github.triage.stack.PositivePercentile;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;

/**
 * Common-space alignment from shifts (linumpy's {@code linum_align_mosaics_3d_from_shifts}): every selected slice
 * resampled onto one canvas from the cumulative stage shifts, written as one volume per slice with the input's
 * file name, plus {@code common_space_alignment_metrics.json}. Slices are matched by id, never by position. Each
 * slice is written plane by plane, one slice per worker thread: memory is a few planes per thread whatever the
 * number of slices.
 */
public final class AlignFromShiftsStage implements Stage<AlignFromShiftsStage.Options, AlignFromShiftsStage.Result> {
	public static final String METRICS_FILE = "common_space_alignment_metrics.json";

	/** What to do with the shifts of slices that have a mosaic but are not selected. */
	public enum ExcludedSliceMode {
		/** Keep the measured shifts (they are stage motion, true whether or not the slice is used). */
		KEEP,
		/** The reference pipeline's replacement by a local median: misplaces later slices; for reproduction only. */
		LOCAL_MEDIAN
	}

	/** The value written outside each slice's footprint. */
	public enum Fill {
		/** 0: "no data", as Zarr's fill value and as stacking reads it. */
		ZERO,
		/** linumpy's: the 1st percentile of the slice's positive voxels (reads each slice twice more). */
		LINUMPY
	}

	/**
	 * @param mosaicsDir  folder of {@code *z<NN>*.ome.zarr} slice volumes
	 * @param shifts      shifts_xy.csv
	 * @param output      output folder (written whole, or not at all)
	 * @param sliceConfig slice_config.csv selecting the slices ({@code use}); null: every mosaic
	 * @param mode        excluded-slice mode
	 * @param window      rows on each side for {@link ExcludedSliceMode#LOCAL_MEDIAN}
	 * @param centerDrift centre the offsets on the middle slice (reported offsets only; the volumes are the same)
	 * @param fill        value outside each footprint
	 * @param date        the date stamped on the metrics JSON; null: now
	 */
	public record Options(Path mosaicsDir, Path shifts, Path output, Path sliceConfig, ExcludedSliceMode mode,
			int window, boolean centerDrift, Fill fill, int threads, String date) {
		public static final ExcludedSliceMode MODE = ExcludedSliceMode.KEEP;
		public static final int WINDOW = 2;
		public static final boolean CENTER_DRIFT = true;
		public static final Fill FILL = Fill.ZERO;
		/** Worker threads (slices): the machine's cores. */
		public static final int THREADS = Workers.defaultThreads();

		public Options(final Path mosaicsDir, final Path shifts, final Path output, final Path sliceConfig,
				final ExcludedSliceMode mode, final int window, final boolean centerDrift, final Fill fill) {
			this(mosaicsDir, shifts, output, sliceConfig, mode, window, centerDrift, fill, THREADS, null);
		}

		/** The date stamped on the JSON diagnostics (one date for a whole run, e.g. {@code oct run}'s); null: now. */
		public Options withDate(final String d) {
			return new Options(mosaicsDir, shifts, output, sliceConfig, mode, window, centerDrift, fill, threads, d);
		}

		public static Options defaults(final Path mosaicsDir, final Path shifts, final Path output) {
			return new Options(mosaicsDir, shifts, output, null, MODE, WINDOW, CENTER_DRIFT, FILL);
		}

		public Options withSliceConfig(final Path f) {
			return new Options(mosaicsDir, shifts, output, f, mode, window, centerDrift, fill, threads, date);
		}

		public Options withThreads(final int t) {
			return new Options(mosaicsDir, shifts, output, sliceConfig, mode, window, centerDrift, fill, t, date);
		}
	}

	/** One aligned slice: where it went, the fill used, and the file written. */
	public record Slice(String sliceId, double ax, double ay, double fill, Path file) {
	}

	/**
	 * @param selected   the slices aligned, by id
	 * @param missing    selected slices without a mosaic (skipped)
	 * @param excluded   slices with a mosaic that were not selected
	 * @param canvasWidth  canvas X size
	 * @param canvasHeight canvas Y size
	 */
	public record Result(List<Slice> selected, List<String> missing, List<String> excluded, int canvasWidth,
			int canvasHeight, double originX, double originY, Path metrics) {
	}

	@Override
	public Result run(final Options o, final ImageOps ops, final Listener listener) throws IOException {
		final Listener l = Listener.orNone(listener);
		final Problems p = new Problems();
		p.requireFolder(o.mosaicsDir(), "mosaics folder").requireFile(o.shifts(), "shifts file");
		if (o.sliceConfig() != null) p.requireFile(o.sliceConfig(), "slice config");
		p.check(o.output() != null, "output folder: not given");
		p.requireOutputFolder(o.output(), "output folder");
		p.check(o.window() >= 0, "the excluded-slice window must be >= 0 (got " + o.window() + ")");
		p.throwIfAny();
		final ShiftsTable[] shifts = new ShiftsTable[1];
		final SliceConfig[] config = new SliceConfig[1];
		final Map<Integer, Path> mosaics = new java.util.TreeMap<>();
		p.attempt(() -> shifts[0] = io(() -> SliceConfigFiles.readShifts(o.shifts())));
		if (o.sliceConfig() != null) p.attempt(() -> config[0] = io(() -> SliceConfigFiles.read(o.sliceConfig())));
		p.attempt(() -> mosaics.putAll(StackVolumes.list(o.mosaicsDir())));
		p.throwIfAny();
		if (mosaics.isEmpty()) throw new BadInputException(o.mosaicsDir() + ": no slice volumes (*z<NN>*.ome.zarr) found");

		// Selection by id: the config's use column (an empty use is "not used", as the reference).
		final List<Integer> selected = new ArrayList<>();
		final List<String> missing = new ArrayList<>();
		if (config[0] == null) selected.addAll(mosaics.keySet());
		else for (final String id : config[0].filterSlicesToUse()) {
			final int v = SliceConfig.idValue(id);
			if (mosaics.containsKey(v)) selected.add(v);
			else {
				missing.add(id);
				l.warning("slice " + id + " is selected in " + o.sliceConfig() + " but has no volume in "
						+ o.mosaicsDir() + "; skipped");
			}
		}
		java.util.Collections.sort(selected);
		final List<Integer> excluded = new ArrayList<>(new TreeSet<>(mosaics.keySet()));
		excluded.removeAll(selected);
		if (selected.isEmpty())
			throw new BadInputException((o.sliceConfig() == null ? o.mosaicsDir() : o.sliceConfig())
					+ ": no slice selected that has a volume; nothing to align");

		// Open every selected volume (metadata only) and check the pixel sizes before anything is written.
		final Map<Integer, StackVolumes.Volume> volumes = new LinkedHashMap<>();
		for (final int id : selected) {
			final Path f = mosaics.get(id);
			p.attempt(() -> volumes.put(id, StackVolumes.open(f, "slice " + SliceNames.format(id) + " (" + f + ")", l)));
		}
		p.throwIfAny();
		final StackVolumes.Volume first = volumes.get(selected.get(0));
		final double[] res = first.scaleZyxMm();
		for (final StackVolumes.Volume v : volumes.values()) {
			final double[] s = v.scaleZyxMm();
			if (!same(s[1], res[1]) || !same(s[2], res[2]))
				p.add(v.label() + ": pixel size Y × X " + mm(s[1]) + " × " + mm(s[2]) + " mm differs from "
						+ first.label() + ": " + mm(res[1]) + " × " + mm(res[2]) + " mm");
		}
		p.throwIfAny();

		ShiftsTable table = shifts[0];
		if (o.mode() == ExcludedSliceMode.LOCAL_MEDIAN) {
			l.warning("excluded-slice mode local-median replaces the measured shifts next to excluded slices by a "
					+ "median and so misplaces every later slice; use it only to reproduce the reference pipeline");
			table = LocalMedianShifts.apply(table, excluded, o.window());
		}
		final List<CommonSpace.SliceSize> sizes = new ArrayList<>();
		volumes.forEach((id, v) -> sizes.add(new CommonSpace.SliceSize(id, v.width(), v.height())));
		final CommonSpace space = CommonSpace.place(table, sizes, res[2], res[1], o.centerDrift());
		space.warnings().forEach(l::warning);
		l.info(String.format(Locale.ROOT, "%d slice(s) on a canvas of %d × %d pixels (%s excluded)", selected.size(),
				space.width(), space.height(), excluded.isEmpty() ? "none" : ids(excluded)));

		final List<Slice> done = new ArrayList<>();
		final Path outDir = o.output().toAbsolutePath();
		final List<CommonSpace.Placement> placements = space.placements();
		final int threads = threadsFor(o.threads(), volumes.values(), space, l);
		AtomicFiles.writeFolder(outDir, dir -> {
			// one slice per worker; each writes its own file, plane by plane
			done.addAll(Workers.map(placements.size(), threads, l, (k, none, tl) -> {
				final CommonSpace.Placement pl = placements.get(k);
				tl.checkCancelled();
				final String id = SliceNames.format(pl.sliceId());
				tl.progress(k, selected.size(), "slice " + id);
				// opened again here: a reader keeps its last chunk-deep slab, and the ones opened for the checks stay
				// referenced until the end, so reading through them would hold one slab per slice
				final StackVolumes.Volume v = StackVolumes.open(mosaics.get(pl.sliceId()),
						volumes.get(pl.sliceId()).label(), tl);
				final float fill = o.fill() == Fill.ZERO ? 0f
						: (float) PositivePercentile.of(v.depth(), v::plane, 1.0);
				final ItkLinear rs = new ItkLinear(v.width(), v.height(), space.width(), space.height(), pl.ax(), pl.ay());
				final String name = mosaics.get(pl.sliceId()).getFileName().toString();
				StackVolumes.write(dir.resolve(name), v.depth(), space.height(), space.width(), z -> {
					final float[] plane = new float[space.width() * space.height()];
					rs.resample(v.plane(z), plane, fill);
					return plane;
				}, v.scaleZyxMm(), v.ngffVersion());
				return new Slice(id, pl.ax(), pl.ay(), fill, outDir.resolve(name));
			}));
			l.progress(selected.size(), selected.size(), "done");
			metrics(o, space, done, excluded).write(dir.resolve(METRICS_FILE));
		});
		return new Result(done, missing, excluded.stream().map(SliceNames::format).toList(), space.width(),
				space.height(), space.originX(), space.originY(), outDir.resolve(METRICS_FILE));
	}

	/**
	 * The threads to use: at most {@code wanted}, and no more slices at once than the heap holds (a slice in flight
	 * keeps its reader's chunk-deep slab, the writer's slabs of every pyramid level and a few planes), so many cores
	 * do not mean an out-of-memory error. The files written do not depend on it.
	 */
	private static int threadsFor(final int wanted, final Iterable<StackVolumes.Volume> volumes, final CommonSpace space,
			final Listener l) {
		long inPlane = 0;
		int depth = 1;
		for (final StackVolumes.Volume v : volumes) {
			inPlane = Math.max(inPlane, (long) v.width() * v.height());
			depth = Math.max(depth, v.depth());
		}
		final long canvas = (long) space.width() * space.height();
		final int slab = Math.min(depth, StackVolumes.CHUNK_DEPTH);
		final long perSlice = 4 * (inPlane * (slab + 3) + canvas * (slab * 4 / 3 + 3));
		final Runtime rt = Runtime.getRuntime();
		final long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
		final int fit = (int) Math.max(1, Math.min(Integer.MAX_VALUE, free * 3 / 4 / perSlice));
		if (fit >= wanted) return Math.max(1, wanted);
		l.info(String.format(Locale.ROOT, "%d slice(s) at a time instead of %d: each needs about %d MiB of the %d MiB "
				+ "of heap free", fit, wanted, perSlice >> 20, free >> 20));
		return fit;
	}

	private static StepMetrics metrics(final Options o, final CommonSpace space, final List<Slice> done,
			final List<Integer> excluded) {
		final StepMetrics m = new StepMetrics("common_space_alignment", o.date())
				.info("output_dir", o.output().getFileName().toString(), null, "Aligned mosaics directory")
				.info("n_selected_slices", done.size(), null, "Slices retained for alignment")
				.info("n_excluded_slices", excluded.size(), null, "Slices excluded by slice config")
				.info("canvas_width", space.width(), "px", "Common canvas width (X)")
				.info("canvas_height", space.height(), "px", "Common canvas height (Y)")
				.info("excluded_slice_mode", o.mode().name().toLowerCase(Locale.ROOT).replace('_', '-'), null,
						"Shifts of excluded slices: keep, or local-median (reproduction only)")
				.info("fill", o.fill() == Fill.ZERO ? "zero" : "first-percentile", null,
						"Value outside each slice's footprint");
		space.warnings().forEach(m::warning);
		final Map<String, Object> slices = new LinkedHashMap<>();
		for (final Slice s : done) {
			final Map<String, Object> e = new LinkedHashMap<>();
			e.put("applied_shift_px", List.of(s.ax(), s.ay()));
			e.put("fill", s.fill());
			e.put("file", s.file().getFileName().toString());
			slices.put(s.sliceId(), e);
		}
		m.extra("canvas_origin_px", List.of(space.originX(), space.originY()));
		m.extra("slices", slices);
		return m;
	}

	private static boolean same(final double a, final double b) {
		return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
	}

	private static String mm(final double v) {
		return String.format(Locale.ROOT, "%.6g", v);
	}

	private static String ids(final List<Integer> ids) {
		return String.join(" ", ids.stream().map(SliceNames::format).toList());
	}

	@FunctionalInterface
	private interface IoSupplier<T> {
		T get() throws IOException;
	}

	/** Runs a read for {@link Problems#attempt}: an I/O failure there is a problem with that input. */
	private static <T> T io(final IoSupplier<T> s) {
		try {
			return s.get();
		}
		catch (final IOException e) {
			throw new BadInputException(e.getMessage(), e);
		}
	}
}
