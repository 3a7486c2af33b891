package io.github.triage.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;
import io.github.triage.cavg.Tier;
import io.github.triage.io.ContactSheets;
import io.github.triage.stage.cavg.OverrideStage;
import io.github.triage.stage.cavg.RejectStageTest;
import io.github.triage.stage.cavg.RejectionFolder;

/** The review window's logic without a window: toggles, the override they make, hit-testing, the numbers shown. */
class ClassReviewTest {
	@TempDir
	Path tmp;

	/** The hand-checked stack at p1: six classes, the rejector keeps class 5 alone. */
	private RejectionFolder rejection() throws Exception {
		final Path out = tmp.resolve("rej");
		RejectStageTest.run(RejectStageTest.options(RejectStageTest.res(RejectStageTest.HANDCHECK + ".mrc"),
				RejectStageTest.res(RejectStageTest.HANDCHECK + "_classes.csv"), 50, Tier.P1, out));
		return RejectionFolder.read(out);
	}

	@Test
	void togglesBecomeKeepAndRejectListsAndTogglingTwiceUndoes() throws Exception {
		final ClassReview r = new ClassReview(rejection());
		assertEquals(6, r.size());
		assertEquals(1, r.savedState(5));
		assertNull(r.overrideOptions("x"), "nothing pending, nothing to save");
		assertNull(r.closeQuestion());
		r.toggle(3);
		r.toggle(5);
		r.toggle(2);
		r.toggle(2);
		assertEquals(List.of(3, 5), r.pending());
		assertEquals(List.of(3), r.toKeep());
		assertEquals(List.of(5), r.toReject());
		assertEquals(1, r.shownState(3));
		assertEquals(0, r.savedState(3));
		assertEquals("keep 3; reject 5", r.describe());
		assertTrue(r.closeQuestion().startsWith("2 classes were changed but not saved (keep 3; reject 5)"),
				r.closeQuestion());
		final OverrideStage.Options o = r.overrideOptions("  side view  ");
		assertEquals(List.of(3), o.keep());
		assertEquals(List.of(5), o.reject());
		assertEquals("side view", o.note());
		// the tiles show the toggled states: 3 kept (no reason), 5 rejected and not saved
		final List<ContactSheets.Tile> tiles = r.tiles();
		assertFalse(tiles.get(2).rejected());
		assertEquals(ClassReview.PENDING_REJECT, tiles.get(4).reason());
		assertTrue(tiles.get(0).rejected());
		assertThrows(IllegalArgumentException.class, () -> r.toggle(7));
	}

	@Test
	void aClickOnAClassFindsItAtAnyZoomAndTheGapsFindNone() throws Exception {
		final ClassReview r = new ClassReview(rejection());
		for (int c = 1; c <= 6; c++) {
			final int[] p = r.centre(c);
			assertEquals(c, r.classAt(p[0], p[1], 1));
			assertEquals(c, r.classAt(p[0] * 2.0, p[1] * 2.0, 2));
			assertEquals(c, r.classAt(p[0] * 0.5, p[1] * 0.5, 0.5));
		}
		assertEquals(0, r.classAt(1, 1, 1), "the gap before the first tile");
		assertEquals(0, r.classAt(r.layout().width() + 10, 5, 1));
		assertEquals(0, r.classAt(10, 10, 0));
	}

	@Test
	void detailsShowTheNumbersBehindAClassAndManualDecisionsAreMarked() throws Exception {
		final RejectionFolder f = rejection();
		new OverrideStage().run(OverrideStage.Options.of(f.folder(), List.of(3), List.of()).withNote("good side view")
				.withDate("2024-05-01"), null, null);
		final ClassReview r = new ClassReview(RejectionFolder.read(f.folder()));
		assertEquals(1, r.savedState(3));
		assertTrue(r.tiles().get(2).manual(), "the montage marks a manual decision");
		final String d3 = text(r.details(3));
		assertTrue(d3.contains("decided by=hand"), d3);
		assertTrue(d3.contains("note=good side view"), d3);
		assertTrue(d3.contains("date=2024-05-01"), d3);
		assertTrue(d3.contains("rejector's verdict=reject"), d3);
		for (final String measure : List.of("population=", "resolution (Å)=", "mask: Otsu level=",
				"mask: components=", "mask: px outside the disc=", "local variance z inside / outside="))
			assertTrue(d3.contains(measure), measure + " in " + d3);
		assertFalse(r.tiles().get(0).manual());
	}

	@Test
	void anUnfinishedFolderIsBadInput() {
		final BadInputException e = assertThrows(BadInputException.class, () -> RejectionFolder.read(tmp));
		assertTrue(e.getMessage().contains("not a finished rejection"), e.getMessage());
	}

	private static String text(final List<String[]> rows) {
		final StringBuilder sb = new StringBuilder();
		for (final String[] row : rows)
			sb.append(row[0]).append('=').append(row[1]).append('\n');
		return sb.toString();
	}
}
