package io.github.triage.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.jtransforms.fft.FloatFFT_2D;

import io.github.triage.Listener;
import io.github.triage.cavg.ClassAverageRejector;
import io.github.triage.cavg.ClassDecision;
import io.github.triage.cavg.RejectionParams;
import io.github.triage.cavg.Tier;
import io.github.triage.demo.SyntheticClassAverages;
import io.github.triage.ops.GpuMode;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.ImageOpsFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Throughput of the four-criteria class-average rejector on the CPU path (one thread), with two baselines measured
 * in the same run on the same data: one pass summing every pixel (memory bandwidth) and one JTransforms 2D FFT per
 * image (the least a Fourier low-pass costs). The ratios make the figures comparable across machines.
 */
@Command(name = "cavg", mixinStandardHelpOptions = true, sortOptions = false,
		description = "Benchmark of class-average rejection: classes per second, ms per class, ratio to baselines.")
public final class CavgBench implements Callable<Integer> {
	@Option(names = "--classes", defaultValue = "200", description = "Class averages in the stack.")
	int classes;

	@Option(names = "--box", defaultValue = "200", description = "Box size in pixels.")
	int box;

	@Option(names = "--reps", defaultValue = "5", description = "Timed repetitions; the median is reported.")
	int reps;

	@Option(names = "--warmup", defaultValue = "3", description = "Untimed warm-up repetitions.")
	int warmup;

	@Option(names = "--use-gpu", paramLabel = "auto|on|off", defaultValue = "off",
			description = "Kernels for the rejector: off = CPU (default), on = CLIJ2 on any OpenCL device, auto = CLIJ2 on a GPU.")
	String useGpu;

	@Option(names = "--slopes", description = "Also time whole 'triage cavg reject' processes (outputs written) at "
			+ "each --slope-boxes for the two --slope-classes and print the time per class (the slope).")
	boolean slopes;

	@Option(names = "--slope-boxes", split = ",", defaultValue = "64,128,200,400", paramLabel = "PX")
	int[] slopeBoxes;

	@Option(names = "--slope-classes", split = ",", defaultValue = "20,140", paramLabel = "N")
	int[] slopeClasses;

	@Option(names = "--triage", paramLabel = "SCRIPT",
			description = "The script the slopes time (when absent: bin/triage of the checkout that holds this jar).")
	java.nio.file.Path script;

	@Option(names = "--slope-reps", defaultValue = "3", description = "Whole-process runs of each; the median is used.")
	int slopeReps;

	/**
	 * SIMPLE 0effd5fc's rejector, whole process with its outputs, per class (ms) by box, as measured in issue 14
	 * (gfortran -O2, the same 2-core machine): SIMPLE cannot be built here, so these are the recorded figures.
	 */
	static final java.util.Map<Integer, Double> SIMPLE_MS_PER_CLASS = java.util.Map.of(200, 4.3);

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		if (classes < 2 || box < 16 || box % 2 != 0 || reps < 1 || warmup < 0)
			throw new IllegalArgumentException("need --classes >= 2, an even --box >= 16, --reps >= 1, --warmup >= 0");
		final PrintWriter out = spec.commandLine().getOut();
		// one thread for everything, JTransforms included (it would otherwise spread large FFTs over cores)
		pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
		final SyntheticClassAverages.Stack s = SyntheticClassAverages.generate(classes, box, 42);
		// smpd 1.5 Å, mask 0.8 × box: a typical 2D classification geometry
		final RejectionParams params = RejectionParams.of(Tier.P2, 0.8 * box * 1.5, 1.5);
		final ImageOps ops = ImageOpsFactory.create(GpuMode.parse(useGpu), new io.github.triage.Listener() {
			@Override
			public void info(final String m) {
				out.println("# " + m);
			}
		});
		final ClassAverageRejector rejector = new ClassAverageRejector(ops, params);
		final FloatFFT_2D fft = new FloatFFT_2D(box, box);
		final float[] work = new float[2 * box * box]; // realForwardFull: any size
		final double[] sink = new double[1];

