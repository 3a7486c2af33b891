package io.github.triage.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.io.SliceConfigFiles;
import io.github.triage.BadInputException;

class MergeFragmentsTest {
	@TempDir
	Path tmp;

	private static final String MANIFEST_HEADER = "slice_id,method,method_used,fallback_reason,interpolation_failed,output_path\n";

	private SliceConfig base() throws IOException {
		final Path p = tmp.resolve("slice_config.csv");
		Files.writeString(p, "slice_id,use,interpolation_method_used,interpolation_fallback_reason,notes\n"
				+ "01,true,,,\n02,false,stale,stale,motion\n03,true,,,\n05,false,,,\n");
		return SliceConfigFiles.read(p);
	}

	@Test
	void interpolationManifestsMapAsTheReference() throws IOException {
		final Path dir = Files.createDirectories(tmp.resolve("frag"));
		Files.writeString(dir.resolve("slice_z02_manifest.csv"), MANIFEST_HEADER
				+ "2,zmorph,zmorph,,false,/work/slice_z02.ome.zarr\n");
		Files.writeString(dir.resolve("slice_z05_manifest.csv"), MANIFEST_HEADER
				+ "5,zmorph,weighted,low_overlap_ncc,true,\n");
		Files.writeString(dir.resolve("slice_z04_manifest.csv"), MANIFEST_HEADER
				+ "4,zmorph,average,,False,/work/slice_z04.ome.zarr\n");
		Files.writeString(dir.resolve("notes.txt"), "not a fragment");
		Files.writeString(dir.resolve(".slice_z09_manifest.csv"), "hidden, half written");

		final SliceConfig c = base();
		// a fragment for a slice the config lacks is an error naming it (the reference adds a row); nothing changes
		final BadInputException unknown = assertThrows(BadInputException.class,
				() -> c.mergeFragments(SliceConfigFiles.readFragments(dir)));
		assertTrue(unknown.getMessage().contains("slice_z04_manifest.csv: line 2")
				&& unknown.getMessage().contains("slice 04 is not in slice_config"), unknown.getMessage());
		assertEquals("", c.get("02", SliceColumns.INTERPOLATED));
		Files.delete(dir.resolve("slice_z04_manifest.csv"));

		final List<String> merged = c.mergeFragments(SliceConfigFiles.readFragments(dir));
		assertEquals(List.of("02", "05"), merged);

		assertEquals("true", c.get("02", SliceColumns.INTERPOLATED));
		assertEquals("false", c.get("02", SliceColumns.INTERPOLATION_FAILED));
		assertEquals("zmorph", c.get("02", SliceColumns.INTERPOLATION_METHOD_USED));
		assertEquals("", c.get("02", SliceColumns.INTERPOLATION_FALLBACK_REASON), "success clears a stale reason");
		assertEquals("motion", c.get("02", SliceColumns.NOTES));
		assertEquals("false", c.get("02", SliceColumns.USE));

		// failure: method forced empty even though the manifest named one
		assertEquals("false", c.get("05", SliceColumns.INTERPOLATED));
		assertEquals("true", c.get("05", SliceColumns.INTERPOLATION_FAILED));
		assertEquals("", c.get("05", SliceColumns.INTERPOLATION_METHOD_USED));
		assertEquals("low_overlap_ncc", c.get("05", SliceColumns.INTERPOLATION_FALLBACK_REASON));

		// manifests never touch use
		assertEquals(List.of("01", "02", "03", "05"), c.ids());
		assertEquals("false", c.get("05", SliceColumns.USE));

		// method and output_path are dropped, not kept as extra columns
		assertEquals(SliceColumns.CANONICAL, c.columns());
	}

	@Test
	void laterFilesWinAndGenericFragmentsKeepTheirColumns() throws IOException {
		final Path dir = Files.createDirectories(tmp.resolve("frag"));
		Files.writeString(dir.resolve("a.csv"), "slice_id,auto_excluded,auto_exclude_reason,pair_note\n3,true,first,x\n");
		Files.writeString(dir.resolve("b.csv"), "slice_id,auto_excluded,auto_exclude_reason\n3,no,second\n");
		final SliceConfig c = base();
		assertEquals(List.of("03", "03"), c.mergeFragments(SliceConfigFiles.readFragments(dir)));
		assertEquals("false", c.get("03", SliceColumns.AUTO_EXCLUDED));
		assertEquals("second", c.get("03", SliceColumns.AUTO_EXCLUDE_REASON));
		assertEquals("x", c.get("03", "pair_note"));
		assertEquals("", c.get("03", SliceColumns.INTERPOLATED), "not an interpolation manifest");
	}

	@Test
	void badFragmentNamesFileLineColumnAndChangesNothing() throws IOException {
		final Path dir = Files.createDirectories(tmp.resolve("frag"));
		Files.writeString(dir.resolve("slice_z01_manifest.csv"), MANIFEST_HEADER + "1,zmorph,zmorph,,false,\n");
		final Path bad = dir.resolve("slice_z03_manifest.csv");
		Files.writeString(bad, MANIFEST_HEADER + "3,zmorph,zmorph,,kinda,\n");
		final SliceConfig c = base();
		final BadInputException e = assertThrows(BadInputException.class, () -> c.mergeFragments(SliceConfigFiles.readFragments(dir)));
		assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("line 2")
				&& e.getMessage().contains("'interpolation_failed'"), e.getMessage());
		assertEquals("", c.get("01", SliceColumns.INTERPOLATED), "first fragment not applied either");

		Files.writeString(bad, "method,method_used\nzmorph,zmorph\n");
		final BadInputException e2 = assertThrows(BadInputException.class, () -> c.mergeFragments(SliceConfigFiles.readFragments(dir)));
		assertTrue(e2.getMessage().contains("'slice_id'"), e2.getMessage());

		assertThrows(BadInputException.class, () -> c.mergeFragments(SliceConfigFiles.readFragments(tmp.resolve("nope"))));

		Files.writeString(bad, "slice_id,quality_score\n3,0.5\n5,excellent\n");
		final BadInputException e3 = assertThrows(BadInputException.class, () -> c.mergeFragments(SliceConfigFiles.readFragments(dir)));
		assertTrue(e3.getMessage().contains(bad + ": line 3") && e3.getMessage().contains("excellent"), e3.getMessage());
		assertEquals("", c.get("03", SliceColumns.QUALITY_SCORE));
	}

	@Test
	void emptyFolderMergesNothing() throws IOException {
		final SliceConfig c = base();
		assertEquals(List.of(), c.mergeFragments(SliceConfigFiles.readFragments(Files.createDirectories(tmp.resolve("empty")))));
		assertEquals(4, c.size());
	}
}
