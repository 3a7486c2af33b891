package io.github.triage.cavg;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.github.triage.io.AtomicFiles;
import io.github.triage.io.ClassTables;
import io.github.triage.io.ContactSheets;
import io.github.triage.io.MrcFiles;
import io.github.triage.io.MrcStack;
import io.github.triage.io.ParticleStars;

/**
 * SIMPLE's per-chunk cleanup after rejection (reject_cavgs), as files in one output folder:
 * {@code <stem>_selected.mrc} and {@code <stem>_rejected.mrc} (mode 2, the kept and rejected class averages in
 * class order), JPEG contact sheets of both when not empty, {@code class_states.csv} (the class table with a
 * state column, 1 kept, 0 rejected), {@code selection.txt} (one 0/1 per class, SIMPLE's selection format),
 * {@code rejection.csv} (per-criterion flags and the numbers behind them), {@code particles_states.star} when a
 * particle STAR was given, and finally the {@code REJECTION_FINISHED} sentinel. A failure writes only
 * {@code REJECTION_FAILED}. Every file is written atomically; the sentinel of the other outcome is removed, so
 * the folder never claims both.
 */
public final class CleanupOutputs {
	public static final String FINISHED = "REJECTION_FINISHED";
	public static final String FAILED = "REJECTION_FAILED";
	public static final String REJECTION_CSV = "rejection.csv";
	public static final String SELECTION = "selection.txt";
	public static final String CLASS_STATES = "class_states.csv";
	public static final String PARTICLES_OUT = "particles_states.star";

	/** The first six columns match the reference's expected_*.csv; the rest are the numbers behind them. */
	public static final String[] CSV_HEADER = { "class", "state", "population", "resolution", "mask", "local_variance",
			"pop", "pop_threshold", "res_A", "res_threshold_A", "mask_otsu_threshold", "mask_foreground_px",
			"mask_components", "mask_components_pruned", "mask_components_kept", "mask_largest_px",
			"mask_max_centroid_dist_px", "mask_centroids_outside", "mask_px_outside_disc", "mask_radius_px",
			"lv_otsu_threshold", "lv_foreground_px", "lv_score_in", "lv_score_out", "lv_zero", "lv_z_in", "lv_z_out",
			"lv_strong", "lv_weak", "reason" };

	/** What was written: the files in order, and the counts. */
	public record Written(List<Path> files, int kept, int rejected, ParticleStates.Result particles) {
	}

	private CleanupOutputs() {
	}

	/**
	 * Writes every output of a finished rejection into {@code dir}.
	 *
	 * @param stem      name stem of the stacks and sheets (the input stack's name without extension)
	 * @param particles   the particle STAR to propagate states into, or null
	 * @param priorStates the classes' existing states (index class-1), or null: as in SIMPLE's cleanup, the
	 *                    rejector's state is AND-ed with them for the stacks, states, selection and particles
	 *                    (rejection.csv keeps the rejector's own verdict)
	 */
	public static Written write(final Path dir, final String stem, final MrcStack stack, final List<ClassStats> classes,
			final List<ClassDecision> decisions, final ParticleStars particles, final int[] priorStates)
			throws IOException {
		if (decisions.size() != stack.size() || classes.size() != stack.size())
			throw new IllegalArgumentException(decisions.size() + " decisions and " + classes.size()
					+ " classes for " + stack.size() + " class averages");
		Files.createDirectories(dir);
		// no longer finished while the outputs are being replaced
		Files.deleteIfExists(dir.resolve(FINISHED));
		final List<Path> files = new ArrayList<>();
		final int n = decisions.size();
		final int[] states = new int[n];
		final List<Integer> keptIdx = new ArrayList<>(), rejIdx = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			states[i] = decisions.get(i).state() & (priorStates != null ? priorStates[i] : 1);
			(states[i] == 1 ? keptIdx : rejIdx).add(i);
		}
		final Path sel = dir.resolve(stem + "_selected.mrc"), rej = dir.resolve(stem + "_rejected.mrc");
		MrcFiles.write(sel, stack.subset(toArray(keptIdx)));
		MrcFiles.write(rej, stack.subset(toArray(rejIdx)));
		files.add(sel);
		files.add(rej);
		files.addAll(sheet(dir.resolve(stem + "_selected.jpg"), stack, decisions, keptIdx));
		files.addAll(sheet(dir.resolve(stem + "_rejected.jpg"), stack, decisions, rejIdx));

		final Path classStates = dir.resolve(CLASS_STATES);
		ClassTables.writeStates(classStates, classes, states);
		files.add(classStates);
		final StringBuilder selection = new StringBuilder();
		for (final int s : states)
			selection.append(s).append('\n');
		final Path selFile = dir.resolve(SELECTION);
		AtomicFiles.writeString(selFile, selection.toString());
		files.add(selFile);
		final Path csv = dir.resolve(REJECTION_CSV);
		AtomicFiles.writeString(csv, rejectionCsv(decisions));
		files.add(csv);

