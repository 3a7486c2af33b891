package io.github.triage.galvo;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The reference example set copied from shared/reference/oct/galvo into test resources. */
final class GalvoReferenceData {
	private GalvoReferenceData() {
	}

	static Path root() {
		try {
			return Path.of(GalvoReferenceData.class.getResource("/galvo/galvo_expected.csv").toURI()).getParent();
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	static List<Map<String, String>> csv(final String name) throws IOException {
		final List<Map<String, String>> rows = new ArrayList<>();
		try (Reader r = Files.newBufferedReader(root().resolve(name))) {
			for (final CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r))
				rows.add(rec.toMap());
		}
		return rows;
	}

	static List<Map<String, String>> tiles() throws IOException {
		return csv("galvo_expected.csv");
	}

	static List<Map<String, String>> slices() throws IOException {
		return csv("galvo_slices_expected.csv");
	}
}
