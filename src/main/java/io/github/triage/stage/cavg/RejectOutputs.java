package io.github.triage.stage.cavg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.triage.cavg.ClassDecision;
import io.github.triage.cavg.CleanupOutputs;
import io.github.triage.cavg.ParticleStates;
import io.github.triage.io.AtomicFiles;
import io.github.triage.io.ClassTables;
import io.github.triage.io.ContactSheets;
import io.github.triage.io.CsvTables;
import io.github.triage.io.MrcFiles;
import io.github.triage.io.MrcStack;

/**
 * The cleanup outputs of {@link RejectStage} as files in one folder: {@code <stem>_selected.mrc} and
 * {@code <stem>_rejected.mrc} (mode 2, the kept and rejected class averages in class order), JPEG contact sheets
 * of both when not empty, {@code class_states.csv}, {@code selection.txt}, {@code rejection.csv},
 * {@code particles_states.star} when a particle STAR was given, and finally the {@code REJECTION_FINISHED}
 * sentinel. A failure writes only {@code REJECTION_FAILED}. Every file is written atomically; the sentinel of the
 * other outcome is removed, so the folder never claims both.
 */
public final class RejectOutputs {
	private RejectOutputs() {
	}

	static RejectStage.Result write(final Path dir, final String stem, final RejectStage.Inputs in,
			final List<ClassDecision> decisions) throws IOException {
		final MrcStack stack = in.stack();
		final int[] prior = in.table().priorStates();
		Files.createDirectories(dir);
		// no longer finished while the outputs are being replaced
		Files.deleteIfExists(dir.resolve(CleanupOutputs.FINISHED));
		final CleanupOutputs.States s = CleanupOutputs.states(decisions, prior);
		final List<Path> files = new ArrayList<>();
		final Path sel = dir.resolve(stem + "_selected.mrc"), rej = dir.resolve(stem + "_rejected.mrc");
		MrcFiles.write(sel, stack.subset(s.kept()));
		MrcFiles.write(rej, stack.subset(s.rejected()));
		files.add(sel);
		files.add(rej);
		files.addAll(sheet(dir.resolve(stem + "_selected.jpg"), stack, decisions, s.kept()));
		files.addAll(sheet(dir.resolve(stem + "_rejected.jpg"), stack, decisions, s.rejected()));
		final Path classStates = dir.resolve(CleanupOutputs.CLASS_STATES);
		ClassTables.writeStates(classStates, in.table().classes(), s.states());
		files.add(classStates);
		final Path selection = dir.resolve(CleanupOutputs.SELECTION);
		AtomicFiles.writeString(selection, CleanupOutputs.selection(s.states()));
		files.add(selection);
		final Path csv = dir.resolve(CleanupOutputs.REJECTION_CSV);
		CsvTables.write(csv, CleanupOutputs.CSV_HEADER, CleanupOutputs.rejectionRows(decisions));
		files.add(csv);
		ParticleStates.Result pr = null;
		if (in.particles() != null) {
			pr = in.particles().propagate(s.states());
			final Path pout = dir.resolve(CleanupOutputs.PARTICLES_OUT);
			in.particles().writeWithStates(pout, pr);
			files.add(pout);
		}
		Files.deleteIfExists(dir.resolve(CleanupOutputs.FAILED));
		final Path done = dir.resolve(CleanupOutputs.FINISHED);
		AtomicFiles.writeString(done, CleanupOutputs.keyValues(CleanupOutputs.finishedRecord(s, prior, pr)));
		files.add(done);
		return new RejectStage.Result(decisions, s.states(), pr, List.copyOf(files), stack, in.params(),
				in.table().populationSource());
	}

	/** Writes only {@code REJECTION_FAILED} (see {@link CleanupOutputs#failureRecord}); a stale FINISHED goes. */
	static Path writeFailure(final Path dir, final String message, final Map<String, String> context)
			throws IOException {
		Files.createDirectories(dir);
		Files.deleteIfExists(dir.resolve(CleanupOutputs.FINISHED));
		final Path f = dir.resolve(CleanupOutputs.FAILED);
		AtomicFiles.writeString(f, CleanupOutputs.keyValues(CleanupOutputs.failureRecord(message, context)));
		return f;
	}

	private static List<Path> sheet(final Path file, final MrcStack stack, final List<ClassDecision> decisions,
			final int[] idx) throws IOException {
		if (idx.length == 0) {
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

	/** A contact-sheet tile: class number, and the reason when rejected (also the Fiji montage's tiles). */
	public static ContactSheets.Tile tile(final float[] pixels, final ClassDecision d) {
		return new ContactSheets.Tile(pixels, Integer.toString(d.classNumber()), d.kept() ? null : d.reason());
	}
}
