package io.github.triage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Malformed inputs through every command: each ends with exit 2 (bad input) or 1 (I/O, memory) and one error line
 * on stderr, never a stack trace, and writes nothing.
 */
class BadInputSweepTest {
	@TempDir
	Path tmp;

	private static final String CONFIG = "slice_id,use\n00,true\n01,true\n";

	/** A malformed input and the kinds of argument it is wrong for (C: a table, I: an image, D: a folder). */
	private record Bad(Path path, String wrongFor) {
	}

	private List<Bad> inputs() throws IOException {
		final List<Bad> out = new ArrayList<>();
		out.add(new Bad(Files.createFile(tmp.resolve("empty.csv")), "CID"));
		final byte[] junk = new byte[4096];
		new Random(7).nextBytes(junk);
		out.add(new Bad(Files.write(tmp.resolve("garbage.csv"), junk), "CID"));
		// a TIFF where a table is expected, a table where an image or a folder is expected
		final Path tiff = tmp.resolve("tiff_named.csv");
		io.github.triage.io.TiffStacks.write(tiff, net.imglib2.img.array.ArrayImgs.floats(8, 8, 2));
		out.add(new Bad(tiff, "C"));
		out.add(new Bad(Files.writeString(tmp.resolve("config_named.tif"), CONFIG), "ID"));
		out.add(new Bad(tmp.resolve("missing.csv"), "CID"));
		out.add(new Bad(Files.createDirectories(tmp.resolve("a_folder.csv")), "CI"));
		return out;
	}

	/** Each command with C, I or D where the malformed input goes; outputs go under out/. */
	private List<String[]> commands(final Path good, final Path goodDir) {
		final String g = good.toString(), d = goodDir.toString(), o = tmp.resolve("out/x.csv").toString(),
				od = tmp.resolve("out/dir").toString();
		return List.of(new String[] { "slice-config", "generate", "--from-shifts", "C", "-o", o },
				new String[] { "slice-config", "generate", "--from-mosaics", "D", "-o", o },
				new String[] { "slice-config", "generate", "--from-tiles", "D", "-o", o },
				new String[] { "slice-config", "stamp", "C", "--slice", "1", "--set", "use=false", "-o", o },
				new String[] { "slice-config", "merge-fragments", "C", d, "-o", o },
				new String[] { "slice-config", "merge-fragments", g, "D", "-o", o },
				new String[] { "slice-config", "filter", "C" },
				new String[] { "slice-config", "force-skip", "C" },
				new String[] { "slice-config", "rehoming", g, "--shifts", "C", "--tile-fov-mm", "0.9", "-o", o },
				new String[] { "slice-config", "rehoming", "C", "--shifts", g, "--tile-fov-mm", "0.9", "-o", o },
				new String[] { "slice-config", "auto-exclude", g, "--metrics", "D", "-o", o },
				new String[] { "slice-config", "auto-exclude", "C", "--metrics", d, "-o", o },
				new String[] { "shifts", "cumulative", "C" },
				new String[] { "shifts", "cumulative", g, "--slice-config", "C" },
				new String[] { "galvo", "detect", "I" },
				new String[] { "galvo", "detect-slice", "D" },
				new String[] { "galvo", "fix", "I", "--shift", "3", "-o", tmp.resolve("out/x.tif").toString() },
				new String[] { "galvo", "stamp", g, "--tiles-dir", "D", "-o", o },
				new String[] { "galvo", "stamp", "C", "--tiles-dir", d, "-o", o },
				new String[] { "quality", "assess", "D", "-o", o },
				new String[] { "quality", "measure-slice", "I", "-o", od },
				new String[] { "quality", "consolidate", "D", "-o", o },
				new String[] { "cavg", "reject", "--classes", "C", "--stack", g, "--mskdiam", "100", "--smpd", "1",
						"--tier", "p1", "-o", od },
				new String[] { "cavg", "reject", "--classes", g, "--stack", "I", "--mskdiam", "100", "--smpd", "1",
						"--tier", "p1", "-o", od });
	}

