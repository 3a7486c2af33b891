package io.github.triage.cavg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.triage.slice.PlainNumbers;

/**
 * What SIMPLE's per-chunk cleanup after rejection (reject_cavgs) writes, as plain data: the final class states,
 * the rows of {@code rejection.csv}, the text of {@code selection.txt} and the key-value records of the
 * {@code REJECTION_FINISHED} / {@code REJECTION_FAILED} sentinels. The file names are here too, so that the stage
 * that writes them and the faces that describe them agree. Writing is the stage's job
 * ({@code stage.cavg.RejectStage}).
 */
public final class CleanupOutputs {
	public static final String FINISHED = "REJECTION_FINISHED";
	public static final String FAILED = "REJECTION_FAILED";
	public static final String REJECTION_CSV = "rejection.csv";
	public static final String SELECTION = "selection.txt";
	public static final String CLASS_STATES = "class_states.csv";
	/** Every particle, the rejected ones marked ({@code _rlnSelected 0}, class 0). */
	public static final String PARTICLES_OUT = "particles_states.star";
	/** The selected particles only, original class numbers, optics kept: what RELION and the stream read next. */
	public static final String PARTICLES_SELECTED = "particles_selected.star";
	/** Stacks, their STAR tables and contact sheets: {@code <stem>_selected.mrcs} etc. */
	public static final String SELECTED = "_selected", REJECTED = "_rejected";
	public static final String STACK_EXT = ".mrcs", TABLE_EXT = ".star", SHEET_EXT = ".jpg";

	/** Fixed names of the outputs, both sentinels included (the stacks, tables and sheets go by pattern). */
	private static final List<String> FIXED_NAMES = List.of(FINISHED, FAILED, REJECTION_CSV, SELECTION, CLASS_STATES,
			PARTICLES_OUT, PARTICLES_SELECTED);
	/** Stacks, tables and sheets of any stem; {@code .mrc} is what earlier versions wrote. */
	private static final java.util.regex.Pattern STEM_OUTPUT = java.util.regex.Pattern
			.compile(".+(_selected|_rejected)\\.(mrcs|mrc|star|jpg)");

	/**
	 * True for a file name that a run of {@code cavg reject} writes (with any stack stem): what a rerun removes
	 * when it does not write it again, so that the sentinel vouches for exactly the files of its own run.
	 */
	public static boolean isOutputName(final String fileName) {
		return FIXED_NAMES.contains(fileName) || STEM_OUTPUT.matcher(fileName).matches();
	}

	/**
	 * The first six columns match the reference's expected_*.csv; then the numbers behind them; then the audit
	 * trail: the class's state before this pass ({@code prior_state}, NA when the table had none) and who decided
	 * ({@code decided_by}: rejector, or manual with its note and date; a manual row's {@code state} is the
	 * person's, its flags and reason stay the rejector's).
	 */
	public static final List<String> CSV_HEADER = List.of("class", "state", "population", "resolution", "mask",
			"local_variance", "pop", "pop_threshold", "res_A", "res_threshold_A", "mask_otsu_threshold",
			"mask_foreground_px", "mask_components", "mask_components_pruned", "mask_components_kept",
			"mask_largest_px", "mask_max_centroid_dist_px", "mask_centroids_outside", "mask_px_outside_disc",
			"mask_radius_px", "lv_otsu_threshold", "lv_foreground_px", "lv_score_in", "lv_score_out", "lv_zero",
			"lv_z_in", "lv_z_out", "lv_strong", "lv_weak", "reason", "prior_state", "decided_by", "note", "date");

	/** The short summary (stdout of the CLI): the four flags of rejection.csv and the reason. */
	public static final List<String> SUMMARY_HEADER = List.of("class", "state", "population", "resolution", "mask",
			"local_variance", "reason");

	/**
	 * The final states of a chunk: as in SIMPLE's cleanup the rejector's state is AND-ed with the classes' existing
	 * states, for the stacks, states, selection and particles (rejection.csv keeps the rejector's own verdict).
	 *
	 * @param states   per class (index class-1): 1 kept, 0 rejected
	 * @param kept     indices (class-1) of the kept classes, in class order
	 * @param rejected indices of the rejected classes, in class order
	 */
	public record States(int[] states, int[] kept, int[] rejected) {
	}

	private CleanupOutputs() {
	}

	/** @param priorStates the classes' existing states (index class-1), or null when all were selected */
	public static States states(final List<ClassDecision> decisions, final int[] priorStates) {
		return states(decisions, priorStates, Map.of());
	}

