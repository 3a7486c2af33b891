package io.github.triage.stage.cavg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.cavg.ClassDecision;
import io.github.triage.cavg.CleanupOutputs;
import io.github.triage.cavg.ManualDecision;
import io.github.triage.cavg.RejectionTable;
import io.github.triage.io.CsvTables;
import io.github.triage.slice.TextTable;

/** The manual decisions a rejection folder already holds, which a new rejection of the folder keeps. */
final class ManualDecisions {
	private ManualDecisions() {
	}

	/**
	 * The manual decisions recorded in {@code dir/rejection.csv} that still apply to {@code decisions} (same
	 * number of classes), each announced to the listener; empty when there are none. A rejection.csv that cannot
	 * be read or holds another number of classes is reported and ignored: a new rejection must not fail on it.
	 */
	static Map<Integer, ManualDecision> kept(final Path dir, final List<ClassDecision> decisions, final Listener log) {
		final Path csv = dir.resolve(CleanupOutputs.REJECTION_CSV);
		if (!Files.isRegularFile(csv)) return Map.of();
		final RejectionTable.Parsed old;
		try {
			final TextTable t = CsvTables.read(csv);
			if (!RejectionTable.hasAuditColumns(t)) return Map.of();
			old = RejectionTable.parse(t);
		}
		catch (final BadInputException | IOException e) {
			log.warning(csv + ": earlier decisions not readable, manual ones (if any) not kept: " + e.getMessage());
			return Map.of();
		}
		if (old.manual().isEmpty()) return Map.of();
		if (old.decisions().size() != decisions.size()) {
			log.warning(csv + ": " + old.manual().size() + " manual decision(s) for " + old.decisions().size()
					+ " classes, but this stack has " + decisions.size() + ": not kept");
			return Map.of();
		}
		for (final ManualDecision m : old.manual().values()) {
			final ClassDecision d = decisions.get(m.classNumber() - 1);
			log.info("class " + m.classNumber() + ": " + (m.kept() ? "kept" : "rejected") + " by hand"
					+ (m.date().isEmpty() ? "" : " on " + m.date()) + (m.note().isEmpty() ? "" : " (" + m.note() + ")")
					+ "; manual decisions are kept (the rejector says: " + d.reason() + ")");
		}
		return old.manual();
	}
}
