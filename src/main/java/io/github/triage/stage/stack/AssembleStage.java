package io.github.triage.stage.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.io.StackVolumes;
import io.github.triage.io.StepMetrics;
import io.github.triage.io.layout.SliceNames;
import io.github.triage.ops.ImageOps;
import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stack.ZLayout;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;

/**
 * Stacks aligned slices into one volume, placing each by its slice id: a slice that is missing, excluded,
 * force-skipped ({@code use} false or {@code auto_excluded}) or whose interpolation failed leaves its slot empty,
 * so the Z scale stays true. Each slice keeps its planes from the first plane on; the slice thickness in planes is
 * the thickness over the Z voxel size, rounded. Written plane by plane (at most the slices overlapping one plane
 * are open at a time) with a pyramid, plus {@code <name>_metrics.json} next to the volume.
 */
public final class AssembleStage implements Stage<AssembleStage.Options, AssembleStage.Result> {

	/**
	 * @param alignedDir       folder of aligned slice volumes (one canvas), e.g. the alignment stage's output
	 * @param output           the volume to write ({@code .ome.zarr})
	 * @param sliceConfig      slice_config.csv (force-skip and failed interpolations); null: every volume is used
	 * @param sliceThicknessMm section thickness in mm
	 * @param firstPlane       first plane kept of every slice
	 * @param blend            cosine blend across overlaps
	 * @param date             the date stamped on the metrics JSON; null: now
	 */
	public record Options(Path alignedDir, Path output, Path sliceConfig, double sliceThicknessMm, int firstPlane,
			boolean blend, String date) {
		/** Without a date: the JSON diagnostics are stamped with the date the stage runs. */
		public Options(final Path alignedDir, final Path output, final Path sliceConfig, final double sliceThicknessMm, final int firstPlane, final boolean blend) {
			this(alignedDir, output, sliceConfig, sliceThicknessMm, firstPlane, blend, null);
		}

		/** The date stamped on the JSON diagnostics (one date for a whole run, e.g. {@code oct run}'s); null: now. */
		public Options withDate(final String d) {
			return new Options(alignedDir, output, sliceConfig, sliceThicknessMm, firstPlane, blend, d);
		}

		public static final int FIRST_PLANE = 0;
		public static final boolean BLEND = false;

		public static Options defaults(final Path alignedDir, final Path output, final double sliceThicknessMm) {
			return new Options(alignedDir, output, null, sliceThicknessMm, FIRST_PLANE, BLEND);
		}
	}

	/** An empty slot and why. */
	public record Gap(String sliceId, String reason) {
	}

	/**
	 * @param placed          slices stacked, by id
	 * @param gaps            empty slots between the first and last placed slice
	 * @param planesPerSlice  slice thickness in planes
	 * @param depth, height, width the volume's shape
	 */
	public record Result(List<String> placed, List<Gap> gaps, int planesPerSlice, int depth, int height, int width,
			double[] scaleZyxMm, Path volume, Path metrics) {
	}

