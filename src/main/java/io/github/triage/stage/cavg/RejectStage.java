package io.github.triage.stage.cavg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.cavg.ClassAverageRejector;
import io.github.triage.cavg.ClassDecision;
import io.github.triage.cavg.ManualDecision;
import io.github.triage.cavg.ParticleStates;
import io.github.triage.cavg.RejectionParams;
import io.github.triage.cavg.Tier;
import io.github.triage.io.ClassTables;
import io.github.triage.io.MrcFiles;
import io.github.triage.io.MrcStack;
import io.github.triage.io.ParticleStars;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.Workers;
import io.github.triage.slice.PlainNumbers;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;

/**
 * {@code cavg reject}, the work of SIMPLE's reject_cavgs for one chunk: read the class averages, the class table
 * and optionally the particles, check that they fit together, run {@link ClassAverageRejector}, write the cleanup
 * outputs ({@link RejectOutputs}) with the {@code REJECTION_FINISHED} sentinel last. Any bad input (unreadable
 * file, empty stack, class count mismatch, NaN pixels, no pixel size, …) writes only the failure record
 * {@code REJECTION_FAILED} into the output folder and is rethrown, so a pipeline always finds one of the two.
 * Manual decisions recorded in the output folder's {@code rejection.csv} ({@link OverrideStage}) are kept, and
 * said so.
 */
public final class RejectStage implements Stage<RejectStage.Options, RejectStage.Result> {

	/** Start of the message when neither the options nor the stack give a pixel size (faces add their hint). */
	public static final String NO_PIXEL_SIZE = "no pixel size";
	/** Largest pixel magnitude scored: squares summed over a box stay far below float's 3.4e38. */
	static final double MAX_PIXEL = 1e15;

	/**
	 * The class averages: an MRC/MRCS file, or a stack already in memory (the open image in Fiji).
	 *
	 * @param file  the stack file, or null
	 * @param image the stack in memory, or null (exactly one of the two)
	 * @param title the image's title (names it in messages; its stem names the outputs); ignored for a file
	 */
	public record StackInput(Path file, MrcStack image, String title) {
		public StackInput {
			if ((file == null) == (image == null)) throw new IllegalArgumentException("give a stack file or an image");
		}

		public static StackInput file(final Path file) {
			return new StackInput(file, null, null);
		}

		public static StackInput image(final MrcStack image, final String title) {
			return new StackInput(null, image, title);
		}

		/** The stack in messages: its path, or {@code image 'title'}. */
		public String name() {
			return file != null ? file.toString() : "image '" + title + "'";
		}

		/** Name stem of the output stacks and sheets: the file name or title without its extension. */
		public String stem() {
			final String n = file != null ? file.getFileName().toString() : title;
			final int dot = n.lastIndexOf('.');
			return dot > 0 ? n.substring(0, dot) : n;
		}
	}

