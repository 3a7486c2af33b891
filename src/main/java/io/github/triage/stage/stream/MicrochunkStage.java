package io.github.triage.stage.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import io.github.triage.Listener;
import io.github.triage.cavg.Tier;
import io.github.triage.cavg.stream.ChunkId;
import io.github.triage.ops.ImageOps;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;

/**
 * The microchunk stream (SIMPLE's microchunked 2D workflow around the class-average rejector): imports particle
 * STARs as they appear, composes pass-1 / pass-2 / reference / match chunks in {@code PROJECT/chunks/}, classifies
 * each through an external classifier, rejects its class averages with the tier's thresholds, consumes and
 * finalises chunks, and writes {@code status.csv} after every step and the combined output at the finished state.
 * The sentinels in the chunk folders are the only restart record: run it again after a crash and it carries on.
 * The loop itself is {@link StreamRun}; the decisions are {@link io.github.triage.cavg.stream.StreamRules}.
 */
public final class MicrochunkStage implements Stage<MicrochunkStage.Options, MicrochunkStage.Result> {
	public static final int PASS1_PARTICLES = 5000;
	public static final int PASS2_PARTICLES = 8000;
	public static final int REF_PARTICLES = 10000;
	public static final int CLASSES = 100;
	public static final Duration LAST_IMPORT_TIMEOUT = Duration.ofMinutes(15);
	public static final String CLASSIFIER = Classifier.RELION;
	public static final String SCHEDULER = "local";
	public static final int MAX_JOBS = 2;
	public static final int THREADS = 1;
	public static final Duration POLL = Duration.ofSeconds(10);

	/**
	 * Every parameter of a stream.
	 *
	 * @param project           the project folder (created)
	 * @param importGlob        per-micrograph particle STAR files; relative to the working folder
	 * @param mskdiam           mask diameter (Å)
	 * @param smpd              pixel size (Å/px); NaN to take it from the class-average headers
	 * @param classifier        {@code relion}, {@code simulate} or a command template
	 * @param scheduler         {@code local} or {@code slurm}
	 * @param maxJobs           classifier jobs at once
	 * @param threads           threads per job ({@code {threads}}; slurm's cpus per task)
	 * @param lastImportTimeout after this long without a new import, the leftovers are flushed
	 * @param once              one pass of the loop, then return
	 * @param partition         slurm partition (null: the cluster's default); likewise mem and time
	 * @param poll              pause between passes when nothing happened
	 */
	public record Options(Path project, String importGlob, double mskdiam, double smpd, String classifier,
			String scheduler, int maxJobs, int threads, int pass1Particles, int pass2Particles, int refParticles,
			int classes, Duration lastImportTimeout, boolean once, String partition, String mem, String time,
			Duration poll) {

		/** The defaults for a project, an import glob and a mask diameter. */
		public static Options defaults(final Path project, final String importGlob, final double mskdiam) {
			return new Options(project, importGlob, mskdiam, Double.NaN, CLASSIFIER, SCHEDULER, MAX_JOBS, THREADS,
					PASS1_PARTICLES, PASS2_PARTICLES, REF_PARTICLES, CLASSES, LAST_IMPORT_TIMEOUT, false, null, null,
					null, POLL);
		}

		public Options withClassifier(final String c) {
			return new Options(project, importGlob, mskdiam, smpd, c, scheduler, maxJobs, threads, pass1Particles,
					pass2Particles, refParticles, classes, lastImportTimeout, once, partition, mem, time, poll);
		}

		public Options withCaps(final int p1, final int p2, final int ref, final int k) {
			return new Options(project, importGlob, mskdiam, smpd, classifier, scheduler, maxJobs, threads, p1, p2, ref,
					k, lastImportTimeout, once, partition, mem, time, poll);
		}

		public Options withTiming(final Duration timeout, final Duration pollEvery, final boolean onePass) {
			return new Options(project, importGlob, mskdiam, smpd, classifier, scheduler, maxJobs, threads,
					pass1Particles, pass2Particles, refParticles, classes, timeout, onePass, partition, mem, time,
					pollEvery);
		}

		public Options withScheduler(final String s, final int jobs, final int nThreads) {
			return new Options(project, importGlob, mskdiam, smpd, classifier, s, jobs, nThreads, pass1Particles,
					pass2Particles, refParticles, classes, lastImportTimeout, once, partition, mem, time, poll);
		}

		public Options withSmpd(final double a) {
			return new Options(project, importGlob, mskdiam, a, classifier, scheduler, maxJobs, threads, pass1Particles,
					pass2Particles, refParticles, classes, lastImportTimeout, once, partition, mem, time, poll);
		}

		public Options withSlurm(final String part, final String memory, final String wallTime) {
			return new Options(project, importGlob, mskdiam, smpd, classifier, scheduler, maxJobs, threads,
					pass1Particles, pass2Particles, refParticles, classes, lastImportTimeout, once, part, memory,
					wallTime, poll);
		}

		/** The options that decide the outputs, as saved in the project (scheduler, jobs and threads may change). */
		Map<String, String> saved() {
			final Map<String, String> m = new LinkedHashMap<>();
			m.put("import", importGlob);
			m.put("mskdiam", Classifier.number(mskdiam));
			m.put("smpd", Classifier.number(smpd));
			m.put("classifier", classifier);
			m.put("pass1-particles", Integer.toString(pass1Particles));
			m.put("pass2-particles", Integer.toString(pass2Particles));
			m.put("ref-particles", Integer.toString(refParticles));
			m.put("classes", Integer.toString(classes));
			m.put("last-import-timeout", lastImportTimeout.toString());
			return m;
		}
	}

