package io.github.triage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;
import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;

/** Two writers updating one slice_config in place: the second is told, the first one's change is kept. */
class SliceConfigSecondWriterTest {

	@Test
	void aWriterWhoseFileChangedSinceItReadFails(@TempDir final Path tmp) throws Exception {
		final Path f = tmp.resolve("slice_config.csv");
		SliceConfigFiles.write(SliceConfig.generate(List.of("00", "01"), List.of(), 0, null), f);
		final SliceConfig a = SliceConfigFiles.read(f), b = SliceConfigFiles.read(f);
		a.stamp("00", Map.of(SliceColumns.NOTES, "from a"), false);
		b.stamp("01", Map.of(SliceColumns.NOTES, "from b"), false);
		SliceConfigFiles.write(a, f);
		final BadInputException e = assertThrows(BadInputException.class, () -> SliceConfigFiles.write(b, f));
		assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("another writer"), e.getMessage());
		assertEquals("from a", SliceConfigFiles.read(f).get("00", SliceColumns.NOTES));
		assertEquals("", SliceConfigFiles.read(f).get("01", SliceColumns.NOTES));
		// the first writer may write again (its own change is not someone else's), and a new file is free
		a.stamp("01", Map.of(SliceColumns.NOTES, "a again"), false);
		SliceConfigFiles.write(a, f);
		SliceConfigFiles.write(b, tmp.resolve("other.csv"));
		assertTrue(Files.readString(f).contains("a again"));
	}
}
