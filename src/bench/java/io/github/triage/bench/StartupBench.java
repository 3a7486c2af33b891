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

	/** A synthetic stack and class table (1.5 Å/px) and the arguments of its rejection (mask 0.8 × box). */
	record Input(Path stack, Path classes, int box) {
		String[] rejectArgs(final Path out, final String gpu) {
			return new String[] { "cavg", "reject", "--stack", stack.toString(), "--classes", classes.toString(),
					"--mskdiam", String.format(Locale.ROOT, "%.1f", 0.8 * box * 1.5), "--tier", "p2", "--use-gpu", gpu,
					"-o", out.toString() };
		}
	}

	static Input oneClassInput(final Path dir) throws IOException {
		return input(dir, 1, 64);
	}

	/** {@code n} synthetic classes of {@code box} px in {@code dir} (cavgs.mrcs, classes.csv). */
	static Input input(final Path dir, final int n, final int box) throws IOException {
		final SyntheticClassAverages.Stack s = SyntheticClassAverages.generate(n, box, 42);
		final Path stack = dir.resolve("cavgs.mrcs"), classes = dir.resolve("classes.csv");
		MrcFiles.write(stack, new MrcStack(s.images(), box, box, 1.5));
		final StringBuilder csv = new StringBuilder("class,pop,res\n");
		for (final ClassStats c : s.stats())
			csv.append(c.classNumber()).append(',').append((long) c.population()).append(',').append(c.resolution())
					.append('\n');
		AtomicFiles.writeString(classes, csv.toString());
		return new Input(stack, classes, box);
	}

	@Override
	public Integer call() throws Exception {
		if (runs < 1 || warmup < 0) throw new IllegalArgumentException("need --runs >= 1 and --warmup >= 0");
		final PrintWriter out = spec.commandLine().getOut();
		final Path jar = Path.of(StartupBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		final Path triage = script(script);
		final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		final Path dir = Files.createTempDirectory("triage-bench-startup-");
		final Times hello, help, cavg;
		final String load0 = loadAverage();
		try {
			final Input in = oneClassInput(dir);
			hello = median(List.of(java, "-cp", jar.toString(), Hello.class.getName()), warmup, runs);
			help = median(List.of(triage.toString(), "--help"), warmup, runs);
			cavg = median(reject(triage, in, dir.resolve("out")), warmup, runs);
		}
		finally {
			delete(dir);
		}
		out.println("# triage bench startup: whole process, median of " + runs + " after " + warmup + " warm-up; "
				+ Runtime.getRuntime().availableProcessors() + " CPUs; load average " + load0 + " before, "
				+ loadAverage() + " after");
		out.println("what,seconds,ratio_to_hello,cpu_seconds,cpu_ratio_to_hello,goal_s");
		row(out, "baseline: java hello", hello, hello, "");
		row(out, "triage --help", help, hello, Double.toString(GOAL_S));
		row(out, "cavg reject (1 class 64 px)", cavg, hello, Double.toString(GOAL_S));
		out.flush();
		return 0;
	}

	private static void row(final PrintWriter out, final String what, final Times t, final Times base,
			final String goal) {
		out.printf(Locale.ROOT, "%s,%.3f,%.1f,%.3f,%.1f,%s%n", what, t.wall(), t.wall() / base.wall(), t.cpu(),
				t.cpu() / base.cpu(), goal);
	}

	/** bin/triage of the checkout that holds this jar, or the one given. */
	static Path script(final Path given) throws java.net.URISyntaxException {
		final Path jar = Path.of(StartupBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		final Path triage = given != null ? given : jar.getParent().getParent().resolve("bin/triage");
		if (!Files.isExecutable(triage)) throw new IllegalArgumentException(triage + " is not an executable script");
		return triage;
	}

	/** The command line of a whole-process rejection by {@code triage} (GPU auto, as a user runs it). */
	static List<String> reject(final Path triage, final Input in, final Path out) {
		final List<String> c = new ArrayList<>(List.of(triage.toString()));
		c.addAll(Arrays.asList(in.rejectArgs(out, "auto")));
		return c;
	}

	static void delete(final Path dir) throws IOException {
		try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	/** Medians of a command's runs: wall seconds, and CPU seconds (user + system, every thread: less moved by load). */
	record Times(double wall, double cpu) {
	}

	/**
	 * Medians of {@code runs} runs of a command, each a new process, after {@code warmup} untimed ones. The CPU time
	 * comes from bash's {@code times} (its children's user and system time).
	 */
	static Times median(final List<String> command, final int warmup, final int runs)
			throws IOException, InterruptedException {
		final double[] wall = new double[runs], cpu = new double[runs];
		final List<String> timed = new ArrayList<>(List.of("bash", "-c",
				"\"$@\" >/dev/null 2>&1; rc=$?; times; exit $rc", "bench"));
		timed.addAll(command);
		for (int i = -warmup; i < runs; i++) {
			final ProcessBuilder pb = new ProcessBuilder(timed).redirectError(ProcessBuilder.Redirect.DISCARD);
			pb.environment().remove("TRIAGE_REBUILD"); // never time a Maven build
			final long t0 = System.nanoTime();
			final Process p = pb.start();
			final String times = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			final int exit = p.waitFor();
			final double s = (System.nanoTime() - t0) * 1e-9;
			if (exit != 0) throw new IllegalStateException(String.join(" ", command) + " exited " + exit);
			if (i >= 0) {
				wall[i] = s;
				cpu[i] = childCpu(times);
			}
		}
		Arrays.sort(wall);
		Arrays.sort(cpu);
		return new Times(wall[runs / 2], cpu[runs / 2]);
	}

	/** The children's line of bash's {@code times} ("0m0.310s 0m0.052s"): user + system seconds. */
	private static double childCpu(final String times) {
		final String[] lines = times.strip().split("\n");
		double sum = 0;
		for (final String f : lines[lines.length - 1].trim().split("\\s+")) {
			final int m = f.indexOf('m');
			sum += Double.parseDouble(f.substring(0, m)) * 60 + Double.parseDouble(f.substring(m + 1, f.length() - 1));
		}
		return sum;
	}

	/** The 1-minute load average (others' work on a shared machine inflates every figure), or "?". */
	static String loadAverage() {
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
