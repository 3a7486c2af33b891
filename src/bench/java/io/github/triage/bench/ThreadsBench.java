package io.github.triage.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.github.triage.Listener;
import io.github.triage.cavg.Tier;
import io.github.triage.demo.SyntheticSeries;
import io.github.triage.io.TiffStacks;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.ops.FloatImages;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.Workers;
import io.github.triage.quality.QualitySettings;
import io.github.triage.quality.SliceQualityAssessor;
import io.github.triage.quality.SliceSource;
import io.github.triage.stage.cavg.RejectStage;
import io.github.triage.stage.galvo.DetectTileStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code triage bench threads}: each parallel path run with one thread and with {@code --threads}, alternately in
 * the same process (paired runs, medians), so the ratio holds on a loaded machine; and a galvo tile's detection
 * against reading the file's bytes. Prints CSV.
 */
@Command(name = "threads", mixinStandardHelpOptions = true,
		description = "Speed-up of --threads N over one thread (quality, galvo, cavg), paired runs; galvo per tile vs reading its bytes.")
public final class ThreadsBench implements Callable<Integer> {
	@Option(names = "--threads", description = "Threads to compare with one (the default is the machine's cores).")
	int threads = Workers.defaultThreads();
	@Option(names = "--reps", description = "Paired repetitions (after one warm-up pair).")
	int reps = 3;
	@Option(names = "--slices", description = "Quality: slices.")
	int slices = 20;
	@Option(names = "--size", description = "Quality: plane side.")
	int size = 512;
	@Option(names = "--depth", description = "Quality: planes per slice.")
	int depth = 30;
	@Option(names = "--tiles", description = "Galvo: tiles.")
	int tiles = 8;
	@Option(names = "--tile", description = "Galvo: tile X,Y,Z.", split = ",")
	int[] tile = { 256, 440, 200 };
	@Option(names = "--classes", description = "Cavg: classes.")
	int classes = 1000;
	@Option(names = "--box", description = "Cavg: box size of the class averages (px).")
	int cavgBox = 128;
	@Option(names = "--only", description = "quality, galvo or cavg (default: all).")
	String only;
	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		final PrintWriter out = spec.commandLine().getOut();
		pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
		out.printf(Locale.ROOT, "# %d cores, max heap %d MiB, load average %s%n", Workers.defaultThreads(),
				Runtime.getRuntime().maxMemory() >> 20, loadAverage());
		out.println("path,work,threads,median_1_thread_s,median_n_threads_s,speedup");
		try (ImageOps ops = new CpuImageOps()) {
			if (only == null || only.equals("quality")) quality(out, ops);
			if (only == null || only.equals("galvo")) galvo(out, ops);
			if (only == null || only.equals("cavg")) cavg(out, ops);
		}
		out.flush();
		return 0;
	}

	private void quality(final PrintWriter out, final ImageOps ops) throws Exception {
		final SyntheticSeries s = new SyntheticSeries(size, size, 7);
		final List<SliceSource> series = new ArrayList<>();
		for (int i = 0; i < slices; i++)
			series.add(s.slice(i, depth, SyntheticSeries.Kind.NORMAL));
		final SliceQualityAssessor a = new SliceQualityAssessor(ops, QualitySettings.DEFAULT);
		paired(out, "quality", slices + " slices of " + depth + "x" + size + "^2",
				t -> a.assess(series, null, Listener.NONE, t));
	}

	private void galvo(final PrintWriter out, final ImageOps ops) throws Exception {
		final Path dir = Files.createTempDirectory("triage-threads-bench");
		try {
			final List<Path> files = new ArrayList<>();
			final int w = tile[0], h = tile[1], d = tile[2];
			final float[] px = new float[w * h * d];
			for (int k = 0; k < tiles; k++) {
				for (int i = 0; i < px.length; i++)
					px[i] = 50 + (i * 31 + k * 17) % 97 + (((i / w) % h) >= 100 && ((i / w) % h) < 140 ? 40 : 0);
				final Path f = dir.resolve(String.format("tile_%02d.tif", k));
				TiffStacks.write(f, FloatImages.wrap(px, w, h, d));
				files.add(f);
			}
			final String work = tiles + " tiles of " + w + "x" + h + "x" + d + " float ("
					+ (Files.size(files.get(0)) >> 20) + " MiB each)";
			paired(out, "galvo", work, t -> new DetectTileStage()
					.run(new DetectTileStage.Options(files, null, 40, 0.6, t), ops, Listener.NONE));
			// one thread's per-tile time against reading the same bytes (page cache warm for all), interleaved: into a
			// Java buffer (the kernel copies into a direct buffer, then into the heap), and, the least a read costs,
			// into a reused direct buffer only (one copy, as detection reads). Wall and this thread's CPU time (the
			// one-thread stage runs on the calling thread): CPU time holds on a loaded machine.
			final ByteBuffer heap = ByteBuffer.allocate(1 << 20), off = ByteBuffer.allocateDirect(1 << 20);
			final double[][] wall = new double[3][reps], cpu = new double[3][reps];
			final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
			for (int r = 0; r < reps; r++)
				for (int k = 0; k < 3; k++) {
					final long t0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
					if (k == 0) new DetectTileStage().run(new DetectTileStage.Options(files, null, 40, 0.6, 1), ops,
							Listener.NONE);
					else for (final Path f : files)
						readBytes(f, k == 1 ? heap : off);
					wall[k][r] = (System.nanoTime() - t0) / 1e9;
					cpu[k][r] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
				}
			for (final double[][] t : new double[][][] { wall, cpu }) {
				final String kind = t == wall ? "" : "-cpu";
				final double det = median(t[0]), b = median(t[1]), b1 = median(t[2]);
				out.printf(Locale.ROOT, "galvo-vs-bytes%s,%s,1,%.4f,%.4f,%.2f%n", kind,
						"per tile: read bytes vs detect" + (t == wall ? "" : " (CPU time)"), b / tiles, det / tiles, det / b);
				out.printf(Locale.ROOT, "galvo-vs-direct-read%s,%s,1,%.4f,%.4f,%.2f%n", kind,
						"per tile: read into a direct buffer vs detect" + (t == wall ? "" : " (CPU time)"), b1 / tiles,
						det / tiles, det / b1);
			}
		}
		finally {
			try (var s = Files.list(dir)) {
				for (final Path p : (Iterable<Path>) s::iterator)
					Files.delete(p);
			}
			Files.delete(dir);
		}
	}

	private static void readBytes(final Path f, final ByteBuffer buf) throws IOException {
		buf.clear();
		try (FileChannel ch = FileChannel.open(f)) {
			while (ch.read(buf) > 0)
				buf.clear();
		}
	}

	/**
	 * The whole {@code cavg reject} stage as a user waits for it: the stack and class table read from files, the
	 * decisions, and every output written (stacks, STAR tables, contact sheets, CSV), each run into a new folder.
	 * (At 1000 classes the population criterion rejects nearly every class, as it would in a real classification
	 * of that many: one large rejected sheet.)
	 */
	private void cavg(final PrintWriter out, final ImageOps ops) throws Exception {
		final Path dir = Files.createTempDirectory("triage-threads-cavg");
		try {
			final StartupBench.Input in = StartupBench.input(dir, classes, cavgBox);
			final double mskdiam = 0.8 * cavgBox * 1.5;
			final int[] run = { 0 };
			final Run stage = t -> {
				final Path o = dir.resolve("out" + run[0]++);
				new RejectStage().run(RejectStage.Options.of(RejectStage.StackInput.file(in.stack()), in.classes(),
						mskdiam, Tier.P2, o).withThreads(t), ops, Listener.NONE);
				StartupBench.delete(o);
			};
			// two more warm-up pairs: the JIT is still compiling the stage's many paths after the first (a run at
			// 200^2 takes 7 s, then 2.5, then 2)
			for (int w = 0; w < 2; w++) {
				stage.run(1);
				stage.run(threads);
			}
			paired(out, "cavg", classes + " classes of " + cavgBox + "^2 (whole stage with outputs)", stage);
		}
		finally {
			StartupBench.delete(dir);
		}
	}

	@FunctionalInterface
	interface Run {
		void run(int threads) throws Exception;
	}

	/** One warm-up pair, then {@code reps} pairs alternating which goes first; prints and returns the medians. */
	private double[] paired(final PrintWriter out, final String path, final String work, final Run run)
			throws Exception {
		run.run(1);
		run.run(threads);
		final double[] one = new double[reps], many = new double[reps];
		for (int r = 0; r < reps; r++)
			for (final boolean first : r % 2 == 0 ? new boolean[] { true, false } : new boolean[] { false, true }) {
				final long t0 = System.nanoTime();
				run.run(first ? 1 : threads);
				(first ? one : many)[r] = (System.nanoTime() - t0) / 1e9;
			}
		final double a = median(one), b = median(many);
		out.printf(Locale.ROOT, "%s,%s,%d,%.3f,%.3f,%.2f%n", path, work, threads, a, b, a / b);
		out.flush();
		return new double[] { a, b };
	}

	private static double median(final double[] v) {
		final double[] s = v.clone();
		Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
		}
		catch (final IOException e) {
			return "?";
		}
	}
}
