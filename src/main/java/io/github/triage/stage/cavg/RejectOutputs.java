package io.github.triage.stage.cavg;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.triage.Listener;
import io.github.triage.BadInputException;
import io.github.triage.cavg.ClassDecision;
import io.github.triage.cavg.ClassStats;
import io.github.triage.cavg.CleanupOutputs;
import io.github.triage.cavg.ManualDecision;
import io.github.triage.cavg.ParticleStates;
import io.github.triage.io.AtomicFiles;
import io.github.triage.io.ClassTables;
import io.github.triage.io.ContactSheets;
import io.github.triage.io.CsvTables;
import io.github.triage.io.MrcFiles;
import io.github.triage.io.MrcStack;
import io.github.triage.io.StarFile;
import io.github.triage.ops.Workers;
import io.github.triage.slice.PlainNumbers;

/**
 * The cleanup outputs of {@link RejectStage} as files in one folder: {@code <stem>_selected.mrcs} and
 * {@code <stem>_rejected.mrcs} (mode 2 image stacks, the kept and rejected class averages in class order; RELION
 * reads {@code .mrcs} as stacks, {@code .mrc} as a volume), for each a STAR table {@code <stem>_selected.star} /
 * {@code <stem>_rejected.star} mapping its sections to the original class numbers, JPEG contact sheets; an empty
 * set writes none of its three. Then {@code class_states.csv}, {@code selection.txt}, {@code rejection.csv}, with
 * a particle STAR {@code particles_selected.star} (the selected particles only) and {@code particles_states.star}
 * (every particle, states marked), and finally the {@code REJECTION_FINISHED} sentinel.
 * <p>
 * The sentinel vouches for exactly the files of its run: every output of an earlier run that this run does not
 * write again ({@link CleanupOutputs#isOutputName}) is removed first. A failure removes them all and writes only
 * {@code REJECTION_FAILED}. Every file is written atomically. The inputs are never removed, even when they lie in
 * the output folder under an output's name.
 */
public final class RejectOutputs {
	private RejectOutputs() {
	}

	/** Where the selected particles of a finished rejection are (the microchunk stream reads them). */
	public static Path selectedParticles(final Path outputDir) {
		return outputDir.resolve(CleanupOutputs.PARTICLES_SELECTED);
	}

	/** Key of REJECTION_FINISHED naming the particle STAR the rejection read (an override reads it again). */
	static final String PARTICLES_FILE = "particles_file";

	/**
	 * Writes every output of a rejection.
	 *
	 * @param manual manual decisions by class number: they set their classes' states and are recorded in
	 *               rejection.csv
	 */
	static RejectStage.Result write(final Path dir, final String stem, final RejectStage.Inputs in,
			final List<ClassDecision> decisions, final Map<Integer, ManualDecision> manual, final Set<Path> inputs,
			final Listener log) throws IOException {
		return write(dir, stem, in, decisions, manual, inputs, log, 1);
	}

