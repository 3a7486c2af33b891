package io.github.triage.io;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.github.triage.BadInputException;
import io.github.triage.cavg.ClassStats;
import io.github.triage.slice.PlainNumbers;

/**
 * Class tables (population and resolution per class) in the three forms the rejector meets:
 * <ul>
 * <li>CSV {@code class,pop,res} (the reference examples): population a particle count;</li>
 * <li>RELION {@code model.star}: {@code data_model_classes} with {@code _rlnReferenceImage} ({@code n@stack}),
 * {@code _rlnClassDistribution} as a <em>fraction</em> and {@code _rlnEstimatedResolution};</li>
 * <li>SIMPLE's exported STAR: the same columns with {@code _rlnClassDistribution} as a raw particle count.</li>
 * </ul>
 * Fractions (every value in 0..1, some not whole: RELION's soft class distribution, whatever their sum) are not
 * used as populations when the particles are known: the population of a class is then its hard assignments, the
 * particles whose {@code _rlnClassNumber} is that class. Without a particle STAR the fractions are multiplied by
 * the sum of {@code _rlnGroupNrParticles} in {@code data_model_groups}, so the population criterion
 * {@code round(pop) < ceiling(sum(pop) × frac)} keeps its meaning; without either a fraction table is refused.
 * {@link ClassTable#populationSource()} says which reading was used.
 * <p>
 * A resolution of {@code inf} or {@code nan} (RELION writes {@code inf} and {@code -nan} for empty and junk
 * classes) means unresolved: it is read as +∞ and fails the resolution criterion.
 * <p>
 * Strict otherwise: every class 1..n exactly once, non-negative finite populations, non-negative resolutions; a
 * missing column or a non-numeric cell is an error naming the file (and line). A UTF-8 byte-order mark is skipped.
 */
public final class ClassTables {

	/**
	 * The classes (sorted by class number), how their populations were obtained (for logs and reports), and the
	 * classes' existing states when the table has a {@code state} column (index class-1; null when it has none).
	 */
	public record ClassTable(List<ClassStats> classes, String populationSource, int[] priorStates) {
		public ClassTable(final List<ClassStats> classes, final String populationSource) {
			this(classes, populationSource, null);
		}

		public int size() {
			return classes.size();
		}
	}

