package io.github.triage.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.github.triage.ops.ImageOps;
import io.github.triage.stage.stream.Durations;
import io.github.triage.stage.stream.MicrochunkStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** The microchunk stream: {@code triage microchunk run} and {@code triage microchunk status}. */
@Command(name = "microchunk", mixinStandardHelpOptions = true,
		description = "Cryo-EM 2D-classification stream: chunks, per-tier class-average rejection, restart.",
		subcommands = { MicrochunkCli.Run.class, MicrochunkCli.Status.class })
public final class MicrochunkCli extends CommandGroup {
	@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
			defaultValueProvider = DurationDefaults.class,
			description = { "Import particle STARs as they appear, classify them in pass-1, pass-2, reference and match "
					+ "chunks (PROJECT/chunks/<tier>_<NNN>/), reject class averages with each tier's thresholds, and write "
					+ "PROJECT/status.csv after each step and microchunks_match_combined.star at the finished state.",
					"Run it again after a crash: it carries on where it stopped. Exit 0 finished (or one pass with "
							+ "--once), 1 when the stream cannot finish, 2 bad input." })
	public static final class Run implements Callable<Integer> {
		@Parameters(index = "0", paramLabel = "PROJECT", description = "Project folder (created).")
		Path project;

		@Option(names = "--import", required = true, paramLabel = "GLOB",
				description = "Per-micrograph particle STAR files, e.g. 'Extract/job012/Movies/*.star' (quote it).")
		String importGlob;

		@Option(names = "--mskdiam", required = true, paramLabel = "A", description = "Mask diameter in Å.")
		double mskdiam;

		@Option(names = "--smpd", paramLabel = "A", description = "Pixel size in Å/px (default: from the class averages).")
		Double smpd;

		@Option(names = "--classifier", paramLabel = "relion|simulate|TEMPLATE", description = "relion (relion_refine 2D),"
				+ " simulate (built-in fake), or a command template with {particles} {out} {K} {threads} {references} "
				+ "{mskdiam} {smpd}.")
		String classifier = MicrochunkStage.CLASSIFIER;

		@Option(names = "--scheduler", paramLabel = "local|slurm", description = "Where classifier jobs run.")
		String scheduler = MicrochunkStage.SCHEDULER;

		@Option(names = "--max-jobs", paramLabel = "N", description = "Classifier jobs at once.")
		int maxJobs = MicrochunkStage.MAX_JOBS;

		@Option(names = "--threads", paramLabel = "N", description = "Threads per job ({threads}; slurm cpus per task).")
		int threads = MicrochunkStage.THREADS;

		@Option(names = "--pass1-particles", paramLabel = "N", description = "A pass-1 chunk closes above this many particles.")
		int pass1 = MicrochunkStage.PASS1_PARTICLES;

		@Option(names = "--pass2-particles", paramLabel = "N", description = "A pass-2 chunk closes above this many selected particles.")
		int pass2 = MicrochunkStage.PASS2_PARTICLES;

		@Option(names = "--ref-particles", paramLabel = "N", description = "The reference is made once this many are selected.")
		int ref = MicrochunkStage.REF_PARTICLES;

		@Option(names = "--classes", paramLabel = "K", description = "Classes per chunk.")
		int classes = MicrochunkStage.CLASSES;

		@Option(names = "--last-import-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
				description = "After this long without a new import the leftovers are flushed (90s, 15m, 2h).")
		Duration timeout = MicrochunkStage.LAST_IMPORT_TIMEOUT;

		@Option(names = "--poll", paramLabel = "DURATION", converter = DurationConverter.class,
				description = "Pause between passes when nothing happened.")
		Duration poll = MicrochunkStage.POLL;

		@Option(names = "--once", description = "One pass of the loop, then exit (status.csv says what it did).")
		boolean once;

		@Option(names = "--partition", paramLabel = "NAME", description = "slurm: partition.")
		String partition;

		@Option(names = "--mem", paramLabel = "SIZE", description = "slurm: memory per job (e.g. 8G).")
		String mem;

		@Option(names = "--time", paramLabel = "LIMIT", description = "slurm: time limit per job (e.g. 02:00:00).")
		String time;

		@Mixin
		GpuOption gpu;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			final PrintWriter err = spec.commandLine().getErr();
			final CliListener listener = new CliListener(err);
			final MicrochunkStage.Options o = MicrochunkStage.Options.defaults(project, importGlob, mskdiam)
					.withSmpd(smpd != null ? smpd : Double.NaN).withClassifier(classifier)
					.withScheduler(scheduler, maxJobs, threads).withCaps(pass1, pass2, ref, classes)
					.withTiming(timeout, poll, once).withSlurm(partition, mem, time);
			final MicrochunkStage.Result r;
			try (ImageOps ops = gpu.open(listener)) {
				r = new MicrochunkStage().run(o, ops, listener);
			}
			if (r.blocked() != null) return 1;
			listener.info(r.finished() ? "finished; " + MicrochunkStage.combined(project) : "one pass done"
					+ (r.didSomething() ? "" : ", nothing to do") + "; see " + project.resolve("status.csv"));
			return 0;
		}
	}

	@Command(name = "status", mixinStandardHelpOptions = true, description = "Print PROJECT/status.csv: one row per "
			+ "chunk (chunk,tier,state,particles,selected,classes,rejected_classes,sources,message).")
	public static final class Status extends Subcommand {
		@Parameters(index = "0", paramLabel = "PROJECT", description = "Project folder.")
		Path project;

		@Override
		void execute() throws Exception {
			print(MicrochunkStage.status(project));
		}
	}

	/**
	 * Shows a duration option's default (its field's value, from the stage's Options) as it is typed, {@code 15m},
	 * not Java's {@code PT15M}.
	 */
	public static final class DurationDefaults implements IDefaultValueProvider {
		@Override
		public String defaultValue(final ArgSpec arg) {
			return arg.type() == Duration.class && arg.initialValue() instanceof Duration d ? Durations.format(d) : null;
		}
	}

	/** {@code 90s}, {@code 15m}, {@code 2h}, {@code 250ms} ({@link Durations}). */
	public static final class DurationConverter implements ITypeConverter<Duration> {
		@Override
		public Duration convert(final String value) {
			try {
				return Durations.parse(value);
			}
			catch (final IllegalArgumentException e) {
				throw new TypeConversionException(e.getMessage());
			}
		}
	}
}
