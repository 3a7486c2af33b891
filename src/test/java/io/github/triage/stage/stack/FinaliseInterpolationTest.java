package io.github.triage.stage.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.slice.MergeFragmentsStage;

/**
 * Interpolation finalise (linumpy's {@code --finalise}) is merge-fragments: on the reference example (03 succeeded,
 * 06 hard-skipped) the final config holds linumpy's cells (its column order differs); use is never touched; a fragment for a slice
 * not in the config is an error naming it (linumpy silently adds a row).
 */
class FinaliseInterpolationTest {
	@TempDir
	Path tmp;

	@Test
	void referenceExample() throws Exception {
		final Path ex = AlignReferenceRunsTest.ref().resolve("finalise_example");
		final Path out = tmp.resolve("slice_config_final.csv");
		new MergeFragmentsStage().run(new MergeFragmentsStage.Options(ex.resolve("slice_config_in.csv"),
				ex.resolve("fragments"), out), null, null);
		// Same cells, column by column. The column order differs: Triage writes its schema's order (notes after the
		// interpolation columns, exclude_reason kept as an extra column at the end), linumpy its own.
		final SliceConfig want = SliceConfigFiles.read(ex.resolve("slice_config_final.csv"));
		final SliceConfig got = SliceConfigFiles.read(out);
		assertEquals(want.ids(), got.ids());
		assertEquals(new java.util.TreeSet<>(want.columns()), new java.util.TreeSet<>(got.columns()));
		for (final String id : want.ids())
			for (final String c : want.columns())
				assertEquals(want.get(id, c), got.get(id, c), "slice " + id + ", " + c);
	}

	@Test
	void unknownSliceIsAnError() throws Exception {
		final Path ex = AlignReferenceRunsTest.ref().resolve("finalise_example");
		final Path frags = Files.createDirectories(tmp.resolve("fragments"));
		Files.writeString(frags.resolve("slice_z09_manifest.csv"),
				"slice_id,method,method_used,fallback_reason,interpolation_failed,output_path\n09,zmorph,zmorph,,false,x\n");
		final Path out = tmp.resolve("final.csv");
		final BadInputException e = assertThrows(BadInputException.class, () -> new MergeFragmentsStage()
				.run(new MergeFragmentsStage.Options(ex.resolve("slice_config_in.csv"), frags, out), null, null));
		assertTrue(e.getMessage().contains("slice_z09_manifest.csv") && e.getMessage().contains("09"), e.getMessage());
		assertFalse(Files.exists(out));
	}
}
