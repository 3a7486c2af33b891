package io.github.triage.io;

import static io.github.triage.io.AtomicFilesTest.attrs;
import static io.github.triage.io.AtomicFilesTest.hidden;
import static io.github.triage.io.AtomicFilesTest.mode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;

/** Folder outputs (OME-Zarr) written as a whole, and what each crash point leaves for the next run to repair. */
class AtomicFoldersTest {
	/** Stands for kill -9: an Error, which writeFolder does not clean up after. */
	static final class Killed extends Error {
		private static final long serialVersionUID = 1L;
	}

	@AfterEach
	void noMoreCrashes() {
		AtomicFiles.steps = step -> {
		};
	}

	private static void crashAt(final String step) {
		AtomicFiles.steps = s -> {
			if (s.equals(step)) throw new Killed();
		};
	}

	/** After a kill the process is gone: give what it left the name of a dead process. */
	private static void processGone(final Path dir) throws IOException {
		final String mine = "-" + TempNames.PID + ".";
		try (Stream<Path> s = Files.list(dir)) {
			for (final Path p : s.toList()) {
				final String n = p.getFileName().toString();
				if (n.contains(mine))
					Files.move(p, p.resolveSibling(n.replace(mine, "-" + AtomicFilesTest.DEAD_PID + ".")));
			}
		}
	}

	private static void image(final Path target, final String version) throws IOException {
		AtomicFiles.writeFolder(target, f -> {
			Files.writeString(f.resolve(".zattrs"), version);
			Files.createDirectories(f.resolve("0/0"));
			Files.writeString(f.resolve("0/0/0"), version + " chunk");
		});
	}

	private static String version(final Path target) throws IOException {
		return Files.readString(target.resolve(".zattrs"));
	}

	@Test
	void newFolderFollowsTheUmaskAndReplacedKeepsItsMode(@TempDir final Path dir) throws IOException {
		final Path reference = Files.createDirectory(dir.resolve("reference"));
		final Path out = dir.resolve("slice_z01.ome.zarr");
		image(out, "v1");
		assertEquals(mode(reference), mode(out));
		assertEquals(mode(reference), mode(out.resolve("0/0")));
		final GroupPrincipal group = AtomicFilesTest.otherGroup(out);
		Files.getFileAttributeView(out, PosixFileAttributeView.class).setGroup(group);
		Files.setAttribute(out, "unix:mode", 02775); // group-shared folder: set-gid
		image(out, "v2");
		assertEquals("v2", version(out));
		assertEquals(02775, (int) Files.getAttribute(out, "unix:mode") & 07777);
		assertEquals(group, attrs(out).group());
		assertEquals(List.of(), hidden(dir));
	}

	@Test
	void omeZarrImagesFollowTheUmask(@TempDir final Path dir) throws IOException {
		final Path reference = Files.createDirectory(dir.resolve("reference"));
		final Path out = dir.resolve("fixed.ome.zarr");
		OmeZarrWriter.write(out, 2, 4, 4, z -> new float[16], new double[] { 1, 1, 1 }, "", 1,
				OmeZarrWriter.Compressor.ZLIB, new int[] { 1, 4, 4 });
		assertEquals(mode(reference), mode(out));
		assertEquals(List.of(), hidden(dir));
	}

	@Test
	void absentOrEmptyTargetTakesOneRename(@TempDir final Path dir) throws IOException {
		final List<String> steps = new ArrayList<>();
		AtomicFiles.steps = steps::add;
		final Path out = dir.resolve("a.ome.zarr");
		image(out, "v1");
		final Path empty = Files.createDirectory(dir.resolve("b.ome.zarr"));
		image(empty, "v1");
		assertEquals(List.of("built", "replaced", "built", "replaced"), steps);
		assertEquals("v1", version(empty));
		steps.clear();
		image(out, "v2");
		assertEquals(List.of("built", "aside", "replaced", "deleting"), steps);
		assertEquals("v2", version(out));
	}

