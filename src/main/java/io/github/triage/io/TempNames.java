package io.github.triage.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Names of the hidden temporaries that sit next to an output while it is written:
 * {@code .<target>.<host>-<pid>.<random>.<kind>}. The name says which output, which machine and which process made it, so a later run can tell an orphan of a
 * killed run (its process is gone from this machine, or it is older than {@link #STALE_AGE}) from the work of a
 * writer still running, here or on another machine sharing the folder. Names of the earlier scheme (no host or
 * pid) are orphans once older than {@link #STALE_AGE}.
 */
final class TempNames {
	static final Duration STALE_AGE = Duration.ofDays(1);
	static final long PID = ProcessHandle.current().pid();
	static final String HOST = host();

	/** What a temporary is: a file being written, a folder being built, an old folder set aside, one being deleted. */
	enum Kind {
		TMP("tmp"), BUILD("build"), TRASH("trash"), DELETE("delete");

		final String suffix;

		Kind(final String suffix) {
			this.suffix = suffix;
		}
	}

	/** A temporary found next to an output. */
	record Temp(Path path, String host, long pid, Kind kind) {
		/** Left by a run that is gone: its process no longer exists on this machine, or it is older than a day. */
		boolean orphan() {
			if (HOST.equals(host) && pid >= 0 && ProcessHandle.of(pid).isEmpty()) return true;
			try {
				return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant()
						.isBefore(Instant.now().minus(STALE_AGE));
			}
			catch (final IOException e) {
				return false; // gone meanwhile
			}
		}
	}

	private TempNames() {
	}

	/** A fresh name for a temporary of {@code target} in the folder {@code dir}. */
	static Path next(final Path dir, final String target, final Kind kind) {
		final long r = ThreadLocalRandom.current().nextLong();
		return dir.resolve("." + stem(target) + "." + HOST + "-" + PID + "." + String.format(Locale.ROOT, "%016x", r)
				+ "." + kind.suffix);
	}

	/** The temporaries of {@code target} of the given kinds in {@code dir}, whoever made them. */
	static List<Temp> list(final Path dir, final String target, final Kind... kinds) throws IOException {
		final String prefix = "." + stem(target) + ".";
		final Pattern current = Pattern
				.compile(Pattern.quote(prefix) + "([A-Za-z0-9_-]+)-(\\d{1,18})\\.[0-9a-f]{16}\\.([a-z]+)");
		// names of earlier versions (createTempFile/-Directory): .<target>.<digits>[.tmp], .<target>.old.<digits>
		final Pattern legacy = Pattern.compile(Pattern.quote(prefix) + "(old\\.)?\\d{10,}(\\.tmp)?");
		final List<Temp> out = new ArrayList<>();
		if (!Files.isDirectory(dir)) return out;
		try (DirectoryStream<Path> s = Files.newDirectoryStream(dir,
				p -> p.getFileName().toString().startsWith(prefix))) {
			for (final Path p : s) {
				final String name = p.getFileName().toString();
				final Matcher m = current.matcher(name);
				if (m.matches()) {
					for (final Kind k : kinds)
						if (k.suffix.equals(m.group(3)))
							out.add(new Temp(p, m.group(1), Long.parseLong(m.group(2)), k));
				}
				else if (legacy.matcher(name).matches()) {
					final Kind k = name.endsWith(".tmp") ? Kind.TMP : Kind.BUILD;
					for (final Kind want : kinds)
						if (want == k) out.add(new Temp(p, "", -1, k));
				}
			}
		}
		return out;
	}

	/** Keeps temporary names within the 255-byte limit of a file name, whatever the target's name. */
	static String stem(final String target) {
		if (target.getBytes(StandardCharsets.UTF_8).length <= 120) return target;
		final CRC32 crc = new CRC32();
		crc.update(target.getBytes(StandardCharsets.UTF_8));
		final int cut = target.offsetByCodePoints(0, Math.min(40, target.codePointCount(0, target.length())));
		return target.substring(0, cut) + "~" + Long.toHexString(crc.getValue());
	}

	private static String host() {
		String h = null;
		try {
			final Path p = Path.of("/proc/sys/kernel/hostname");
			if (Files.isReadable(p)) h = Files.readString(p).strip();
		}
		catch (final IOException | RuntimeException e) {
			h = null;
		}
		if (h == null || h.isEmpty()) {
			try {
				h = java.net.InetAddress.getLocalHost().getHostName();
			}
			catch (final IOException e) {
				h = "host";
			}
		}
		final int dot = h.indexOf('.');
		if (dot > 0) h = h.substring(0, dot);
		h = h.replaceAll("[^A-Za-z0-9_-]", "_");
		if (h.isEmpty()) h = "host";
		return h.length() > 32 ? h.substring(0, 32) : h;
	}
}
