package io.github.triage.demo;

import java.io.PrintWriter;
import java.nio.file.Path;

import io.github.triage.cli.CliListener;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.stage.oct.OctRunStage;

/**
 * The demo's OCT run: {@code oct run} on the synthetic series of {@link SyntheticOct} (every input: mosaics,
 * shifts, raw tiles, pairwise metrics, an interpolation manifest). The summary names the final config and the report,
 * and gives the command for the same run on one's own data.
 */
public final class OctRunDemo implements DemoStage {
	@Override
	public String name() {
		return "oct-run";
	}

	@Override
	public String run(final Path dir, final PrintWriter log) throws Exception {
		final SyntheticOct.Inputs in = SyntheticOct.write(dir.resolve("input"));
		final Path out = dir.resolve("run");
		log.println("oct-run: synthetic series of " + SyntheticOct.SLICES + " slices in " + dir.resolve("input"));
		final OctRunStage.Result r;
		try (CpuImageOps ops = new CpuImageOps()) {
			r = new OctRunStage().run(in.options(out), ops, new CliListener(log, true));
		}
		final StringBuilder sb = new StringBuilder("steps (in " + out + "):\n");
		for (final OctRunStage.StepResult s : r.steps())
			sb.append("  ").append(s.name()).append(": ").append(s.summary()).append('\n');
		sb.append("used: ").append(String.join(" ", r.used())).append("; skipped at stacking: ")
				.append(String.join(" ", r.skipped())).append("; warnings: ").append(r.warnings().size()).append('\n');
		sb.append("final config: ").append(r.finalConfig()).append('\n');
		sb.append("volume: ").append(r.volume()).append('\n');
		sb.append("REPORT: ").append(r.report()).append('\n');
		sb.append("the same run: ").append(in.command(out)).append('\n');
		sb.append("on your own data: triage oct run MOSAICS_DIR -o OUT_DIR [--shifts shifts_xy.csv --tile-fov-mm MM "
				+ "--slice-thickness-mm T] [--tiles-dir RAW --n-extra N] [--metrics DIR] [--fragments DIR]\n");
		return sb.toString();
	}
}
