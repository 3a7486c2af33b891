package io.github.triage.stage.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.cavg.Tier;
import io.github.triage.cavg.stream.Chunk;
import io.github.triage.cavg.stream.ChunkFlags;
import io.github.triage.cavg.stream.ChunkId;
import io.github.triage.cavg.stream.Micrograph;
import io.github.triage.cavg.stream.Sentinel;
import io.github.triage.cavg.stream.StreamRules;
import io.github.triage.io.AtomicFiles;
import io.github.triage.io.MrcFiles;
import io.github.triage.ops.ImageOps;

/** One run of the stream loop: the state rebuilt from the project's files, then passes until done. */
final class StreamRun implements AutoCloseable {
	static final String CHUNKS = "chunks", COMPLETED = "completed";
	/** Attempts of a classifier job: the first and one retry. */
	static final int MAX_ATTEMPTS = 2;

	private final MicrochunkStage.Options o;
	private final ImageOps ops;
	private final Listener listener;
	private final LongSupplier clock;
	private final ChunkRejector rejector;
	private final Path project, chunksDir, cwd;
	private final Classifier classifier;
	private final JobRunner runner;
	private final ImportLedger ledger;
	private final StreamRules.Caps caps;
	private final Map<ChunkId, Chunk> chunks = new TreeMap<>();
	private final Map<ChunkId, String> messages = new HashMap<>();
	private final Map<ChunkId, String[]> classCounts = new HashMap<>();
	private final Set<ChunkId> running = new LinkedHashSet<>();
	private final Map<ChunkId, Integer> attempts = new HashMap<>();
	private final SelectedCounts selectedCounts = new SelectedCounts();
	/** The status rows last written: an unchanged status is not rewritten. */
	private List<List<String>> statusWritten;
	private final long started;
	private StreamRules.MatchCounters counters = StreamRules.MatchCounters.ZERO;
	private boolean did;

	StreamRun(final MicrochunkStage.Options o, final ImageOps ops, final Listener listener, final LongSupplier clock,
			final ChunkRejector rejector) throws IOException {
		this.o = o;
		this.ops = ops;
		this.listener = listener;
		this.clock = clock;
		this.rejector = rejector;
		this.project = o.project().toAbsolutePath();
		this.chunksDir = project.resolve(CHUNKS);
		this.cwd = Path.of("").toAbsolutePath();
		this.classifier = Classifier.of(o.classifier());
		this.caps = new StreamRules.Caps(o.pass1Particles(), o.pass2Particles(), o.refParticles());
		this.runner = "slurm".equals(o.scheduler())
				? new SlurmJobRunner(new SlurmJobRunner.Settings(o.partition(), o.threads(), o.mem(), o.time()), o.maxJobs())
				: new LocalJobRunner(o.maxJobs());
		this.ledger = new ImportLedger(project);
		this.started = clock.getAsLong();
		load();
	}

	/** The chunks on disk: a folder with its input is a chunk; flags from its sentinels. */
	private void load() throws IOException {
		if (!Files.isDirectory(chunksDir)) return;
		final List<Path> dirs;
		try (Stream<Path> s = Files.list(chunksDir)) {
			dirs = s.sorted().toList();
		}
		for (final Path d : dirs) {
			final ChunkId id = ChunkId.parse(d.getFileName().toString());
			if (id == null) continue;
			final ChunkFolder f = folder(id);
			if (!f.exists()) continue;
			final ChunkFlags flags = f.flags();
			chunks.put(id, new Chunk(id, f.sources(), ParticleTable.read(f.particles()).size(), selectedOf(f, flags), flags));
			if (flags.needsClassification() && runner.adopt(id, f.dir)) running.add(id);
			attempts.put(id, runner.attempts(f.dir));
		}
	}

