package io.github.triage.stage.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.Version;
import io.github.triage.galvo.GalvoSettings;
import io.github.triage.io.AtomicFiles;
import io.github.triage.io.JsonDiagnostics;
import io.github.triage.io.PairwiseMetricsFiles;
import io.github.triage.io.SliceConfigFiles;
import io.github.triage.io.report.HtmlReport;
import io.github.triage.io.report.ReportInputs;
import io.github.triage.io.report.SlicePictures;
import io.github.triage.ops.ImageOps;
import io.github.triage.report.Gray8;
import io.github.triage.report.Images;
import io.github.triage.report.Plot;
import io.github.triage.report.ReportModel;
import io.github.triage.report.ReportPlots;
import io.github.triage.report.Numbers;
import io.github.triage.report.SliceAudit;
import io.github.triage.report.Summary;
import io.github.triage.report.Thumbnail;
import io.github.triage.slice.DecisionSanity;
import io.github.triage.slice.SliceColumns;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.Problems;
import io.github.triage.stage.Stage;

/**
 * Writes report.html, the end-of-run report a person reads: summary, audit trail, plots, a picture per slice, the
 * assembled volume, settings and provenance. It reads the files the other stages wrote (only the final
 * slice_config is required) and is the last step of a run.
 */
public final class ReportStage implements Stage<ReportStage.Options, ReportStage.Result> {

	/**
	 * What to report on. Every input but {@code sliceConfig} may be null (its part of the report is left out).
	 *
	 * @param qualityReport   quality_report.csv (scores of every assessed slice); else the config's quality_score
	 * @param diagnostics     folder of per-slice JSON diagnostics (searched recursively): settings and thresholds
	 * @param shifts          pairwise shifts CSV as given to rehoming
	 * @param correctedShifts the rehoming-corrected shifts CSV
	 * @param metrics         folder of pairwise registration metrics (z-correlation)
	 * @param mosaics         folder of slice mosaics, for the pictures
	 * @param volume          the assembled volume (OME-Zarr or TIFF), for orthogonal views
	 * @param minQuality      the quality threshold; NaN: as the quality diagnostics say (none when 0)
	 * @param galvoThreshold  NaN: as the galvo diagnostics say, else the galvo default
	 * @param zCorrThreshold  the auto-exclusion threshold; NaN: no line drawn
	 * @param thumbnailSize   longest side of a slice picture, pixels
	 * @param settings        the run's settings to list (group → name → value), e.g. from {@code oct run}
	 * @param date            the date to print; null for now
	 * @param warnings        the run's warnings (each step's, e.g. from {@code oct run}), listed first in the summary
	 */
	public record Options(Path sliceConfig, Path qualityReport, Path diagnostics, Path shifts, Path correctedShifts,
			Path metrics, Path mosaics, Path volume, Path output, String title, double minQuality, double galvoThreshold,
			double zCorrThreshold, SlicePictures.Projection projection, int thumbnailSize,
			Map<String, Map<String, String>> settings, String date, List<String> warnings) {
		public static final String FILE_NAME = "report.html";
		public static final String TITLE = "Triage OCT report";
		public static final SlicePictures.Projection PROJECTION = SlicePictures.Projection.AIP;
		public static final int THUMBNAIL_SIZE = 256;

		public Options {
			warnings = warnings == null ? List.of() : List.copyOf(warnings);
		}

		/** Only the config and the output; every default. */
		public static Options defaults(final Path sliceConfig, final Path output) {
			return new Options(sliceConfig, null, null, null, null, null, null, null, output, TITLE, Double.NaN,
					Double.NaN, Double.NaN, PROJECTION, THUMBNAIL_SIZE, Map.of(), null, List.of());
		}

		public Options withInputs(final Path qualityReport, final Path diagnostics, final Path shifts,
				final Path correctedShifts, final Path metrics, final Path mosaics, final Path volume) {
			return new Options(sliceConfig, qualityReport, diagnostics, shifts, correctedShifts, metrics, mosaics, volume,
					output, title, minQuality, galvoThreshold, zCorrThreshold, projection, thumbnailSize, settings, date, warnings);
		}

		public Options withThresholds(final double minQuality, final double galvoThreshold, final double zCorrThreshold) {
			return new Options(sliceConfig, qualityReport, diagnostics, shifts, correctedShifts, metrics, mosaics, volume,
					output, title, minQuality, galvoThreshold, zCorrThreshold, projection, thumbnailSize, settings, date, warnings);
		}

		public Options withSettings(final Map<String, Map<String, String>> settings) {
			return new Options(sliceConfig, qualityReport, diagnostics, shifts, correctedShifts, metrics, mosaics, volume,
					output, title, minQuality, galvoThreshold, zCorrThreshold, projection, thumbnailSize, settings, date, warnings);
		}

		/** The run's date and warnings (one date for every file of a run). */
		public Options withRun(final String date, final List<String> warnings) {
			return new Options(sliceConfig, qualityReport, diagnostics, shifts, correctedShifts, metrics, mosaics, volume,
					output, title, minQuality, galvoThreshold, zCorrThreshold, projection, thumbnailSize, settings, date, warnings);
		}
	}