	@Test
	void everyCommandRefusesMalformedInputWithOneLineAndWritesNothing() throws IOException {
		final Path good = Files.writeString(tmp.resolve("slice_config.csv"), CONFIG);
		final Path goodDir = Files.createDirectories(tmp.resolve("empty_dir"));
		int runs = 0;
		final List<String> failures = new ArrayList<>();
		for (final Bad bad : inputs())
			for (final String[] template : commands(good, goodDir)) {
				final String[] args = template.clone();
				boolean applies = false;
				for (int i = 0; i < args.length; i++)
					if (args[i].length() == 1 && "CID".contains(args[i])) {
						applies = bad.wrongFor().contains(args[i]);
						args[i] = bad.path().toString();
					}
				if (!applies) continue;
				final CliRun r = CliRun.of(args);
				runs++;
				final String what = String.join(" ", args) + "\n" + r;
				final long errorLines = r.err().lines().filter(l -> l.startsWith("triage: error:")
						|| l.startsWith("triage: I/O error:")).count();
				if (r.exit() != 1 && r.exit() != 2 || errorLines != 1 || r.err().contains("\tat ")
						|| r.err().contains("Exception")) failures.add(what);
				// cavg's one file on failure is its documented REJECTION_FAILED sentinel
				Files.deleteIfExists(tmp.resolve("out/dir/REJECTION_FAILED"));
				Files.deleteIfExists(tmp.resolve("out/dir"));
				if (args[0].equals("cavg")) Files.deleteIfExists(tmp.resolve("out"));
				if (Files.exists(tmp.resolve("out"))) {
					failures.add("wrote something: " + what);
					org.apache.commons.io.FileUtils.deleteDirectory(tmp.resolve("out").toFile());
				}
			}
		assertTrue(runs >= 100, "runs: " + runs);
		assertTrue(failures.isEmpty(), failures.size() + " of " + runs + " failed:\n" + String.join("\n", failures));
	}

	@Command(name = "boom")
	static final class Boom implements Runnable {
		final Supplier<RuntimeException> ex;
		final Error error;

		Boom(final Supplier<RuntimeException> ex, final Error error) {
			this.ex = ex;
			this.error = error;
		}

		@Override
		public void run() {
			if (error != null) throw error;
			throw ex.get();
		}
	}

	private static CliRun boom(final Supplier<RuntimeException> ex, final Error error) {
		final CommandLine cl = TriageCli.commandLine();
		cl.addSubcommand("boom", new Boom(ex, error));
		final StringWriter out = new StringWriter(), err = new StringWriter();
		cl.setOut(new PrintWriter(out, true));
		cl.setErr(new PrintWriter(err, true));
		return new CliRun(cl.execute("boom"), out.toString(), err.toString());
	}

	@Test
	void unexpectedFailuresAreOneLineWithoutAStackTrace() {
		CliRun r = boom(null, new OutOfMemoryError("Java heap space"));
		assertEquals(1, r.exit(), r.toString());
		assertTrue(r.err().startsWith("triage: error: out of memory: Java heap space")
				&& r.err().contains("TRIAGE_JAVA_OPTS=-Xmx"), r.toString());
		r = boom(() -> new NullPointerException("x is null"), null);
		assertEquals(1, r.exit(), r.toString());
		assertTrue(r.err().contains("triage boom failed") && r.err().contains("TRIAGE_DEBUG=1"), r.toString());
		r = boom(CancellationException::new, null);
		assertEquals(1, r.exit(), r.toString());
		assertTrue(r.err().contains("cancelled"), r.toString());
		for (final CliRun each : List.of(r, boom(null, new StackOverflowError())))
			assertEquals(1, each.err().lines().count(), each.toString());
	}

	/** A million-row slice_config at a 64 MiB heap: a clear error naming the file, not an OutOfMemoryError. */
	@Test
	void aHugeCsvAtASmallHeapIsOneLine() throws IOException, InterruptedException {
		final Path big = tmp.resolve("big.csv");
		try (var w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
			w.write("slice_id,use,notes\n");
			for (int i = 0; i < 1_000_000; i++) w.write(i + ",true,\n");
		}
		final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		final String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		final Process p = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
				"-cp", cp, TriageCli.class.getName(), "slice-config", "filter", big.toString())
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		final String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(60, TimeUnit.SECONDS));
		assertEquals(1, p.exitValue(), err);
		assertTrue(err.startsWith("triage: error: out of memory: " + big), err);
		assertEquals(1, err.lines().count(), err);
		assertFalse(err.contains("\tat "), err);
	}
}