	MicrochunkStage.Result loop() throws IOException {
		while (true) {
			listener.checkCancelled();
			did = false;
			step();
			final List<Chunk> list = list();
			final boolean timeout = StreamRules.timeoutPassed(ledger.entries(), clock.getAsLong(),
					o.lastImportTimeout().toMillis());
			final boolean finished = StreamRules.finished(list) && timeout && running.isEmpty()
					&& StreamRules.unassigned(ledger.entries(), list).isEmpty();
			if (finished && StreamOutputs.writeCombined(project, chunksDir, list)) {
				listener.info("finished: combined output " + StreamOutputs.COMBINED);
				did = true;
			}
			String blocked = running.isEmpty() ? StreamRules.blocked(list) : null;
			if (blocked == null && !finished && timeout && !did && running.isEmpty()
					&& StreamRules.jobOrder(list).isEmpty())
				blocked = "nothing left to do, but the stream is not finished (see " + StreamOutputs.STATUS + ")";
			if (o.once()) drainLocalJobs();
			if (finished || blocked != null || o.once()) return result(finished, blocked);
			if (!did) sleep();
		}
	}

	/**
	 * With {@code --once}: local jobs cannot outlive the run, so wait for those started in this pass and take in
	 * their outcome (rejection, finalisation, consumption), without composing or submitting anything new.
	 */
	private void drainLocalJobs() throws IOException {
		if (!(runner instanceof LocalJobRunner) || running.isEmpty()) return;
		while (!running.isEmpty()) {
			sleep();
			listener.checkCancelled();
			pollJobs();
		}
		takeInOutcomes();
		writeStatus();
	}

	/** What finished jobs lead to: rejection of the chunks that need it, finalisation, consumption. */
	private void takeInOutcomes() throws IOException {
		for (final Chunk c : List.copyOf(chunks.values()))
			if (c.flags().needsRejection()) reject(c);
		finalise();
		consume();
	}

	private void sleep() {
		try {
			Thread.sleep(Math.max(1, o.poll().toMillis()));
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new java.util.concurrent.CancellationException("interrupted");
		}
	}

	/** One pass: import, follow jobs, reject, finalise, consume, compose, submit, status. */
	void step() throws IOException {
		final long now = clock.getAsLong();
		final List<Micrograph> added = ledger.scan(o.importGlob(), cwd, now, listener);
		if (!added.isEmpty()) {
			did = true;
			listener.info("imported " + added.size() + " micrograph(s), "
					+ added.stream().mapToLong(Micrograph::particles).sum() + " particles");
		}
		for (final Chunk c : List.copyOf(chunks.values()))
			update(c.id(), c.flags().advance(folder(c.id()).flags()));
		pollJobs();
		takeInOutcomes();
		refreshSelected();
		final boolean timeout = StreamRules.timeoutPassed(ledger.entries(), now, o.lastImportTimeout().toMillis());
		for (final StreamRules.NewChunk n : StreamRules.compose(ledger.entries(), list(), caps, timeout))
			create(n);
		consume();
		for (final ChunkId id : StreamRules.jobOrder(list())) {
			if (running.contains(id)) continue;
			if (runner.freeSlots() == 0) break;
			submit(id);
		}
		writeStatus();
		int complete = 0;
		for (final Chunk c : chunks.values())
			if (c.flags().complete()) complete++;
		listener.progress(complete, chunks.size(), "microchunk stream: " + complete + " of " + chunks.size()
				+ " chunks complete");
		if (did) listener.info(summary());
	}

	private void pollJobs() throws IOException {
		for (final ChunkId id : List.copyOf(running)) {
			final JobRunner.Status s = runner.poll(id);
			if (s.state() == JobRunner.State.RUNNING) continue;
			running.remove(id);
			runner.forget(id);
			did = true;
			final ChunkFolder f = folder(id);
			String problem = s.state() == JobRunner.State.SUCCEEDED ? ChunkWork.checkOutputs(f, chunks.get(id).particles())
					: s.message();
			if (problem == null) {
				final ChunkFolder.Outputs out = f.outputs();
				f.mark(Sentinel.ABINITIO2D_FINISHED, Map.of("iteration", Integer.toString(out.iteration()), "classes",
						out.classes().getFileName().toString()));
				update(id, f.flags());
				transition(id, "classified");
				continue;
			}
			if (attempts.getOrDefault(id, 0) < MAX_ATTEMPTS) {
				listener.warning(id + ": " + problem + "; retrying");
				submit(id);
			}
			else fail(id, problem + " (attempt " + attempts.get(id) + ")");
		}
	}

