package io.github.triage.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.github.triage.BadInputException;
import io.github.triage.io.layout.SliceNames;
import io.github.triage.quality.SliceQuality;
import io.github.triage.slice.TextTable;

/**
 * Per-slice quality fragments ({@code slice_zNN_quality_metrics.csv}): one slice's raw metrics, measured against its
 * neighbours by a per-slice run, for a later consolidation into slice_config. Numbers are written with
 * {@link Double#toString} so that reading gives back the very same doubles: consolidation then decides and
 * reports exactly as a whole-folder run does.
 */
public final class QualityFragments {
	public static final String SUFFIX = "_quality_metrics.csv";
	public static final List<String> COLUMNS = List.of("slice_id", "previous_slice", "next_slice", "depth", "height",
			"width", "has_data", "ssim_before", "ssim_after", "ssim", "edge", "variance", "quality_score",
			"pyramid_level", "sample_depth");

	/** A fragment as read: the metrics and how they were measured. */
	public record Fragment(Path file, SliceQuality quality, int pyramidLevel, int sampleDepth) {
	}

	private QualityFragments() {
	}

	/** {@code slice_z05_quality_metrics.csv}. */
	public static String fileName(final String sliceId) {
		return "slice_z" + sliceId + SUFFIX;
	}

	/** The diagnostics beside a fragment: {@code slice_z05_quality_metrics.json}. */
	public static Path diagnosticsOf(final Path fragment) {
		final String n = fragment.getFileName().toString();
		return fragment.resolveSibling(n.substring(0, n.length() - ".csv".length()) + ".json");
	}

	public static void write(final Path file, final SliceQuality q, final int pyramidLevel, final int sampleDepth)
			throws IOException {
		CsvTables.write(file, COLUMNS, List.of(List.of(q.sliceId(), nullToEmpty(q.previousId()),
				nullToEmpty(q.nextId()), Integer.toString(q.depth()), Integer.toString(q.height()),
				Integer.toString(q.width()), Boolean.toString(q.hasData()), Double.toString(q.ssimBefore()),
				Double.toString(q.ssimAfter()), Double.toString(q.ssim()), Double.toString(q.edge()),
				Double.toString(q.variance()), Double.toString(q.qualityScore()), Integer.toString(pyramidLevel),
				Integer.toString(sampleDepth))));
	}

	/** The fragments of a folder ({@code *_quality_metrics.csv}), sorted by slice id; none is an error. */
	public static List<Fragment> list(final Path dir) throws IOException {
		if (!Files.isDirectory(dir)) throw new BadInputException(dir + ": no such folder");
		final TreeMap<Integer, Fragment> byId = new TreeMap<>();
		try (Stream<Path> s = Files.list(dir)) {
			for (final Path p : (Iterable<Path>) s.sorted()::iterator) {
				final String name = p.getFileName().toString();
				if (name.startsWith(".") || !name.endsWith(SUFFIX) || !Files.isRegularFile(p)) continue;
				final Fragment f = read(p);
				final int id = Integer.parseInt(f.quality().sliceId());
				final Fragment prev = byId.put(id, f);
				if (prev != null)
					throw new BadInputException(dir + ": two quality fragments for slice " + f.quality().sliceId() + ": "
							+ prev.file().getFileName() + " and " + name);
			}
		}
		if (byId.isEmpty()) throw new BadInputException(dir + ": no quality fragments (*" + SUFFIX + ") found");
		return new ArrayList<>(byId.values());
	}

	/** One fragment; every error names the file, line and column. */
	public static Fragment read(final Path file) throws IOException {
		final TextTable t = CsvTables.read(file);
		for (final String c : COLUMNS)
			if (t.column(c) < 0) throw t.error(t.headerLine(), null, "column '" + c + "' is missing");
		if (t.rows().size() != 1)
			throw t.error(t.headerLine(), null, "a quality fragment has one row, this one has " + t.rows().size());
		final TextTable.Row r = t.rows().get(0);
		final String id = r.get(t.column("slice_id")).strip();
		final OptionalInt fromName = SliceNames.idOf(file.getFileName().toString());
		final Cells c = new Cells(t, r);
		final String sliceId = c.optionalId("slice_id");
		if (sliceId == null) throw t.error(r.line(), "slice_id", "empty");
		if (fromName.isPresent() && !SliceNames.format(fromName.getAsInt()).equals(sliceId))
			throw t.error(r.line(), "slice_id", "slice " + id + " in a file named for slice "
					+ SliceNames.format(fromName.getAsInt()));
		final SliceQuality q = new SliceQuality(sliceId, c.integer("depth"),
				c.integer("height"), c.integer("width"), c.bool("has_data"), c.optionalId("previous_slice"),
				c.optionalId("next_slice"), c.number("ssim_before"), c.number("ssim_after"), c.number("ssim"),
				c.number("edge"), c.number("variance"), c.number("quality_score"));
		return new Fragment(file, q, c.integer("pyramid_level"), c.integer("sample_depth"));
	}

	/** Typed cells of the one row, with errors naming the line and column. */
	private record Cells(TextTable t, TextTable.Row r) {
		String text(final String col) {
			return r.get(t.column(col)).strip();
		}

		int integer(final String col) {
			try {
				return Integer.parseInt(text(col));
			}
			catch (final NumberFormatException e) {
				throw t.error(r.line(), col, "not a whole number: '" + text(col) + "'");
			}
		}

		double number(final String col) {
			try {
				return Double.parseDouble(text(col));
			}
			catch (final NumberFormatException e) {
				throw t.error(r.line(), col, "not a number: '" + text(col) + "'");
			}
		}

		boolean bool(final String col) {
			final String v = text(col).toLowerCase(Locale.ROOT);
			if (!v.equals("true") && !v.equals("false")) throw t.error(r.line(), col, "not true/false: '" + text(col) + "'");
			return v.equals("true");
		}

		String optionalId(final String col) {
			final String v = text(col);
			if (v.isEmpty()) return null;
			if (!v.matches("\\d{1,9}")) throw t.error(r.line(), col, "not a slice id: '" + v + "'");
			return SliceNames.format(Integer.parseInt(v));
		}
	}

	private static String nullToEmpty(final String s) {
		return s == null ? "" : s;
	}
}