	private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
	/** RELION's (and C's printf's) spellings of an unresolved resolution: inf, -nan, Infinity, NaN. */
	private static final Pattern UNRESOLVED = Pattern.compile("[+-]?(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);
	private static final Pattern REFERENCE_IMAGE = Pattern.compile("0*(\\d+)@.*");

	private ClassTables() {
	}

	/** Reads a class table without particles: CSV when the name ends in {@code .csv}, else STAR. */
	public static ClassTable read(final Path file) {
		return read(file, null, null);
	}

	/**
	 * Reads a class table: CSV when the name ends in {@code .csv}, else STAR.
	 *
	 * @param particleClasses the class of every particle (the particle STAR's {@code _rlnClassNumber}), or null;
	 *                        a fraction table then takes its populations from these hard assignments
	 * @param particleSource  where the particle classes come from (for {@link ClassTable#populationSource()})
	 */
	public static ClassTable read(final Path file, final int[] particleClasses, final String particleSource) {
		InputFiles.requireFile(file);
		return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? readCsv(file)
				: readStar(file, particleClasses, particleSource);
	}

	/**
	 * CSV {@code class,pop,res} with a header line (column order free, extra columns ignored). An optional
	 * {@code state} column (1 kept, 0 rejected, as in Triage's own class_states.csv) gives the classes' existing
	 * states.
	 */
	public static ClassTable readCsv(final Path file) {
		final List<ClassStats> rows = new ArrayList<>();
		final List<Integer> lines = new ArrayList<>();
		final List<Integer> states = new ArrayList<>();
		try (Reader r = new StringReader(withoutBom(Files.readString(file, StandardCharsets.UTF_8)));
				CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
						.setIgnoreEmptyLines(true).get().parse(r)) {
			final Map<String, Integer> header = p.getHeaderMap();
			for (final String col : new String[] { "class", "pop", "res" })
				if (!header.containsKey(col))
					throw new BadInputException(file + ": missing column '" + col + "' (header: "
							+ String.join(",", p.getHeaderNames()) + "; expected class,pop,res)");
			for (final CSVRecord rec : p) {
				final int line = (int) rec.getRecordNumber() + 1;
				if (!rec.isConsistent())
					throw new BadInputException(file + ":" + line + ": " + rec.size() + " values, the header has "
							+ header.size() + " columns");
				final double cls = number(rec.get("class"), file, line, "class");
				if (header.containsKey("state")) {
					final double st = number(rec.get("state"), file, line, "state");
					if (st != 0 && st != 1)
						throw new BadInputException(file + ":" + line + ": column state: " + rec.get("state")
								+ " is not 0 or 1");
					states.add((int) st);
				}
				rows.add(new ClassStats(classNumber(cls, file, line), number(rec.get("pop"), file, line, "pop"),
						resolution(rec.get("res"), file, line, "res")));
				lines.add(line);
			}
		}
		catch (final IOException | java.io.UncheckedIOException e) {
			throw new BadInputException(file + ": cannot read as CSV (" + e.getMessage() + ")", e);
		}
		final List<ClassStats> sorted = validate(rows, lines, file);
		int[] prior = null;
		if (!states.isEmpty()) {
			prior = new int[rows.size()];
			for (int i = 0; i < rows.size(); i++)
				prior[rows.get(i).classNumber() - 1] = states.get(i);
		}
		return new ClassTable(sorted, "particle counts (CSV pop)", prior);
	}

	/** RELION model.star (fractions) or SIMPLE's exported STAR (counts); see {@link #read(Path, int[], String)}. */
	public static ClassTable readStar(final Path file, final int[] particleClasses, final String particleSource) {
		final StarFile star = StarFile.read(file);
		final StarFile.Block modelClasses = star.block("model_classes");
		StarFile.Loop loop = null;
		if (modelClasses != null)
			for (final StarFile.Loop l : modelClasses.loops())
				if (l.column("_rlnClassDistribution") >= 0) loop = l;
		if (loop == null) loop = star.loopWith("_rlnClassDistribution");
		if (loop == null)
			throw new BadInputException(file + ": no loop with _rlnClassDistribution (expected RELION's "
					+ "data_model_classes or SIMPLE's exported class STAR)");
		final int dist = star.requireColumn(loop, "_rlnClassDistribution");
		final int res = star.requireColumn(loop, "_rlnEstimatedResolution");
		final int ref = loop.column("_rlnReferenceImage"), clsCol = loop.column("_rlnClassNumber");
		final int n = loop.rowCount();
		final double[] d = new double[n];
		double sum = 0;
		boolean fractional = true, anyNonInteger = false;
		for (int r = 0; r < n; r++) {
			d[r] = star.number(loop, r, dist);
			sum += d[r];
			if (d[r] < 0 || d[r] > 1) fractional = false;
			if (d[r] != Math.rint(d[r])) anyNonInteger = true;
		}
		// RELION stores fractions (6 decimals; their sum may be well below 1), SIMPLE raw counts (whole numbers)
		final boolean fractions = n > 0 && fractional && anyNonInteger;
		final String sumText = PlainNumbers.format(Math.round(sum * 1e4) / 1e4);
		double scale = 1;
		String source = "particle counts (_rlnClassDistribution)";
		double[] hard = null;
		if (fractions && particleClasses != null) {
			hard = new double[n];
			for (final int c : particleClasses)
				if (c >= 1 && c <= n) hard[c - 1]++;
			source = "hard assignments (particles per _rlnClassNumber in " + particleSource
					+ "), not the fractions of _rlnClassDistribution (sum " + sumText + ")";
		}
		else if (fractions) {
			final long count = groupParticles(star);
			if (count < 0)
				throw new BadInputException(file + ": _rlnClassDistribution holds fractions (RELION model.star) but the "
						+ "particle count is unknown: give the particle STAR or a model.star with "
						+ "data_model_groups/_rlnGroupNrParticles");
			scale = count;
			source = "fractions of _rlnClassDistribution (sum " + sumText + ") × " + count
					+ " particles (data_model_groups)";
		}
		final List<ClassStats> rows = new ArrayList<>();
		final List<Integer> lines = new ArrayList<>();
		for (int r = 0; r < n; r++) {
			final int line = loop.line(r);
			final int cls;
			if (ref >= 0) {
				final var m = REFERENCE_IMAGE.matcher(loop.value(r, ref));
				if (!m.matches())
					throw new BadInputException(file + ":" + line + ": _rlnReferenceImage '" + loop.value(r, ref)
							+ "' is not of the form n@stack");
				cls = classNumber(Double.parseDouble(m.group(1)), file, line);
			}
			else if (clsCol >= 0) cls = classNumber(star.number(loop, r, clsCol), file, line);
			else cls = r + 1;
			final double population = hard != null && cls >= 1 && cls <= n ? hard[cls - 1] : d[r] * scale;
			rows.add(new ClassStats(cls, population, resolution(loop.value(r, res), file, line,
					loop.columns().get(res))));
			lines.add(line);
		}
		return new ClassTable(validate(rows, lines, file), source);
	}

	/** Sum of _rlnGroupNrParticles in data_model_groups, or -1 when absent. */
	private static long groupParticles(final StarFile star) {
		final StarFile.Block groups = star.block("model_groups");
		if (groups == null) return -1;
		for (final StarFile.Loop l : groups.loops()) {
			final int c = l.column("_rlnGroupNrParticles");
			if (c < 0) continue;
			long sum = 0;
			for (int r = 0; r < l.rowCount(); r++)
				sum += Math.round(star.number(l, r, c));
			return sum;
		}
		return -1;
	}

	/** Classes 1..n exactly once, sorted; sane values. */
	private static List<ClassStats> validate(final List<ClassStats> rows, final List<Integer> lines, final Path file) {
		if (rows.isEmpty()) throw new BadInputException(file + ": the class table has no classes");
		final int n = rows.size();
		final int[] seenAt = new int[n + 1];
		for (int i = 0; i < n; i++) {
			final ClassStats c = rows.get(i);
			final int line = lines.get(i);
			if (c.classNumber() < 1 || c.classNumber() > n)
				throw new BadInputException(file + ":" + line + ": class " + c.classNumber() + " outside 1.." + n
						+ " (classes must be numbered 1 to the number of classes, like the stack's sections)");
			if (seenAt[c.classNumber()] != 0)
				throw new BadInputException(file + ":" + line + ": class " + c.classNumber() + " appears twice (also line "
						+ seenAt[c.classNumber()] + ")");
			seenAt[c.classNumber()] = line;
			if (c.population() < 0)
				throw new BadInputException(file + ":" + line + ": class " + c.classNumber() + " has a negative population "
						+ c.population());
			if (c.resolution() < 0)
				throw new BadInputException(file + ":" + line + ": class " + c.classNumber() + " has a negative resolution "
						+ c.resolution());
		}
		final List<ClassStats> sorted = new ArrayList<>(rows);
		sorted.sort(Comparator.comparingInt(ClassStats::classNumber));
		return List.copyOf(sorted);
	}

	private static double number(final String s, final Path file, final int line, final String col) {
		if (NUMBER.matcher(s).matches()) {
			final double d = Double.parseDouble(s);
			if (Double.isFinite(d)) return d;
		}
		throw new BadInputException(file + ":" + line + ": column " + col + ": '" + s + "' is not a number");
	}

	/** A resolution in Å; {@code inf}/{@code nan} (RELION's unresolved classes) read as +∞. */
	private static double resolution(final String s, final Path file, final int line, final String col) {
		if (UNRESOLVED.matcher(s.trim()).matches()) return Double.POSITIVE_INFINITY;
		return number(s, file, line, col);
	}

	private static String withoutBom(final String s) {
		return s.startsWith("\uFEFF") ? s.substring(1) : s;
	}

	private static int classNumber(final double v, final Path file, final int line) {
		if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE)
			throw new BadInputException(file + ":" + line + ": class number " + v + " is not a whole number");
		return (int) v;
	}

	/** Writes the class table with each class's state (1 kept, 0 rejected): {@code class,pop,res,state}. */
	public static void writeStates(final Path file, final List<ClassStats> classes, final int[] states)
			throws IOException {
		final List<List<String>> rows = new ArrayList<>(classes.size());
		for (int i = 0; i < classes.size(); i++) {
			final ClassStats c = classes.get(i);
			rows.add(List.of(Integer.toString(c.classNumber()), num(c.population()), num(c.resolution()),
					Integer.toString(states[i])));
		}
		CsvTables.write(file, List.of("class", "pop", "res", "state"), rows);
	}

	/** A number as people write it ("140.5", "6"); +∞ (unresolved) as RELION writes it: {@code inf}. */
	static String num(final double v) {
		return v == Double.POSITIVE_INFINITY ? "inf" : PlainNumbers.format(v);
	}
}
