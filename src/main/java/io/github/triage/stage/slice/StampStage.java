package io.github.triage.stage.slice;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.triage.Listener;
import io.github.triage.io.FileStamp;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.ops.ImageOps;
import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;

/**
 * Sets columns of some slices of a slice_config.csv, other columns untouched (an unknown slice gets a new row with
 * use=false, as the reference). The output may be the input: the stamps are checked and applied in memory, then the
 * file is replaced atomically.
 */
public final class StampStage implements Stage<StampStage.Options, StampStage.Result> {

	/**
	 * @param input       slice_config.csv to read
	 * @param output      slice_config.csv to write (may be {@code input})
	 * @param stamps      slice id → column → value ({@link SliceConfig#stampMany})
	 * @param appendNotes join a new note to the old one with "; " instead of replacing it
	 * @param newColumns  new columns asked for on purpose: a new column one edit away from an existing one is
	 *                    otherwise refused as a typo
	 * @param manualDate  when a person made the change (ISO date): every slice whose {@code use} is stamped gets
	 *                    the note {@code use=false by hand on <date>} appended; null ({@link #NOT_MANUAL}) for none
	 */
	public record Options(Path input, Path output, Map<String, ? extends Map<String, ?>> stamps, boolean appendNotes,
			Set<String> newColumns, String manualDate) {
		public static final boolean APPEND_NOTES = false;
		public static final String NOT_MANUAL = null;

		public Options {
			stamps = stamps == null ? Map.of() : stamps;
			newColumns = newColumns == null ? Set.of() : Set.copyOf(newColumns);
		}

		public Options(final Path input, final Path output, final Map<String, ? extends Map<String, ?>> stamps,
				final boolean appendNotes) {
			this(input, output, stamps, appendNotes, Set.of(), NOT_MANUAL);
		}

		/** A change made by hand on {@code date} (ISO; null: today). */
		public Options manual(final String date) {
			return new Options(input, output, stamps, appendNotes, newColumns,
					date != null ? date : java.time.LocalDate.now().toString());
		}

		/** The same columns for every slice of {@code ids}. */
		public static Options sameForAll(final Path input, final Path output, final List<String> ids,
				final Map<String, ?> values, final boolean appendNotes) {
			final Map<String, Map<String, ?>> stamps = new java.util.LinkedHashMap<>();
			for (final String id : ids) stamps.put(id, values);
			return new Options(input, output, stamps, appendNotes);
		}

		/** The same, allowing {@code columns} as new columns. */
		public Options withNewColumns(final Set<String> columns) {
			return new Options(input, output, stamps, appendNotes, columns, manualDate);
		}
	}

	/** @param stamped the slices stamped (normalised ids), {@code config} the config written to {@code output} */
	public record Result(List<String> stamped, SliceConfig config, Path output) {
	}

	/** The note that says a person set {@code use}, and when. */
	public static String manualNote(final boolean use, final String date) {
		return SliceColumns.USE + "=" + use + " by hand on " + date;
	}

	/** Appends the manual note to every slice whose use was stamped (after the stamps were checked and applied). */
	private static void markManual(final SliceConfig config, final Options o) {
		final Map<String, Map<String, ?>> notes = new java.util.LinkedHashMap<>();
		o.stamps().forEach((id, cells) -> {
			if (!cells.containsKey(SliceColumns.USE)) return;
			final Boolean use = config.getBoolean(SliceConfig.normalizeId(id), SliceColumns.USE);
			notes.put(id, Map.of(SliceColumns.NOTES, manualNote(Boolean.TRUE.equals(use), o.manualDate())));
		});
		if (!notes.isEmpty()) config.stampMany(notes, true);
	}

	@Override
	public Result run(final Options o, final ImageOps ops, final Listener listener) throws IOException {
		final Problems problems = new Problems();
		// taken before reading: a writer that changed the output meanwhile makes this run fail, not vanish
		final FileStamp before = o.output() == null ? null : FileStamp.ofOrNull(o.output());
		final SliceConfig config = Inputs.config(problems, o.input());
		problems.requireOutputFile(o.output(), "output slice_config");
		problems.check(!o.stamps().isEmpty(), "no slices to stamp");
		if (config != null) {
			for (final String column : columnsOf(o.stamps())) {
				if (config.columns().contains(column) || o.newColumns().contains(column)) continue;
				final String near = nearest(column, config.columns());
				if (near != null) problems.add(o.input() + ": no column '" + column + "'; did you mean '" + near
						+ "'? (a new column this close to an existing one must be asked for as a new column)");
			}
			try {
				config.stampMany(o.stamps(), o.appendNotes()); // all checked before any is applied
				if (o.manualDate() != null) markManual(config, o);
			}
			catch (final IllegalArgumentException e) {
				problems.add(o.input() + ": " + e.getMessage());
			}
		}
		problems.throwIfAny();
		// In place: the file is replaced atomically, so a reader sees the old or the new config, never half of one.
		SliceConfigFiles.replace(config, o.output(), before);
		return new Result(o.stamps().keySet().stream().map(SliceConfig::normalizeId).toList(), config, o.output());
	}

	private static Set<String> columnsOf(final Map<String, ? extends Map<String, ?>> stamps) {
		final Set<String> out = new LinkedHashSet<>();
		for (final Map<String, ?> m : stamps.values()) out.addAll(m.keySet());
		return out;
	}

	/** The canonical or existing column {@code name} is one edit (or only case and separators) away from, or null. */
	static String nearest(final String name, final List<String> columns) {
		final String n = name.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		final Set<String> all = new LinkedHashSet<>(SliceColumns.CANONICAL);
		all.addAll(columns);
		for (final String c : all)
			if (!c.equals(name) && (c.equals(n) || oneEdit(n, c.toLowerCase(Locale.ROOT)))) return c;
		return null;
	}

	/** One insertion, deletion, substitution or swap of neighbours turns {@code a} into {@code b}. */
	private static boolean oneEdit(final String a, final String b) {
		if (Math.abs(a.length() - b.length()) > 1 || a.equals(b)) return a.equals(b);
		int i = 0;
		while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) i++;
		if (a.length() == b.length())
			return a.substring(i + 1).equals(b.substring(i + 1)) || i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1)
					&& a.charAt(i + 1) == b.charAt(i) && a.substring(i + 2).equals(b.substring(i + 2));
		return a.length() < b.length() ? a.substring(i).equals(b.substring(i + 1))
				: a.substring(i + 1).equals(b.substring(i));
	}
}
