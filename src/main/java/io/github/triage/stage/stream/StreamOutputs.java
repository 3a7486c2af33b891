package io.github.triage.stage.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.triage.BadInputException;
import io.github.triage.cavg.Tier;
import io.github.triage.cavg.stream.Chunk;
import io.github.triage.cavg.stream.StreamRules;
import io.github.triage.io.AtomicFiles;
import io.github.triage.io.CsvTables;
import io.github.triage.io.StarFile;
import io.github.triage.slice.TextTable;

/** The project-level files of a stream: status.csv, the combined output, the saved options. */
final class StreamOutputs {
	static final String STATUS = "status.csv";
	static final String COMBINED = "microchunks_match_combined.star";
	static final String COMBINED_CLASSES = "microchunks_match_combined_classes.star";
	static final String COMBINED_STACK = "microchunks_match_combined_classes.mrcs";
	static final String OPTIONS = "microchunk_options.txt";
	static final List<String> STATUS_HEADER = List.of("chunk", "tier", "state", "particles", "selected", "classes",
			"rejected_classes", "sources", "message");

	private StreamOutputs() {
	}

	/** status.csv as read, or bad input naming the project when it has none. */
	static TextTable statusTable(final Path project) throws IOException {
		final Path f = project.resolve(STATUS);
		if (!Files.isRegularFile(f)) throw new BadInputException(project + ": no " + STATUS + " (not a microchunk project, "
				+ "or the stream never ran)");
		return CsvTables.read(f);
	}

	/** status.csv, one row per chunk (tier order, then number), rewritten atomically. */
	static void writeStatus(final Path project, final List<List<String>> rows) throws IOException {
		CsvTables.write(project.resolve(STATUS), STATUS_HEADER, rows);
	}

	/** The status table as CSV text (what {@code triage microchunk status} prints). */
	static String readStatus(final Path project) throws IOException {
		final TextTable t = statusTable(project);
		final List<List<String>> rows = new ArrayList<>();
		for (final TextTable.Row r : t.rows())
			rows.add(r.cells());
		return CsvTables.format(t.header(), rows);
	}

	/**
	 * Saves the options that decide the stream's outputs, or checks them against those saved: a restart with
	 * different ones is an error naming each.
	 */
	static void checkOrSaveOptions(final Path project, final Map<String, String> options) throws IOException {
		final Path f = project.resolve(OPTIONS);
		if (!Files.exists(f)) {
			final StringBuilder sb = new StringBuilder();
			options.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
			AtomicFiles.writeString(f, sb.toString());
			return;
		}
		final Map<String, String> saved = new LinkedHashMap<>();
		for (final String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
			final int c = line.indexOf(": ");
			if (c > 0) saved.put(line.substring(0, c), line.substring(c + 2));
			else if (line.endsWith(":")) saved.put(line.substring(0, line.length() - 1), "");
		}
		final List<String> diff = new ArrayList<>();
		options.forEach((k, v) -> {
			if (!v.equals(saved.getOrDefault(k, v)))
				diff.add(k + " was " + show(saved.get(k)) + ", now " + show(v));
		});
		if (!diff.isEmpty())
			throw new BadInputException(project + ": this project was started with other options (" + String.join("; ", diff)
					+ "); restart with the same options, or use a new project folder");
	}

	private static String show(final String v) {
		return v.isEmpty() ? "(none)" : v;
	}

	/**
	 * The combined output of the complete match chunks, once (no-op when it exists or there is no complete match
	 * chunk): the reference's class stack copied as {@link #COMBINED_STACK}; {@link #COMBINED_CLASSES} with the
	 * reference's classes ({@code _rlnReferenceImage}, {@code _rlnClassDistribution} recomputed from the merged
	 * assignments as a fraction, {@code _rlnEstimatedResolution}); {@link #COMBINED} last: the selected particles
	 * with their class (the reference's numbering), other 2D parameters stripped, optics kept. Returns whether it
	 * wrote.
	 */
	static boolean writeCombined(final Path project, final Path chunksDir, final List<Chunk> chunks) throws IOException {
		final Path combined = project.resolve(COMBINED);
		if (Files.exists(combined)) return false;
		final Chunk ref = StreamRules.reference(chunks);
		final List<Chunk> matches = StreamRules.tier(chunks, Tier.MATCH).stream()
				.filter(c -> c.flags().complete() && !c.flags().failed()).toList();
		if (ref == null || matches.isEmpty()) return false;
		final ChunkFolder rf = new ChunkFolder(chunksDir, ref.id());
		final ChunkFolder.Outputs ro = rf.outputs();
		AtomicFiles.write(project.resolve(COMBINED_STACK), out -> Files.copy(ro.classes(), out));
		final TextTable refClasses = CsvTables.read(rf.dir.resolve(ChunkFolder.CLASSES_CSV));
		final int k = refClasses.rows().size();

		final List<ParticleTable> parts = new ArrayList<>();
		final List<java.util.Set<String>> keep = new ArrayList<>();
		final List<Integer> classes = new ArrayList<>();
		for (final Chunk m : matches) {
			final ChunkFolder mf = new ChunkFolder(chunksDir, m.id());
			final ParticleTable t = ParticleTable.read(mf.particles());
			final Map<String, Integer> sel = mf.selected();
			parts.add(t);
			keep.add(sel.keySet());
			for (int r = 0; r < t.size(); r++) {
				final Integer c = sel.get(t.image(r));
				if (c != null) classes.add(c);
			}
		}
		final ParticleTable merged = ParticleTable.concat(parts, keep)
				.withClasses(classes.stream().mapToInt(Integer::intValue).toArray());
		final long[] pop = new long[k + 1];
		for (final int c : classes)
			if (c >= 1 && c <= k) pop[c]++;
		final StarFile cs = StarFile.create(project.resolve(COMBINED_CLASSES));
		final StarFile.Loop l = StarFile.addLoop(cs.addBlock("model_classes"),
				List.of("_rlnReferenceImage", "_rlnClassDistribution", "_rlnEstimatedResolution"));
		final int resCol = refClasses.column("res");
		for (int c = 1; c <= k; c++)
			l.addRow(new String[] { String.format(Locale.ROOT, "%06d@%s", c, COMBINED_STACK),
					String.format(Locale.ROOT, "%.6f", classes.isEmpty() ? 0.0 : pop[c] / (double) classes.size()),
					refClasses.rows().get(c - 1).get(resCol) }, 0);
		cs.write(project.resolve(COMBINED_CLASSES));
		merged.write(combined);
		return true;
	}
}