		final Runnable reject = () -> {
			final List<ClassDecision> d = rejector.reject(s.images(), box, s.stats(), Listener.NONE);
			sink[0] += d.get(0).state();
		};
		final Runnable sum = () -> {
			double acc = 0;
			for (final float[] img : s.images())
				for (final float v : img)
					acc += v;
			sink[0] += acc;
		};
		final Runnable ffts = () -> {
			for (final float[] img : s.images()) {
				System.arraycopy(img, 0, work, 0, img.length);
				fft.realForwardFull(work);
				sink[0] += work[0];
			}
		};
		final double tReject = median(reject), tSum = median(sum), tFft = median(ffts);
		out.println("# triage bench cavg: " + classes + " classes of " + box + " x " + box + ", " + ops.name()
				+ " kernels, 1 CPU thread, tier p2, "
				+ "median of " + reps + " after " + warmup + " warm-up");
		out.println("what,seconds,classes_per_s,ms_per_class");
		row(out, "reject (4 criteria)", tReject);
		row(out, "baseline: sum pass", tSum);
		row(out, "baseline: 1 FFT per image", tFft);
		out.printf(Locale.ROOT, "ratio reject/sum,%.1f%n", tReject / tSum);
		out.printf(Locale.ROOT, "ratio reject/fft,%.2f%n", tReject / tFft);
		out.printf(Locale.ROOT, "# checksum %.3f%n", sink[0]);
		out.flush();
		if (slopes) slopes(out);
		return 0;
	}

	/** Whole-process rejections at two class counts per box: their difference per class is the cost of a class. */
	private void slopes(final PrintWriter out) throws Exception {
		if (slopeClasses.length != 2 || slopeClasses[0] < 1 || slopeClasses[1] <= slopeClasses[0] || slopeReps < 1)
			throw new IllegalArgumentException("need --slope-classes N1,N2 with 1 <= N1 < N2 and --slope-reps >= 1");
		final java.nio.file.Path triage = StartupBench.script(script);
		final String load0 = StartupBench.loadAverage();
		final StringBuilder rows = new StringBuilder();
		for (final int b : slopeBoxes) {
			final StartupBench.Times[] t = new StartupBench.Times[2];
			for (int i = 0; i < 2; i++) {
				final java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("triage-bench-cavg-");
				try {
					final StartupBench.Input in = StartupBench.input(dir, slopeClasses[i], b);
					t[i] = StartupBench.median(StartupBench.reject(triage, in, dir.resolve("out")), 1, slopeReps);
				}
				finally {
					StartupBench.delete(dir);
				}
			}
			final double ms = 1000 * (t[1].wall() - t[0].wall()) / (slopeClasses[1] - slopeClasses[0]);
			final double cpuMs = 1000 * (t[1].cpu() - t[0].cpu()) / (slopeClasses[1] - slopeClasses[0]);
			final Double simple = SIMPLE_MS_PER_CLASS.get(b);
			rows.append(String.format(Locale.ROOT, "%d,%.3f,%.3f,%.2f,%.3f,%.3f,%.2f,%s,%s%n", b, t[0].wall(),
					t[1].wall(), ms, t[0].cpu(), t[1].cpu(), cpuMs,
					simple == null ? "" : simple.toString(), simple == null ? "" : String.format(Locale.ROOT, "%.2f", ms / simple)));
			out.flush();
		}
		out.println("# whole process (" + triage + " cavg reject, outputs written), median of " + slopeReps
				+ " after 1 warm-up; load average " + load0 + " before, " + StartupBench.loadAverage() + " after; "
				+ "SIMPLE: recorded figures of issue 14 (not built here)");
		final String n0 = slopeClasses[0] + "_classes", n1 = slopeClasses[1] + "_classes";
		out.println("box,seconds_" + n0 + ",seconds_" + n1 + ",ms_per_class,cpu_seconds_" + n0 + ",cpu_seconds_" + n1
				+ ",cpu_ms_per_class,simple_ms_per_class,ratio_to_simple");
		out.print(rows);
		out.flush();
	}

	private void row(final PrintWriter out, final String what, final double seconds) {
		out.printf(Locale.ROOT, "%s,%.4f,%.1f,%.3f%n", what, seconds, classes / seconds, 1000 * seconds / classes);
	}

	private double median(final Runnable r) {
		for (int i = 0; i < warmup; i++)
			r.run();
		final double[] t = new double[reps];
		for (int i = 0; i < reps; i++) {
			final long t0 = System.nanoTime();
			r.run();
			t[i] = (System.nanoTime() - t0) * 1e-9;
		}
		java.util.Arrays.sort(t);
		return t[reps / 2];
	}
}
