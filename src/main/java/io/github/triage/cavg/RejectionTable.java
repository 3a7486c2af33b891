package io.github.triage.cavg;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.triage.slice.TextTable;

/**
 * {@code rejection.csv} read back ({@link CleanupOutputs#CSV_HEADER}): the rejector's verdict per class with the
 * numbers behind it, the states before the pass, and the manual decisions. What {@code cavg override} rewrites a
 * rejection folder from, and what a later rejection of the same folder keeps. Written and read back, every row
 * gives the same text again (numbers are written so that they parse back exactly).
 */
public final class RejectionTable {

	/**
	 * @param decisions   the rejector's verdict per class, in class order
	 * @param priorStates the states before the pass (index class-1), or null when the table had none
	 * @param manual      the manual decisions by class number (insertion order = class order)
	 */
	public record Parsed(List<ClassDecision> decisions, int[] priorStates, Map<Integer, ManualDecision> manual) {
	}

	private RejectionTable() {
	}

	/** True when the table records manual decisions (written by a version with the audit columns). */
	public static boolean hasAuditColumns(final TextTable t) {
		return t.column("decided_by") >= 0;
	}

	/** Parses a whole rejection.csv; every class 1..n in order. Errors name the file, line and column. */
	public static Parsed parse(final TextTable t) {
		for (final String c : CleanupOutputs.CSV_HEADER.subList(0, 30))
			if (t.column(c) < 0)
				throw t.error(t.headerLine(), null, "no column '" + c + "': not a rejection.csv of cavg reject");
		final List<ClassDecision> decisions = new ArrayList<>();
		final Map<Integer, ManualDecision> manual = new LinkedHashMap<>();
		final int[] prior = new int[t.rows().size()];
		boolean anyPrior = false;
		// the column indices once: TextTable.column builds its index on every call, 35 calls a row
		final Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < t.header().size(); i++)
			columns.putIfAbsent(t.header().get(i), i);
		for (final TextTable.Row r : t.rows()) {
			final Cells c = new Cells(t, columns, r);
			final int cls = c.integer("class");
			if (cls != decisions.size() + 1)
				throw t.error(r.line(), "class", "expected class " + (decisions.size() + 1) + ", got " + cls);
			decisions.add(decision(c, cls));
			final String p = c.text("prior_state");
			if (!p.isEmpty() && !p.equals("NA")) {
				prior[cls - 1] = c.bit("prior_state");
				anyPrior = true;
			}
			else prior[cls - 1] = 1;
			if (ManualDecision.MANUAL.equals(c.text("decided_by")))
				manual.put(cls, new ManualDecision(cls, c.bit("state"), c.text("note"), c.text("date")));
		}
		if (decisions.isEmpty()) throw t.error(t.headerLine(), null, "no classes");
		return new Parsed(List.copyOf(decisions), anyPrior ? prior : null, manual);
	}

	private static ClassDecision decision(final Cells c, final int cls) {
		ClassDecision.MaskMeasures m = null;
		if (!c.text("mask_foreground_px").equals("NA"))
			m = new ClassDecision.MaskMeasures(c.number("mask_otsu_threshold"), c.integer("mask_foreground_px"),
					c.integer("mask_components"), c.integer("mask_components_pruned"),
					c.integer("mask_components_kept"), c.integer("mask_largest_px"),
					c.number("mask_max_centroid_dist_px"), c.integer("mask_centroids_outside"),
					c.text("mask_px_outside_disc").equals("NA") ? -1 : c.integer("mask_px_outside_disc"),
					c.number("mask_radius_px"));
		ClassDecision.LocalVarianceMeasures l = null;
		if (!c.text("lv_foreground_px").equals("NA"))
			l = new ClassDecision.LocalVarianceMeasures(c.number("lv_otsu_threshold"), c.integer("lv_foreground_px"),
					c.number("lv_score_in"), c.number("lv_score_out"), c.bool("lv_zero"), c.number("lv_z_in"),
					c.number("lv_z_out"));
		final boolean mask = c.bool("mask");
		return new ClassDecision(cls, c.bool("population"), c.bool("resolution"), mask, c.bool("local_variance"),
				c.integer("pop"), c.integer("pop_threshold"), c.number("res_A"), c.number("res_threshold_A"),
				c.number("lv_strong"), c.number("lv_weak"), m, mask ? maskFailure(c.text("reason")) : "", l);
	}

	/** The mask criterion's own words inside the reason ({@code ...; mask: off-centre component; ...}). */
	private static String maskFailure(final String reason) {
		for (final String part : reason.split("; "))
			if (part.startsWith("mask: ")) return part.substring(6);
		return "";
	}

	/** Typed cells of one row, errors naming line and column. */
	private record Cells(TextTable t, Map<String, Integer> columns, TextTable.Row r) {
		String text(final String col) {
			final int i = columns.getOrDefault(col, -1);
			return i < 0 || i >= r.cells().size() ? "" : r.get(i).trim();
		}

		double number(final String col) {
			final String s = text(col);
			if (s.equals("NA")) return Double.NaN;
			if (s.equals("inf")) return Double.POSITIVE_INFINITY;
			if (s.equals("-inf")) return Double.NEGATIVE_INFINITY;
			try {
				return Double.parseDouble(s);
			}
			catch (final NumberFormatException e) {
				throw t.error(r.line(), col, "'" + s + "' is not a number");
			}
		}

		int integer(final String col) {
			final double v = number(col);
			if (v != Math.rint(v)) throw t.error(r.line(), col, "'" + text(col) + "' is not a whole number");
			return (int) v;
		}

		int bit(final String col) {
			final int v = integer(col);
			if (v != 0 && v != 1) throw t.error(r.line(), col, "'" + text(col) + "' is not 0 or 1");
			return v;
		}

		boolean bool(final String col) {
			final String s = text(col);
			if (!s.equals("true") && !s.equals("false"))
				throw t.error(r.line(), col, "'" + s + "' is not true or false");
			return s.equals("true");
		}
	}
}