	/**
	 * What a run reached.
	 *
	 * @param finished   the finished state was reached (and the combined output written)
	 * @param blocked    why the stream cannot finish without new imports, or null
	 * @param didSomething the last pass imported, composed, submitted or completed something
	 * @param chunks     chunks per tier (p1, p2, ref, match)
	 * @param imported   particles imported
	 * @param accepted   particles accepted by the match chunks finalised in this run
	 * @param rejected   particles rejected by them
	 * @param written    the project files written last (status, combined output)
	 */
	public record Result(boolean finished, String blocked, boolean didSomething, Map<String, Integer> chunks,
			long imported, long accepted, long rejected, List<Path> written) {
	}

	private final LongSupplier clock;
	private final ChunkRejector rejector;

	public MicrochunkStage() {
		this(System::currentTimeMillis, new CavgChunkRejector());
	}

	MicrochunkStage(final LongSupplier clock, final ChunkRejector rejector) {
		this.clock = clock;
		this.rejector = rejector;
	}

	@Override
	public Result run(final Options o, final ImageOps ops, final Listener listener) throws IOException {
		validate(o);
		Files.createDirectories(o.project());
		StreamOutputs.checkOrSaveOptions(o.project(), o.saved());
		try (StreamRun run = new StreamRun(o, ops, Listener.orNone(listener), clock, rejector)) {
			return run.loop();
		}
	}

	static void validate(final Options o) {
		final Problems p = new Problems();
		p.check(o.project() != null, "the project folder is not given");
		p.check(o.importGlob() != null && !o.importGlob().isBlank(), "the import glob is empty");
		p.check(o.mskdiam() > 0 && Double.isFinite(o.mskdiam()), "the mask diameter must be a positive number of Å");
		p.check(Double.isNaN(o.smpd()) || o.smpd() > 0 && Double.isFinite(o.smpd()), "the pixel size must be positive");
		p.check(o.pass1Particles() >= 1 && o.pass2Particles() >= 1 && o.refParticles() >= 1,
				"the particle caps must be >= 1");
		p.check(o.classes() >= 1, "the number of classes must be >= 1");
		p.check(o.maxJobs() >= 1, "max-jobs must be >= 1");
		p.check(o.threads() >= 1, "threads must be >= 1");
		p.check(!o.lastImportTimeout().isNegative(), "the last-import timeout must not be negative");
		p.check("local".equals(o.scheduler()) || "slurm".equals(o.scheduler()),
				"the scheduler must be local or slurm, not " + o.scheduler());
		p.attempt(() -> {
			try {
				Classifier.of(o.classifier() == null ? "" : o.classifier());
			}
			catch (final IllegalArgumentException e) {
				throw new io.github.triage.BadInputException(e.getMessage());
			}
		});
		if (o.project() != null && Files.exists(o.project()) && !Files.isDirectory(o.project()))
			p.add(o.project() + ": the project is not a folder");
		p.throwIfAny();
	}

	/** The status table of a project, as CSV text. */
	public static String status(final Path project) throws IOException {
		return StreamOutputs.readStatus(project);
	}

	/** The status table of a project (one row per chunk), for tables in a face. */
	public static io.github.triage.slice.TextTable statusTable(final Path project) throws IOException {
		return StreamOutputs.statusTable(project);
	}

	/**
	 * The contact sheet of the latest match chunk whose rejection finished and which is complete: its selected
	 * classes' sheet, else its rejected ones' (a chunk that kept nothing); null when there is none yet.
	 */
	public static Path latestMatchSheet(final Path project) throws IOException {
		final Path chunks = project.resolve(StreamRun.CHUNKS);
		if (!Files.isDirectory(chunks)) return null;
		final List<ChunkId> match = new ArrayList<>();
		try (java.util.stream.Stream<Path> s = Files.list(chunks)) {
			s.map(p -> ChunkId.parse(p.getFileName().toString()))
					.filter(id -> id != null && id.tier() == Tier.MATCH).forEach(match::add);
		}
		match.sort(java.util.Comparator.comparingInt(ChunkId::index).reversed());
		for (final ChunkId id : match) {
			final ChunkFolder f = new ChunkFolder(chunks, id);
			if (!f.has(io.github.triage.cavg.stream.Sentinel.COMPLETE)
					|| !f.has(io.github.triage.cavg.stream.Sentinel.REJECTION_FINISHED))
				continue;
			for (final String set : new String[] { io.github.triage.cavg.CleanupOutputs.SELECTED,
					io.github.triage.cavg.CleanupOutputs.REJECTED })
				try (java.util.stream.Stream<Path> s = Files.list(f.dir)) {
					final java.util.Optional<Path> sheet = s.filter(p -> p.getFileName().toString()
							.endsWith(set + io.github.triage.cavg.CleanupOutputs.SHEET_EXT)).sorted().findFirst();
					if (sheet.isPresent()) return sheet.get();
				}
		}
		return null;
	}

	/** The folder of a chunk in a project. */
	public static Path chunkDir(final Path project, final Tier tier, final int index) {
		return project.resolve(StreamRun.CHUNKS).resolve(new ChunkId(tier, index).name());
	}

	/** The combined particle STAR of a project. */
	public static Path combined(final Path project) {
		return project.resolve(StreamOutputs.COMBINED);
	}

	static List<Path> projectFiles(final Path project) {
		final List<Path> out = new ArrayList<>();
		for (final String f : List.of(StreamOutputs.STATUS, StreamOutputs.COMBINED, StreamOutputs.COMBINED_CLASSES,
				StreamOutputs.COMBINED_STACK))
			if (Files.exists(project.resolve(f))) out.add(project.resolve(f));
		return out;
	}
}