	/**
	 * As {@link #write(Path, String, RejectStage.Inputs, List, Map, Set, Listener)}, the stacks and sheets on up to
	 * {@code threads} threads (the same files as one thread writes).
	 */
	static RejectStage.Result write(final Path dir, final String stem, final RejectStage.Inputs in,
			final List<ClassDecision> decisions, final Map<Integer, ManualDecision> manual, final Set<Path> inputs,
			final Listener log, final int threads) throws IOException {
		final MrcStack stack = in.stack();
		final int[] prior = in.table().priorStates();
		Files.createDirectories(dir);
		final CleanupOutputs.States s = CleanupOutputs.states(decisions, prior, manual);
		final List<Path> files = new ArrayList<>();
		final List<Path> planned = planned(dir, stem, s, in.particles() != null);
		removeStale(dir, planned, inputs);
		final List<SetFiles> sets = new ArrayList<>();
		for (final String set : new String[] { CleanupOutputs.SELECTED, CleanupOutputs.REJECTED }) {
			final boolean kept = set.equals(CleanupOutputs.SELECTED);
			final int[] idx = kept ? s.kept() : s.rejected();
			if (idx.length > 0) sets.add(new SetFiles(kept, idx, dir.resolve(stem + set + CleanupOutputs.STACK_EXT),
					dir.resolve(stem + set + CleanupOutputs.TABLE_EXT), dir.resolve(stem + set + CleanupOutputs.SHEET_EXT)));
		}
		Path sel = null, rej = null;
		for (final SetFiles f : sets)
			if (f.selected()) sel = f.stack();
			else rej = f.stack();
		if (sel == null) log.info("no " + stem + CleanupOutputs.SELECTED + CleanupOutputs.STACK_EXT
				+ " written: no class was kept");
		if (rej == null) log.info("no " + stem + CleanupOutputs.REJECTED + CleanupOutputs.STACK_EXT
				+ " written: no class was rejected");
		final Path classStates = dir.resolve(CleanupOutputs.CLASS_STATES);
		final Path selection = dir.resolve(CleanupOutputs.SELECTION);
		final Path csv = dir.resolve(CleanupOutputs.REJECTION_CSV);
		final Path selected = selectedParticles(dir), pout = dir.resolve(CleanupOutputs.PARTICLES_OUT);
		final ParticleStates.Result pr = in.particles() != null ? in.particles().propagate(s.states()) : null;
		// independent files: the sheets first (the longest; each also drawn on the threads), the stacks, the tables,
		// the particles
		final int nSets = sets.size();
		Workers.map(2 * nSets + (pr != null ? 2 : 1), threads, log, (i, state, l) -> {
			if (i < nSets) sheet(sets.get(i), stack, decisions, manual, threads);
			else if (i < 2 * nSets) stack(sets.get(i - nSets), stack, in);
			else if (i == 2 * nSets) {
				ClassTables.writeStates(classStates, in.table().classes(), s.states());
				AtomicFiles.writeString(selection, CleanupOutputs.selection(s.states()));
				CsvTables.write(csv, CleanupOutputs.CSV_HEADER, CleanupOutputs.rejectionRows(decisions, prior, manual));
			}
			else {
				// the selected ones first: writeWithStates rewrites the table in memory
				in.particles().writeSelected(selected, pr);
				in.particles().writeWithStates(pout, pr);
			}
			return null;
		});
		for (final SetFiles f : sets)
			files.addAll(List.of(f.stack(), f.table(), f.sheet()));
		files.addAll(List.of(classStates, selection, csv));
		if (pr != null) files.addAll(List.of(selected, pout));
		Files.deleteIfExists(dir.resolve(CleanupOutputs.FAILED));
		final Path done = dir.resolve(CleanupOutputs.FINISHED);
		final Map<String, String> record = CleanupOutputs.finishedRecord(s, prior, pr, stem);
		if (in.particles() != null) record.put(PARTICLES_FILE, in.particles().file().toAbsolutePath().toString());
		AtomicFiles.writeString(done, CleanupOutputs.keyValues(record));
		files.add(done);
		return new RejectStage.Result(decisions, s.states(), pr, List.copyOf(files), stack, in.params(),
				in.table().populationSource(), sel, rej);
	}

	/**
	 * Writes only {@code REJECTION_FAILED} (see {@link CleanupOutputs#failureRecord}): every output of an earlier
	 * run goes, so nothing stale stands beside the failure record.
	 */
	static Path writeFailure(final Path dir, final String message, final Map<String, String> context,
			final Set<Path> inputs) throws IOException {
		Files.createDirectories(dir);
		final Path f = dir.resolve(CleanupOutputs.FAILED);
		removeStale(dir, List.of(f), inputs);
		AtomicFiles.writeString(f, CleanupOutputs.keyValues(CleanupOutputs.failureRecord(message, context)));
		return f;
	}

