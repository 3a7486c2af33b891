package io.github.triage.stage.stream;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.cavg.stream.Micrograph;
import io.github.triage.io.CsvTables;
import io.github.triage.slice.TextTable;

/**
 * The imports of a stream: a glob of per-micrograph particle STAR files scanned repeatedly, each file imported
 * once, recorded in {@code imports.csv} in the project ({@code file,particles,imported_at_ms}, rewritten atomically
 * after each scan that imports something). A file still being written is not imported: it must be a readable STAR
 * ending with a complete line, or keep the same size over two scans (then it is tried once more; if it still
 * cannot be read it is skipped with a warning until it changes).
 */
final class ImportLedger {
	static final String FILE = "imports.csv";
	private static final List<String> HEADER = List.of("file", "particles", "imported_at_ms");

	private final Path ledgerFile;
	private final List<Micrograph> entries = new ArrayList<>();
	private final Set<String> known = new HashSet<>();
	/** Size at the previous scan of files not yet importable, and files given up on (at that size). */
	private final Map<String, Long> pending = new HashMap<>(), refused = new HashMap<>();
	/** Tables read at import and not yet taken by a pass-1 chunk: a file is parsed once, not twice. */
	private final Map<String, ParticleTable> read = new HashMap<>();

	ImportLedger(final Path projectDir) throws IOException {
		this.ledgerFile = projectDir.resolve(FILE);
		if (Files.exists(ledgerFile)) {
			final TextTable t = CsvTables.read(ledgerFile);
			final int f = t.column("file"), n = t.column("particles"), at = t.column("imported_at_ms");
			if (f < 0 || n < 0 || at < 0) throw new BadInputException(ledgerFile + ": expected columns " + HEADER);
			for (final TextTable.Row r : t.rows()) {
				final Micrograph m = new Micrograph(r.get(f), Integer.parseInt(r.get(n)), Long.parseLong(r.get(at)));
				entries.add(m);
				known.add(m.name());
			}
		}
	}

	List<Micrograph> entries() {
		return List.copyOf(entries);
	}

	/** Scans the glob; imports the new files that are ready, sorted by name; returns them. */
	List<Micrograph> scan(final String glob, final Path cwd, final long now, final Listener listener) throws IOException {
		final List<Micrograph> added = new ArrayList<>();
		for (final Path p : match(glob, cwd)) {
			final String name = p.toString();
			if (known.contains(name)) continue;
			final long size = Files.size(p);
			if (refused.containsKey(name) && refused.get(name) == size) continue;
			int count = -1;
			String problem = null;
			ParticleTable table = null;
			try {
				table = ready(p);
				count = table == null ? -1 : table.size();
			}
			catch (final BadInputException e) {
				problem = e.getMessage();
			}
			if (count < 0) {
				final Long before = pending.put(name, size);
				if (before == null || before != size) continue; // still growing, or first sight
				pending.remove(name);
				refused.put(name, size);
				listener.warning(name + ": not imported, its size is stable but it cannot be read"
						+ (problem != null ? " (" + problem + ")" : ""));
				continue;
			}
			pending.remove(name);
			final Micrograph m = new Micrograph(name, count, now);
			entries.add(m);
			known.add(name);
			added.add(m);
			read.put(name, table);
		}
		if (!added.isEmpty()) save();
		return added;
	}

	/** The particles of an imported file as read at import (once), or read now (after a restart). */
	ParticleTable take(final String name) {
		final ParticleTable t = read.remove(name);
		return t != null ? t : ParticleTable.read(Path.of(name));
	}

	/** The particles when the file is a readable STAR ending with a complete line, else null. */
	static ParticleTable ready(final Path p) throws IOException {
		final long size = Files.size(p);
		if (size == 0) return null;
		try (var ch = Files.newByteChannel(p)) {
			ch.position(size - 1);
			final java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
			if (ch.read(b) != 1 || b.get(0) != '\n') return null;
		}
		return ParticleTable.read(p);
	}

	private void save() throws IOException {
		final List<List<String>> rows = new ArrayList<>();
		for (final Micrograph m : entries)
			rows.add(List.of(m.name(), Integer.toString(m.particles()), Long.toString(m.importedAt())));
		CsvTables.write(ledgerFile, HEADER, rows);
	}

	/** The regular files matching the glob (relative globs against {@code cwd}), sorted by name. */
	static List<Path> match(final String glob, final Path cwd) throws IOException {
		final Path pattern = cwd.resolve(glob).toAbsolutePath().normalize();
		// walk from the deepest folder without wildcards
		Path base = pattern.getRoot();
		int depth = 0;
		boolean wild = false, deep = false;
		for (final Path seg : pattern) {
			final String s = seg.toString();
			if (!wild && s.matches("[^*?\\[{]*") && base != null) base = base.resolve(s);
			else {
				wild = true;
				depth++;
				if (s.contains("**")) deep = true;
			}
		}
		if (!wild) return Files.isRegularFile(pattern) ? List.of(pattern) : List.of();
		if (base == null || !Files.isDirectory(base)) return List.of();
		final PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
		final List<Path> out = new ArrayList<>();
		try (Stream<Path> s = Files.walk(base, deep ? Integer.MAX_VALUE : depth)) {
			s.filter(p -> Files.isRegularFile(p) && m.matches(p)).forEach(out::add);
		}
		out.sort(null);
		return out;
	}
}
