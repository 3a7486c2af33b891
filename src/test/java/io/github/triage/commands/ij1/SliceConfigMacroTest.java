package io.github.triage.commands.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.Macro;

/** The ImageJ 1.x entries read the SciJava commands' keys, and still the earlier short ones. */
public class SliceConfigMacroTest {
	@TempDir
	Path tmp;


	private static Path spec() throws URISyntaxException {
		return Path.of(SliceConfigMacroTest.class.getResource("/slice/spec_example.csv").toURI());
	}

	/** ImageJ hands macro options only to threads named like its macro threads. */
	private static void inMacroThread(final String options) {
		final Thread t = new Thread(() -> {
			Macro.setOptions(options);
			new SliceConfigMacro().run("filter");
		}, "Run$_test");
		t.start();
		try {
			t.join(30000);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void newAndEarlierKeysGiveTheSameResult() throws IOException, URISyntaxException {
		final Path a = tmp.resolve("a.txt"), b = tmp.resolve("b.txt");
		inMacroThread("config_file=[" + spec() + "] output_file=[" + a + "]");
		inMacroThread("config=[" + spec() + "] output=[" + b + "]");
		final List<String> ids = Files.readAllLines(a);
		assertEquals(ids, Files.readAllLines(b));
		assertEquals(false, ids.isEmpty());
		assertEquals(List.of("config_file", "config"), MenuDialog.keys("config"));
		assertEquals(List.of("slices"), MenuDialog.keys("slices"));
	}
}
