package io.github.triage.stage.oct;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.triage.Listener;

/**
 * The run's listener: one line per step (started, done or skipped, with the time it took and the run's elapsed time)
 * and one per slice (with the step's elapsed time and an estimate of what is left of it, from the pace so far). Each
 * warning is prefixed with its step and kept for the result and the report (a skipped step's warnings come back from
 * its record); the slice being worked on is remembered, so a failure can name it.
 */
final class RunProgress implements Listener {
	private final Listener to;
	private final long runStart = System.nanoTime();
	private long stepStart = runStart;
	private String step = "";
	private String current;
	final List<String> warnings = new ArrayList<>();
	private final List<String> stepWarnings = new ArrayList<>();

	RunProgress(final Listener to) {
		this.to = Listener.orNone(to);
	}

	/** A step begins: {@code index} of {@code count}. */
	void start(final int index, final int count, final String name, final String what) {
		step = name;
		current = null;
		stepWarnings.clear();
		stepStart = System.nanoTime();
		to.info("step " + index + "/" + count + " " + name + ": " + what + " (run elapsed " + clock(runStart) + ")");
	}

	/** A step ends; returns its duration in seconds. */
	double done(final int index, final int count, final String summary) {
		final double s = (System.nanoTime() - stepStart) / 1e9;
		to.info("step " + index + "/" + count + " " + step + ": done in " + clock(stepStart) + (summary.isEmpty() ? ""
				: "; " + summary));
		return s;
	}

	/** A step is skipped; the warnings it gave when it ran are the run's warnings again. */
	void skipped(final int index, final int count, final String name, final List<String> itsWarnings) {
		to.info("step " + index + "/" + count + " " + name + ": unchanged since the last run, skipped");
		for (final String w : itsWarnings) {
			warnings.add(name + ": " + w);
			to.warning(name + ": " + w + " (from the last run)");
		}
	}

	/** The warnings of the current step, without its prefix. */
	List<String> stepWarnings() {
		return List.copyOf(stepWarnings);
	}

	/** The slice (or item) the current step was at, or null. */
	String current() {
		return current;
	}

	String step() {
		return step;
	}

	@Override
	public void progress(final int done, final int total, final String what) {
		if (done < total) current = what;
		final String pace;
		if (done == 0 || done >= total) pace = "step elapsed " + clock(stepStart);
		else {
			final double perItem = (System.nanoTime() - stepStart) / 1e9 / done;
			pace = "step elapsed " + clock(stepStart) + ", about " + format(perItem * (total - done)) + " left";
		}
		to.progress(done, total, step + ": " + what + " (" + pace + ")");
	}

	@Override
	public void info(final String message) {
		to.info(step + ": " + message);
	}

	@Override
	public void warning(final String message) {
		stepWarnings.add(message);
		warnings.add(step + ": " + message);
		to.warning(step + ": " + message);
	}

	@Override
	public boolean isCancelled() {
		return to.isCancelled();
	}

	private static String clock(final long since) {
		return format((System.nanoTime() - since) / 1e9);
	}

	/** 0:07, 12:34, 1:02:03 */
	static String format(final double seconds) {
		final long s = Math.round(seconds);
		return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
				: String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
	}
}
