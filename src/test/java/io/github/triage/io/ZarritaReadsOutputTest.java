package io.github.triage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.triage.Listener;
import io.github.triage.io.OmeZarrWriter.Compressor;
import io.github.triage.io.OmeZarrWriter.Format;
import io.github.triage.io.OmeZarrWriter.Version;
import io.github.triage.io.zarr.ZarrDataType;

/**
 * zarrita.js (an independent Zarr v2 + v3 reader, codecs from npm's numcodecs) reads our OME-Zarr output with the
 * values we wrote: the only check of our 0.5 / Zarr v3 files by a reader that is not ours. The pinned package sits in
 * src/test/node/zarr-check (package.json + package-lock.json); {@code npm ci} installs it into target/zarr-check.
 * Skipped when node/npm are missing or the npm registry (or its local cache) cannot be reached.
 */
class ZarritaReadsOutputTest {
	private static final Path SOURCE = Path.of("src/test/node/zarr-check");
	private static final Path WORK = Path.of("target/zarr-check");
	private static final List<String> FILES = List.of("package.json", "package-lock.json", "read.mjs");

	/** Why the check cannot run here (null: zarrita is installed); computed once, each test skipped with it. */
	private static String skip;
	private static boolean installed;

	/** Installs zarrita once per run, or skips the calling test with the reason. */
	private static synchronized void assumeZarrita() throws Exception {
		if (!installed) {
			skip = install();
			installed = true;
		}
		assumeTrue(skip == null, skip);
	}

	private static String install() throws Exception {
		if (!runs("node", "--version") || !runs("npm", "--version"))
			return "node and npm are not installed (apt-get install nodejs npm): zarrita check skipped";
		Files.createDirectories(WORK);
		boolean same = Files.isDirectory(WORK.resolve("node_modules/zarrita"));
		for (final String f : FILES) {
			same &= Files.exists(WORK.resolve(f)) && Files.mismatch(SOURCE.resolve(f), WORK.resolve(f)) == -1;
			Files.copy(SOURCE.resolve(f), WORK.resolve(f), StandardCopyOption.REPLACE_EXISTING);
		}
		if (same) return null;
		// few, short retries: without a registry the test is skipped in seconds, not minutes
		final Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline",
				"--fetch-retries=1", "--fetch-retry-mintimeout=2000", "--fetch-retry-maxtimeout=5000")
				.directory(WORK.toFile()).redirectErrorStream(true).start();
		final boolean done = p.waitFor(180, TimeUnit.SECONDS);
		if (!done) p.destroyForcibly();
		final String out = new String(p.getInputStream().readAllBytes());
		return done && p.exitValue() == 0 ? null
				: "npm ci of zarrita failed (no npm registry?): zarrita check skipped\n" + tail(out);
	}

	@Test
	void readsV3ZstdAndGzip(@TempDir final Path dir) throws Exception {
		for (final ZarrDataType t : new ZarrDataType[] { ZarrDataType.UINT16, ZarrDataType.FLOAT32 })
			for (final Compressor c : new Compressor[] { Compressor.ZSTD, Compressor.GZIP, Compressor.BLOSC })
				check(dir, Version.V0_5, t, c);
	}

	@Test
	void readsV2(@TempDir final Path dir) throws Exception {
		for (final Compressor c : Compressor.values())
			check(dir, Version.V0_4, c == Compressor.GZIP ? ZarrDataType.FLOAT32 : ZarrDataType.UINT16, c);
	}

	private static void check(final Path dir, final Version v, final ZarrDataType t, final Compressor c)
			throws Exception {
		assumeZarrita();
		final int d = 3, h = 9, w = 11;
		final Path out = dir.resolve(v + "_" + t + "_" + c + ".ome.zarr");
		OmeZarrWriter.write(out, d, h, w, z -> OmeZarrWriterTest.values(t, z, h * w), new double[] { 1, 1, 1 },
				"micrometer", Format.defaults().withVersion(v).withDataType(t).withCompressor(c)
						.withChunks(new int[] { 2, 4, 8 }).withLevels(2));
		final Process p = new ProcessBuilder("node", WORK.resolve("read.mjs").toString(), out.toString())
				.redirectErrorStream(true).start();
		final String text = new String(p.getInputStream().readAllBytes()).trim();
		assertEquals(0, p.waitFor(), out + ": " + text);
		final JsonObject o = JsonParser.parseString(text.substring(text.lastIndexOf('\n') + 1)).getAsJsonObject();
		final String what = out.getFileName() + ": " + text;
		assertEquals(v == Version.V0_5 ? "0.5" : "0.4", o.get("version").getAsString(), what);
		final JsonArray levels = o.getAsJsonArray("levels");
		assertEquals(2, levels.size(), what);
		// level 0 against what we wrote; level 1 (our 2x2x2 means) against what our own reader reads back
		final float[] first = OmeZarrWriterTest.values(t, 0, h * w);
		double sum0 = 0;
		for (int z = 0; z < d; z++)
			for (final float x : OmeZarrWriterTest.values(t, z, h * w))
				sum0 += x;
		assertLevel(levels.get(0).getAsJsonObject(), t, new int[] { d, h, w }, first[0], sum0, what);
		final OmeZarrReader r1 = OmeZarrReader.open(out, 1, "level 1", Listener.NONE);
		double sum1 = 0;
		float first1 = 0;
		for (int z = 0; z < r1.depth(); z++) {
			final float[] plane = r1.readPlane(z);
			if (z == 0) first1 = plane[0];
			for (final float x : plane)
				sum1 += x;
		}
		assertLevel(levels.get(1).getAsJsonObject(), t, new int[] { r1.depth(), r1.height(), r1.width() }, first1,
				sum1, what);
	}

	private static void assertLevel(final JsonObject l, final ZarrDataType t, final int[] shape, final float first,
			final double sum, final String what) {
		assertEquals(t == ZarrDataType.UINT16 ? "uint16" : "float32", l.get("dtype").getAsString(), what);
		final JsonArray s = l.getAsJsonArray("shape");
		assertEquals(shape.length, s.size(), what);
		for (int i = 0; i < shape.length; i++)
			assertEquals(shape[i], s.get(i).getAsInt(), what);
		assertEquals(first, l.get("first").getAsDouble(), 0, what);
		assertEquals(sum, l.get("sum").getAsDouble(), 0, what);
	}

	private static boolean runs(final String... command) {
		try {
			final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
			p.getInputStream().readAllBytes();
			return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
		} catch (final IOException | InterruptedException e) {
			return false;
		}
	}

	private static String tail(final String s) {
		return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
	}
}
