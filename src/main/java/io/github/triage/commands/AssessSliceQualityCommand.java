package io.github.triage.commands;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
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
public class AssessSliceQualityCommand extends TriageCommand {

	@Parameter(label = "Mosaics folder (*z<NN>*.ome.zarr or .tif)", style = "directory",
			description = "Folder of the slice mosaics, one *z<NN>* .ome.zarr or .tif per slice")
	private File mosaics_dir;

	@Parameter(label = "slice_config.csv to write", style = "save",
			description = "The slice_config.csv to write the scores and decisions to")
	private File output_csv;

	@Parameter(label = "Minimum quality (0 = keep all)", min = "0", max = "1", stepSize = "0.05",
			description = "Slices scoring below this are set use=false (0 keeps all)")
	private double min_quality = AssessQualityStage.Options.MIN_QUALITY;

	@Parameter(label = "Exclude first N slices (calibration)", min = "0",
			description = "The first N slices are calibration slices and are set use=false")
	private int exclude_first = AssessQualityStage.Options.EXCLUDE_FIRST;

	@Parameter(label = "Detect calibration slices by thickness",
			description = "Among the first three slices, mark unusually thick ones as calibration slices")
	private boolean detect_calibration = false;

	@Parameter(label = "Calibration thickness ratio", min = "1",
			description = "A slice this many times thicker than the median is a calibration slice")
	private double calibration_ratio = AssessQualityStage.Options.CALIBRATION_RATIO;

	@Parameter(label = "Report only (write no file)",
			description = "Show the scores without writing any file")
	private boolean report_only = false;

	@Parameter(label = "Update the output slice_config if it exists",
			description = "When the output file exists, update its scores and keep the rest")
	private boolean update_existing = false;

	@Parameter(persist = false, label = "Or update this slice_config (optional)", required = false, style = "open",
			description = "A slice_config.csv to read and update (written to the output file)")
	private File existing_config;

	@Parameter(label = "Use the GPU (CLIJ2): auto, on or off", choices = { "auto", "on", "off" },
			description = "auto: a GPU through CLIJ2 when there is one; on: always CLIJ2; off: the CPU")
	private String use_gpu = "auto";

	@Parameter(label = "Pyramid level (0 = full resolution)", min = "0",
			description = "Which resolution level of the OME-Zarr mosaics to read (0 = full, higher = smaller and faster)")
	private int pyramid_level = AssessQualityStage.Options.PYRAMID_LEVEL;

	@Parameter(label = "Z planes sampled per slice (0 = all)", min = "0",
			description = "How many depth planes of each slice are scored (0 = all)")
	private int sample_depth = AssessQualityStage.Options.SAMPLE_DEPTH;

	@Parameter(type = ItemIO.OUTPUT, label = "Slice quality",
			description = "One row per slice: the scores and the decision")
	private ResultsTable results;

	@Parameter(type = ItemIO.OUTPUT, label = "Slice quality plot",
			description = "Quality score per slice")
	private ImagePlus plot;

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