	/**
	 * What the user chose.
	 *
	 * @param stack      the class averages
	 * @param classes    class table: CSV {@code class,pop,res[,state]}, RELION model.star or SIMPLE's STAR
	 * @param particles  particle STAR whose states follow the classes', or null
	 * @param output     output folder (created)
	 * @param tier       thresholds of the pass
	 * @param mskdiamA   mask diameter (Å)
	 * @param pixelSizeA pixel size (Å/px); {@link #PIXEL_SIZE_FROM_STACK} to take it from the stack
	 * @param compat     reproduce SIMPLE 0effd5fc exactly (see {@link RejectionParams#compatSimple()})
	 * @param threads    worker threads (classes); the decisions are the same with any number
	 */
	public record Options(StackInput stack, Path classes, Path particles, Path output, Tier tier, double mskdiamA,
			double pixelSizeA, boolean compat, int threads) {
		/** The tier a form starts with (the CLI requires one). */
		public static final Tier TIER = Tier.P1;
		/** Take the pixel size from the MRC header or the image calibration. */
		public static final double PIXEL_SIZE_FROM_STACK = Double.NaN;
		public static final boolean COMPAT = false;
		/** Worker threads: the machine's cores. */
		public static final int THREADS = Workers.defaultThreads();

		public Options(final StackInput stack, final Path classes, final Path particles, final Path output,
				final Tier tier, final double mskdiamA, final double pixelSizeA, final boolean compat) {
			this(stack, classes, particles, output, tier, mskdiamA, pixelSizeA, compat, THREADS);
		}

		public Options withThreads(final int t) {
			return new Options(stack, classes, particles, output, tier, mskdiamA, pixelSizeA, compat, t);
		}

		/** The required inputs; no particles, pixel size from the stack, default mode. */
		public static Options of(final StackInput stack, final Path classes, final double mskdiamA, final Tier tier,
				final Path output) {
			return new Options(stack, classes, null, output, tier, mskdiamA, PIXEL_SIZE_FROM_STACK, COMPAT);
		}

		public Options withParticles(final Path p) {
			return new Options(stack, classes, p, output, tier, mskdiamA, pixelSizeA, compat, threads);
		}

		public Options withPixelSize(final double a) {
			return new Options(stack, classes, particles, output, tier, mskdiamA, a, compat, threads);
		}

		public Options withCompat(final boolean c) {
			return new Options(stack, classes, particles, output, tier, mskdiamA, pixelSizeA, c, threads);
		}
	}

	/**
	 * What was decided and written.
	 *
	 * @param decisions        the rejector's verdict per class (rejection.csv)
	 * @param states           the final states (AND-ed with the table's existing states): 1 kept, 0 rejected
	 * @param particles        the particles' new states, or null without a particle STAR
	 * @param files            the files written, the sentinel last
	 * @param stack            the class averages, with the pixel size used
	 * @param params           the thresholds used
	 * @param populationSource how the populations were read (counts, hard assignments, or fractions × particles)
	 * @param selectedStack    {@code <stem>_selected.mrcs}, or null when no class was kept (no stack written)
	 * @param rejectedStack    {@code <stem>_rejected.mrcs}, or null when no class was rejected
	 */
	public record Result(List<ClassDecision> decisions, int[] states, ParticleStates.Result particles, List<Path> files,
			MrcStack stack, RejectionParams params, String populationSource, Path selectedStack, Path rejectedStack) {
		public int kept() {
			int k = 0;
			for (final int s : states)
				k += s;
			return k;
		}

		public int rejected() {
			return states.length - kept();
		}

		/** The pixel size the decisions used (Å/px). */
		public double pixelSizeA() {
			return params.smpd();
		}
	}

	/** The inputs, read and checked; {@code stack} carries the pixel size used, {@code headerPixelSize} its own. */
	record Inputs(MrcStack stack, double headerPixelSize, ClassTables.ClassTable table, ParticleStars particles,
			RejectionParams params) {
	}

