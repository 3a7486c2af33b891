package io.github.triage.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.stage.slice.AutoExclusionStage;

/** Registration metrics that used to fail with an I/O error naming no file: Latin-1 JSON, a folder link loop. */
class MetricsBadInputTest {
	@TempDir
	Path tmp;

	private Path config() throws IOException {
		final Path p = tmp.resolve("slice_config.csv");
		Files.writeString(p, "slice_id,use\n00,true\n01,true\n");
		return p;
	}

	@Test
	void nonUtf8JsonIsBadInputNamingTheFile() throws IOException {
		final Path f = Files.createDirectories(tmp.resolve("m/slice_z01")).resolve(PairwiseMetricsFiles.FILE_NAME);
		Files.write(f, "{\"metrics\": {\"z_correlation\": {\"value\": 0.5}}, \"note\": \"r\u00e9sum\u00e9\"}"
				.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
		final Path out = tmp.resolve("out.csv");
		final BadInputException e = assertThrows(BadInputException.class, () -> new AutoExclusionStage()
				.run(AutoExclusionStage.Options.defaults(config(), tmp.resolve("m"), out), null, Listener.NONE));
		assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("UTF-8"), e.getMessage());
		assertFalse(Files.exists(out));
	}

	@Test
	void aFolderLinkLoopIsBadInputNamingTheLink() throws IOException {
		final Path slice = Files.createDirectories(tmp.resolve("m/slice_z01"));
		Files.writeString(slice.resolve(PairwiseMetricsFiles.FILE_NAME),
				"{\"metrics\": {\"z_correlation\": {\"value\": 0.5}}}");
		final Path loop = Files.createSymbolicLink(slice.resolve("again"), tmp.resolve("m"));
		final Path out = tmp.resolve("out.csv");
		final BadInputException e = assertThrows(BadInputException.class, () -> new AutoExclusionStage()
				.run(AutoExclusionStage.Options.defaults(config(), tmp.resolve("m"), out), null, Listener.NONE));
		assertTrue(e.getMessage().contains(loop.toString()) && e.getMessage().contains("loop"), e.getMessage());
		assertFalse(Files.exists(out));
	}

	@Test
	void selfLinksInTileAndMosaicFoldersAreNotFollowedForever() throws IOException {
		final Path d = Files.createDirectories(tmp.resolve("tiles"));
		Files.createSymbolicLink(d.resolve("slice_z01"), d);
		Files.createSymbolicLink(d.resolve("slice_z02.tif"), d.resolve("slice_z02.tif"));
		final BadInputException e = assertThrows(BadInputException.class, () -> TileFiles.sliceFolders(d));
		assertTrue(e.getMessage().startsWith(d.toString()), e.getMessage());
		final BadInputException m = assertThrows(BadInputException.class, () -> MosaicFolder.list(d, Listener.NONE));
		assertTrue(m.getMessage().startsWith(d.toString()), m.getMessage());
	}
}
