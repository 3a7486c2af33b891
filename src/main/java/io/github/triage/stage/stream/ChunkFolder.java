package io.github.triage.stage.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.triage.BadInputException;
import io.github.triage.cavg.stream.ChunkFlags;
import io.github.triage.cavg.stream.ChunkId;
import io.github.triage.cavg.stream.Sentinel;
import io.github.triage.io.AtomicFiles;
import io.github.triage.io.StarFile;

/**
 * One chunk folder, {@code PROJECT/chunks/<tier>_<NNN>/}: its input {@code particles.star} (its existence makes the
 * chunk), {@code sources.txt} (what it was made from, one per line, written before the input), the classifier's
 * outputs ({@code run_it<NNN>_classes.mrcs}, {@code _model.star}, {@code _data.star}), the rejection's cleanup
 * outputs and the sentinels.
 */
final class ChunkFolder {
	static final String PARTICLES = "particles.star";
	static final String SOURCES = "sources.txt";
	static final String CLASSES_CSV = "classes.csv";
	/** The {@code {out}} prefix of the classifier inside the folder. */
	static final String OUT = "run";
	/** Every particle with its rejection state (copied to completed/ at match finalisation). */
	static final String PARTICLES_STATES = io.github.triage.cavg.CleanupOutputs.PARTICLES_OUT;
	/** The selected particles with their classes (read only through {@link #selected}). */
	static final String PARTICLES_SELECTED = io.github.triage.cavg.CleanupOutputs.PARTICLES_SELECTED;
	private static final Pattern ITERATION = Pattern.compile(Pattern.quote(OUT) + "_it(\\d{3,})_classes\\.mrcs");

	final ChunkId id;
	final Path dir;

	ChunkFolder(final Path chunksDir, final ChunkId id) {
		this.id = id;
		this.dir = chunksDir.resolve(id.name());
	}

	boolean exists() {
		return Files.isRegularFile(dir.resolve(PARTICLES));
	}

	Path particles() {
		return dir.resolve(PARTICLES);
	}

	Path out() {
		return dir.resolve(OUT);
	}

	/** The sentinel names present. */
	Set<String> sentinels() throws IOException {
		final Set<String> out = new HashSet<>();
		for (final Sentinel s : Sentinel.values())
			if (Files.exists(dir.resolve(s.fileName()))) out.add(s.fileName());
		return out;
	}

	ChunkFlags flags() throws IOException {
		return ChunkFlags.fromSentinels(sentinels());
	}

	boolean has(final Sentinel s) {
		return Files.exists(dir.resolve(s.fileName()));
	}

	/**
	 * Writes a sentinel atomically unless it is present: a sentinel is never rewritten (a restart must not redo
	 * or re-date what it vouches for). Returns whether it wrote.
	 */
	boolean mark(final Sentinel s, final Map<String, String> record) throws IOException {
		final Path f = dir.resolve(s.fileName());
		if (Files.exists(f)) return false;
		final StringBuilder sb = new StringBuilder();
		record.forEach((k, v) -> sb.append(k).append(": ").append(v.replace('\n', ' ')).append('\n'));
		AtomicFiles.writeString(f, sb.toString());
		return true;
	}

	/** REJECTION_FAILED (with the reason) then COMPLETE: the chunk failed for good, the stream goes on. */
	void fail(final String reason) throws IOException {
		if (!has(Sentinel.REJECTION_FAILED) && !has(Sentinel.REJECTION_FINISHED))
			mark(Sentinel.REJECTION_FAILED, Map.of("status", "failed", "reason", reason));
		mark(Sentinel.COMPLETE, Map.of("reason", "failed"));
	}

	/** The key-value record of a sentinel (empty when absent or unreadable). */
	Map<String, String> record(final Sentinel s) {
		final Map<String, String> out = new LinkedHashMap<>();
		try {
			for (final String line : Files.readAllLines(dir.resolve(s.fileName()), StandardCharsets.UTF_8)) {
				final int c = line.indexOf(": ");
				if (c > 0) out.put(line.substring(0, c), line.substring(c + 2));
			}
		}
		catch (final IOException e) {
			// absent: no record
		}
		return out;
	}

	List<String> sources() throws IOException {
		final Path f = dir.resolve(SOURCES);
		if (!Files.exists(f)) return List.of();
		final List<String> out = new ArrayList<>();
		for (final String l : Files.readAllLines(f, StandardCharsets.UTF_8))
			if (!l.isBlank()) out.add(l);
		return out;
	}

	/** Creates the chunk: sources first, the input last (its existence is the chunk's). */
	void create(final List<String> sources, final ParticleTable input) throws IOException {
		Files.createDirectories(dir);
		AtomicFiles.writeString(dir.resolve(SOURCES), String.join("\n", sources) + "\n");
		input.write(particles());
	}

	/** The classifier's outputs by RELION's convention: the highest-numbered iteration, or null when none. */
	record Outputs(int iteration, Path classes, Path model, Path data) {
	}

	Outputs outputs() throws IOException {
		int best = -1;
		if (Files.isDirectory(dir)) try (Stream<Path> s = Files.list(dir)) {
			for (final Path p : (Iterable<Path>) s::iterator) {
				final Matcher m = ITERATION.matcher(p.getFileName().toString());
				if (m.matches()) best = Math.max(best, Integer.parseInt(m.group(1)));
			}
		}
		if (best < 0) return null;
		final String it = String.format(java.util.Locale.ROOT, "%s_it%03d", OUT, best);
		return new Outputs(best, dir.resolve(it + "_classes.mrcs"), dir.resolve(it + "_model.star"),
				dir.resolve(it + "_data.star"));
	}

	/** Removes what an earlier classifier attempt left ({@code run_*}), so the highest iteration is this one's. */
	void clearOutputs() throws IOException {
		if (!Files.isDirectory(dir)) return;
		try (Stream<Path> s = Files.list(dir)) {
			for (final Path p : (Iterable<Path>) s::iterator)
				if (p.getFileName().toString().startsWith(OUT + "_")) Files.deleteIfExists(p);
		}
	}

	/**
	 * The particles the chunk's rejection selected, image name → class number, in file order. The one place that
	 * knows which cleanup output holds them.
	 */
	Map<String, Integer> selected() {
		final Path f = dir.resolve(PARTICLES_SELECTED);
		final StarFile star = StarFile.read(f);
		final Map<String, Integer> out = new LinkedHashMap<>();
		final StarFile.Loop loop = star.loopWith(ParticleTable.IMAGE);
		if (loop == null) return out; // no particle kept: RELION's layout with an empty loop has no columns to find
		final int img = star.requireColumn(loop, ParticleTable.IMAGE);
		final int cls = star.requireColumn(loop, "_rlnClassNumber");
		for (int r = 0; r < loop.rowCount(); r++)
			out.put(loop.value(r, img), (int) star.number(loop, r, cls));
		return out;
	}
}
