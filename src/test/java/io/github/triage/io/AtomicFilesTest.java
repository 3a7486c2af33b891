package io.github.triage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;

/** Files on shared storage: permissions, links, temporaries of killed runs, and two writers on one file. */
class AtomicFilesTest {
	static final long DEAD_PID = Integer.MAX_VALUE; // above any Linux pid_max

	static PosixFileAttributes attrs(final Path p) throws IOException {
		return Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
	}

	static String mode(final Path p) throws IOException {
		return PosixFilePermissions.toString(attrs(p).permissions());
	}

	/** A group other than the file's that this process can give a file (root: any; else: one it belongs to). */
	static GroupPrincipal otherGroup(final Path file) throws IOException {
		final PosixFileAttributeView v = Files.getFileAttributeView(file, PosixFileAttributeView.class);
		final GroupPrincipal mine = v.readAttributes().group();
		for (final String name : new String[] { "users", "daemon", "adm", "staff" }) {
			try {
				final GroupPrincipal g = file.getFileSystem().getUserPrincipalLookupService()
						.lookupPrincipalByGroupName(name);
				if (g.equals(mine)) continue;
				v.setGroup(g);
				v.setGroup(mine);
				return g;
			}
			catch (final IOException e) {
				// no such group, or not ours to use
			}
		}
		assumeTrue(false, "no second group this process may use");
		return null;
	}