	/** What the report says, and the file written. */
	public record Result(Path written, Summary summary, List<String> warnings) {
	}

	@Override
	public Result run(final Options o, final ImageOps ops, final Listener listener) throws IOException {
		final Listener log = Listener.orNone(listener);
		final Inputs in = read(o);
		final List<String> warnings = new ArrayList<>(in.warnings);
		final List<SliceAudit.Row> audit = SliceAudit.of(in.config);
		final Summary summary = Summary.of(audit);
		final Map<Integer, String> setBy = new TreeMap<>();
		for (final SliceAudit.Row r : audit) if (!r.used()) setBy.put(SliceConfig.idValue(r.sliceId()), r.setBy());

		final List<Plot> plots = new ArrayList<>();
		if (!in.quality.isEmpty()) plots.add(ReportPlots.quality(in.quality, in.minQuality, setBy));
		if (!in.galvo.isEmpty()) plots.add(ReportPlots.galvo(in.galvo, in.galvoThreshold,
				ids(in.config, SliceColumns.GALVO_FIX)));
		if (in.shifts != null) {
			plots.add(ReportPlots.shifts("X", in.shifts[0], in.corrected == null ? null : in.corrected[0]));
			plots.add(ReportPlots.shifts("Y", in.shifts[1], in.corrected == null ? null : in.corrected[1]));
		}
		if (in.zCorr != null) plots.add(ReportPlots.zCorrelation(in.zCorr, o.zCorrThreshold(),
				ids(in.config, SliceColumns.AUTO_EXCLUDED)));

		// the same sanity rules as the stages (slice.DecisionSanity), on the final config
		summary.excludedBy().forEach((stage, n) -> warnings.addAll(DecisionSanity.check(stage, n, summary.slices(),
				List.of(), Double.NaN)));
		warnings.addAll(DecisionSanity.scores(SliceAudit.QUALITY, in.quality.values(), in.minQuality));
		warnings.addAll(DecisionSanity.scores(SliceAudit.GALVO, in.galvo.values(), in.galvoThreshold));
		if (in.zCorr != null) warnings.addAll(DecisionSanity.scores(SliceAudit.AUTO_EXCLUSION, in.zCorr.values(),
				o.zCorrThreshold()));

		log.checkCancelled();
		final List<Thumbnail> thumbs = o.mosaics() == null ? List.of() : thumbnails(o, audit, warnings, log);
		final List<ReportModel.OrthoView> views = new ArrayList<>();
		if (o.volume() != null) {
			log.info("Reading the middle planes of " + o.volume());
			final Map<String, Images.Plane> planes = SlicePictures.orthogonal(o.volume(), 2 * o.thumbnailSize(),
					w -> warnings.add(w));
			final double[] window = Images.window(List.copyOf(planes.values()));
			planes.forEach((name, p) -> views.add(new ReportModel.OrthoView(name, Images.toGray8(p, window))));
		}
		for (final String w : warnings) log.warning(w);

		final ReportModel model = new ReportModel(o.title(), provenance(o, in), summary, summaryWarnings(o, warnings),
				in.config.columns(), audit, plots, thumbs, views);
		AtomicFiles.writeString(o.output(), HtmlReport.render(model));
		log.info("Report: " + o.output() + " (" + summary.slices() + " slices, " + summary.used() + " used, "
				+ warnings.size() + " warning(s))");
		return new Result(o.output(), summary, List.copyOf(warnings));
	}

