package io.github.triage.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.github.triage.Listener;
import io.github.triage.cli.GpuOption;
import io.github.triage.demo.SyntheticSeries;
import io.github.triage.io.MosaicFolder;
import io.github.triage.io.OmeZarrWriter;
import io.github.triage.io.SliceVolumes;
import io.github.triage.io.zarr.ZarrDataType;
import io.github.triage.ops.ImageOps;
import io.github.triage.quality.QualitySettings;
import io.github.triage.quality.SliceQualityAssessor;
import io.github.triage.quality.SliceSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code triage bench quality}: slices per second of the quality assessment on a synthetic series (default 20
 * slices of 30 × 1024 × 1024), its peak heap for a short and a long series (memory must not grow with the number of
 * slices), and the ratio to a baseline measured in the same run: reading exactly the planes the assessment reads,
 * without computing anything. Planes are generated on the fly, or with {@code --zarr} written to a temporary
 * OME-Zarr series first and read through the real reader.
 */
@Command(name = "quality", mixinStandardHelpOptions = true,
		description = "Benchmark of slice quality assessment: slices/s, peak heap for two series lengths, ratio to plane reading.")
public final class QualityBench implements Callable<Integer> {
	@Spec
	CommandSpec spec;

	@Option(names = "--slices", defaultValue = "20", description = "Slices in the long series.")
	int slices;

	@Option(names = "--short-slices", defaultValue = "10", description = "Slices in the short series (memory comparison).")
	int shortSlices;

	@Option(names = "--depth", defaultValue = "30", description = "Z planes per slice.")
	int depth;

	@Option(names = "--size", defaultValue = "1024", description = "Plane side (Y = X).")
	int size;

	@Option(names = "--zarr", description = "Write the series as OME-Zarr (blosc lz4) to a temporary folder and read it back.")
	boolean zarr;

	@Option(names = "--write", paramLabel = "DIR", description = "Only write the long series to DIR as mosaics like "
			+ "linumpy's (slice_zNN.ome.zarr, NGFF 0.5, zstd, chunks 128³ clipped to the volume, pyramid), for timing "
			+ "and measuring `triage quality assess DIR` as a whole process; no benchmark is run.")
	Path write;

	@Option(names = "--dtype", defaultValue = "float32", description = "Data type written by --write: float32 or uint16.")
	String dtype;

	@Mixin
	GpuOption gpu;

