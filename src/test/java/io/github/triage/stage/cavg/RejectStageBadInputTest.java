package io.github.triage.stage.cavg;

import static io.github.triage.stage.cavg.RejectStageTest.HANDCHECK;
import static io.github.triage.stage.cavg.RejectStageTest.assertOnlyFailureRecord;
import static io.github.triage.stage.cavg.RejectStageTest.options;
import static io.github.triage.stage.cavg.RejectStageTest.res;
import static io.github.triage.stage.cavg.RejectStageTest.run;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;
import io.github.triage.cavg.Tier;
import io.github.triage.io.MrcFiles;
import io.github.triage.io.MrcStack;

/** Bad input to {@link RejectStage}: a clear error naming the file, and nothing but the failure record. */
class RejectStageBadInputTest {
	@TempDir
	Path tmp;

	@Test
	void noPixelSizeAnywhereIsBadInputNamingTheImage() throws IOException {
		final Path out = tmp.resolve("out");
		final BadInputException e = assertThrows(BadInputException.class, () -> run(RejectStage.Options.of(
				RejectStage.StackInput.image(new MrcStack(new float[6][64 * 64], 64, 64, Double.NaN), "blank"),
				res(HANDCHECK + "_classes.csv"), 50, Tier.P1, out)));
		assertTrue(RejectStage.needsPixelSize(e), e.getMessage());
		assertTrue(e.getMessage().startsWith("image 'blank': no pixel size"), e.getMessage());
		assertOnlyFailureRecord(out, "image 'blank'");
	}

	@Test
	void everyProblemIsReportedAtOnce() throws IOException {
		final Path out = tmp.resolve("out");
		final BadInputException e = assertThrows(BadInputException.class, () -> run(options(tmp.resolve("nope.mrc"),
				tmp.resolve("nope.csv"), -5, Tier.P1, out).withPixelSize(-1)));
		assertTrue(e.getMessage().startsWith("4 problems:"), e.getMessage());
		for (final String part : new String[] { "mask diameter must be a positive", "the pixel size must be positive",
				"nope.mrc: no such file", "nope.csv: no such file" })
			assertTrue(e.getMessage().contains(part), e.getMessage());
		assertOnlyFailureRecord(out, "nope.csv");
	}

	@Test
	void classCountMismatchWritesOnlyTheFailureRecord() throws IOException {
		badInput(res(HANDCHECK + ".mrc"), res("cavgA02_b96_s1p00_n36_classes.csv"),
				"6 class averages, but the class table has 36 classes");
	}

	@Test
	void emptyStackWritesOnlyTheFailureRecord() throws IOException {
		final Path empty = tmp.resolve("empty.mrc");
		MrcFiles.write(empty, new MrcStack(new float[0][], 64, 64, 1.0));
		final BadInputException e = badInput(empty, res(HANDCHECK + "_classes.csv"), "empty.mrc");
		assertTrue(e.getMessage().contains("empty (0 class averages; the class table has 6 classes)"), e.getMessage());
	}

	@Test
	void nonSquareClassAveragesAreRefused() throws IOException {
		final Path f = tmp.resolve("wide.mrc");
		MrcFiles.write(f, new MrcStack(new float[6][64 * 32], 64, 32, 1.0));
		badInput(f, res(HANDCHECK + "_classes.csv"), "wide.mrc: class averages must be square, got 64 × 32");
	}

	@Test
	void truncatedMrc() throws IOException {
		final byte[] all = Files.readAllBytes(res(HANDCHECK + ".mrc"));
		final Path f = tmp.resolve("truncated.mrc");
		Files.write(f, Arrays.copyOf(all, all.length - 100));
		badInput(f, res(HANDCHECK + "_classes.csv"), "truncated.mrc: truncated MRC file");
	}

	@Test
	void wrongMode() throws IOException {
		final byte[] all = Files.readAllBytes(res(HANDCHECK + ".mrc"));
		java.nio.ByteBuffer.wrap(all).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(12, 3);
		final Path f = tmp.resolve("mode3.mrc");
		Files.write(f, all);
		badInput(f, res(HANDCHECK + "_classes.csv"), "mode3.mrc: unsupported MRC mode 3");
	}

	@Test
	void nanAndInfPixels() throws IOException {
		for (final float bad : new float[] { Float.NaN, Float.POSITIVE_INFINITY }) {
			final byte[] all = Files.readAllBytes(res(HANDCHECK + ".mrc"));
			// class 5, pixel (3, 2)
			java.nio.ByteBuffer.wrap(all).order(java.nio.ByteOrder.LITTLE_ENDIAN)
					.putFloat(1024 + 4 * (4 * 64 * 64 + 2 * 64 + 3), bad);
			final Path f = tmp.resolve("bad" + bad + ".mrc");
			Files.write(f, all);
			badInput(f, res(HANDCHECK + "_classes.csv"), "bad" + bad + ".mrc: section 5: pixel (3, 2) is " + bad);
		}
	}

	@Test
	void zeroClasses() throws IOException {
		final Path c = tmp.resolve("zero.csv");
		Files.writeString(c, "class,pop,res\n");
		badInput(res(HANDCHECK + ".mrc"), c, "zero.csv: the class table has no classes");
	}

	@Test
	void negativePopulation() throws IOException {
		final Path c = tmp.resolve("neg.csv");
		Files.writeString(c, "class,pop,res\n1,0,10\n2,50,10\n3,-50,55\n4,0,10\n5,50,10\n6,50,55\n");
		badInput(res(HANDCHECK + ".mrc"), c, "neg.csv:4: class 3 has a negative population");
	}

	@Test
	void missingColumns() throws IOException {
		final Path c = tmp.resolve("cols.csv");
		Files.writeString(c, "class,population,res\n1,0,10\n");
		badInput(res(HANDCHECK + ".mrc"), c, "cols.csv: missing column 'pop'");
		final Path s = tmp.resolve("model.star");
		Files.writeString(s, "data_model_classes\nloop_\n_rlnReferenceImage\n_rlnEstimatedResolution\n1@a.mrcs 10\n");
		badInput(res(HANDCHECK + ".mrc"), s, "model.star: no loop with _rlnClassDistribution");
	}

	private BadInputException badInput(final Path stack, final Path classes, final String message) throws IOException {
		final Path out = tmp.resolve("out_" + stack.getFileName() + "_" + classes.getFileName());
		final BadInputException e = assertThrows(BadInputException.class,
				() -> run(options(stack, classes, 50, Tier.P1, out)));
		assertTrue(e.getMessage().contains(message), e.getMessage());
		assertOnlyFailureRecord(out, message);
		return e;
	}
}
