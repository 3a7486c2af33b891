package io.github.triage.stage.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.github.triage.cavg.stream.ChunkId;
import io.github.triage.io.AtomicFiles;

/**
 * Jobs on a Slurm cluster: one {@code job.sh} per chunk submitted with {@code sbatch --parsable}, its id appended to
 * {@code slurm_jobs.txt} in the chunk folder (so a restarted stream follows the job instead of submitting it
 * again, and knows how many attempts there were). The script records the classifier's exit status in
 * {@code job.exit} (atomically); while that is absent the job is followed through {@code squeue}, then
 * {@code sacct}. The chunk's own sentinels remain the restart record.
 */
final class SlurmJobRunner extends TrackedJobs<SlurmJobRunner.SlurmJob> {
	static final String SCRIPT = "job.sh", JOBS = "slurm_jobs.txt", EXIT = "job.exit";

	/** sbatch options; null or empty ones are left out. */
	record Settings(String partition, int cpus, String mem, String time) {
	}

	/** A slurm job id and the chunk folder it runs in. */
	record SlurmJob(String id, Path dir) {
	}

	private final Settings settings;

	SlurmJobRunner(final Settings settings, final int maxJobs) {
		super(maxJobs);
		this.settings = settings;
	}

	@Override
	public void submit(final Job job) throws IOException {
		if (job.command() == null) throw new IllegalArgumentException("slurm jobs need a command line");
		final Path dir = job.dir().toAbsolutePath();
		Files.deleteIfExists(dir.resolve(EXIT));
		final StringBuilder s = new StringBuilder("#!/bin/sh\n");
		s.append("#SBATCH --job-name=triage-").append(job.id().name()).append('\n');
		if (notEmpty(settings.partition())) s.append("#SBATCH --partition=").append(settings.partition()).append('\n');
		s.append("#SBATCH --cpus-per-task=").append(Math.max(1, settings.cpus())).append('\n');
		if (notEmpty(settings.mem())) s.append("#SBATCH --mem=").append(settings.mem()).append('\n');
		if (notEmpty(settings.time())) s.append("#SBATCH --time=").append(settings.time()).append('\n');
		s.append("#SBATCH --output=").append(dir.resolve("slurm.log")).append('\n');
		s.append("cd ").append(Classifier.quote(dir.toString())).append('\n');
		s.append("sh -c ").append(Classifier.quote(job.command())).append('\n');
		s.append("rc=$?\n");
		final String tmp = Classifier.quote(dir.resolve("." + EXIT + ".tmp").toString());
		s.append("printf '%s\\n' \"$rc\" > ").append(tmp).append(" && mv ").append(tmp).append(' ')
				.append(Classifier.quote(dir.resolve(EXIT).toString())).append('\n');
		s.append("exit $rc\n");
		final Path script = dir.resolve(SCRIPT);
		AtomicFiles.writeString(script, s.toString());
		final Result r = exec(List.of("sbatch", "--parsable", script.toString()));
		final String id = r.out.strip().split("[;\\s]")[0];
		if (r.rc != 0 || id.isEmpty())
			throw new IOException("sbatch failed (exit " + r.rc + "): " + (r.out + r.err).strip());
		Files.writeString(dir.resolve(JOBS), id + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
		jobs.put(job.id(), new SlurmJob(id, dir));
	}

	@Override
	public Status poll(final ChunkId chunk) throws IOException {
		final SlurmJob job = jobs.get(chunk);
		if (job == null) return new Status(State.VANISHED, "no such job");
		final String id = job.id();
		final Path dir = job.dir();
		Status s = exitStatus(dir, id);
		if (s != null) return s;
		final Result q = exec(List.of("squeue", "-h", "-j", id, "-o", "%T"));
		if (q.rc == 0 && !q.out.isBlank()) return Status.RUNNING;
		s = exitStatus(dir, id); // it may have ended between the two looks
		if (s != null) return s;
		final Result a = exec(List.of("sacct", "-n", "-X", "-P", "-j", id, "-o", "State"));
		final String state = a.out.strip().isEmpty() ? "" : a.out.strip().split("\\s+")[0].toUpperCase(Locale.ROOT);
		if (state.startsWith("PENDING") || state.startsWith("RUNNING") || state.startsWith("CONFIGURING")
				|| state.startsWith("COMPLETING") || state.startsWith("REQUEUED"))
			return Status.RUNNING;
		if (state.isEmpty() || state.startsWith("COMPLETED"))
			return new Status(State.VANISHED, "slurm job " + id + " ended without an exit status");
		return new Status(State.FAILED, "slurm job " + id + " " + state.toLowerCase(Locale.ROOT));
	}

	private static Status exitStatus(final Path dir, final String id) throws IOException {
		final Path exit = dir.resolve(EXIT);
		if (!Files.exists(exit)) return null;
		final String rc = Files.readString(exit).strip();
		return rc.equals("0") ? new Status(State.SUCCEEDED, "")
				: new Status(State.FAILED, "the classifier exited " + rc + " (slurm job " + id + ", see slurm.log)");
	}

	@Override
	public boolean adopt(final ChunkId id, final Path dir) throws IOException {
		final List<String> ids = ids(dir);
		if (ids.isEmpty()) return false;
		jobs.put(id, new SlurmJob(ids.get(ids.size() - 1), dir.toAbsolutePath()));
		return true;
	}

	@Override
	public int attempts(final Path dir) throws IOException {
		return ids(dir).size();
	}

	private static List<String> ids(final Path dir) throws IOException {
		final Path f = dir.resolve(JOBS);
		final List<String> out = new ArrayList<>();
		if (Files.exists(f)) for (final String l : Files.readAllLines(f))
			if (!l.isBlank()) out.add(l.strip());
		return out;
	}

	/** Jobs on the cluster go on without the stream; a restart follows them. */
	@Override
	public void close() {
	}

	private static boolean notEmpty(final String s) {
		return s != null && !s.isBlank();
	}

	private record Result(int rc, String out, String err) {
	}

	private static Result exec(final List<String> cmd) throws IOException {
		final Process p = new ProcessBuilder(cmd).start();
		try {
			final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			final String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!p.waitFor(60, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				throw new IOException(cmd.get(0) + " did not answer within 60 s");
			}
			return new Result(p.exitValue(), out, err);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(cmd.get(0) + " interrupted", e);
		}
	}
}
