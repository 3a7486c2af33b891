package io.github.triage.slice;

import io.github.triage.io.SliceConfigFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Child process of {@link AtomicWriteKillTest}: rewrites a large slice_config through {@link SliceConfig#write}
 * forever, every row of version v noted "v{v}", until it is killed. Prints "ready" after its first complete write.
 */
public final class AtomicWriteChild {
	private AtomicWriteChild() {
	}

	public static void main(final String[] args) throws Exception {
		final Path target = Path.of(args[0]);
		final int rows = Integer.parseInt(args[1]);
		final int start = Integer.parseInt(args[2]);
		final SliceConfig c = config(rows, start);
		SliceConfigFiles.write(c, target);
		System.out.println("ready");
		System.out.flush();
		for (int v = start + 1;; v++) {
			for (final String id : c.ids()) c.stamp(id, Map.of(SliceColumns.NOTES, note(v)), false);
			SliceConfigFiles.write(c, target);
		}
	}

	/** A config of {@code rows} slices, all noted as version {@code v}. */
	static SliceConfig config(final int rows, final int v) {
		final List<String> ids = new ArrayList<>();
		for (int i = 0; i < rows; i++) ids.add(Integer.toString(i));
		final SliceConfig c = SliceConfig.generate(ids, List.of(), 0, null);
		for (final String id : c.ids())
			c.stamp(id, Map.of(SliceColumns.QUALITY_SCORE, "0.500", SliceColumns.AUTO_EXCLUDE_REASON,
					"a reason long enough to make the file take a while to write", SliceColumns.NOTES, note(v)), false);
		return c;
	}

	static String note(final int v) {
		return "v" + v;
	}
}
