package io.github.triage.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import io.github.triage.cavg.ClassDecision;
import io.github.triage.cavg.ManualDecision;
import io.github.triage.io.ContactSheets;
import io.github.triage.stage.cavg.OverrideStage;
import io.github.triage.stage.cavg.RejectOutputs;
import io.github.triage.stage.cavg.RejectionFolder;

/**
 * What the class-average review window shows and decides, without any window: the classes of a rejection folder
 * with the toggles a person has made but not saved, the montage tiles (pending states included), which class lies
 * under a point of the montage, the numbers behind a class, and the {@code cavg override} options that saving
 * applies. Class numbers are 1-based; tile indices 0-based.
 */
public final class ClassReview {

	/** The caption of a class toggled to rejected but not saved yet. */
	static final String PENDING_REJECT = "to be rejected (not saved)";

	private final RejectionFolder folder;
	private final TreeSet<Integer> toggled = new TreeSet<>();
	private final ContactSheets.Layout layout;

	public ClassReview(final RejectionFolder folder) {
		this.folder = folder;
		this.layout = ContactSheets.layout(folder.size(), folder.stack().width());
	}

	public RejectionFolder folder() {
		return folder;
	}

	public int size() {
		return folder.size();
	}

	/** Where the tiles lie on the montage (as {@link #tiles()} are drawn by ContactSheets). */
	public ContactSheets.Layout layout() {
		return layout;
	}

	/** The mask radius drawn on the montage (class-average pixels), NaN when none was measured. */
	public double maskRadiusPx() {
		return RejectOutputs.maskRadiusPx(folder.decisions());
	}

	/** Keeps a rejected class or rejects a kept one (not saved); toggling again undoes it. */
	public void toggle(final int classNumber) {
		check(classNumber);
		if (!toggled.remove(classNumber)) toggled.add(classNumber);
	}

	/** The classes toggled and not saved, in class order. */
	public List<Integer> pending() {
		return List.copyOf(toggled);
	}

	public boolean isPending(final int classNumber) {
		return toggled.contains(classNumber);
	}

	/** The saved state of a class (1 kept, 0 rejected). */
	public int savedState(final int classNumber) {
		check(classNumber);
		return folder.states()[classNumber - 1];
	}

	/** The state shown: the saved one, flipped when toggled. */
	public int shownState(final int classNumber) {
		return isPending(classNumber) ? 1 - savedState(classNumber) : savedState(classNumber);
	}

	/** The classes saving keeps: toggled ones that are rejected now. */
	public List<Integer> toKeep() {
		return toggled.stream().filter(c -> savedState(c) == 0).toList();
	}

	/** The classes saving rejects: toggled ones that are kept now. */
	public List<Integer> toReject() {
		return toggled.stream().filter(c -> savedState(c) == 1).toList();
	}

	/** What Save applies ({@code cavg override --keep ... --reject ... --note ...}); null when nothing is pending. */
	public OverrideStage.Options overrideOptions(final String note) {
		if (toggled.isEmpty()) return null;
		return OverrideStage.Options.of(folder.folder(), toKeep(), toReject())
				.withNote(note == null || note.isBlank() ? OverrideStage.Options.NOTE : note.strip());
	}

	/** The question before closing with unsaved toggles, or null when there are none. */
	public String closeQuestion() {
		if (toggled.isEmpty()) return null;
		return toggled.size() + (toggled.size() == 1 ? " class was" : " classes were") + " changed but not saved ("
				+ describe() + "). Close without saving?";
	}

	/** The pending changes in words: "keep 3, 5; reject 7". */
	public String describe() {
		final List<String> parts = new ArrayList<>();
		if (!toKeep().isEmpty()) parts.add("keep " + join(toKeep()));
		if (!toReject().isEmpty()) parts.add("reject " + join(toReject()));
		return parts.isEmpty() ? "no change" : String.join("; ", parts);
	}

	/**
	 * The montage tiles: saved decisions as on the contact sheets (manual ones marked), toggled classes in their
	 * new state (the window marks them as not saved).
	 */
	public List<ContactSheets.Tile> tiles() {
		final List<ContactSheets.Tile> tiles = new ArrayList<>();
		for (int c = 1; c <= size(); c++) {
			final float[] px = folder.stack().sections()[c - 1];
			final ClassDecision d = folder.decisions().get(c - 1);
			if (!isPending(c)) tiles.add(RejectOutputs.tile(px, d, folder.manual().get(c)));
			else tiles.add(new ContactSheets.Tile(px, Integer.toString(c), shownState(c) == 1 ? null : PENDING_REJECT,
					false));
		}
		return tiles;
	}

