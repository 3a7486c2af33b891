package io.github.triage.stage.cavg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.cavg.ClassDecision;
import io.github.triage.cavg.CleanupOutputs;
import io.github.triage.cavg.ManualDecision;
import io.github.triage.cavg.RejectionTable;
import io.github.triage.io.ClassTables;
import io.github.triage.io.CsvTables;
import io.github.triage.io.MrcStack;
import io.github.triage.io.ParticleStars;
import io.github.triage.ops.ImageOps;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;

/**
 * {@code cavg override}: a person keeps or rejects classes of a finished rejection folder. The folder is rewritten
 * as if the rejection had decided so from the start (stacks, contact sheets, class states, selection, particle
 * outputs, sentinel last, all through {@link RejectOutputs}), and each decision is recorded in
 * {@code rejection.csv} ({@code decided_by = manual}, the note, the date), where a later {@link RejectStage} of the
 * same folder finds and keeps it. Earlier manual decisions stay unless decided again.
 * <p>
 * Everything comes from the folder itself (the class averages are put back together from the two stacks), except
 * the particles: a rejected class's particles lose their class in the outputs, so the particle STAR the rejection
 * read is read again (its path is in {@code REJECTION_FINISHED}; {@link Options#particles} gives another). A
 * stream that wants its tiers to honour overrides runs this stage on a chunk folder before the next tier reads
 * the chunk's selected particles: the folder is not finished while it is rewritten.
 */
public final class OverrideStage implements Stage<OverrideStage.Options, OverrideStage.Result> {

	/**
	 * What the person decided.
	 *
	 * @param folder    a finished rejection output folder
	 * @param keep      classes to keep (1-based)
	 * @param reject    classes to reject
	 * @param note      why (recorded with each decision)
	 * @param particles the particle STAR the rejection read, or {@link #PARTICLES_RECORDED}
	 * @param date      the date recorded, or {@link #TODAY}
	 */
	public record Options(Path folder, List<Integer> keep, List<Integer> reject, String note, Path particles,
			String date) {
		public static final String NOTE = "";
		/** The particle STAR named in REJECTION_FINISHED. */
		public static final Path PARTICLES_RECORDED = null;
		/** Today's date (ISO). */
		public static final String TODAY = null;

		public Options {
			keep = keep == null ? List.of() : List.copyOf(keep);
			reject = reject == null ? List.of() : List.copyOf(reject);
			note = note == null ? NOTE : note;
		}

		public static Options of(final Path folder, final List<Integer> keep, final List<Integer> reject) {
			return new Options(folder, keep, reject, NOTE, PARTICLES_RECORDED, TODAY);
		}

		public Options withNote(final String n) {
			return new Options(folder, keep, reject, n, particles, date);
		}

		public Options withParticles(final Path p) {
			return new Options(folder, keep, reject, note, p, date);
		}

	}

	/**
	 * What was decided and written.
	 *
	 * @param applied the decisions of this run, in class order
	 * @param manual  every manual decision now in force (earlier ones included), in class order
	 * @param changed classes whose final state changed
	 * @param written the rewritten folder (states, files with the sentinel last, particles)
	 */
	public record Result(List<ManualDecision> applied, List<ManualDecision> manual, List<Integer> changed,
			RejectStage.Result written) {
		public int[] states() {
			return written.states();
		}

		public List<Path> files() {
			return written.files();
		}
	}

	/** A rejection folder read back. */
	record Folder(String stem, RejectionTable.Parsed decisions, ClassTables.ClassTable table, int[] states,
			MrcStack stack, ParticleStars particles) {
	}

	@Override
	public Result run(final Options options, final ImageOps ops, final Listener listener) throws IOException {
		final Listener log = Listener.orNone(listener);
		final Folder f = validate(options);
		final String date = options.date() != null ? options.date() : LocalDate.now().toString();
		final Map<Integer, ManualDecision> manual = new LinkedHashMap<>(f.decisions().manual());
		final List<ManualDecision> applied = new ArrayList<>();
		for (final int c : new TreeSet<>(all(options))) {
			final ManualDecision m = new ManualDecision(c, options.keep().contains(c) ? 1 : 0, options.note(), date);
			manual.put(c, m);
			applied.add(m);
			final ClassDecision d = f.decisions().decisions().get(c - 1);
			log.info("class " + c + ": " + (m.kept() ? "kept" : "rejected") + " by hand (the rejector: " + d.reason()
					+ ")");
		}
		final Map<Integer, ManualDecision> ordered = new LinkedHashMap<>();
		new TreeSet<>(manual.keySet()).forEach(c -> ordered.put(c, manual.get(c)));
		final RejectStage.Inputs in = new RejectStage.Inputs(f.stack(), f.stack().pixelSize(), f.table(),
				f.particles(), null);
		// the particle STAR is an input even when it lies in the folder (a stream's chunk): never removed as stale
		final java.util.Set<Path> inputs = f.particles() != null ? java.util.Set.of(f.particles().file())
				: java.util.Set.of();
		final RejectStage.Result written = RejectOutputs.write(options.folder(), f.stem(), in,
				f.decisions().decisions(), ordered, inputs, log);
		final List<Integer> changed = new ArrayList<>();
		for (int i = 0; i < f.states().length; i++)
			if (f.states()[i] != written.states()[i]) changed.add(i + 1);
		log.info(changed.isEmpty() ? "no state changed" : "state changed for class(es) " + changed + "; kept "
				+ written.kept() + " of " + f.states().length);
		return new Result(List.copyOf(applied), List.copyOf(ordered.values()), List.copyOf(changed), written);
	}

