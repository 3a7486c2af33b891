package io.github.triage.io;

import java.io.IOException;
import java.nio.file.Path;

import io.github.triage.BadInputException;
import io.github.triage.cavg.ParticleStates;

/**
 * Particle STAR files (RELION {@code data_particles}, older single-block files, SIMPLE's export): the loop with
 * {@code _rlnClassNumber}. Written back with every block, column and row kept, the rejected classes' particles
 * set to class 0 and {@code _rlnSelected} 0 (RELION's own selection flag; added when absent, AND-ed with its
 * old value when present).
 */
public final class ParticleStars {
	public static final String CLASS_COLUMN = "_rlnClassNumber";
	public static final String STATE_COLUMN = "_rlnSelected";

	private final StarFile star;
	private final StarFile.Loop loop;
	private final int classCol;
	private final int[] classes;
	private final int[] prior;

	private ParticleStars(final StarFile star, final StarFile.Loop loop, final int classCol, final int[] classes,
			final int[] prior) {
		this.star = star;
		this.loop = loop;
		this.classCol = classCol;
		this.classes = classes;
		this.prior = prior;
	}

	/** Reads and checks a particle STAR: class numbers must be whole numbers >= 0. */
	public static ParticleStars read(final Path file) {
		final StarFile star = StarFile.read(file);
		final StarFile.Loop loop = star.loopWith(CLASS_COLUMN);
		if (loop == null)
			throw new BadInputException(file + ": missing column " + CLASS_COLUMN + " (no particle loop has it)");
		final int col = loop.column(CLASS_COLUMN);
		final int sel = loop.column(STATE_COLUMN);
		final int n = loop.rowCount();
		final int[] classes = new int[n];
		final int[] prior = sel >= 0 ? new int[n] : null;
		for (int r = 0; r < n; r++) {
			final double c = star.number(loop, r, col);
			if (c < 0 || c != Math.rint(c) || c > Integer.MAX_VALUE)
				throw new BadInputException(file + ":" + loop.line(r) + ": " + CLASS_COLUMN + " '" + loop.value(r, col)
						+ "' is not a class number (a whole number >= 0)");
			classes[r] = (int) c;
			if (prior != null) prior[r] = star.number(loop, r, sel) > 0 ? 1 : 0;
		}
		return new ParticleStars(star, loop, col, classes, prior);
	}

	public Path file() {
		return star.file();
	}

	public int particleCount() {
		return classes.length;
	}

	/** Per particle its class number (0 = none). */
	public int[] classNumbers() {
		return classes.clone();
	}

	/**
	 * Checks that every particle's class exists in a table of {@code nClasses} classes (error naming the line).
	 */
	public void requireClassesWithin(final int nClasses) {
		for (int r = 0; r < classes.length; r++)
			if (classes[r] > nClasses)
				throw new BadInputException(star.file() + ":" + loop.line(r) + ": particle in class " + classes[r]
						+ ", but the class table has " + nClasses + " classes");
	}

	/** Propagates class states (index class-1) to the particles. */
	public ParticleStates.Result propagate(final int[] classStates) {
		requireClassesWithin(classStates.length);
		return ParticleStates.propagate(classes, classStates, prior);
	}

	/**
	 * Writes the selected particles only ({@code particles_selected.star}, what {@code relion_refine} and the
	 * microchunk stream read): every block (the optics group included), every column and every selected row
	 * unchanged, so their class numbers are the original ones. Call before {@link #writeWithStates}, which
	 * rewrites the table held here. Atomic.
	 */
	public void writeSelected(final Path target, final ParticleStates.Result result) throws IOException {
		if (result.states().length != classes.length)
			throw new IllegalArgumentException(result.states().length + " states for " + classes.length + " particles");
		AtomicFiles.writeString(target, star.format(loop, r -> result.states()[r] == 1));
	}

	/**
	 * Writes the file with the propagated states: every other column and block unchanged, class 0 and
	 * {@code _rlnSelected} 0 for deselected particles. Atomic. Updates the table held here (class numbers read
	 * earlier by {@link #classNumbers()} are not affected).
	 */
	public void writeWithStates(final Path target, final ParticleStates.Result result) throws IOException {
		if (result.states().length != classes.length)
			throw new IllegalArgumentException(result.states().length + " states for " + classes.length + " particles");
		final StarFile.Loop l = loop;
		int sel = l.column(STATE_COLUMN);
		if (sel < 0) sel = l.addColumn(STATE_COLUMN, "1");
		for (int r = 0; r < l.rowCount(); r++) {
			if (result.states()[r] == 0) l.set(r, classCol, "0");
			l.set(r, sel, Integer.toString(result.states()[r]));
		}
		star.write(target);
	}
}
