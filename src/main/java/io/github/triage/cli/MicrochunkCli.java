package io.github.triage.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.github.triage.ops.ImageOps;
import io.github.triage.stage.stream.Durations;
import io.github.triage.stage.stream.MicrochunkStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
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
	public static final class Run extends MicrochunkRunFields implements Callable<Integer> {
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
	public static final class Status extends MicrochunkStatusFields {
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