	private void submit(final ChunkId id) throws IOException {
		final ChunkFolder f = folder(id);
		f.clearOutputs();
		Files.deleteIfExists(f.dir.resolve(SlurmJobRunner.EXIT));
		String refs = "";
		int k = o.classes();
		if (id.tier() == Tier.MATCH) {
			final ChunkFolder.Outputs ro = folder(new ChunkId(Tier.REF, 1)).outputs();
			refs = ro.classes().toString();
			k = MrcFiles.read(ro.classes()).size();
		}
		final Map<String, String> v = new LinkedHashMap<>();
		v.put("particles", f.particles().toString());
		v.put("out", f.out().toString());
		v.put("K", Integer.toString(k));
		v.put("threads", Integer.toString(o.threads()));
		v.put("references", refs);
		v.put("mskdiam", Classifier.number(o.mskdiam()));
		v.put("smpd", Classifier.number(o.smpd()));
		final JobRunner.Job job;
		if (classifier.simulated() && runner instanceof LocalJobRunner) {
			final int kk = k;
			final Path refPath = refs.isEmpty() ? null : Path.of(refs);
			job = new JobRunner.Job(id, f.dir, null, () -> {
				SimulatedClassifier.run(f.particles(), f.out(), kk, refPath, o.smpd());
				return null;
			});
		}
		else if (classifier.simulated())
			job = new JobRunner.Job(id, f.dir, Classifier.substitute(simulatorCommand(), v), null);
		else job = new JobRunner.Job(id, f.dir, classifier.command(id.tier(), v), null);
		runner.submit(job);
		running.add(id);
		attempts.merge(id, 1, Integer::sum);
		did = true;
		transition(id, "submitted" + (attempts.get(id) > 1 ? " (attempt " + attempts.get(id) + ")" : ""));
	}

	/** The simulator as a command line (for slurm jobs): this Java, this class path. */
	private static String simulatorCommand() {
		final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return Classifier.quote(java) + " -cp " + Classifier.quote(System.getProperty("java.class.path")) + " "
				+ SimulatedClassifier.class.getName() + " {particles} {out} {K} {references} {smpd}";
	}

	private void reject(final Chunk c) throws IOException {
		final ChunkFolder f = folder(c.id());
		did = true;
		try {
			final Path classes = ChunkWork.writeClassTable(f);
			final ChunkFolder.Outputs out = f.outputs();
			rejector.reject(new ChunkRejector.Request(f.dir, c.id().tier(), out.classes(), classes, out.data(),
					o.mskdiam(), o.smpd()), ops, listener);
		}
		catch (final BadInputException e) {
			fail(c.id(), "rejection failed: " + e.getMessage());
			return;
		}
		final ChunkFlags flags = f.flags();
		update(c.id(), flags);
		final Map<String, String> rec = f.record(Sentinel.REJECTION_FINISHED);
		classCounts.put(c.id(), ChunkWork.classCounts(rec));
		transition(c.id(), String.format(Locale.ROOT, "rejected %s of %s classes, %d of %d particles selected",
				rec.getOrDefault("rejected", "?"), rec.getOrDefault("classes", "?"), chunks.get(c.id()).selected(),
				c.particles()));
	}

	private void fail(final ChunkId id, final String reason) throws IOException {
		folder(id).fail(reason);
		update(id, folder(id).flags());
		messages.put(id, reason);
		did = true;
		listener.warning(id + ": failed: " + reason);
	}

	private void finalise() throws IOException {
		for (final ChunkId id : StreamRules.toFinalise(list())) {
			final ChunkFolder f = folder(id);
			final Map<String, String> rec = new LinkedHashMap<>();
			if (id.tier() == Tier.REF) {
				final ChunkFolder.Outputs out = f.outputs();
				rec.put("stack", out.classes().toString());
				rec.put("box", Integer.toString(MrcFiles.read(out.classes()).width()));
			}
			else {
				final Chunk c = chunks.get(id);
				final Path copy = project.resolve(COMPLETED).resolve(id.name() + ".star");
				AtomicFiles.write(copy, w -> Files.copy(f.dir.resolve(ChunkFolder.PARTICLES_STATES), w));
				counters = counters.add(c);
				rec.put("selected", Integer.toString(c.selected()));
				rec.put("rejected", Integer.toString(c.particles() - c.selected()));
			}
			f.mark(Sentinel.COMPLETE, rec);
			update(id, f.flags());
			did = true;
			transition(id, "complete");
		}
	}

