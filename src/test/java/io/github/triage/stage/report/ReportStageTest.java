package io.github.triage.stage.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.report.SliceAudit;

class ReportStageTest {

	@Test
	void writesOneSelfContainedPageWithEverySection(@TempDir final Path dir) throws Exception {
		final ReportStage.Options o = ReportFixture.write(dir);
		final ReportStage.Result r = new ReportStage().run(o, null, Listener.NONE);
		final String html = Files.readString(r.written());
		assertEquals(10, r.summary().slices());
		// 00 calibration, 04 auto-excluded, 05 and 08 low quality, 09 by hand
		assertEquals(5, r.summary().used());
		assertEquals(Map.of(SliceAudit.CALIBRATION, 1, SliceAudit.QUALITY, 2, SliceAudit.AUTO_EXCLUSION, 1,
				SliceAudit.MANUAL, 1), r.summary().excludedBy());
		for (final String s : new String[] { "id=\"summary\"", "id=\"plots\"", "id=\"slices\"", "id=\"volume\"",
				"id=\"audit\"", "id=\"run\"", "Quality score per slice", "Galvo-return confidence per slice",
				"Cumulative shift X", "Cumulative shift Y", "Pairwise z-correlation per slice", "torn section",
				"consecutive_low_z_corr", "low_quality (quality_score&lt;0.3)", "zmorph", "Triage version" })
			assertTrue(html.contains(s), s);
		// 6 plots (quality, galvo, X, Y, z-corr) = 5, 10 slices, 3 views: every image inline
		final Matcher m = Pattern.compile("<img [^>]*src=\"([^\"]*)\"").matcher(html);
		int n = 0;
		while (m.find()) {
			assertTrue(m.group(1).startsWith("data:image/png;base64,"), m.group(1));
			n++;
		}
		assertEquals(5 + 10 + 3, n);
		assertFalse(html.contains("<script"), "no script");
		assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "nothing fetched");
		// thresholds came from the diagnostics: quality 0.3, galvo 0.6
		assertTrue(html.contains("threshold 0.3 ") && html.contains("threshold 0.6 ") && html.contains("threshold 0.4 "),
				"thresholds");
	}

	@Test
	void warnsWhenAStageExcludesMostSlices(@TempDir final Path dir) throws Exception {
		final ReportStage.Options o = ReportFixture.write(dir).withThresholds(0.75, Double.NaN, 0.4);
		// the threshold drawn does not change the config's decisions; a config where quality excluded most does
		final Path config = dir.resolve("most.csv");
		Files.writeString(config, "slice_id,use,notes\n01,false,low_quality (quality_score<0.9)\n"
				+ "02,false,low_quality (quality_score<0.9)\n03,true,\n");
		final ReportStage.Result r = new ReportStage().run(new ReportStage.Options(config, null, null, null, null, null,
				null, null, dir.resolve("r.html"), "t", Double.NaN, Double.NaN, Double.NaN, o.projection(), 64, Map.of(),
				"2026-01-01", List.of()), null, Listener.NONE);
		assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("quality: 2 of 3 slices excluded (over half)")),
				r.warnings().toString());
	}

	@Test
	void theRunsWarningsLeadTheSummaryAndAreNotRepeated(@TempDir final Path dir) throws Exception {
		final Path config = dir.resolve("most.csv");
		Files.writeString(config, "slice_id,use,notes\n01,false,low_quality (quality_score<0.9)\n"
				+ "02,false,low_quality (quality_score<0.9)\n03,true,\n");
		final String step = "03_quality: quality: 2 of 3 slices excluded (over half); check the threshold and the "
				+ "inputs before trusting this";
		final String galvo = "02_galvo: galvo: slice 04: no tile folder in /tiles; galvo_confidence and galvo_fix left "
				+ "unset";
		final Path out = dir.resolve("r.html");
		new ReportStage().run(ReportStage.Options.defaults(config, out).withRun("2026-01-01", List.of(galvo, step)),
				null, Listener.NONE);
		final String html = Files.readString(out);
		final String summary = html.substring(html.indexOf("<b>Warnings</b>"), html.indexOf("</ul>",
				html.indexOf("<b>Warnings</b>")));
		assertTrue(summary.contains(galvo) && summary.contains(step), summary);
		assertEquals(1, summary.split("2 of 3 slices excluded", -1).length - 1, "the step's warning only: " + summary);
	}

	@Test
	void badInputsAreAllNamedAndNothingIsWritten(@TempDir final Path dir) throws Exception {
		final Path out = dir.resolve("report.html");
		final ReportStage.Options o = ReportStage.Options.defaults(dir.resolve("missing.csv"), out)
				.withInputs(dir.resolve("q.csv"), null, null, null, dir.resolve("nometrics"), null, null)
				.withThresholds(1.5, Double.NaN, Double.NaN);
		final BadInputException e = assertThrows(BadInputException.class, () -> new ReportStage().run(o, null, null));
		assertTrue(e.getMessage().startsWith("4 problems"), e.getMessage());
		assertTrue(e.getMessage().contains("missing.csv") && e.getMessage().contains("q.csv")
				&& e.getMessage().contains("nometrics") && e.getMessage().contains("1.5"), e.getMessage());
		assertFalse(Files.exists(out));
	}

	@Test
	void aMalformedInputFileIsNamed(@TempDir final Path dir) throws Exception {
		final Path config = dir.resolve("c.csv"), shifts = dir.resolve("s.csv");
		Files.writeString(config, "slice_id,use\n01,true\n");
		Files.writeString(shifts, "a,b\n1,2\n");
		final ReportStage.Options o = ReportStage.Options.defaults(config, dir.resolve("r.html"))
				.withInputs(null, null, shifts, null, null, null, null);
		final BadInputException e = assertThrows(BadInputException.class, () -> new ReportStage().run(o, null, null));
		assertTrue(e.getMessage().contains("s.csv"), e.getMessage());
		assertFalse(Files.exists(dir.resolve("r.html")));
	}
}
