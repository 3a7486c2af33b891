package io.github.triage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.io.MrcFiles;
import io.github.triage.io.MrcStack;
import io.github.triage.stage.cavg.RejectStageTest;

/**
 * Hostile inputs to {@code triage cavg reject}: exit 2 with one line naming the file, only the failure record in
 * the output folder, and never a Java stack trace.
 */
class CavgCliBadInputTest {
	static final String HANDCHECK = RejectStageTest.HANDCHECK;

	@TempDir
	Path tmp;

	CavgCliTest.Run reject(final Path stack, final Path out, final String... extra) {
		final String[] base = { "cavg", "reject", "--stack", stack.toString(), "--classes",
				RejectStageTest.res(HANDCHECK + "_classes.csv").toString(), "--mskdiam", "50", "--tier", "p1",
				"--use-gpu", "off", "-o", out.toString() };
		final String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
		System.arraycopy(extra, 0, args, base.length, extra.length);
		return CavgCliTest.run(args);
	}

	static void assertNoStackTrace(final CavgCliTest.Run r) {
		assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "a stack trace reached the user:\n"
				+ r.err());
	}

	/** Exit 2, the file named on stderr, only REJECTION_FAILED written. */
	void assertBadInput(final CavgCliTest.Run r, final Path out, final String named, final String part)
			throws IOException {
		assertNoStackTrace(r);
		assertEquals(2, r.exit(), r.err());
		assertTrue(r.err().contains(named) && r.err().contains(part), r.err());
		RejectStageTest.assertOnlyFailureRecord(out, part);
	}

	/** An MRC header (mode, sizes), little-endian, with a pixel size of 1 Å. */
	static ByteBuffer header(final int nx, final int ny, final int nz, final int mode) {
		final ByteBuffer h = ByteBuffer.allocate(MrcFiles.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
		h.putInt(0, nx).putInt(4, ny).putInt(8, nz).putInt(12, mode).putInt(28, nx).putInt(32, ny).putInt(36, 1);
		h.putFloat(40, nx).putFloat(44, ny).putFloat(48, 1);
		h.put(212, (byte) 0x44).put(213, (byte) 0x44);
		return h;
	}

	/** A sparse file: the header, then {@code dataBytes} of holes (no disk used). */
	Path sparse(final String name, final ByteBuffer header, final long dataBytes) throws IOException {
		final Path f = tmp.resolve(name);
		try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
			raf.write(header.array());
			raf.setLength(MrcFiles.HEADER_BYTES + dataBytes);
		}
		return f;
	}

	@Test
	void aNotANumberPixelSizeIsRefused() {
		final CavgCliTest.Run r = reject(RejectStageTest.res(HANDCHECK + ".mrc"), tmp.resolve("out"), "--smpd", "NaN");
		assertNoStackTrace(r);
		assertEquals(2, r.exit(), r.err());
		assertTrue(r.err().contains("--smpd must be a positive number of Å/px, got NaN"), r.err());
		assertFalse(Files.exists(tmp.resolve("out").resolve("REJECTION_FINISHED")));
	}

	@Test
	void pixelsNearTheFloatLimitAreRefused() throws IOException {
		final MrcStack in = MrcFiles.read(RejectStageTest.res(HANDCHECK + ".mrc"));
		in.sections()[2][64 * 10 + 7] = 3e38f;
		final Path f = tmp.resolve("huge.mrcs");
		MrcFiles.write(f, in);
		final Path out = tmp.resolve("out");
		assertBadInput(reject(f, out), out, "huge.mrcs", "section 3, pixel (7, 10)");
	}

	@Test
	void aSparse30000By20000StackIsRefusedBeforeAllocating() throws IOException {
		final Path f = sparse("sparse.mrcs", header(30000, 20000, 1, 2), 30000L * 20000 * 4);
		final Path out = tmp.resolve("out");
		assertBadInput(reject(f, out), out, "sparse.mrcs", "too large");
	}

	@Test
	void aHeaderClaiming32768SquaredIsCheckedAgainstTheFileAndTheMemory() throws IOException {
		// against the file: a small file that claims 32768² mode-2 sections
		final Path small = tmp.resolve("small.mrcs");
		Files.write(small, header(32768, 32768, 1, 2).array());
		final Path out = tmp.resolve("out");
		assertBadInput(reject(small, out), out, "small.mrcs", "truncated MRC file");
		// a sparse file of the claimed size: one section would exceed a Java array
		final Path big = sparse("big.mrcs", header(32768, 32768, 1, 0), 32768L * 32768);
		final Path out2 = tmp.resolve("out2");
		assertBadInput(reject(big, out2), out2, "big.mrcs", "too large");
		// against the memory: 16 byte sections of 16384² (4 GiB on disk, sparse; 16 GiB as floats)
		final Path many = sparse("many.mrcs", header(16384, 16384, 16, 0), 16L * 16384 * 16384);
		final Path out3 = tmp.resolve("out3");
		assertBadInput(reject(many, out3), out3, "many.mrcs", "of memory");
	}

	@Test
	void hostileInputsNeverShowAStackTrace() throws IOException {
		final java.util.Random rnd = new java.util.Random(9);
		final byte[] noise = new byte[5000];
		rnd.nextBytes(noise);
		final Path random = Files.write(tmp.resolve("random.mrcs"), noise);
		final Path empty = Files.write(tmp.resolve("empty.mrcs"), new byte[0]);
		final Path folder = Files.createDirectories(tmp.resolve("folder.mrcs"));
		int i = 0;
		for (final Path p : new Path[] { random, empty, folder }) {
			final CavgCliTest.Run r = reject(p, tmp.resolve("out" + i++));
			assertNoStackTrace(r);
			assertEquals(2, r.exit(), r.err());
			assertTrue(r.err().contains(p.getFileName().toString()), r.err());
		}
	}

	@Test
	void aClassTableWithAByteOrderMarkIsAccepted() throws IOException {
		final Path csv = tmp.resolve("bom.csv");
		final byte[] table = Files.readAllBytes(RejectStageTest.res(HANDCHECK + "_classes.csv"));
		final byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		Files.write(csv, bom);
		Files.write(csv, table, java.nio.file.StandardOpenOption.APPEND);
		final CavgCliTest.Run r = CavgCliTest.run("cavg", "reject", "--stack",
				RejectStageTest.res(HANDCHECK + ".mrc").toString(), "--classes", csv.toString(), "--mskdiam", "50",
				"--tier", "p1", "--use-gpu", "off", "-o", tmp.resolve("out").toString());
		assertEquals(0, r.exit(), r.err());
		assertTrue(Files.exists(tmp.resolve("out").resolve("REJECTION_FINISHED")));
	}
}
