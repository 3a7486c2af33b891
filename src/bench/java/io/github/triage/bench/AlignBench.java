package io.github.triage.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

import io.github.triage.Listener;
import io.github.triage.io.OmeZarrWriter;
import io.github.triage.io.StackVolumes;
import io.github.triage.ops.Workers;
import io.github.triage.stage.stack.AlignFromShiftsStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code triage bench align}: common-space alignment from shifts ({@link AlignFromShiftsStage}) on a synthetic
 * series written to a temporary folder (default 20 slices of 30 × 1024 × 1024 float32 OME-Zarr, NGFF 0.5, zstd),
 * against a baseline measured in the same run: reading every slice plane by plane and writing the same planes to
 * new OME-Zarr images in the same format. Prints both times, their ratio (issue 10's goal: ≤ 2), the heap left
 * live after each collection during the stage (the live set; goal &lt; 1 GB) and the heap pools' peak (an upper bound,
 * garbage included). Run it under {@code TRIAGE_JAVA_OPTS=-Xmx1g} to see that 1 GB is enough.
 */
@Command(name = "align", mixinStandardHelpOptions = true,
		description = "Benchmark of stack align-from-shifts against reading and writing the same OME-Zarr planes.")
public final class AlignBench implements Callable<Integer> {
	@Spec
	CommandSpec spec;

	@Option(names = "--slices", description = "Slices in the series.")
	int slices = 20;

	@Option(names = "--depth", description = "Z planes per slice.")
	int depth = 30;

	@Option(names = "--size", description = "Plane side (Y = X).")
	int size = 1024;

	@Option(names = "--drift", description = "Largest stage step between slices, in pixels (X and Y).")
	double drift = 8;

	@Option(names = "--threads", description = "Threads of the stage (slices in parallel).")
	int threads = Workers.defaultThreads();

	@Option(names = "--reps", description = "Paired repetitions (baseline, then stage), after one small warm-up.")
	int reps = 1;

	@Option(names = "--keep", description = "Keep the temporary folder (its path is printed).")
	boolean keep;

	private static final double RES_MM = 0.01;

	@Override
	public Integer call() throws Exception {
		final PrintWriter out = spec.commandLine().getOut();
		final Path tmp = Files.createTempDirectory("triage-align-bench");
		try {
			out.printf(Locale.ROOT, "align bench: %d slices of %d × %d × %d float32, stage threads %d, max heap %d MiB, "
					+ "%d cores, folder %s%n", slices, depth, size, size, threads, Runtime.getRuntime().maxMemory() >> 20,
					Runtime.getRuntime().availableProcessors(), tmp);
			// warm-up on a small series so the JIT is out of the timings
			final Path warm = tmp.resolve("warm");
			final Path warmShifts = generate(warm, 3, 4, 96, out, false);
			baseline(warm.resolve("mosaics"), warm.resolve("copy"));
			stage(warm.resolve("mosaics"), warmShifts, warm.resolve("aligned"));
			deleteTree(warm);

			final long g0 = System.nanoTime();
			final Path shifts = generate(tmp, slices, depth, size, out, true);
			final Path mosaics = tmp.resolve("mosaics");
			out.printf(Locale.ROOT, "generated in %.1f s (%d MiB on disk)%n", (System.nanoTime() - g0) / 1e9,
					bytes(mosaics) >> 20);
			final List<Double> ratios = new ArrayList<>();
			double base = 0, align = 0;
			long live = 0, peak = 0;
			for (int r = 0; r < reps; r++) {
				deleteTree(tmp.resolve("copy"));
				deleteTree(tmp.resolve("aligned"));
				final Heap hb = Heap.start();
				final long t0 = System.nanoTime();
				baseline(mosaics, tmp.resolve("copy"));
				base = (System.nanoTime() - t0) / 1e9;
				final long[] baseHeap = hb.stop();
				final Heap hs = Heap.start();
				final long t1 = System.nanoTime();
				final AlignFromShiftsStage.Result res = stage(mosaics, shifts, tmp.resolve("aligned"));
				align = (System.nanoTime() - t1) / 1e9;
				final long[] stageHeap = hs.stop();
				live = stageHeap[0];
				peak = stageHeap[1];
				ratios.add(align / base);
				out.printf(Locale.ROOT, "rep %d: baseline (read + write the same planes) %.2f s, %d MiB written; "
						+ "stage %.2f s on a %d × %d canvas, %d MiB written; ratio %.2f; live heap after GC: baseline %d, "
						+ "stage %d MiB; pool peaks: baseline %d, stage %d MiB%n", r + 1, base,
						bytes(tmp.resolve("copy")) >> 20, align, res.canvasWidth(), res.canvasHeight(),
						bytes(tmp.resolve("aligned")) >> 20, align / base, baseHeap[0] >> 20, live >> 20,
						baseHeap[1] >> 20, peak >> 20);
			}
			ratios.sort(null);
			final double ratio = ratios.get(ratios.size() / 2);
			out.printf(Locale.ROOT, "RESULT align: %d slices of %d × %d × %d in %.2f s vs baseline %.2f s: ratio %.2f "
					+ "(goal <= 2, %s); live heap %d MiB, pool peak %d MiB (goal < 1024 MiB live, %s), max heap %d MiB%n",
					slices, depth, size, size, align, base, ratio, ratio <= 2 ? "met" : "MISSED", live >> 20, peak >> 20,
					live < 1L << 30 ? "met" : "MISSED", Runtime.getRuntime().maxMemory() >> 20);
		}
		finally {
			if (keep) out.println("kept " + tmp);
			else deleteTree(tmp);
		}
		return 0;
	}

