package io.github.triage.cavg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.triage.io.MrcFiles;
import io.github.triage.io.MrcStack;

/** The reference stacks of SIMPLE's rejector (src/test/resources/cavg, see its README) loaded for tests. */
final class ReferenceStacks {
	static final String[] NAMES = { "cavgA00_handcheck_b64_s1p00_n6", "cavgA01_b64_s2p00_n120",
			"cavgA02_b96_s1p00_n36", "cavgA03_b160_s2p20_n20" };

	record Ref(String name, MrcStack stack, double smpd, double mskdiam, int box, List<ClassStats> stats) {
	}

	private ReferenceStacks() {
	}

	static Path resource(final String file) {
		final URL u = ReferenceStacks.class.getResource("/cavg/" + file);
		if (u == null) throw new IllegalStateException("missing test resource cavg/" + file);
		try {
			return Path.of(u.toURI());
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	static Ref load(final String name) {
		try {
			final JsonObject j = JsonParser.parseString(Files.readString(resource(name + ".json"))).getAsJsonObject();
			final List<ClassStats> stats = new ArrayList<>();
			for (final String[] r : csv(name + "_classes.csv"))
				stats.add(new ClassStats(Integer.parseInt(r[0]), Double.parseDouble(r[1]), Double.parseDouble(r[2])));
			return new Ref(name, MrcFiles.read(resource(name + ".mrc")), j.get("smpd").getAsDouble(),
					j.get("mskdiam").getAsDouble(), j.get("box").getAsInt(), stats);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Rows of a CSV without its header. */
	static List<String[]> csv(final String file) {
		try {
			final List<String> lines = Files.readAllLines(resource(file), StandardCharsets.UTF_8);
			final List<String[]> out = new ArrayList<>();
			for (final String l : lines.subList(1, lines.size()))
				if (!l.isBlank()) out.add(l.split(","));
			return out;
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The debug CSV as column → values by class (index 0 = class 1). */
	static Map<String, List<String>> debug(final String name) {
		try {
			final List<String> lines = Files.readAllLines(resource(name + "_debug.csv"), StandardCharsets.UTF_8);
			final String[] head = lines.get(0).split(",");
			final Map<String, List<String>> out = new HashMap<>();
			for (final String h : head)
				out.put(h, new ArrayList<>());
			for (final String l : lines.subList(1, lines.size())) {
				if (l.isBlank()) continue;
				final String[] r = l.split(",");
				for (int i = 0; i < head.length; i++)
					out.get(head[i]).add(r[i]);
			}
			return out;
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
