package io.github.triage.stage.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.triage.BadInputException;
import io.github.triage.io.StarFile;

/**
 * The particles of a chunk in RELION 3.1 layout: the {@code data_optics} rows (kept, merged by optics group) and the
 * particle rows with their columns. A particle is known by its {@code _rlnImageName}; a chunk of the next tier
 * takes its sources' rows whose images their rejection selected, so every tier carries the imported columns and
 * nothing a classifier added.
 */
final class ParticleTable {
	static final String IMAGE = "_rlnImageName";
	static final String OPTICS_GROUP = "_rlnOpticsGroup";
	/** 2D clustering parameters: stripped from the combined output, which carries only the reference's class. */
	static final Set<String> CLUSTERING = Set.of("_rlnclassnumber", "_rlnanglepsi", "_rlnoriginxangst",
			"_rlnoriginyangst", "_rlnoriginx", "_rlnoriginy", "_rlnloglikelicontribution",
			"_rlnmaxvalueprobdistribution", "_rlnnrofsignificantsamples", "_rlnnormcorrection", "_rlnselected",
			"_rlnanglerot", "_rlnangletilt");

	final List<String> opticsColumns;
	final List<String[]> optics;
	final List<String> columns;
	final List<String[]> rows;

	ParticleTable(final List<String> opticsColumns, final List<String[]> optics, final List<String> columns,
			final List<String[]> rows) {
		this.opticsColumns = opticsColumns;
		this.optics = optics;
		this.columns = columns;
		this.rows = rows;
	}

	int size() {
		return rows.size();
	}

	int column(final String name) {
		for (int i = 0; i < columns.size(); i++)
			if (columns.get(i).equalsIgnoreCase(name)) return i;
		return -1;
	}

	String image(final int row) {
		return rows.get(row)[column(IMAGE)];
	}

	/** Reads a particle STAR: the loop with {@code _rlnImageName}, and {@code data_optics} when there is one. */
	static ParticleTable read(final Path file) {
		final StarFile star = StarFile.read(file);
		final StarFile.Loop loop = star.loopWith(IMAGE);
		if (loop == null) throw new BadInputException(file + ": no particle loop (no column " + IMAGE + ")");
		final List<String[]> rows = new ArrayList<>(loop.rowCount());
		final int n = loop.columns().size();
		for (int r = 0; r < loop.rowCount(); r++) {
			final String[] row = new String[n];
			for (int c = 0; c < n; c++)
				row[c] = loop.value(r, c);
			rows.add(row);
		}
		final StarFile.Block ob = star.block("optics");
		List<String> oc = List.of();
		final List<String[]> orows = new ArrayList<>();
		if (ob != null && !ob.loops().isEmpty()) {
			final StarFile.Loop ol = ob.loops().get(0);
			oc = ol.columns();
			for (int r = 0; r < ol.rowCount(); r++) {
				final String[] row = new String[oc.size()];
				for (int c = 0; c < oc.size(); c++)
					row[c] = ol.value(r, c);
				orows.add(row);
			}
		}
		return new ParticleTable(List.copyOf(oc), orows, List.copyOf(loop.columns()), rows);
	}

	/**
	 * The rows of several tables, in order, keeping a row only when {@code keep} says so. Columns and optics of the
	 * first table; a column another table lacks is filled with 0; optics groups merged by number (first wins).
	 */
	static ParticleTable concat(final List<ParticleTable> parts, final List<Set<String>> keep) {
		if (parts.isEmpty()) throw new IllegalArgumentException("nothing to merge");
		final ParticleTable first = parts.get(0);
		final List<String[]> rows = new ArrayList<>();
		final Map<String, String[]> optics = new LinkedHashMap<>();
		for (int p = 0; p < parts.size(); p++) {
			final ParticleTable t = parts.get(p);
			final int[] map = new int[first.columns.size()];
			for (int c = 0; c < map.length; c++)
				map[c] = t == first ? c : t.column(first.columns.get(c));
			final int img = t.column(IMAGE);
			final Set<String> k = keep == null ? null : keep.get(p);
			for (final String[] row : t.rows) {
				if (k != null && !k.contains(row[img])) continue;
				final String[] out = new String[map.length];
				for (int c = 0; c < map.length; c++)
					out[c] = map[c] >= 0 ? row[map[c]] : "0";
				rows.add(out);
			}
			final int g = t.opticsColumns.indexOf(OPTICS_GROUP);
			for (final String[] o : t.optics)
				if (t.opticsColumns.equals(first.opticsColumns)) optics.putIfAbsent(g >= 0 ? o[g] : "", o);
		}
		return new ParticleTable(first.opticsColumns, new ArrayList<>(optics.values()), first.columns, rows);
	}

	/**
	 * Relative image paths ({@code 000001@Movies/a.mrcs}) made absolute, so the chunk works from any folder:
	 * against {@code projectDir} (RELION's convention) when the stack is there, else against the STAR's folder.
	 */
	ParticleTable absoluteImages(final Path projectDir, final Path starDir) {
		final int img = column(IMAGE);
		final Map<String, String> cache = new HashMap<>();
		for (final String[] row : rows) {
			final String v = row[img];
			final int at = v.indexOf('@');
			final String stack = at >= 0 ? v.substring(at + 1) : v;
			final String abs = cache.computeIfAbsent(stack, s -> {
				final Path p = Path.of(s);
				if (p.isAbsolute()) return s;
				final Path inProject = projectDir.resolve(p).normalize();
				return (Files.exists(inProject) ? inProject : starDir.resolve(p).toAbsolutePath().normalize()).toString();
			});
			row[img] = at >= 0 ? v.substring(0, at + 1) + abs : abs;
		}
		return this;
	}

	/** Without the 2D clustering columns, plus {@code _rlnClassNumber} from {@code classes} (one per row). */
	ParticleTable withClasses(final int[] classes) {
		final List<Integer> keep = new ArrayList<>();
		final List<String> cols = new ArrayList<>();
		for (int c = 0; c < columns.size(); c++)
			if (!CLUSTERING.contains(columns.get(c).toLowerCase(java.util.Locale.ROOT))) {
				keep.add(c);
				cols.add(columns.get(c));
			}
		cols.add("_rlnClassNumber");
		final List<String[]> out = new ArrayList<>(rows.size());
		for (int r = 0; r < rows.size(); r++) {
			final String[] row = new String[cols.size()];
			for (int i = 0; i < keep.size(); i++)
				row[i] = rows.get(r)[keep.get(i)];
			row[keep.size()] = Integer.toString(classes[r]);
			out.add(row);
		}
		return new ParticleTable(opticsColumns, optics, cols, out);
	}

	/** RELION 3.1 layout: {@code data_optics} (when known) and {@code data_particles}; atomic. */
	void write(final Path file) throws IOException {
		final StarFile star = StarFile.create(file);
		if (!opticsColumns.isEmpty()) {
			final StarFile.Loop ol = StarFile.addLoop(star.addBlock("optics"), opticsColumns);
			for (final String[] o : optics)
				ol.addRow(o.clone(), 0);
		}
		final StarFile.Loop l = StarFile.addLoop(star.addBlock("particles"), columns);
		for (final String[] r : rows)
			l.addRow(r, 0);
		star.write(file);
	}
}
