package io.github.triage.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.github.triage.cavg.ClassStats;
import io.github.triage.demo.SyntheticClassAverages;
import io.github.triage.io.AtomicFiles;
import io.github.triage.io.MrcFiles;
import io.github.triage.io.MrcStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Whole-process start-up: wall time of {@code bin/triage --help} and of a one-class {@code cavg reject} (what each
 * chunk of the microchunk stream starts), each run as a new process, against a JVM that only prints hello (same
 * java, same machine, same run). The goal of issue 14 is 0.25 s for both.
 */
@Command(name = "startup", mixinStandardHelpOptions = true, sortOptions = false,
		description = "Benchmark of start-up: whole-process seconds of 'triage --help' and a one-class 'cavg reject', "
				+ "ratio to a JVM that prints hello.")
public final class StartupBench implements Callable<Integer> {
	/** The whole-process goal of issue 14, seconds. */
	static final double GOAL_S = 0.25;

	@Option(names = "--runs", defaultValue = "11", description = "Timed runs of each command; the median is reported.")
	int runs;

	@Option(names = "--warmup", defaultValue = "2",
			description = "Untimed runs first (the first run after a build makes the start-up archive).")
	int warmup;

	@Option(names = "--triage", paramLabel = "SCRIPT",
			description = "The script to time (when absent: bin/triage of the checkout that holds this jar).")
	Path script;

	@Spec
	CommandSpec spec;

	/** A one-class stack and class table (64 px, 1.5 Å/px) and the arguments of its rejection. */
	record Input(Path stack, Path classes) {
		String[] rejectArgs(final Path out, final String gpu) {
			return new String[] { "cavg", "reject", "--stack", stack.toString(), "--classes", classes.toString(),
					"--mskdiam", "76.8", "--tier", "p2", "--use-gpu", gpu, "-o", out.toString() };
		}
	}

	static Input oneClassInput(final Path dir) throws IOException {
		final SyntheticClassAverages.Stack s = SyntheticClassAverages.generate(1, 64, 42);
		final Path stack = dir.resolve("cavgs.mrcs"), classes = dir.resolve("classes.csv");
		MrcFiles.write(stack, new MrcStack(s.images(), 64, 64, 1.5));
		final StringBuilder csv = new StringBuilder("class,pop,res\n");
		for (final ClassStats c : s.stats())
			csv.append(c.classNumber()).append(',').append((long) c.population()).append(',').append(c.resolution())
					.append('\n');
		AtomicFiles.writeString(classes, csv.toString());
		return new Input(stack, classes);
	}

	@Override
	public Integer call() throws Exception {
		if (runs < 1 || warmup < 0) throw new IllegalArgumentException("need --runs >= 1 and --warmup >= 0");
		final PrintWriter out = spec.commandLine().getOut();
		final Path jar = Path.of(StartupBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		final Path triage = script != null ? script : jar.getParent().getParent().resolve("bin/triage");
		if (!Files.isExecutable(triage)) throw new IllegalArgumentException(triage + " is not an executable script");
		final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		final Path dir = Files.createTempDirectory("triage-bench-startup-");
		final Input in = oneClassInput(dir);
		final String load0 = loadAverage();
		final List<String> reject = new ArrayList<>(List.of(triage.toString()));
		reject.addAll(Arrays.asList(in.rejectArgs(dir.resolve("out"), "auto")));
		final double hello = median(List.of(java, "-cp", jar.toString(), Hello.class.getName()));
		final double help = median(List.of(triage.toString(), "--help"));
		final double cavg = median(reject);
		out.println("# triage bench startup: whole process, median of " + runs + " after " + warmup + " warm-up; "
				+ Runtime.getRuntime().availableProcessors() + " CPUs; load average " + load0 + " before, "
				+ loadAverage() + " after");
		out.println("what,seconds,ratio_to_hello,goal_s");
		out.printf(Locale.ROOT, "baseline: java hello,%.3f,1.0,%n", hello);
		out.printf(Locale.ROOT, "triage --help,%.3f,%.1f,%.2f%n", help, help / hello, GOAL_S);
		out.printf(Locale.ROOT, "cavg reject (1 class 64 px),%.3f,%.1f,%.2f%n", cavg, cavg / hello, GOAL_S);
		out.flush();
		return 0;
	}

	private double median(final List<String> command) throws IOException, InterruptedException {
		final double[] t = new double[runs];
		for (int i = -warmup; i < runs; i++) {
			final ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.redirectError(ProcessBuilder.Redirect.DISCARD);
			pb.environment().remove("TRIAGE_REBUILD"); // never time a Maven build
			final long t0 = System.nanoTime();
			final int exit = pb.start().waitFor();
			final double s = (System.nanoTime() - t0) * 1e-9;
			if (exit != 0) throw new IllegalStateException(String.join(" ", command) + " exited " + exit);
			if (i >= 0) t[i] = s;
		}
		Arrays.sort(t);
		return t[runs / 2];
	}

	/** The 1-minute load average (others' work on a shared machine inflates every figure), or "?". */
	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (final IOException | RuntimeException e) {
			return "?";
		}
	}

	/** The baseline: a JVM that starts, prints and exits. */
	public static final class Hello {
		private Hello() {
		}

		public static void main(final String... args) {
			System.out.println("hello");
		}
	}
}
