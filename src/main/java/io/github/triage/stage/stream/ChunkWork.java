package io.github.triage.stage.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.triage.BadInputException;
import io.github.triage.cavg.Tier;
import io.github.triage.cavg.stream.ChunkId;
import io.github.triage.io.CsvTables;
import io.github.triage.io.MrcFiles;
import io.github.triage.io.StarFile;

/** What the stream does to one chunk's files: its input, the check of the classifier's outputs, its class table. */
final class ChunkWork {
	/** A class RELION gives no resolution ({@code inf}, {@code nan}) gets this (Å): rejected by the 40 Å criterion. */
	static final double NO_RESOLUTION_A = 999;

	private ChunkWork() {
	}

	/**
	 * The input of a new chunk: the imported micrographs' particles (pass-1, image paths made absolute) or the
	 * selected particles of its source chunks, in source order.
	 */
	static ParticleTable input(final ChunkId id, final List<String> sources, final Path chunksDir, final Path cwd,
			final java.util.function.Function<String, ParticleTable> imported) {
		final List<ParticleTable> parts = new ArrayList<>();
		final List<Set<String>> keep = new ArrayList<>();
		for (final String s : sources) {
			if (id.tier() == Tier.P1) {
				final Path p = Path.of(s);
				parts.add(imported.apply(s).absoluteImages(cwd, p.toAbsolutePath().getParent()));
				continue;
			}
			final ChunkFolder src = new ChunkFolder(chunksDir, ChunkId.parse(s));
			parts.add(ParticleTable.read(src.particles()));
			keep.add(src.selected().keySet());
		}
		return ParticleTable.concat(parts, id.tier() == Tier.P1 ? null : keep);
	}

	/** Null when the classifier's outputs are complete for {@code particles} input rows, else what is wrong. */
	static String checkOutputs(final ChunkFolder f, final int particles) throws IOException {
		final ChunkFolder.Outputs o = f.outputs();
		if (o == null) return "the classifier wrote no " + ChunkFolder.OUT + "_it<NNN>_classes.mrcs";
		for (final Path p : List.of(o.classes(), o.model(), o.data()))
			if (!Files.isRegularFile(p)) return "the classifier wrote no " + p.getFileName();
		try {
			MrcFiles.read(o.classes());
			StarFile.read(o.model());
			final int n = ParticleTable.read(o.data()).size();
			if (n != particles) return o.data().getFileName() + " has " + n + " particles, the input " + particles;
		}
		catch (final BadInputException e) {
			return "incomplete classifier output: " + e.getMessage();
		}
		return null;
	}

	/**
	 * The class table the rejector reads, {@code classes.csv} (class,pop,res): one row per class of the model
	 * ({@code data_model_classes}), populations counted from the classifier's particle assignments, resolutions
	 * from the model ({@link #NO_RESOLUTION_A} where RELION writes inf or nan).
	 */
	static Path writeClassTable(final ChunkFolder f) throws IOException {
		final ChunkFolder.Outputs o = f.outputs();
		final StarFile model = StarFile.read(o.model());
		final StarFile.Block b = model.block("model_classes");
		final StarFile.Loop loop = b != null && !b.loops().isEmpty() ? b.loops().get(0) : model.loopWith("_rlnEstimatedResolution");
		if (loop == null) throw new BadInputException(o.model() + ": no data_model_classes");
		final int res = model.requireColumn(loop, "_rlnEstimatedResolution");
		final int k = loop.rowCount();
		final StarFile data = StarFile.read(o.data());
		final StarFile.Loop pl = data.loopWith("_rlnClassNumber");
		if (pl == null) throw new BadInputException(o.data() + ": no _rlnClassNumber");
		final int cc = pl.column("_rlnClassNumber");
		final long[] pop = new long[k + 1];
		for (int r = 0; r < pl.rowCount(); r++) {
			final int c = (int) data.number(pl, r, cc);
			if (c >= 1 && c <= k) pop[c]++;
		}
		final List<List<String>> rows = new ArrayList<>();
		for (int c = 1; c <= k; c++) {
			double v;
			try {
				v = Double.parseDouble(loop.value(c - 1, res));
			}
			catch (final NumberFormatException e) {
				v = Double.NaN;
			}
			if (!Double.isFinite(v) || v < 0) v = NO_RESOLUTION_A;
			rows.add(List.of(Integer.toString(c), Long.toString(pop[c]), String.format(Locale.ROOT, "%s", v)));
		}
		final Path out = f.dir.resolve(ChunkFolder.CLASSES_CSV);
		CsvTables.write(out, List.of("class", "pop", "res"), rows);
		return out;
	}

	/** The class count and rejected classes of a finished rejection, from its record (empty when unknown). */
	static String[] classCounts(final Map<String, String> finishedRecord) {
		return new String[] { finishedRecord.getOrDefault("classes", ""), finishedRecord.getOrDefault("rejected", "") };
	}
}
