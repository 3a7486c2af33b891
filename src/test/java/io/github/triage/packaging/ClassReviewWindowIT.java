package io.github.triage.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.cavg.Tier;
import io.github.triage.io.CsvTables;
import io.github.triage.io.MrcFiles;
import io.github.triage.slice.TextTable;
import io.github.triage.stage.cavg.RejectStageTest;

/**
 * Review class averages with a real window (under xvfb-run): a rejected class is clicked on the montage and saved;
 * rejection.csv then records it as a manual decision and the selected stack holds one class more. Screenshots of
 * the window before the click, with the unsaved change, and after saving are kept in target/review-window/.
 */
class ClassReviewWindowIT {

	@TempDir
	Path tmp;

	@Test
	void clickingARejectedClassAndSavingKeepsItAsAManualDecision() throws Exception {
		assumeTrue(ReviewTableIT.haveXvfb(),
				"xvfb-run is not installed: SKIPPING the class-average review window test (bin/test installs xvfb)");
		// the hand-checked stack at p1: six classes, the rejector keeps class 5 alone
		final Path out = tmp.resolve("rejection");
		RejectStageTest.run(RejectStageTest.options(RejectStageTest.res(RejectStageTest.HANDCHECK + ".mrc"),
				RejectStageTest.res(RejectStageTest.HANDCHECK + "_classes.csv"), 50, Tier.P1, out));
		final Path selected = out.resolve(RejectStageTest.HANDCHECK + "_selected.mrcs");
		assertEquals(1, MrcFiles.read(selected).size());
		assertEquals("0", cell(out, 3, "state"));
		final Path shots = BuiltArtifacts.target().resolve("review-window");
		final String log = ReviewTableIT.runChild(tmp, ClassReviewWindowChild.class, out.toString(), "3",
				shots.toString());
		assertTrue(log.contains("pending: [3]"), log);
		assertTrue(log.contains("saved: ") && log.contains("pending now []"), log);
		assertEquals("manual", cell(out, 3, "decided_by"));
		assertEquals("1", cell(out, 3, "state"));
		assertEquals("rejector", cell(out, 1, "decided_by"));
		assertEquals(2, MrcFiles.read(selected).size(), "the selected stack grew by the class kept by hand");
		for (final String shot : new String[] { "before.png", "pending.png", "after.png" })
			assertTrue(Files.size(shots.resolve(shot)) > 5_000, shots.resolve(shot) + " too small");
	}

	private static String cell(final Path out, final int cls, final String column) throws Exception {
		final TextTable t = CsvTables.read(out.resolve("rejection.csv"));
		return t.rows().get(cls - 1).get(t.column(column));
	}
}