	@Override
	public Integer call() throws Exception {
		final PrintWriter out = spec.commandLine().getOut();
		final PrintWriter err = spec.commandLine().getErr();
		if (write != null) return writeSeries(out);
		final Path tmp = zarr ? Files.createTempDirectory("triage-quality-bench") : null;
		try (ImageOps ops = gpu.open(new io.github.triage.Listener() {
			@Override
			public void info(final String m) {
				err.println("bench: " + m);
			}
		})) {
			final SyntheticSeries series = new SyntheticSeries(size, size, 7);
			out.printf(Locale.ROOT, "quality bench: %s, planes %d × %d, %d planes per slice, %s, max heap %d MiB%n",
					ops.name(), size, size, depth, zarr ? "OME-Zarr (blosc lz4) on disk" : "planes generated on the fly",
					Runtime.getRuntime().maxMemory() >> 20);
			// warm-up on 3 small slices so the JIT (and CLIJ2's kernel compilation) is out of the timings
			final SyntheticSeries warm = new SyntheticSeries(128, 128, 1);
			new SliceQualityAssessor(ops, QualitySettings.DEFAULT).assess(
					List.of(warm.slice(0, 6, SyntheticSeries.Kind.NORMAL), warm.slice(1, 6, SyntheticSeries.Kind.NORMAL),
							warm.slice(2, 6, SyntheticSeries.Kind.NORMAL)), null, Listener.NONE);
			final long[] heap = new long[2], liveHeap = new long[2];
			double slicesPerSecond = 0, ratio = 0;
			final int[] ns = { shortSlices, slices };
			for (int k = 0; k < 2; k++) {
				final List<SliceSource> src = sources(series, ns[k], tmp, err);
				final Set<String> touched = new LinkedHashSet<>();
				final List<SliceSource> recorded = new ArrayList<>();
				for (final SliceSource s : src)
					recorded.add(recording(s, touched));
				gcAndResetPeaks();
				final long t0 = System.nanoTime();
				new SliceQualityAssessor(ops, QualitySettings.DEFAULT).assess(recorded, null, Listener.NONE);
				final double assess = (System.nanoTime() - t0) / 1e9;
				heap[k] = peakHeap();
				// baseline: read the same planes again, once each, computing nothing
				final long t1 = System.nanoTime();
				long sink = 0;
				for (final String key : touched) {
					final int slash = key.indexOf('/');
					final SliceSource s = src.get(Integer.parseInt(key.substring(0, slash)));
					sink += Float.floatToIntBits(s.plane(Integer.parseInt(key.substring(slash + 1)))[0]);
				}
				final double read = (System.nanoTime() - t1) / 1e9;
				// memory pass (untimed): live heap after a full GC at every progress step (slices are scored in
				// groups of planes, their results known only at the end)
				final long[] live = { 0 };
				new SliceQualityAssessor(ops, QualitySettings.DEFAULT).assess(src, null,
						Listener.ofProgress((done, total, what) -> {
							System.gc();
							live[0] = Math.max(live[0], ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
						}));
				liveHeap[k] = live[0];
				out.printf(Locale.ROOT,
						"%2d slices: assess %.2f s (%.2f slices/s); baseline: reading the %d planes it reads %.2f s; ratio %.2f; "
								+ "peak heap %d MiB; max live heap %d MiB%s%n",
						ns[k], assess, ns[k] / assess, touched.size(), read, assess / read, heap[k] >> 20,
						live[0] >> 20, sink == 42 ? " " : "");
				if (k == 1) {
					slicesPerSecond = ns[k] / assess;
					ratio = assess / read;
				}
			}
			out.printf(Locale.ROOT, "RESULT quality: %.2f slices/s (%d × %d × %d), %.2f× the plane-reading baseline; "
					+ "%d slices vs %d: peak heap %d vs %d MiB, max live heap %d vs %d MiB (growth %.2f×)%n",
					slicesPerSecond, depth, size, size, ratio, slices, shortSlices, heap[1] >> 20, heap[0] >> 20,
					liveHeap[1] >> 20, liveHeap[0] >> 20, liveHeap[1] / (double) liveHeap[0]);
		}
		finally {
			if (tmp != null) deleteTree(tmp);
		}
		return 0;
	}

	/** The long series as linumpy's mosaics, on disk (the same planes as the benchmark's, rounded for uint16). */
	private int writeSeries(final PrintWriter out) throws Exception {
		final ZarrDataType type = ZarrDataType.valueOf(dtype.toUpperCase(Locale.ROOT));
		final SyntheticSeries series = new SyntheticSeries(size, size, 7);
		final OmeZarrWriter.Format format = OmeZarrWriter.Format.defaults().withDataType(type)
				.withChunks(new int[] { 128, 128, 128 });
		Files.createDirectories(write);
		for (int i = 0; i < slices; i++) {
			final SyntheticSeries.Kind kind = i == slices / 2 ? SyntheticSeries.Kind.NOISY : SyntheticSeries.Kind.NORMAL;
			final SliceSource s = series.slice(i, depth, kind);
			final Path p = write.resolve(String.format(Locale.ROOT, "slice_z%02d.ome.zarr", i));
			OmeZarrWriter.write(p, depth, size, size, s::plane, new double[] { 0.01, 0.01, 0.01 }, "millimeter", format);
			out.println("wrote " + p);
		}
		return 0;
	}

	private List<SliceSource> sources(final SyntheticSeries series, final int n, final Path tmp, final PrintWriter err)
			throws Exception {
		final List<SliceSource> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final SyntheticSeries.Kind kind = i == n / 2 ? SyntheticSeries.Kind.NOISY : SyntheticSeries.Kind.NORMAL;
			final SliceSource s = series.slice(i, depth, kind);
			if (tmp == null) {
				out.add(s);
				continue;
			}
			final Path p = tmp.resolve(String.format(Locale.ROOT, "slice_z%02d.ome.zarr", i));
			if (!Files.exists(p))
				OmeZarrWriter.write(p, depth, size, size, s::plane, new double[] { 1, 1, 1 }, "micrometer", 1,
						OmeZarrWriter.Compressor.BLOSC, new int[] { 1, 512, 512 });
			out.add(SliceVolumes.open(new MosaicFolder.Entry(i, p, true), 0, new Listener() {
				@Override
				public void warning(final String w) {
					err.println("bench: " + w);
				}
			}));
		}
		return out;
	}

	/** Wraps a source to record which planes are read ("index/z"), for the baseline. */
	private static SliceSource recording(final SliceSource s, final Set<String> touched) {
		final int index = Integer.parseInt(s.sliceId());
		return new SliceSource.Wrapper(s) {
			@Override
			public float[] plane(final int z) {
				touched.add(index + "/" + z);
				return s.plane(z);
			}

			@Override
			public float[][] planes(final int[] zs) {
				for (final int z : zs)
					touched.add(index + "/" + z);
				return s.planes(zs);
			}
		};
	}

	private static void gcAndResetPeaks() {
		System.gc();
		for (final MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
			if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
	}

	/** Sum of the heap pools' peak usage since the last reset (an upper bound of the peak heap). */
	private static long peakHeap() {
		long sum = 0;
		for (final MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
			if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
		return sum;
	}

	private static void deleteTree(final Path dir) throws Exception {
		try (Stream<Path> s = Files.walk(dir)) {
			for (final Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator)
				Files.deleteIfExists(p);
		}
	}
}