	/** The baseline: every slice read plane by plane and written again, same writer and format as the stage. */
	private static void baseline(final Path mosaics, final Path outDir) throws IOException {
		Files.createDirectories(outDir);
		for (final Map.Entry<Integer, Path> e : StackVolumes.list(mosaics).entrySet()) {
			final StackVolumes.Volume v = StackVolumes.open(e.getValue(), e.getValue().toString(), Listener.NONE);
			StackVolumes.write(outDir.resolve(e.getValue().getFileName()), v.depth(), v.height(), v.width(), v::plane,
					v.scaleZyxMm(), v.ngffVersion());
		}
	}

	private AlignFromShiftsStage.Result stage(final Path mosaics, final Path shifts, final Path outDir)
			throws IOException {
		final AlignFromShiftsStage.Options d = AlignFromShiftsStage.Options.defaults(mosaics, shifts, outDir);
		return new AlignFromShiftsStage().run(new AlignFromShiftsStage.Options(mosaics, shifts, outDir, null, d.mode(),
				d.window(), d.centerDrift(), d.fill(), threads, null), null, Listener.NONE);
	}

	/**
	 * Writes {@code n} slices (NGFF 0.5, zstd, chunks 16 × 256 × 256: what the stage writes) into {@code dir/mosaics}
	 * and a shifts_xy.csv of small random steps; returns the CSV.
	 */
	private Path generate(final Path dir, final int n, final int d, final int side, final PrintWriter out,
			final boolean progress) throws IOException {
		final Path mosaics = Files.createDirectories(dir.resolve("mosaics"));
		final OmeZarrWriter.Format format = OmeZarrWriter.Format.defaults().withChunks(new int[] { 16, 256, 256 });
		for (int id = 0; id < n; id++) {
			final float[] base = texture(id, side);
			final int sliceId = id;
			OmeZarrWriter.write(mosaics.resolve(String.format(Locale.ROOT, "slice_z%02d.ome.zarr", id)), d, side, side,
					z -> {
						final float[] p = new float[side * side];
						for (int i = 0; i < p.length; i++)
							p[i] = base[i] * (1 + 0.01f * z) + noise(sliceId, z, i);
						return p;
					}, new double[] { RES_MM, RES_MM, RES_MM }, "millimeter", format);
			if (progress && (id + 1) % 5 == 0) out.printf(Locale.ROOT, "  %d of %d slices generated%n", id + 1, n);
		}
		final StringBuilder b = new StringBuilder("fixed_id,moving_id,x_shift,y_shift,x_shift_mm,y_shift_mm,reliable\n");
		final java.util.Random rnd = new java.util.Random(42);
		for (int k = 0; k + 1 < n; k++) {
			final double dx = (rnd.nextDouble() * 2 - 1) * drift, dy = (rnd.nextDouble() * 2 - 1) * drift;
			b.append(String.format(Locale.ROOT, "%d,%d,%.0f,%.0f,%.6f,%.6f,1%n", k, k + 1, dx, dy, dx * RES_MM,
					dy * RES_MM));
		}
		return Files.writeString(dir.resolve("shifts_xy.csv"), b);
	}

	/** A smooth tissue-like pattern, positive, different per slice. */
	private static float[] texture(final int id, final int side) {
		final float[] t = new float[side * side];
		final double f1 = 2 * Math.PI * (3 + id % 5) / side, f2 = 2 * Math.PI * (5 + id % 3) / side;
		for (int y = 0; y < side; y++)
			for (int x = 0; x < side; x++)
				t[y * side + x] = (float) (100 + 40 * Math.sin(f1 * x + id) * Math.cos(f2 * y) + 0.02 * (x + y));
		return t;
	}

	/** Speckle-like noise in [0, 8): a cheap integer hash. */
	private static float noise(final int id, final int z, final int i) {
		int h = i * 0x9E3779B1 ^ z * 0x85EBCA6B ^ id * 0xC2B2AE35;
		h ^= h >>> 15;
		h *= 0x2C1B3C6D;
		h ^= h >>> 12;
		return (h & 0xff) / 32f;
	}

	/**
	 * Heap watched through GC notifications: the most heap left after any collection (the live set, as close as
	 * the JVM tells it) and the heap pools' peak usage (garbage included).
	 */
	private static final class Heap {
		final AtomicLong maxAfterGc = new AtomicLong();
		final NotificationListener listener = (n, h) -> {
			if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
			final GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
					.from((CompositeData) n.getUserData());
			long used = 0;
			for (final Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet())
				if (isHeap(e.getKey())) used += e.getValue().getUsed();
			maxAfterGc.accumulateAndGet(used, Math::max);
		};

		static Heap start() {
			System.gc();
			for (final MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
				if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
			final Heap h = new Heap();
			for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
				((NotificationEmitter) gc).addNotificationListener(h.listener, null, null);
			return h;
		}

		/** {max heap after a collection, sum of the heap pools' peaks}, in bytes. */
		long[] stop() throws Exception {
			System.gc(); // one last collection, so the live set at the end counts too
			Thread.sleep(200); // notifications arrive on another thread
			for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
				((NotificationEmitter) gc).removeNotificationListener(listener);
			long peak = 0;
			for (final MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
				if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
			return new long[] { maxAfterGc.get(), peak };
		}

		private static boolean isHeap(final String pool) {
			for (final MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
				if (p.getName().equals(pool)) return p.getType() == MemoryType.HEAP;
			return false;
		}
	}

	private static long bytes(final Path dir) throws IOException {
		if (!Files.exists(dir)) return 0;
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
		}
	}

	private static void deleteTree(final Path dir) throws IOException {
		if (!Files.exists(dir)) return;
		try (Stream<Path> s = Files.walk(dir)) {
			for (final Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator)
				Files.deleteIfExists(p);
		}
	}
}
