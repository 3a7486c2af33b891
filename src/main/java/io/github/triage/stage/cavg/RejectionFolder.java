package io.github.triage.stage.cavg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.triage.BadInputException;
import io.github.triage.cavg.ClassDecision;
import io.github.triage.cavg.CleanupOutputs;
import io.github.triage.cavg.ManualDecision;
import io.github.triage.cavg.RejectionTable;
import io.github.triage.io.ClassTables;
import io.github.triage.io.CsvTables;
import io.github.triage.io.MrcStack;

/**
 * A finished rejection folder read back for review (the Fiji review window): the rejector's verdicts, the manual
 * decisions, the final states and the class averages in class order. Read only; changes go through
 * {@link OverrideStage}.
 *
 * @param folder    the rejection output folder
 * @param decisions the rejector's verdict per class, in class order (with the numbers behind it)
 * @param manual    the manual decisions in force, by class number
 * @param states    the final state per class (index class-1; 1 kept)
 * @param stack     the class averages in class order
 */
public record RejectionFolder(Path folder, List<ClassDecision> decisions, Map<Integer, ManualDecision> manual,
		int[] states, MrcStack stack) {

	public RejectionFolder {
		decisions = List.copyOf(decisions);
		manual = Map.copyOf(manual);
		states = states.clone();
	}

	public int size() {
		return decisions.size();
	}

	/** Reads a finished rejection folder; bad input names the folder and what is missing. */
	public static RejectionFolder read(final Path dir) throws IOException {
		if (dir == null) throw new BadInputException("no rejection folder given");
		if (!Files.isDirectory(dir)) throw new BadInputException(dir + ": no such folder");
		if (!Files.isRegularFile(dir.resolve(CleanupOutputs.FINISHED)))
			throw new BadInputException(dir + ": not a finished rejection (no " + CleanupOutputs.FINISHED
					+ "): run Reject class averages (or cavg reject) into it first");
		final RejectionTable.Parsed parsed = RejectionTable.parse(CsvTables.read(dir.resolve(
				CleanupOutputs.REJECTION_CSV)));
		final ClassTables.ClassTable table = ClassTables.readCsv(dir.resolve(CleanupOutputs.CLASS_STATES));
		final int n = parsed.decisions().size();
		if (table.size() != n || table.priorStates() == null)
			throw new BadInputException(dir.resolve(CleanupOutputs.CLASS_STATES) + ": " + table.size()
					+ " classes with states, but rejection.csv has " + n);
		final String stem = RejectOutputs.stem(dir);
		if (stem == null) throw new BadInputException(dir + ": no class-average stacks (<stem>_selected.mrcs)");
		final int[] states = table.priorStates();
		return new RejectionFolder(dir, parsed.decisions(), parsed.manual(), states,
				RejectOutputs.readClassAverages(dir, stem, states));
	}
}