	@Override
	public Result run(final Options options, final ImageOps ops, final Listener listener) throws IOException {
		final Listener log = Listener.orNone(listener);
		final Path out = options.output();
		if (out == null) throw new BadInputException("no output folder given");
		if (Files.exists(out) && !Files.isDirectory(out))
			throw new BadInputException(out + ": the output folder is a file");
		final Set<Path> inputs = inputs(options);
		try {
			final Inputs in = validate(options);
			log.info(String.format(Locale.ROOT,
					"%s: %d class averages of %d px at %s Å/px, mask %s Å, tier %s%s; populations: %s",
					options.stack().name(), in.stack().size(), in.stack().width(), num(in.params().smpd()),
					num(options.mskdiamA()), options.tier().name().toLowerCase(Locale.ROOT),
					options.compat() ? ", compat simple" : "", in.table().populationSource()));
			final double header = in.headerPixelSize(), smpd = in.params().smpd();
			if (Double.isFinite(header) && Math.abs(header - smpd) > 1e-4 * smpd)
				log.info(options.stack().name() + ": header pixel size " + num(header)
						+ " Å/px overridden by the given pixel size " + num(smpd) + " Å/px");
			final List<ClassDecision> decisions = new ClassAverageRejector(ops, in.params())
					.reject(in.stack().sections(), in.stack().width(), in.table().classes(), log, options.threads());
			warnIfAllRejected(decisions, log);
			final Map<Integer, ManualDecision> manual = ManualDecisions.kept(out, decisions, log);
			return RejectOutputs.write(out, options.stack().stem(), in, decisions, manual, inputs, log,
					options.threads());
		}
		catch (final BadInputException e) {
			RejectOutputs.writeFailure(out, e.getMessage(), context(options), inputs);
			throw e;
		}
		catch (final UncheckedIOException e) {
			RejectOutputs.writeFailure(out, e.getCause().getMessage(), context(options), inputs);
			throw e.getCause();
		}
		catch (final IOException | RuntimeException | OutOfMemoryError e) {
			// whatever went wrong, a pipeline finds the failure record, not a stale or missing sentinel
			RejectOutputs.writeFailure(out, String.valueOf(e.getMessage()), context(options), inputs);
			throw e;
		}
	}

	/** A rejection that keeps nothing is legal but nearly always a wrong parameter: say so loudly. */
	private static void warnIfAllRejected(final List<ClassDecision> decisions, final Listener log) {
		for (final ClassDecision d : decisions)
			if (d.kept()) return;
		log.warning("every class was rejected (" + decisions.size() + " of " + decisions.size() + "): no selected "
				+ "stack and no selected particles; check the mask diameter, the pixel size and the tier");
	}

	/** Numbers in messages as people write them (2.2, not 2.200000047). */
	private static String num(final double v) {
		return PlainNumbers.format(v);
	}

	/** The input files (never removed as stale outputs, even inside the output folder). */
	private static Set<Path> inputs(final Options o) {
		final Set<Path> s = new HashSet<>();
		if (o.stack() != null && o.stack().file() != null) s.add(o.stack().file());
		if (o.classes() != null) s.add(o.classes());
		if (o.particles() != null) s.add(o.particles());
		return s;
	}

	/** True when {@code e} says that no pixel size is known (a face may add how to give one). */
	public static boolean needsPixelSize(final BadInputException e) {
		return e.getMessage() != null && e.getMessage().contains(NO_PIXEL_SIZE);
	}

	/** Reads and checks every input; all problems at once. */
	Inputs validate(final Options o) {
		final Problems p = new Problems();
		p.check(o.stack() != null, "no class averages given");
		p.check(o.classes() != null, "no class table given");
		p.check(o.tier() != null, "no tier given (p1, p2, ref or match)");
		p.check(o.mskdiamA() > 0 && Double.isFinite(o.mskdiamA()),
				"the mask diameter must be a positive number of Å, got " + o.mskdiamA());
		p.check(Double.isNaN(o.pixelSizeA()) || o.pixelSizeA() > 0 && Double.isFinite(o.pixelSizeA()),
				"the pixel size must be positive, got " + o.pixelSizeA());
		final MrcStack[] stack = { null };
		final ParticleStars[] particles = { null };
		final ClassTables.ClassTable[] table = { null };
		if (o.stack() != null)
			p.attempt(() -> stack[0] = o.stack().file() != null ? MrcFiles.read(o.stack().file()) : o.stack().image());
		if (o.particles() != null) p.attempt(() -> particles[0] = ParticleStars.read(o.particles()));
		if (o.classes() != null)
			p.attempt(() -> table[0] = particles[0] != null
					? ClassTables.read(o.classes(), particles[0].classNumbers(), o.particles().getFileName().toString())
					: ClassTables.read(o.classes()));
		final String source = o.stack() != null ? o.stack().name() : "";
		if (stack[0] != null) p.attempt(() -> requireScorable(stack[0], source));
		if (stack[0] != null && table[0] != null) p.attempt(() -> requireFit(stack[0], table[0], source));
		if (table[0] != null && particles[0] != null)
			p.attempt(() -> particles[0].requireClassesWithin(table[0].size()));
		final double smpd = stack[0] == null ? Double.NaN : pixelSize(stack[0], source, o.pixelSizeA(), p);
		if (stack[0] != null && Double.isFinite(smpd) && o.mskdiamA() > smpd * stack[0].width()) {
			// the mask criterion counts pixels outside the mask disc: a disc wider than the image has no outside,
			// so it could reject nothing; the usual cause is a wrong pixel size or a diameter given in pixels
			p.add(source + ": the mask diameter " + num(o.mskdiamA()) + " Å is larger than the box ("
					+ stack[0].width() + " px × " + num(smpd) + " Å/px = " + num(stack[0].width() * smpd)
					+ " Å): is the pixel size right, and the diameter in Å?");
		}
		p.throwIfAny();
		final RejectionParams params;
		try {
			params = RejectionParams.of(o.tier(), o.mskdiamA(), smpd).withCompatSimple(o.compat());
		}
		catch (final IllegalArgumentException e) {
			throw new BadInputException(e.getMessage(), e);
		}
		// the outputs carry the pixel size the decisions used
		final MrcStack s = stack[0];
		return new Inputs(new MrcStack(s.sections(), s.width(), s.height(), smpd), s.pixelSize(), table[0],
				particles[0], params);
	}