		ParticleStates.Result pr = null;
		if (particles != null) {
			pr = particles.propagate(states);
			final Path pout = dir.resolve(PARTICLES_OUT);
			particles.writeWithStates(pout, pr);
			files.add(pout);
		}
		final Map<String, String> record = new LinkedHashMap<>();
		record.put("classes", Integer.toString(n));
		record.put("kept", Integer.toString(keptIdx.size()));
		record.put("rejected", Integer.toString(rejIdx.size()));
		if (priorStates != null) {
			int before = 0;
			for (final int p : priorStates)
				before += p == 0 ? 1 : 0;
			record.put("rejected_before", Integer.toString(before));
		}
		if (pr != null) {
			record.put("particles", Integer.toString(pr.states().length));
			record.put("particles_selected", Integer.toString(pr.selected()));
		}
		Files.deleteIfExists(dir.resolve(FAILED));
		final Path done = dir.resolve(FINISHED);
		AtomicFiles.writeString(done, keyValues(record));
		files.add(done);
		return new Written(List.copyOf(files), keptIdx.size(), rejIdx.size(), pr);
	}

	/**
	 * The failure record: {@code REJECTION_FAILED} in {@code dir}, lines {@code key: value} with at least
	 * {@code status: failed} and {@code reason: <message>}, then the given context (inputs). Nothing else is
	 * written; a stale {@code REJECTION_FINISHED} is removed.
	 */
	public static Path writeFailure(final Path dir, final String message, final Map<String, String> context)
			throws IOException {
		Files.createDirectories(dir);
		Files.deleteIfExists(dir.resolve(FINISHED));
		final Map<String, String> record = new LinkedHashMap<>();
		record.put("status", "failed");
		record.put("reason", message.replace('\n', ' '));
		record.putAll(context);
		final Path f = dir.resolve(FAILED);
		AtomicFiles.writeString(f, keyValues(record));
		return f;
	}

	/** rejection.csv: one row per class, {@link #CSV_HEADER}. NaN and "not computed" are written as NA. */
	public static String rejectionCsv(final List<ClassDecision> decisions) {
		final StringWriter w = new StringWriter();
		try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
			p.printRecord((Object[]) CSV_HEADER);
			for (final ClassDecision d : decisions)
				p.printRecord(row(d));
		}
		catch (final IOException e) {
			throw new IllegalStateException(e); // a StringWriter does not fail
		}
		return w.toString();
	}

	private static List<String> row(final ClassDecision d) {
		final List<String> r = new ArrayList<>(CSV_HEADER.length);
		r.add(Integer.toString(d.classNumber()));
		r.add(Integer.toString(d.state()));
		r.add(Boolean.toString(d.populationRejects()));
		r.add(Boolean.toString(d.resolutionRejects()));
		r.add(Boolean.toString(d.maskRejects()));
		r.add(Boolean.toString(d.localVarianceRejects()));
		r.add(Long.toString(d.roundedPopulation()));
		r.add(Long.toString(d.populationThreshold()));
		r.add(num(d.resolutionA()));
		r.add(num(d.resolutionThresholdA()));
		final ClassDecision.MaskMeasures m = d.maskMeasures();
		if (m != null) {
			r.add(num(m.otsuThreshold()));
			r.add(Integer.toString(m.foregroundPixels()));
			r.add(Integer.toString(m.components()));
			r.add(Integer.toString(m.componentsPruned()));
			r.add(Integer.toString(m.componentsKept()));
			r.add(Integer.toString(m.largestPixels()));
			r.add(num(m.maxCentroidDistPx()));
			r.add(Integer.toString(m.centroidsOutside()));
			r.add(m.pxOutsideDisc() < 0 ? "NA" : Integer.toString(m.pxOutsideDisc()));
			r.add(num(m.maskRadiusPx()));
		}
		else for (int i = 0; i < 10; i++)
			r.add("NA");
		final ClassDecision.LocalVarianceMeasures l = d.localVarianceMeasures();
		if (l != null) {
			r.add(num(l.otsuThreshold()));
			r.add(Integer.toString(l.foregroundPixels()));
			r.add(num(l.scoreIn()));
			r.add(num(l.scoreOut()));
			r.add(Boolean.toString(l.zeroScores()));
			r.add(num(l.zIn()));
			r.add(num(l.zOut()));
		}
		else for (int i = 0; i < 7; i++)
			r.add("NA");
		r.add(num(d.lvStrong()));
		r.add(num(d.lvWeak()));
		r.add(d.reason());
		return r;
	}

	private static List<Path> sheet(final Path file, final MrcStack stack, final List<ClassDecision> decisions,
			final List<Integer> idx) throws IOException {
		if (idx.isEmpty()) {
			// SIMPLE writes sheets of non-empty stacks only; drop one left by an earlier run
			Files.deleteIfExists(file);
			return List.of();
		}
		final List<ContactSheets.Tile> tiles = new ArrayList<>();
		for (final int i : idx)
			tiles.add(tile(stack.sections()[i], decisions.get(i)));
		ContactSheets.writeJpeg(file, ContactSheets.render(tiles, stack.width()));
		return List.of(file);
	}

	/** A contact-sheet tile: class number, and the reason when rejected. */
	public static ContactSheets.Tile tile(final float[] pixels, final ClassDecision d) {
		return new ContactSheets.Tile(pixels, Integer.toString(d.classNumber()), d.kept() ? null : d.reason());
	}

	private static String num(final double v) {
		if (Double.isNaN(v)) return "NA";
		if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
		return Double.toString(v);
	}

	private static String keyValues(final Map<String, String> m) {
		final StringBuilder sb = new StringBuilder();
		m.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
		return sb.toString();
	}

	private static int[] toArray(final List<Integer> l) {
		return l.stream().mapToInt(Integer::intValue).toArray();
	}
}
