package io.github.triage.io.report;

/** The report's style sheet, inline in the page (nothing fetched); prints on paper as well. */
final class HtmlStyle {
	static final String CSS = """
			body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 14px; color: #222;
			  max-width: 1320px; margin: 0 auto; padding: 16px; background: #f4f5f7; line-height: 1.45; }
			header { background: #24364f; color: #fff; padding: 16px 22px; border-radius: 8px; }
			header h1 { margin: 0 0 4px 0; font-size: 22px; } header p { margin: 0; opacity: .85; }
			nav { margin: 10px 0 14px 0; } nav a { margin-right: 16px; color: #24364f; font-weight: bold; }
			section { background: #fff; border-radius: 8px; padding: 10px 20px 16px 20px; margin-bottom: 14px;
			  box-shadow: 0 1px 3px rgba(0,0,0,.12); }
			h2 { font-size: 18px; border-bottom: 1px solid #ddd; padding-bottom: 4px; } h3 { font-size: 15px; }
			.boxes { display: flex; gap: 12px; margin-bottom: 12px; }
			.box { border: 1px solid #ccd; border-radius: 6px; padding: 6px 16px; min-width: 90px; text-align: center;
			  color: #555; } .box span { display: block; font-size: 26px; font-weight: bold; color: #222; }
			.box.ok span { color: #1e7b34; } .box.bad span { color: #c0392b; } .box.warn span { color: #b7791f; }
			.warnings { background: #fff6dd; border: 1px solid #f0c36d; border-radius: 6px; padding: 8px 14px; }
			.warnings ul { margin: 4px 0; } .okline { color: #1e7b34; } .none { color: #777; font-style: italic; }
			table { border-collapse: collapse; font-size: 13px; } th, td { border: 1px solid #ddd; padding: 3px 7px;
			  text-align: left; vertical-align: top; } th { background: #eef0f4; } td.num { text-align: right; }
			table.narrow { margin: 6px 0; } .scroll { overflow-x: auto; }
			table.audit td { white-space: nowrap; } tr.excluded td { background: #fdecea; }
			.plots { display: flex; flex-wrap: wrap; gap: 14px; }
			figure { margin: 0; } figure.plot { width: 622px; } figure.plot img { border: 1px solid #ddd; }
			figcaption { font-size: 12px; color: #444; }
			.thumbs { display: flex; flex-wrap: wrap; gap: 8px; }
			figure.thumb { width: 168px; border: 3px solid #cfd6df; border-radius: 4px; padding: 3px; background: #fafafa; }
			figure.thumb img { width: 160px; height: auto; display: block; background: #000; }
			figure.thumb.excluded { border-color: #d62728; background: #fdecea; }
			figure.thumb .why { color: #b03020; } .noimg { width: 160px; height: 120px; background: #999; color: #fff;
			  display: flex; align-items: center; justify-content: center; }
			.ortho { display: flex; flex-wrap: wrap; gap: 14px; align-items: flex-start; }
			.ortho img { max-width: 600px; height: auto; border: 1px solid #ccc; image-rendering: pixelated; }
			code { font-size: 12px; } footer { color: #777; font-size: 12px; text-align: center; margin: 10px; }
			@media print { body { background: #fff; } section { box-shadow: none; page-break-inside: avoid; } nav { display: none; } }
			""";

	private HtmlStyle() {
	}
}