	static List<String> hidden(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
		}
	}

	@Test
	void newFilesFollowTheUmask(@TempDir final Path dir) throws IOException {
		final Path reference = Files.createFile(dir.resolve("reference"));
		final Path referenceDir = Files.createDirectory(dir.resolve("reference_dir"));
		final Path out = dir.resolve("new/folder/report.csv");
		AtomicFiles.writeString(out, "a\n");
		assertEquals(mode(reference), mode(out));
		assertEquals(mode(referenceDir), mode(out.getParent()));
		assertEquals(mode(referenceDir), mode(out.getParent().getParent()));
	}

	@Test
	void replacedFileKeepsModeGroupAndOwner(@TempDir final Path dir) throws IOException {
		final Path cfg = dir.resolve("slice_config.csv");
		Files.writeString(cfg, "slice_id,use\n01,true\n");
		Files.setPosixFilePermissions(cfg, PosixFilePermissions.fromString("rw-rw-r--"));
		final GroupPrincipal group = otherGroup(cfg);
		Files.getFileAttributeView(cfg, PosixFileAttributeView.class).setGroup(group);
		UserPrincipal owner = attrs(cfg).owner();
		if ("root".equals(System.getProperty("user.name"))) {
			owner = cfg.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("daemon");
			Files.setOwner(cfg, owner);
		}
		AtomicFiles.writeString(cfg, "slice_id,use\n01,false\n");
		assertEquals("slice_id,use\n01,false\n", Files.readString(cfg));
		assertEquals("rw-rw-r--", mode(cfg));
		assertEquals(group, attrs(cfg).group());
		assertEquals(owner, attrs(cfg).owner());
	}

	@Test
	void writesThroughLinksToTheirTarget(@TempDir final Path dir) throws IOException {
		final Path real = Files.createDirectory(dir.resolve("store")).resolve("config.csv");
		Files.writeString(real, "old\n");
		final Path hop = Files.createSymbolicLink(dir.resolve("hop.csv"), real);
		final Path link = Files.createSymbolicLink(Files.createDirectory(dir.resolve("project")).resolve("config.csv"),
				Path.of("../hop.csv"));
		final List<String> tempsBesideTarget = new ArrayList<>();
		AtomicFiles.write(link, out -> {
			tempsBesideTarget.addAll(hidden(real.getParent()));
			out.write("new\n".getBytes(StandardCharsets.UTF_8));
		});
		assertEquals("new\n", Files.readString(real));
		assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(hop), "links stay links");
		assertEquals(1, tempsBesideTarget.size(), "the temporary goes beside the target: " + tempsBesideTarget);
		assertEquals(List.of(), hidden(link.getParent()));
	}

	@Test
	void danglingLinkCreatesItsTarget(@TempDir final Path dir) throws IOException {
		final Path link = Files.createSymbolicLink(dir.resolve("out.csv"), Path.of("made/by/link.csv"));
		final BadInputException e = assertThrows(BadInputException.class, () -> AtomicFiles.writeString(link, "x"));
		assertTrue(e.getMessage().contains("out.csv") && e.getMessage().contains("folder does not exist"),
				e.getMessage());
		Files.createDirectories(dir.resolve("made/by"));
		AtomicFiles.writeString(link, "x");
		assertEquals("x", Files.readString(dir.resolve("made/by/link.csv")));
		assertTrue(Files.isSymbolicLink(link));
	}

	@Test
	void refusesWhatIsNotARegularFile(@TempDir final Path dir) throws Exception {
		final Path fifo = dir.resolve("pipe");
		assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
		final Path folder = Files.createDirectory(dir.resolve("folder.csv"));
		final Path toFifo = Files.createSymbolicLink(dir.resolve("out.csv"), fifo);
		for (final Path p : new Path[] { fifo, folder, toFifo }) {
			final BadInputException e = assertThrows(BadInputException.class, () -> AtomicFiles.writeString(p, "x"));
			assertTrue(e.getMessage().startsWith(p.toString()) && e.getMessage().contains("is not a regular file"),
					e.getMessage());
		}
		assertTrue(Files.isSymbolicLink(toFifo) && Files.isDirectory(folder) && !Files.isRegularFile(fifo));
		assertEquals(List.of(), hidden(dir));
	}

	@Test
	void linkLoopsAreBadInputNamingThePath(@TempDir final Path dir) throws IOException {
		final Path self = Files.createSymbolicLink(dir.resolve("self.csv"), Path.of("self.csv"));
		final Path a = Files.createSymbolicLink(dir.resolve("a.csv"), Path.of("b.csv"));
		Files.createSymbolicLink(dir.resolve("b.csv"), Path.of("a.csv"));
		final Path loopDir = Files.createSymbolicLink(dir.resolve("d"), Path.of("d"));
		for (final Path p : new Path[] { self, a, loopDir.resolve("out.csv") }) {
			final BadInputException e = assertThrows(BadInputException.class, () -> AtomicFiles.writeString(p, "x"));
			assertTrue(e.getMessage().startsWith(p.toString()) && e.getMessage().contains("symbolic links"),
					e.getMessage());
		}
	}

	@Test
	void removesTemporariesOfKilledRunsOnly(@TempDir final Path dir) throws IOException {
		final String me = TempNames.HOST + "-" + TempNames.PID;
		final Path dead = Files
				.createFile(dir.resolve(".out.csv." + TempNames.HOST + "-" + DEAD_PID + ".0123456789abcdef.tmp"));
		final Path live = Files.createFile(dir.resolve(".out.csv." + me + ".fedcba9876543210.tmp"));
		final Path elsewhere = Files
				.createFile(dir.resolve(".out.csv.otherhost-" + DEAD_PID + ".00000000000000aa.tmp"));
		final Path elsewhereOld = Files.createFile(dir.resolve(".out.csv.otherhost-12.00000000000000bb.tmp"));
		final Path legacyOld = Files.createFile(dir.resolve(".out.csv.8345093245982348712.tmp"));
		final Path legacyNew = Files.createFile(dir.resolve(".out.csv.1345093245982348712.tmp"));
		final Path otherTarget = Files.createFile(dir.resolve(".other.csv." + TempNames.HOST + "-" + DEAD_PID
				+ ".0123456789abcdef.tmp"));
		final FileTime twoDaysAgo = FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS));
		Files.setLastModifiedTime(elsewhereOld, twoDaysAgo);
		Files.setLastModifiedTime(legacyOld, twoDaysAgo);
		final List<String> during = new ArrayList<>();
		AtomicFiles.write(dir.resolve("out.csv"), out -> during.addAll(hidden(dir)));
		assertTrue(during.stream().anyMatch(n -> n.matches("\\.out\\.csv\\." + me + "\\.[0-9a-f]{16}\\.tmp")
				&& !n.equals(live.getFileName().toString())), during.toString());
		assertFalse(Files.exists(dead));
		assertFalse(Files.exists(elsewhereOld));
		assertFalse(Files.exists(legacyOld));
		assertTrue(Files.exists(live), "a running writer's temporary stays");
		assertTrue(Files.exists(elsewhere), "another machine's recent temporary stays");
		assertTrue(Files.exists(legacyNew));
		assertTrue(Files.exists(otherTarget), "another output's temporaries are left to its own writer");
	}

	@Test
	void longNamesStillGetTemporaries(@TempDir final Path dir) throws IOException {
		final Path out = dir.resolve("é".repeat(120) + ".csv");
		AtomicFiles.writeString(out, "x");
		assertEquals("x", Files.readString(out));
	}

	@Test
	void secondOfTwoInterleavedWritersFails(@TempDir final Path dir) throws IOException {
		final Path cfg = dir.resolve("slice_config.csv");
		AtomicFiles.writeString(cfg, "slice_id,use\n01,true\n02,true\n");
		// writer A and writer B both read the config, B writes first, then A
		final FileStamp a = FileStamp.of(cfg);
		final String readByA = Files.readString(cfg);
		final FileStamp b = FileStamp.of(cfg);
		final String readByB = Files.readString(cfg);
		AtomicFiles.replace(cfg, b, out -> out.write(readByB.replace("01,true", "01,false").getBytes()));
		final BadInputException e = assertThrows(BadInputException.class, () -> AtomicFiles.replace(cfg, a,
				out -> out.write(readByA.replace("02,true", "02,false").getBytes())));
		assertEquals(cfg + " was changed by another writer since it was read; rerun on the new file", e.getMessage());
		assertEquals("slice_id,use\n01,false\n02,true\n", Files.readString(cfg), "B's change survives");
		assertEquals(List.of(), hidden(dir));
		// rerun on the new file: A succeeds
		final FileStamp again = FileStamp.of(cfg);
		final String reread = Files.readString(cfg);
		AtomicFiles.replace(cfg, again, out -> out.write(reread.replace("02,true", "02,false").getBytes()));
		assertEquals("slice_id,use\n01,false\n02,false\n", Files.readString(cfg));
	}

	@Test
	void writerOverlappingAnotherFails(@TempDir final Path dir) throws IOException {
		final Path cfg = dir.resolve("slice_config.csv");
		final Path viaLink = Files.createSymbolicLink(dir.resolve("link.csv"), cfg.getFileName());
		AtomicFiles.writeString(cfg, "v1\n");
		final FileStamp a = FileStamp.of(viaLink);
		assertThrows(BadInputException.class, () -> AtomicFiles.replace(viaLink, a, out -> {
			AtomicFiles.replace(cfg, FileStamp.of(cfg), o -> o.write("v2 by B\n".getBytes()));
			out.write("v2 by A\n".getBytes());
		}));
		assertEquals("v2 by B\n", Files.readString(cfg));
		assertTrue(Files.isSymbolicLink(viaLink));
	}

	@Test
	void stampSeesSameSizeSameTimeEdits(@TempDir final Path dir) throws IOException {
		final Path cfg = dir.resolve("c.csv");
		Files.writeString(cfg, "01,true\n");
		final FileStamp s = FileStamp.of(cfg);
		final FileTime t = Files.getLastModifiedTime(cfg);
		Files.writeString(cfg, "01,fals\n");
		Files.setLastModifiedTime(cfg, t);
		assertThrows(BadInputException.class, () -> AtomicFiles.replace(cfg, s, out -> out.write(1)));
		assertEquals("01,fals\n", Files.readString(cfg));
	}

	@Test
	void absentMeansStillAbsent(@TempDir final Path dir) throws IOException {
		final Path cfg = dir.resolve("new.csv");
		assertEquals(null, FileStamp.ofOrNull(cfg));
		final BadInputException e = assertThrows(BadInputException.class, () -> AtomicFiles.replace(cfg, null,
				out -> Files.writeString(cfg, "someone else\n")));
		assertTrue(e.getMessage().contains("another writer"), e.getMessage());
		assertEquals("someone else\n", Files.readString(cfg));
		Files.delete(cfg);
		AtomicFiles.replace(cfg, null, out -> out.write("mine\n".getBytes()));
		assertEquals("mine\n", Files.readString(cfg));
	}
}
