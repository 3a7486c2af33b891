package io.github.triage.demo;

import java.util.List;

/** Every stage the demo runs, in pipeline order. */
public final class DemoStages {
	private DemoStages() {
	}

	public static List<DemoStage> all() {
		return List.of(
				new SliceConfigDemo(),
				new GalvoDemo(),
				new QualityDemo(),
				new OctRunDemo(),
				new CavgDemo(),
				new MicrochunkDemo());
	}
}
