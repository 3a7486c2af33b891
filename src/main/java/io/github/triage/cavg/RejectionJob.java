package io.github.triage.cavg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.io.ClassTables;
import io.github.triage.io.MrcFiles;
import io.github.triage.io.MrcStack;
import io.github.triage.io.ParticleStars;
import io.github.triage.ops.ImageOps;

/**
 * One class-average rejection with its cleanup, the work of SIMPLE's reject_cavgs for one chunk: read the stack,
 * the class table and optionally the particles, check that they fit together, run {@link ClassAverageRejector},
 * write the {@link CleanupOutputs}. Any bad input (unreadable file, empty stack, class count mismatch, NaN pixels,
 * …) writes only the failure record {@code REJECTION_FAILED} into the output folder and is rethrown. Shared by the
 * CLI, the Fiji command and the demo, which only gather parameters and show results.
 */
public final class RejectionJob {

	/**
	 * What the user chose.
	 *
	 * @param tier     pass-1, pass-2, reference or match thresholds
	 * @param mskdiamA mask diameter (Å)
	 * @param smpd     pixel size (Å/px); NaN to take it from the stack
	 * @param compat   reproduce SIMPLE exactly (see {@link RejectionParams#compatSimple()})
	 */
	public record Settings(Tier tier, double mskdiamA, double smpd, boolean compat) {
	}

	/** The decisions, what was written, the stack, and the facts used (pixel size, how populations were read). */
	public record Outcome(List<ClassDecision> decisions, CleanupOutputs.Written written, MrcStack stack,
			RejectionParams params, String populationSource) {
	}

	private RejectionJob() {
	}

	/** Reads the inputs from files and runs; {@code particles} may be null. */
	public static Outcome runFiles(final Path stackFile, final Path classesFile, final Path particlesFile,
			final Settings settings, final ImageOps ops, final Path outDir, final Listener progress,
			final Consumer<String> log) throws IOException {
		final Map<String, String> context = new LinkedHashMap<>();
		context.put("stack", stackFile.toString());
		context.put("classes", classesFile.toString());
		if (particlesFile != null) context.put("particles", particlesFile.toString());
		try {
			final MrcStack stack = MrcFiles.read(stackFile);
			final ParticleStars particles = particlesFile != null ? ParticleStars.read(particlesFile) : null;
			final ClassTables.ClassTable table = ClassTables.read(classesFile,
					particles != null ? particles.particleCount() : -1);
			return run(stack, stackFile.toString(), stem(stackFile), table, particles, settings, ops, outDir,
					progress, log, context);
		}
		catch (final BadInputException e) {
			CleanupOutputs.writeFailure(outDir, e.getMessage(), context);
			throw e;
		}
	}

	/**
	 * Runs on a stack already in memory (e.g. an open image in Fiji).
	 *
	 * @param source  names the stack in messages (a path or an image title)
	 * @param context key-value lines for the failure record (inputs), may be empty
	 */
	public static Outcome run(final MrcStack input, final String source, final String stem,
			final ClassTables.ClassTable table, final ParticleStars particles, final Settings settings,
			final ImageOps ops, final Path outDir, final Listener progress, final Consumer<String> log,
			final Map<String, String> context) throws IOException {
		try {
			MrcStack stack = input;
			if (stack.size() == 0)
				throw new BadInputException(source + ": the class-average stack is empty (0 class averages; the class "
						+ "table has " + table.size() + " classes)");
			if (stack.size() != table.size())
				throw new BadInputException(source + ": " + stack.size() + " class averages, but the class table has "
						+ table.size() + " classes");
			if (stack.width() != stack.height())
				throw new BadInputException(source + ": class averages must be square, got " + stack.width() + " × "
						+ stack.height());
			if (particles != null) particles.requireClassesWithin(table.size());
			final double smpd = pixelSize(stack, source, settings.smpd(), log);
			// the outputs carry the pixel size the decisions used
			stack = new MrcStack(stack.sections(), stack.width(), stack.height(), smpd);
			final RejectionParams params;
			try {
				params = RejectionParams.of(settings.tier(), settings.mskdiamA(), smpd).withCompatSimple(settings.compat());
			}
			catch (final IllegalArgumentException e) {
				throw new BadInputException(e.getMessage(), e);
			}
			log.accept(String.format(java.util.Locale.ROOT,
					"%s: %d class averages of %d px at %s Å/px, mask %s Å, tier %s%s; populations: %s", source,
					stack.size(), stack.width(), smpd, settings.mskdiamA(), settings.tier().name().toLowerCase(),
					settings.compat() ? ", compat simple" : "", table.populationSource()));
			final List<ClassDecision> decisions = new ClassAverageRejector(ops, params).reject(stack.sections(),
					stack.width(), table.classes(), progress);
			final CleanupOutputs.Written w = CleanupOutputs.write(outDir, stem, stack, table.classes(), decisions,
					particles, table.priorStates());
			return new Outcome(decisions, w, stack, params, table.populationSource());
		}
		catch (final BadInputException e) {
			CleanupOutputs.writeFailure(outDir, e.getMessage(), context);
			throw e;
		}
		catch (final UncheckedIOException e) {
			throw e.getCause();
		}
	}

	/** The pixel size to use: the one given (a differing header value is logged) or the header's. */
	static double pixelSize(final MrcStack stack, final String source, final double given, final Consumer<String> log) {
		final double header = stack.pixelSize();
		if (Double.isFinite(given)) {
			if (!(given > 0)) throw new BadInputException("--smpd must be positive, got " + given);
			if (Double.isFinite(header) && Math.abs(header - given) > 1e-4 * given)
				log.accept(source + ": header pixel size " + header + " Å/px overridden by --smpd " + given);
			return given;
		}
		if (!Double.isFinite(header) || !(header > 0))
			throw new BadInputException(source + ": no pixel size (MRC header cella/mx, or an image calibrated in Å "
					+ "or nm): give --smpd (Fiji: smpd)");
		return header;
	}

	/** File name without its extension ({@code cavgs.mrcs} → {@code cavgs}). */
	public static String stem(final Path file) {
		final String name = file.getFileName().toString();
		final int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}
}