	/** The class under a point of the montage drawn at {@code zoom} (1 = one screen pixel per sheet pixel), or 0. */
	public int classAt(final double x, final double y, final double zoom) {
		if (!(zoom > 0)) return 0;
		return layout.tileAt((int) Math.floor(x / zoom), (int) Math.floor(y / zoom)) + 1;
	}

	/** The centre of a class's image on the montage at zoom 1 ({x, y}). */
	public int[] centre(final int classNumber) {
		check(classNumber);
		final int i = classNumber - 1;
		return new int[] { layout.x(i) + layout.tile() / 2, layout.y(i) + layout.header() + layout.tile() / 2 };
	}

	/** The numbers behind a class, as rows {measure, value} (rejection.csv's columns in words). */
	public List<String[]> details(final int classNumber) {
		check(classNumber);
		final ClassDecision d = folder.decisions().get(classNumber - 1);
		final ManualDecision m = folder.manual().get(classNumber);
		final List<String[]> rows = new ArrayList<>();
		row(rows, "class", Integer.toString(classNumber));
		row(rows, "state", (savedState(classNumber) == 1 ? "kept" : "rejected")
				+ (isPending(classNumber) ? " (to be " + (shownState(classNumber) == 1 ? "kept" : "rejected")
						+ ", not saved)" : ""));
		row(rows, "decided by", m != null ? "hand" : "rejector");
		if (m != null) {
			row(rows, "note", m.note());
			row(rows, "date", m.date());
		}
		row(rows, "rejector's verdict", d.kept() ? "keep" : "reject");
		row(rows, "rejector's reason", d.kept() ? "" : d.reason());
		row(rows, "population", d.roundedPopulation() + " (threshold " + d.populationThreshold() + ")"
				+ flag(d.populationRejects()));
		row(rows, "resolution (Å)", num(d.resolutionA()) + " (threshold " + num(d.resolutionThresholdA()) + ")"
				+ flag(d.resolutionRejects()));
		final ClassDecision.MaskMeasures mm = d.maskMeasures();
		if (mm != null) {
			row(rows, "mask: Otsu level", num(mm.otsuThreshold()) + flag(d.maskRejects()));
			row(rows, "mask: foreground px", Integer.toString(mm.foregroundPixels()));
			row(rows, "mask: components", mm.components() + " (" + mm.componentsPruned() + " pruned, "
					+ mm.componentsKept() + " kept)");
			row(rows, "mask: largest component px", Integer.toString(mm.largestPixels()));
			row(rows, "mask: centroids outside", mm.centroidsOutside() + (Double.isNaN(mm.maxCentroidDistPx()) ? ""
					: " (farthest " + num(mm.maxCentroidDistPx()) + " px from the centre)"));
			row(rows, "mask: px outside the disc", mm.pxOutsideDisc() < 0 ? "not measured"
					: Integer.toString(mm.pxOutsideDisc()));
			row(rows, "mask radius (px)", num(mm.maskRadiusPx()));
		}
		else row(rows, "mask", "not measured" + flag(d.maskRejects()));
		final ClassDecision.LocalVarianceMeasures lv = d.localVarianceMeasures();
		if (lv != null) {
			row(rows, "local variance: Otsu level", num(lv.otsuThreshold()) + flag(d.localVarianceRejects()));
			row(rows, "local variance: foreground px", Integer.toString(lv.foregroundPixels()));
			row(rows, "local variance inside / outside", num(lv.scoreIn()) + " / " + num(lv.scoreOut())
					+ (lv.zeroScores() ? " (both zero)" : ""));
			row(rows, "local variance z inside / outside", num(lv.zIn()) + " / " + num(lv.zOut()) + " (strong "
					+ num(d.lvStrong()) + ", weak " + num(d.lvWeak()) + ")");
		}
		else row(rows, "local variance", "not measured" + flag(d.localVarianceRejects()));
		return rows;
	}

	private static String flag(final boolean rejects) {
		return rejects ? " — rejects" : "";
	}

	private static void row(final List<String[]> rows, final String measure, final String value) {
		rows.add(new String[] { measure, value });
	}

	static String num(final double v) {
		if (Double.isNaN(v)) return "NA";
		if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
		if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
		return String.format(Locale.ROOT, "%.4g", v);
	}

	private static String join(final List<Integer> l) {
		return String.join(", ", l.stream().map(String::valueOf).toList());
	}

	private void check(final int classNumber) {
		if (classNumber < 1 || classNumber > size())
			throw new IllegalArgumentException("class " + classNumber + " outside 1.." + size());
	}
}