	@Test
	void writesThroughALinkAndRefusesAFile(@TempDir final Path dir) throws IOException {
		final Path real = dir.resolve("store/real.ome.zarr");
		Files.createDirectories(real.getParent());
		final Path link = Files.createSymbolicLink(dir.resolve("link.ome.zarr"), real);
		image(link, "v1");
		image(link, "v2");
		assertTrue(Files.isSymbolicLink(link));
		assertEquals("v2", version(real));
		final Path file = Files.writeString(dir.resolve("file.ome.zarr"), "x");
		final BadInputException e = assertThrows(BadInputException.class, () -> image(file, "v1"));
		assertTrue(e.getMessage().startsWith(file + " is not a folder"), e.getMessage());
	}

	@Test
	void killWhileBuildingLeavesTheOldImage(@TempDir final Path dir) throws IOException {
		final Path out = dir.resolve("z.ome.zarr");
		image(out, "v1");
		crashAt("built");
		assertThrows(Killed.class, () -> image(out, "v2"));
		assertEquals("v1", version(out));
		assertEquals(1, hidden(dir).size());
		noMoreCrashes();
		processGone(dir);
		AtomicFiles.recoverFolder(out);
		assertEquals("v1", version(out));
		assertEquals(List.of(), hidden(dir));
	}

	@Test
	void killAfterSettingAsideRestoresTheOldImage(@TempDir final Path dir) throws IOException {
		final Path out = dir.resolve("z.ome.zarr");
		image(out, "v1");
		crashAt("aside");
		assertThrows(Killed.class, () -> image(out, "v2"));
		assertFalse(Files.exists(out));
		noMoreCrashes();
		AtomicFiles.recoverFolder(out);
		assertFalse(Files.exists(out), "a running writer's copy is not taken");
		processGone(dir);
		AtomicFiles.recoverFolder(out);
		assertEquals("v1", version(out));
		assertEquals("v1 chunk", Files.readString(out.resolve("0/0/0")));
		assertEquals(List.of(), hidden(dir));
	}

	@Test
	void killAfterReplacingKeepsTheNewImage(@TempDir final Path dir) throws IOException {
		final Path out = dir.resolve("z.ome.zarr");
		image(out, "v1");
		crashAt("replaced");
		assertThrows(Killed.class, () -> image(out, "v2"));
		assertEquals("v2", version(out));
		noMoreCrashes();
		processGone(dir);
		image(out, "v3"); // the next write repairs first
		assertEquals("v3", version(out));
		assertEquals(List.of(), hidden(dir));
	}

	@Test
	void killWhileDeletingNeverRestoresThePartialCopy(@TempDir final Path dir) throws IOException {
		final Path out = dir.resolve("z.ome.zarr");
		image(out, "v1");
		crashAt("deleting");
		assertThrows(Killed.class, () -> image(out, "v2"));
		noMoreCrashes();
		final Path deleting = hidden(dir).stream().map(dir::resolve).findFirst().orElseThrow();
		Files.delete(deleting.resolve(".zattrs")); // half deleted
		processGone(dir);
		AtomicFiles.deleteTree(out); // and the user removed the new image meanwhile
		AtomicFiles.recoverFolder(out);
		assertFalse(Files.exists(out));
		assertEquals(List.of(), hidden(dir));
	}

	@Test
	void failureAfterSettingAsidePutsTheOldImageBack(@TempDir final Path dir) throws IOException {
		final Path out = dir.resolve("z.ome.zarr");
		image(out, "v1");
		AtomicFiles.steps = s -> {
			if (s.equals("aside")) throw new IllegalStateException("disk gone");
		};
		assertThrows(IllegalStateException.class, () -> image(out, "v2"));
		assertEquals("v1", version(out));
		assertEquals(List.of(), hidden(dir));
		noMoreCrashes();
		assertThrows(IOException.class, () -> AtomicFiles.writeFolder(out, f -> {
			throw new IOException("bad chunk");
		}));
		assertEquals("v1", version(out));
		assertEquals(List.of(), hidden(dir));
	}
}