	private static void requireFit(final MrcStack stack, final ClassTables.ClassTable table, final String source) {
		if (stack.size() == 0)
			throw new BadInputException(source + ": the class-average stack is empty (0 class averages; the class "
					+ "table has " + table.size() + " classes)");
		if (stack.size() != table.size())
			throw new BadInputException(source + ": " + stack.size() + " class averages, but the class table has "
					+ table.size() + " classes");
		if (stack.width() != stack.height())
			throw new BadInputException(source + ": class averages must be square, got " + stack.width() + " × "
					+ stack.height());
	}

	/**
	 * Pixels so large that the scoring's sums overflow (3e38 is a float's limit: a byte-swapped or corrupt file,
	 * not a class average) would reject every class silently.
	 */
	private static void requireScorable(final MrcStack stack, final String source) {
		for (int k = 0; k < stack.size(); k++) {
			final float[] px = stack.sections()[k];
			final int i = firstAbove(px, MAX_PIXEL);
			if (i >= 0)
				throw new BadInputException(source + ": section " + (k + 1) + ", pixel (" + i % stack.width() + ", "
						+ i / stack.width() + ") is " + px[i] + ": class averages hold values within ±1e15 (is "
						+ "the file corrupt or its byte order wrong?)");
		}
	}

	/** The first pixel whose magnitude exceeds {@code max}, or -1 (a small method per section: compiled early). */
	private static int firstAbove(final float[] px, final double max) {
		for (int i = 0; i < px.length; i++)
			if (px[i] > max || px[i] < -max) return i; // |v| > max (NaN passes, as with Math.abs)
		return -1;
	}

	/** The pixel size to use: the one given, else the stack's (MRC header or image calibration). */
	private static double pixelSize(final MrcStack stack, final String source, final double given, final Problems p) {
		if (Double.isFinite(given)) return given;
		final double header = stack.pixelSize();
		if (!Double.isFinite(header) || !(header > 0)) {
			p.add(source + ": " + NO_PIXEL_SIZE + " (MRC header cella/mx, or an image calibrated in a length unit): give "
					+ "it explicitly");
			return Double.NaN;
		}
		return header;
	}

	/** The inputs, for the failure record. */
	private static Map<String, String> context(final Options o) {
		final Map<String, String> c = new LinkedHashMap<>();
		if (o.stack() != null) c.put("stack", o.stack().name());
		if (o.classes() != null) c.put("classes", o.classes().toString());
		if (o.particles() != null) c.put("particles", o.particles().toString());
		return c;
	}
}