	/** The files a successful run writes (the sentinel is removed until the end). */
	private static List<Path> planned(final Path dir, final String stem, final CleanupOutputs.States s,
			final boolean particles) {
		final List<Path> p = new ArrayList<>();
		for (final String set : new String[] { CleanupOutputs.SELECTED, CleanupOutputs.REJECTED }) {
			if ((set.equals(CleanupOutputs.SELECTED) ? s.kept() : s.rejected()).length == 0) continue;
			for (final String ext : new String[] { CleanupOutputs.STACK_EXT, CleanupOutputs.TABLE_EXT,
					CleanupOutputs.SHEET_EXT })
				p.add(dir.resolve(stem + set + ext));
		}
		for (final String n : new String[] { CleanupOutputs.CLASS_STATES, CleanupOutputs.SELECTION,
				CleanupOutputs.REJECTION_CSV })
			p.add(dir.resolve(n));
		if (particles) {
			p.add(dir.resolve(CleanupOutputs.PARTICLES_SELECTED));
			p.add(dir.resolve(CleanupOutputs.PARTICLES_OUT));
		}
		return p;
	}

	/** Removes every output of an earlier run that is not in {@code keep}, and never an input. */
	private static void removeStale(final Path dir, final List<Path> keep, final Set<Path> inputs)
			throws IOException {
		final List<Path> stale = new ArrayList<>();
		try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
			for (final Path f : ds) {
				final String name = f.getFileName().toString();
				if (!CleanupOutputs.isOutputName(name) || keep.contains(f) || !Files.isRegularFile(f)) continue;
				if (isInput(f, inputs)) continue;
				stale.add(f);
			}
		}
		// the finished sentinel first: the folder no longer claims success while it changes
		Files.deleteIfExists(dir.resolve(CleanupOutputs.FINISHED));
		for (final Path f : stale)
			Files.deleteIfExists(f);
	}

	private static boolean isInput(final Path f, final Set<Path> inputs) throws IOException {
		for (final Path in : inputs)
			if (Files.exists(in) && Files.isSameFile(in, f)) return true;
		return false;
	}

	/** The files of one set (selected or rejected) and its classes' indices (class - 1). */
	private record SetFiles(boolean selected, int[] idx, Path stack, Path table, Path sheet) {
	}

	/** A set's stack and its STAR table. */
	private static void stack(final SetFiles f, final MrcStack stack, final RejectStage.Inputs in) throws IOException {
		MrcFiles.write(f.stack(), stack.subset(f.idx()));
		stackTable(f.stack().getFileName().toString(), in.table().classes(), f.idx()).write(f.table());
	}

	/** A set's contact sheet. */
	private static void sheet(final SetFiles f, final MrcStack stack, final List<ClassDecision> decisions,
			final Map<Integer, ManualDecision> manual, final int threads) throws IOException {
		final List<ContactSheets.Tile> tiles = new ArrayList<>();
		for (final int i : f.idx())
			tiles.add(tile(stack.sections()[i], decisions.get(i), manual.get(decisions.get(i).classNumber())));
		ContactSheets.writeJpeg(f.sheet(), ContactSheets.draw(tiles, stack.width(), maskRadiusPx(decisions), threads),
				threads);
	}

	/**
	 * The STAR table of a stack: section {@code k} ({@code 00000k@stack.mrcs}) is the class in
	 * {@code _rlnClassNumber}, with its share of the particles and its resolution ({@code inf}: unresolved).
	 */
	private static StarFile stackTable(final String stackName, final List<ClassStats> classes, final int[] idx) {
		double total = 0;
		for (final ClassStats c : classes)
			total += c.population();
		final StarFile star = StarFile.create(null);
		final StarFile.Loop loop = StarFile.addLoop(star.addBlock("model_classes"), List.of("_rlnReferenceImage",
				"_rlnClassNumber", "_rlnClassDistribution", "_rlnEstimatedResolution"));
		for (int k = 0; k < idx.length; k++) {
			final ClassStats c = classes.get(idx[k]);
			final double share = total > 0 ? Math.round(c.population() / total * 1e6) / 1e6 : 0;
			loop.addRow(new String[] { String.format(Locale.ROOT, "%06d@%s", k + 1, stackName), Integer.toString(c.classNumber()),
					PlainNumbers.format(share), Double.isInfinite(c.resolution()) ? "inf"
							: PlainNumbers.format(c.resolution()) }, 0);
		}
		return star;
	}

	/** A contact-sheet tile: class number, and the reason when rejected (also the Fiji montage's tiles). */
	public static ContactSheets.Tile tile(final float[] pixels, final ClassDecision d) {
		return tile(pixels, d, null);
	}

	/**
	 * A contact-sheet tile with a manual decision (or null): a class kept by hand shows no reason, one rejected
	 * by hand says so; both are marked as manual.
	 */
	public static ContactSheets.Tile tile(final float[] pixels, final ClassDecision d, final ManualDecision m) {
		final boolean kept = m != null ? m.kept() : d.kept();
		final String reason = kept ? null : m != null ? m.reason() : d.reason();
		return new ContactSheets.Tile(pixels, Integer.toString(d.classNumber()), reason, m != null);
	}

	/** The mask radius the decisions used (px), for the circle on the sheets; NaN when no mask was measured. */
	public static double maskRadiusPx(final List<ClassDecision> decisions) {
		for (final ClassDecision d : decisions)
			if (d.maskMeasures() != null && d.maskMeasures().maskRadiusPx() > 0) return d.maskMeasures().maskRadiusPx();
		return Double.NaN;
	}

	/**
	 * The stem of a rejection folder's outputs ({@code <stem>_selected.mrcs}); null when the folder has none. The
	 * one place, with {@link #write}, that knows the stack file names.
	 */
	static String stem(final Path dir) throws IOException {
		final java.util.TreeSet<String> stems = new java.util.TreeSet<>();
		try (java.util.stream.Stream<Path> files = Files.list(dir)) {
			files.map(p -> p.getFileName().toString()).forEach(n -> {
				for (final String set : new String[] { CleanupOutputs.SELECTED, CleanupOutputs.REJECTED }) {
					final String suffix = set + CleanupOutputs.STACK_EXT;
					if (n.endsWith(suffix) && n.length() > suffix.length())
						stems.add(n.substring(0, n.length() - suffix.length()));
				}
			});
		}
		if (stems.size() > 1)
			throw new BadInputException(dir + ": outputs of several stacks (" + String.join(", ", stems)
					+ "): one rejection per folder");
		return stems.isEmpty() ? null : stems.first();
	}

	/**
	 * The class averages of a rejection folder in class order, put back together from its selected and rejected
	 * stacks by the final states (an empty set has no stack).
	 */
	static MrcStack readClassAverages(final Path dir, final String stem, final int[] states) {
		final Path sel = dir.resolve(stem + CleanupOutputs.SELECTED + CleanupOutputs.STACK_EXT);
		final Path rej = dir.resolve(stem + CleanupOutputs.REJECTED + CleanupOutputs.STACK_EXT);
		final MrcStack s = Files.exists(sel) ? MrcFiles.read(sel) : null, r = Files.exists(rej) ? MrcFiles.read(rej) : null;
		int kept = 0;
		for (final int st : states)
			kept += st;
		final int nSel = s == null ? 0 : s.size(), nRej = r == null ? 0 : r.size();
		if (nSel != kept || nRej != states.length - kept)
			throw new BadInputException(dir + ": the stacks hold " + nSel + " selected and " + nRej
					+ " rejected class averages, but class_states.csv says " + kept + " and " + (states.length - kept));
		final MrcStack any = s != null && s.size() > 0 ? s : r;
		final float[][] sections = new float[states.length][];
		int a = 0, b = 0;
		for (int i = 0; i < states.length; i++)
			sections[i] = states[i] == 1 ? s.sections()[a++] : r.sections()[b++];
		return new MrcStack(sections, any.width(), any.height(), any.pixelSize());
	}

	/** The key-value record of a sentinel file ({@code key: value} lines). */
	static Map<String, String> readRecord(final Path file) throws IOException {
		final Map<String, String> m = new java.util.LinkedHashMap<>();
		for (final String line : Files.readAllLines(file)) {
			final int colon = line.indexOf(": ");
			if (colon > 0) m.put(line.substring(0, colon), line.substring(colon + 2));
		}
		return m;
	}
}