	private static io.github.triage.slice.TextTable csv(final Path file) {
		try {
			return CsvTables.read(file);
		}
		catch (final IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static List<Integer> all(final Options o) {
		final List<Integer> l = new ArrayList<>(o.keep());
		l.addAll(o.reject());
		return l;
	}

	/** Reads the folder and checks the decisions against it; every problem at once. */
	Folder validate(final Options o) throws IOException {
		final Path dir = o.folder();
		if (dir == null) throw new BadInputException("no rejection folder given");
		if (!Files.isDirectory(dir)) throw new BadInputException(dir + ": no such folder");
		final Problems p = new Problems();
		if (!Files.isRegularFile(dir.resolve(CleanupOutputs.FINISHED)))
			throw new BadInputException(dir + ": not a finished rejection (no " + CleanupOutputs.FINISHED
					+ (Files.exists(dir.resolve(CleanupOutputs.FAILED)) ? "; it has " + CleanupOutputs.FAILED : "")
					+ "): run cavg reject first");
		p.check(!o.keep().isEmpty() || !o.reject().isEmpty(), "no class to keep or reject given");
		for (final int c : o.keep())
			p.check(!o.reject().contains(c), "class " + c + " is both kept and rejected");
		final RejectionTable.Parsed[] parsed = { null };
		final ClassTables.ClassTable[] table = { null };
		p.attempt(() -> parsed[0] = RejectionTable.parse(csv(dir.resolve(CleanupOutputs.REJECTION_CSV))));
		p.attempt(() -> table[0] = ClassTables.readCsv(dir.resolve(CleanupOutputs.CLASS_STATES)));
		final int n = parsed[0] == null ? Integer.MAX_VALUE : parsed[0].decisions().size();
		for (final int c : all(o))
			p.check(c >= 1 && c <= n, "class " + c + " outside 1.." + n);
		p.throwIfAny();
		if (table[0].size() != n || table[0].priorStates() == null)
			p.add(dir.resolve(CleanupOutputs.CLASS_STATES) + ": " + table[0].size() + " classes with states expected "
					+ n);
		p.throwIfAny();
		final int[] states = table[0].priorStates();
		final String stem = RejectOutputs.stem(dir);
		if (stem == null) throw new BadInputException(dir + ": no class-average stacks (<stem>_selected.mrcs)");
		final MrcStack stack = RejectOutputs.readClassAverages(dir, stem, states);
		final Map<String, String> record = RejectOutputs.readRecord(dir.resolve(CleanupOutputs.FINISHED));
		ParticleStars particles = null;
		if (record.containsKey("particles")) {
			final String recorded = record.get(RejectOutputs.PARTICLES_FILE);
			final Path pf = o.particles() != null ? o.particles() : recorded != null ? Path.of(recorded) : null;
			if (pf == null || !Files.isRegularFile(pf))
				throw new BadInputException(dir + ": the rejection wrote particle outputs from "
						+ (pf == null ? "a particle STAR it does not name" : pf + ", which is gone")
						+ ": give the particle STAR the rejection read");
			particles = ParticleStars.read(pf);
			particles.requireClassesWithin(n);
			if (!String.valueOf(particles.particleCount()).equals(record.get("particles")))
				throw new BadInputException(pf + ": " + particles.particleCount() + " particles, but the rejection "
						+ "read " + record.get("particles"));
		}
		final ClassTables.ClassTable withPrior = new ClassTables.ClassTable(table[0].classes(),
				table[0].populationSource(), parsed[0].priorStates());
		return new Folder(stem, parsed[0], withPrior, states, stack, particles);
	}
}