	@Override
	public Result run(final Options o, final ImageOps ops, final Listener listener) throws IOException {
		final Listener l = Listener.orNone(listener);
		final Problems p = new Problems();
		p.requireFolder(o.alignedDir(), "aligned slices folder");
		if (o.sliceConfig() != null) p.requireFile(o.sliceConfig(), "slice config");
		p.check(o.output() != null, "output volume: not given");
		p.requireOutputFolder(o.output(), "output volume");
		p.check(o.firstPlane() >= 0, "the first plane must be >= 0 (got " + o.firstPlane() + ")");
		p.check(o.sliceThicknessMm() > 0, "the slice thickness must be positive (got " + o.sliceThicknessMm() + " mm)");
		p.throwIfAny();
		final Map<Integer, Path> files = new TreeMap<>();
		final SliceConfig[] config = new SliceConfig[1];
		p.attempt(() -> files.putAll(StackVolumes.list(o.alignedDir())));
		if (o.sliceConfig() != null) p.attempt(() -> {
			try {
				config[0] = SliceConfigFiles.read(o.sliceConfig());
			}
			catch (final IOException e) {
				throw new BadInputException(e.getMessage(), e);
			}
		});
		p.throwIfAny();
		if (files.isEmpty()) throw new BadInputException(o.alignedDir() + ": no slice volumes (*z<NN>*.ome.zarr) found");

		// Why a slice is left out: config first (force-skip, failed interpolation), then nothing on disk.
		final Map<Integer, String> skipped = new TreeMap<>();
		if (config[0] != null) {
			for (final String id : config[0].forceSkipSlices())
				skipped.put(SliceConfig.idValue(id), "force-skipped (use not true or auto_excluded)");
			for (final String id : config[0].ids())
				if (Boolean.TRUE.equals(config[0].getBoolean(id, SliceColumns.INTERPOLATION_FAILED)))
					skipped.putIfAbsent(SliceConfig.idValue(id), "interpolation failed");
		}
		final Map<Integer, StackVolumes.Volume> volumes = new TreeMap<>();
		for (final Map.Entry<Integer, Path> e : files.entrySet()) {
			if (skipped.containsKey(e.getKey())) continue;
			final String label = "slice " + SliceNames.format(e.getKey()) + " (" + e.getValue() + ")";
			p.attempt(() -> volumes.put(e.getKey(), StackVolumes.open(e.getValue(), label, l)));
		}
		p.throwIfAny();
		if (volumes.isEmpty()) throw new BadInputException(o.alignedDir() + ": every slice volume is skipped by "
				+ o.sliceConfig() + "; nothing to stack");
		final StackVolumes.Volume first = volumes.values().iterator().next();
		final double[] scale = first.scaleZyxMm();
		for (final StackVolumes.Volume v : volumes.values()) {
			if (v.height() != first.height() || v.width() != first.width())
				p.add(v.label() + ": plane " + v.width() + " × " + v.height() + " differs from " + first.label() + ": "
						+ first.width() + " × " + first.height() + " (not aligned on one canvas?)");
			final double[] s = v.scaleZyxMm();
			for (int k = 0; k < 3; k++)
				if (Math.abs(s[k] - scale[k]) > 1e-9 * Math.max(s[k], scale[k])) {
					p.add(v.label() + ": voxel size " + fmt(s) + " mm differs from " + first.label() + ": " + fmt(scale)
							+ " mm");
					break;
				}
		}
		p.throwIfAny();
		final int t = ZLayout.planesPerSlice(o.sliceThicknessMm(), scale[0]);
		final Map<Integer, Integer> depths = new TreeMap<>();
		volumes.forEach((id, v) -> {
			if (v.depth() <= o.firstPlane())
				l.warning(v.label() + " has " + v.depth() + " planes, none from plane " + o.firstPlane() + " on; left out");
			depths.put(id, v.depth());
		});
		final ZLayout layout = ZLayout.of(depths, t, o.firstPlane());
		final List<Gap> gaps = new ArrayList<>();
		for (final int id : layout.gaps()) {
			final String why = skipped.containsKey(id) ? skipped.get(id)
					: files.containsKey(id) ? "no plane from the first plane on" : "no volume";
			gaps.add(new Gap(SliceNames.format(id), why));
			l.warning("slot of slice " + SliceNames.format(id) + " is empty (" + why + "): a gap of " + t
					+ " planes in the volume");
		}
		final List<String> placed = layout.slots().stream().filter(s -> !s.gap())
				.map(s -> SliceNames.format(s.sliceId())).toList();
		l.info(String.format(Locale.ROOT, "%d slice(s), %d planes each (%.4g mm / %.4g mm), %d planes in all",
				placed.size(), t, o.sliceThicknessMm(), scale[0], layout.depth()));

		final int w = first.width(), h = first.height(), plane = w * h;
		final Map<Integer, Integer> lastPlane = new HashMap<>();
		for (final ZLayout.Slot s : layout.slots())
			if (!s.gap()) lastPlane.put(s.sliceId(), s.z0() + s.planes() - 1);
		final Set<Integer> started = new HashSet<>();
		final Path out = o.output().toAbsolutePath();
		StackVolumes.write(out, layout.depth(), h, w, z -> {
			l.checkCancelled();
			final List<ZLayout.Part> parts = layout.at(z);
			final List<float[]> planes = new ArrayList<>(parts.size());
			for (final ZLayout.Part part : parts) {
				if (started.add(part.sliceId()))
					l.progress(started.size() - 1, placed.size(), "slice " + SliceNames.format(part.sliceId()));
				planes.add(volumes.get(part.sliceId()).plane(part.plane()));
			}
			final float[] result = new float[plane];
			layout.combine(z, planes, o.blend(), result);
			// A slice is reopened never: drop it once its last plane is used, so its reader's cache goes too.
			for (final ZLayout.Part part : parts)
				if (lastPlane.get(part.sliceId()) == z) volumes.put(part.sliceId(), null);
			return result;
		}, scale, first.ngffVersion());
		l.progress(placed.size(), placed.size(), "done");
		final Path metrics = metricsPath(out);
		final StepMetrics m = new StepMetrics("stack_slices", o.date())
				.info("total_z_depth", layout.depth(), "planes", "Planes in the stacked volume")
				.info("n_slices", placed.size(), null, "Slices stacked")
				.info("n_gaps", gaps.size(), null, "Empty slots (missing, excluded, force-skipped, failed)")
				.info("planes_per_slice", t, "planes", "Slice thickness in planes (rounded)")
				.info("first_plane", o.firstPlane(), null, "First plane kept of every slice")
				.info("blend", o.blend(), null, "Cosine blend across overlaps");
		gaps.forEach(g -> m.warning("slice " + g.sliceId() + ": empty slot (" + g.reason() + ")"));
		final List<Object> slots = new ArrayList<>();
		for (final ZLayout.Slot s : layout.slots()) {
			final Map<String, Object> e = new LinkedHashMap<>();
			e.put("slice_id", SliceNames.format(s.sliceId()));
			e.put("z_start", s.z0());
			e.put("planes", s.planes());
			slots.add(e);
		}
		m.extra("slots", slots);
		m.write(metrics);
		return new Result(placed, gaps, t, layout.depth(), h, w, scale, out, metrics);
	}

	/** {@code X.ome.zarr → X_metrics.json} next to it. */
	static Path metricsPath(final Path volume) {
		final String name = volume.getFileName().toString().replaceAll("(?i)(\\.ome)?\\.zarr$", "");
		return volume.resolveSibling(name + "_metrics.json");
	}

	private static String fmt(final double[] s) {
		return String.format(Locale.ROOT, "%.6g × %.6g × %.6g", s[0], s[1], s[2]);
	}

}