	/**
	 * The summary's warnings: the run's first, then the report's own, less those a step of the run already gave
	 * (a step's sanity warning reads "03_quality: quality: …", the report's "quality: …").
	 */
	private static List<String> summaryWarnings(final Options o, final List<String> mine) {
		final List<String> out = new ArrayList<>(o.warnings());
		for (final String w : mine)
			if (out.stream().noneMatch(r -> r.equals(w) || r.endsWith(": " + w))) out.add(w);
		return out;
	}

	/** Everything read from the input files; filled by {@link #read}, which validates all of them first. */
	private static final class Inputs {
		SliceConfig config;
		SortedMap<Integer, Double> quality = new TreeMap<>(), galvo = new TreeMap<>(), zCorr;
		SortedMap<Integer, Double>[] shifts, corrected;
		ReportInputs.Diagnostics diagnostics;
		double minQuality = Double.NaN, galvoThreshold = Double.NaN;
		final List<String> warnings = new ArrayList<>();
	}

	private static Inputs read(final Options o) throws IOException {
		final Problems p = new Problems();
		p.requireFile(o.sliceConfig(), "slice_config");
		optionalFile(p, o.qualityReport(), "quality report");
		optionalFile(p, o.shifts(), "shifts file");
		optionalFile(p, o.correctedShifts(), "corrected shifts file");
		if (o.diagnostics() != null) p.requireFolder(o.diagnostics(), "diagnostics folder");
		if (o.metrics() != null) p.requireFolder(o.metrics(), "pairwise metrics folder");
		if (o.mosaics() != null) p.requireFolder(o.mosaics(), "mosaics folder");
		if (o.volume() != null && !Files.exists(o.volume())) p.add(o.volume() + ": assembled volume not found");
		p.check(o.output() != null, "output: not given");
		p.check(o.output() == null || !Files.isDirectory(o.output()), o.output() + ": output is a folder; give a file name such as " + Options.FILE_NAME);
		for (final double t : new double[] { o.minQuality(), o.galvoThreshold(), o.zCorrThreshold() })
			p.check(Double.isNaN(t) || (t >= 0 && t <= 1), "a threshold must lie in [0, 1], got " + t);
		p.check(o.thumbnailSize() >= 16, "the thumbnail size must be at least 16 pixels, got " + o.thumbnailSize());
		p.throwIfAny();

		final Inputs in = new Inputs();
		attempt(p, () -> in.config = SliceConfigFiles.read(o.sliceConfig()));
		if (o.qualityReport() != null)
			attempt(p, () -> in.quality = ReportInputs.column(o.qualityReport(), SliceColumns.QUALITY_SCORE));
		if (o.diagnostics() != null) attempt(p, () -> in.diagnostics = ReportInputs.diagnostics(o.diagnostics()));
		if (o.shifts() != null) attempt(p, () -> in.shifts = ReportInputs.cumulativeShifts(o.shifts(), in.warnings));
		if (o.correctedShifts() != null)
			attempt(p, () -> in.corrected = ReportInputs.cumulativeShifts(o.correctedShifts(), in.warnings));
		if (o.metrics() != null)
			attempt(p, () -> in.zCorr = PairwiseMetricsFiles.zCorrelation(o.metrics(), Listener.of(null, in.warnings::add)));
		p.throwIfAny();
		if (in.shifts == null && in.corrected != null) { // only the corrected file: show it as the one line
			in.shifts = in.corrected;
			in.corrected = null;
		}
		if (in.quality.isEmpty()) in.quality = configColumn(in.config, SliceColumns.QUALITY_SCORE);
		in.galvo = configColumn(in.config, SliceColumns.GALVO_CONFIDENCE);
		final Map<String, Double> known = in.diagnostics == null ? Map.of() : in.diagnostics.thresholds();
		if (in.galvo.isEmpty() && in.diagnostics != null) in.galvo = in.diagnostics.galvo();
		in.minQuality = !Double.isNaN(o.minQuality()) ? o.minQuality() : known.getOrDefault("quality", Double.NaN);
		if (in.minQuality == 0) in.minQuality = Double.NaN; // 0 keeps every slice: no threshold
		in.galvoThreshold = !Double.isNaN(o.galvoThreshold()) ? o.galvoThreshold()
				: known.getOrDefault("galvo", GalvoSettings.DEFAULT_THRESHOLD);
		return in;
	}

	private interface Reading {
		void read() throws IOException;
	}

