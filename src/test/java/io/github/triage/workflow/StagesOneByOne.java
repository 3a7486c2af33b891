package io.github.triage.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.triage.Listener;
import io.github.triage.demo.WorkflowSeries;
import io.github.triage.ops.CpuImageOps;
import io.github.triage.ops.ImageOps;
import io.github.triage.quality.QualityDecisions;
import io.github.triage.quality.QualitySettings;
import io.github.triage.stage.galvo.StampStage;
import io.github.triage.stage.quality.AssessQualityStage;
import io.github.triage.stage.slice.AutoExclusionStage;
import io.github.triage.stage.slice.GenerateSliceConfigStage;
import io.github.triage.stage.slice.MergeFragmentsStage;
import io.github.triage.stage.slice.RehomingStage;

/**
 * The reference for the workflow: the OCT flow's config steps run in process, one whole-folder stage after another,
 * as {@code triage oct run} chains them (generate → galvo stamp → quality assess → rehoming → auto-exclusion →
 * interpolation finalise), each reading the config the previous one wrote.
 */
final class StagesOneByOne {
	private StagesOneByOne() {
	}

	/** Runs the steps in {@code dir}; returns the final slice_config. */
	static Path run(final WorkflowSeries.Inputs in, final double minQuality, final Path dir) throws IOException {
		Files.createDirectories(dir);
		try (ImageOps ops = new CpuImageOps()) {
			final Path generated = dir.resolve("generated.csv");
			new GenerateSliceConfigStage().run(GenerateSliceConfigStage.Options.defaults(
					GenerateSliceConfigStage.Source.MOSAICS, in.mosaics(), generated), ops, Listener.NONE);
			final Path galvo = dir.resolve("galvo.csv");
			new StampStage().run(StampStage.Options.defaults(generated, galvo, in.tiles(), WorkflowSeries.N_EXTRA), ops,
					Listener.NONE);
			final Path quality = dir.resolve("quality.csv");
			new AssessQualityStage().run(new AssessQualityStage.Options(in.mosaics(), quality, dir.resolve("quality"),
					false, false, galvo, new QualityDecisions.Options(AssessQualityStage.Options.EXCLUDE_FIRST, false,
							AssessQualityStage.Options.CALIBRATION_RATIO, minQuality),
					QualitySettings.DEFAULT, AssessQualityStage.Options.PYRAMID_LEVEL), ops, Listener.NONE);
			final Path rehomed = dir.resolve("rehomed.csv");
			new RehomingStage().run(RehomingStage.Options.defaults(quality, in.shifts(), WorkflowSeries.TILE_FOV_MM,
					rehomed), ops, Listener.NONE);
			final Path excluded = dir.resolve("auto_excluded.csv");
			new AutoExclusionStage().run(AutoExclusionStage.Options.defaults(rehomed, in.metrics(), excluded), ops,
					Listener.NONE);
			final Path fin = dir.resolve("slice_config_final.csv");
			new MergeFragmentsStage().run(new MergeFragmentsStage.Options(excluded, in.fragments(), fin, true), ops,
					Listener.NONE);
			return fin;
		}
	}
}