	/**
	 * The final states with manual decisions: a class decided by hand takes the person's state, whatever the
	 * rejector and the earlier state say; the others as {@link #states(List, int[])}.
	 *
	 * @param manual by class number
	 */
	public static States states(final List<ClassDecision> decisions, final int[] priorStates,
			final Map<Integer, ManualDecision> manual) {
		final int n = decisions.size();
		if (priorStates != null && priorStates.length != n)
			throw new IllegalArgumentException(priorStates.length + " prior states for " + n + " classes");
		final int[] states = new int[n];
		final List<Integer> kept = new ArrayList<>(), rejected = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final ManualDecision m = manual.get(decisions.get(i).classNumber());
			states[i] = m != null ? m.state() : decisions.get(i).state() & (priorStates != null ? priorStates[i] : 1);
			(states[i] == 1 ? kept : rejected).add(i);
		}
		return new States(states, toArray(kept), toArray(rejected));
	}

	/** selection.txt: one 1 or 0 per line (SIMPLE's selection format). */
	public static String selection(final int[] states) {
		final StringBuilder sb = new StringBuilder();
		for (final int s : states)
			sb.append(s).append('\n');
		return sb.toString();
	}

	/**
	 * The {@code REJECTION_FINISHED} record: class counts, the stacks (or {@code none} for an empty set, which
	 * writes no stack), and particle counts when particles were given.
	 */
	public static Map<String, String> finishedRecord(final States s, final int[] priorStates,
			final ParticleStates.Result particles, final String stem) {
		final Map<String, String> record = new LinkedHashMap<>();
		record.put("classes", Integer.toString(s.states().length));
		record.put("kept", Integer.toString(s.kept().length));
		record.put("rejected", Integer.toString(s.rejected().length));
		if (priorStates != null) {
			int before = 0;
			for (final int p : priorStates)
				before += p == 0 ? 1 : 0;
			record.put("rejected_before", Integer.toString(before));
		}
		record.put("selected_stack", s.kept().length > 0 ? stem + SELECTED + STACK_EXT : "none (no class kept)");
		record.put("rejected_stack", s.rejected().length > 0 ? stem + REJECTED + STACK_EXT : "none (no class rejected)");
		if (particles != null) {
			record.put("particles", Integer.toString(particles.states().length));
			record.put("particles_selected", Integer.toString(particles.selected()));
		}
		return record;
	}

	/**
	 * The {@code REJECTION_FAILED} record: {@code status: failed}, {@code reason: <message>} on one line, then the
	 * context (the inputs).
	 */
	public static Map<String, String> failureRecord(final String message, final Map<String, String> context) {
		final Map<String, String> record = new LinkedHashMap<>();
		record.put("status", "failed");
		record.put("reason", message.replace('\n', ' '));
		record.putAll(context);
		return record;
	}

	/** A record as text: {@code key: value} lines. */
	public static String keyValues(final Map<String, String> record) {
		final StringBuilder sb = new StringBuilder();
		record.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
		return sb.toString();
	}

	/** rejection.csv: one row per class under {@link #CSV_HEADER}. NaN and "not computed" are NA. */
	public static List<List<String>> rejectionRows(final List<ClassDecision> decisions) {
		return rejectionRows(decisions, null, Map.of());
	}

	/**
	 * rejection.csv with the audit columns.
	 *
	 * @param priorStates the classes' states before this pass (index class-1), or null
	 * @param manual      manual decisions by class number
	 */
	public static List<List<String>> rejectionRows(final List<ClassDecision> decisions, final int[] priorStates,
			final Map<Integer, ManualDecision> manual) {
		final List<List<String>> rows = new ArrayList<>(decisions.size());
		for (int i = 0; i < decisions.size(); i++) {
			final ClassDecision d = decisions.get(i);
			final List<String> r = row(d);
			final ManualDecision m = manual.get(d.classNumber());
			if (m != null) r.set(1, Integer.toString(m.state()));
			r.add(priorStates != null ? Integer.toString(priorStates[i]) : "NA");
			r.add(m != null ? ManualDecision.MANUAL : ManualDecision.REJECTOR);
			r.add(m != null ? m.note() : "");
			r.add(m != null ? m.date() : "");
			rows.add(r);
		}
		return rows;
	}

	/** The summary rows under {@link #SUMMARY_HEADER}. */
	public static List<List<String>> summaryRows(final List<ClassDecision> decisions) {
		final List<List<String>> rows = new ArrayList<>(decisions.size());
		for (final ClassDecision d : decisions) {
			final List<String> r = new ArrayList<>(row(d).subList(0, 6));
			r.add(d.reason());
			rows.add(r);
		}
		return rows;
	}

	/** One row of rejection.csv up to the reason, in {@link #CSV_HEADER}'s order; NA for measures not taken. */
	private static List<String> row(final ClassDecision d) {
		final List<String> r = new ArrayList<>(CSV_HEADER.size());
		r.addAll(List.of(String.valueOf(d.classNumber()), String.valueOf(d.state()),
				String.valueOf(d.populationRejects()), String.valueOf(d.resolutionRejects()),
				String.valueOf(d.maskRejects()), String.valueOf(d.localVarianceRejects()),
				String.valueOf(d.roundedPopulation()), String.valueOf(d.populationThreshold()), num(d.resolutionA()),
				num(d.resolutionThresholdA())));
		final ClassDecision.MaskMeasures m = d.maskMeasures();
		r.addAll(m == null ? Collections.nCopies(10, "NA")
				: List.of(num(m.otsuThreshold()), String.valueOf(m.foregroundPixels()), String.valueOf(m.components()),
						String.valueOf(m.componentsPruned()), String.valueOf(m.componentsKept()),
						String.valueOf(m.largestPixels()), num(m.maxCentroidDistPx()), String.valueOf(m.centroidsOutside()),
						m.pxOutsideDisc() < 0 ? "NA" : String.valueOf(m.pxOutsideDisc()), num(m.maskRadiusPx())));
		final ClassDecision.LocalVarianceMeasures l = d.localVarianceMeasures();
		r.addAll(l == null ? Collections.nCopies(7, "NA")
				: List.of(num(l.otsuThreshold()), String.valueOf(l.foregroundPixels()), num(l.scoreIn()),
						num(l.scoreOut()), String.valueOf(l.zeroScores()), num(l.zIn()), num(l.zOut())));
		r.addAll(List.of(num(d.lvStrong()), num(d.lvWeak()), d.reason()));
		return r;
	}

	/** As people write numbers ("0.0303", "12"); NA when not computed, inf for an unresolved class. */
	private static String num(final double v) {
		if (Double.isNaN(v)) return "NA";
		if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
		return PlainNumbers.format(v);
	}

	private static int[] toArray(final List<Integer> l) {
		return l.stream().mapToInt(Integer::intValue).toArray();
	}
}