	private static void attempt(final Problems p, final Reading r) throws IOException {
		try {
			r.read();
		}
		catch (final BadInputException e) {
			p.add(e.getMessage());
		}
	}

	private static void optionalFile(final Problems p, final Path f, final String what) {
		if (f != null) p.requireFile(f, what);
	}

	private static SortedMap<Integer, Double> configColumn(final SliceConfig c, final String column) {
		final SortedMap<Integer, Double> out = new TreeMap<>();
		for (final String id : c.ids()) {
			final String v = c.get(id, column);
			if (!v.isBlank()) out.put(SliceConfig.idValue(id), Double.parseDouble(v)); // the reader checked it
		}
		return out;
	}

	private static java.util.Set<Integer> ids(final SliceConfig c, final String booleanColumn) {
		final java.util.Set<Integer> out = new java.util.HashSet<>();
		for (final String id : c.ids())
			if (Boolean.TRUE.equals(c.getBoolean(id, booleanColumn))) out.add(SliceConfig.idValue(id));
		return out;
	}

	private static List<Thumbnail> thumbnails(final Options o, final List<SliceAudit.Row> audit,
			final List<String> warnings, final Listener log) {
		log.info("Reading a picture of each slice in " + o.mosaics());
		final Map<String, Images.Plane> planes = SlicePictures.slices(o.mosaics(), o.projection(), o.thumbnailSize(),
				log::info, warnings::add);
		final double[] window = Images.window(List.copyOf(planes.values()));
		final List<Thumbnail> out = new ArrayList<>();
		final Map<String, Images.Plane> left = new LinkedHashMap<>(planes);
		for (final SliceAudit.Row r : audit) {
			final Images.Plane p = left.remove(r.sliceId());
			final Gray8 g = p == null ? null : Images.toGray8(p, window);
			out.add(new Thumbnail(r.sliceId(), g, r.used(), r.setBy(), r.used() ? r.reason()
					: p == null ? r.reason() + " (no mosaic)" : r.reason()));
		}
		for (final Map.Entry<String, Images.Plane> e : left.entrySet()) {
			warnings.add("slice " + e.getKey() + ": in the mosaics folder but not in slice_config");
			out.add(new Thumbnail(e.getKey(), Images.toGray8(e.getValue(), window), false, "not in slice_config",
					"no row"));
		}
		return out;
	}

	private static io.github.triage.report.Provenance provenance(final Options o, final Inputs in) {
		final Map<String, String> inputs = new LinkedHashMap<>();
		put(inputs, "slice_config", o.sliceConfig());
		put(inputs, "quality report", o.qualityReport());
		put(inputs, "diagnostics", o.diagnostics());
		put(inputs, "shifts", o.shifts());
		put(inputs, "corrected shifts", o.correctedShifts());
		put(inputs, "pairwise metrics", o.metrics());
		put(inputs, "mosaics", o.mosaics());
		put(inputs, "assembled volume", o.volume());
		put(inputs, "report", o.output());
		final Map<String, Map<String, String>> settings = new LinkedHashMap<>(o.settings());
		if (in.diagnostics != null)
			in.diagnostics.settings().forEach((stage, s) -> settings.putIfAbsent(stage + " (from its diagnostics)", s));
		final Map<String, String> mine = new LinkedHashMap<>();
		mine.put("quality threshold", Double.isNaN(in.minQuality) ? "none" : Numbers.short3(in.minQuality));
		mine.put("galvo threshold", Numbers.short3(in.galvoThreshold));
		mine.put("z-correlation threshold", Double.isNaN(o.zCorrThreshold()) ? "not given" : Numbers.short3(o.zCorrThreshold()));
		mine.put("slice pictures", o.projection() == SlicePictures.Projection.AIP ? "average over depth" : "mid-depth plane");
		mine.put("grey scale", String.format(Locale.ROOT, "percentiles %s to %s of all slices together",
				Numbers.short3(Images.LOW_PERCENTILE), Numbers.short3(Images.HIGH_PERCENTILE)));
		settings.put("report", mine);
		return new io.github.triage.report.Provenance(Version.current(), JsonDiagnostics.date(o.date()), inputs, settings);
	}

	private static void put(final Map<String, String> m, final String k, final Path p) {
		if (p != null) m.put(k, p.toAbsolutePath().normalize().toString());
	}
}
