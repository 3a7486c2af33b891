package io.github.triage.commands;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import ij.gui.Plot;
import ij.measure.ResultsTable;
import io.github.triage.io.QualityReports;
import io.github.triage.ops.ImageOps;
import io.github.triage.quality.QualityDecisions;
import io.github.triage.quality.QualitySettings;
import io.github.triage.quality.SliceQuality;
import io.github.triage.stage.quality.AssessQualityStage;

/**
 * Plugins › Triage › Slice quality › Assess slice quality: the CLI's {@code triage quality assess} in Fiji. Folder in,
 * slice_config out (plus the report folder), a plot and a results table with every slice's metrics.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Triage>Slice quality>Assess slice quality")
public class AssessSliceQualityCommand extends AssessSliceQualityFields {
	@Override
	protected void execute() throws Exception {
		final AssessQualityStage.Options o = new AssessQualityStage.Options(
				required(mosaics_dir, "mosaics folder", "mosaics_dir"),
				required(output_csv, "output slice_config", "output_csv"), null, report_only, update_existing,
				optional(existing_config, null),
				new QualityDecisions.Options(exclude_first, detect_calibration, calibration_ratio, min_quality),
				QualitySettings.ofSampleDepth(sample_depth), pyramid_level);
		final AssessQualityStage.Result r;
		try (ImageOps ops = ops(use_gpu)) {
			r = new AssessQualityStage().run(o, ops, listener());
		}
		results = table(r);
		final Plot p = QualityReports.plot(r.metrics(), r.decisions(), min_quality);
		plot = p.getImagePlus();
		plot.setTitle("Slice quality");
		// The plot comes back as an output image (Fiji displays it); the table is shown where there is a screen.
		if (!java.awt.GraphicsEnvironment.isHeadless() && (ui == null || !ui.isHeadless())) results.show("Slice quality");
	}

	private static ResultsTable table(final AssessQualityStage.Result r) {
		final ResultsTable t = new ResultsTable();
		for (int i = 0; i < r.metrics().size(); i++) {
			final SliceQuality q = r.metrics().get(i);
			final QualityDecisions.Decision d = r.decisions().get(i);
			t.incrementCounter();
			t.addValue("slice_id", q.sliceId());
			t.addValue("depth", q.depth());
			t.addValue("ssim_before", q.ssimBefore());
			t.addValue("ssim_after", q.ssimAfter());
			t.addValue("ssim", q.ssim());
			t.addValue("edge", q.edge());
			t.addValue("variance", q.variance());
			t.addValue("quality_score", q.qualityScore());
			t.addValue("has_data", String.valueOf(q.hasData()));
			t.addValue("use", String.valueOf(d.use()));
			t.addValue("notes", d.note());
		}
		return t;
	}
}