	private void consume() throws IOException {
		for (final ChunkId id : StreamRules.toConsume(list())) {
			folder(id).mark(Sentinel.COMPLETE, Map.of("consumed", "yes"));
			update(id, folder(id).flags());
			did = true;
			transition(id, "consumed");
		}
	}

	private void create(final StreamRules.NewChunk n) throws IOException {
		final ParticleTable input = ChunkWork.input(n.id(), n.sources(), chunksDir, cwd, ledger::take);
		final ChunkFolder f = folder(n.id());
		f.create(n.sources(), input);
		chunks.put(n.id(), new Chunk(n.id(), n.sources(), input.size(), -1, f.flags()));
		did = true;
		transition(n.id(), "created from " + n.sources().size() + " source(s), " + input.size() + " particles");
		if (input.size() == 0) fail(n.id(), "no particles (its sources selected none)");
	}

	private void update(final ChunkId id, final ChunkFlags flags) throws IOException {
		final Chunk c = chunks.get(id);
		final ChunkFlags f = c.flags().advance(flags);
		if (f.equals(c.flags())) return;
		chunks.put(id, c.withFlags(f).withSelected(selectedOf(folder(id), f)));
	}

	private int selectedOf(final ChunkFolder f, final ChunkFlags flags) {
		return selectedCounts.of(f, flags);
	}

	/**
	 * The selected counts of the rejected chunks a higher tier has not consumed yet, read again when a
	 * {@code cavg override} changed them: the next tier takes what they select now.
	 */
	private void refreshSelected() {
		for (final Chunk c : List.copyOf(chunks.values())) {
			if (c.flags().complete() || c.selected() < 0) continue;
			final int n = selectedOf(folder(c.id()), c.flags());
			if (n != c.selected()) {
				chunks.put(c.id(), c.withSelected(n));
				classCounts.remove(c.id());
				transition(c.id(), "selection changed by hand: " + n + " of " + c.particles() + " particles selected");
			}
		}
	}

	private void writeStatus() throws IOException {
		final List<List<String>> rows = StatusRows.of(chunks.values(), running, messages, classCounts, this::folder);
		if (rows.equals(statusWritten)) return;
		StreamOutputs.writeStatus(project, rows);
		statusWritten = rows;
	}

	private ChunkFolder folder(final ChunkId id) {
		return new ChunkFolder(chunksDir, id);
	}

	private List<Chunk> list() {
		return List.copyOf(chunks.values());
	}

	private void transition(final ChunkId id, final String what) {
		listener.info(id + ": " + what);
	}

	private String summary() {
		final Map<String, Integer> n = perTier();
		long imported = 0;
		for (final Micrograph m : ledger.entries())
			imported += m.particles();
		return String.format(Locale.ROOT, "chunks p1 %d, p2 %d, ref %d, match %d; particles imported %d, selected %d; "
				+ "elapsed %d s", n.get("p1"), n.get("p2"), n.get("ref"), n.get("match"), imported, selectedTotal(),
				(clock.getAsLong() - started) / 1000);
	}

	/** Particles selected by the complete match chunks. */
	private long selectedTotal() {
		long s = 0;
		for (final Chunk c : chunks.values())
			if (c.id().tier() == Tier.MATCH && c.flags().complete() && c.selected() > 0) s += c.selected();
		return s;
	}

	private Map<String, Integer> perTier() {
		final Map<String, Integer> n = new LinkedHashMap<>();
		for (final Tier t : Tier.values())
			n.put(ChunkId.prefix(t), 0);
		for (final ChunkId id : chunks.keySet())
			n.merge(ChunkId.prefix(id.tier()), 1, Integer::sum);
		return n;
	}

	private MicrochunkStage.Result result(final boolean finished, final String blocked) {
		long imported = 0;
		for (final Micrograph m : ledger.entries())
			imported += m.particles();
		if (blocked != null) listener.warning("the stream cannot finish: " + blocked);
		return new MicrochunkStage.Result(finished, blocked, did, perTier(), imported, counters.accepted(),
				counters.rejected(), MicrochunkStage.projectFiles(project));
	}

	@Override
	public void close() {
		runner.close();
	}
}
