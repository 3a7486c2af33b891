package io.github.triage.cli;

import java.nio.file.Path;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.galvo.GalvoSettings;
import io.github.triage.stage.slice.GenerateSliceConfigStage;
import picocli.CommandLine.Command;

/**
 * Galvo options of {@code triage slice-config generate}: {@code --detect-galvo --tiles-dir DIR --galvo-threshold T}
 * (plus {@code --n-extra N}) stamp galvo_confidence and galvo_fix into the new config and write per-slice JSON
 * diagnostics next to it, as {@code triage galvo stamp} does ({@link StampStage#stampInto}).
 */
@Command // a picocli mixin: options added here appear on 'slice-config generate'
public class GenerateGalvoOptions extends GenerateGalvoOptionsFields {
	/**
	 * The galvo step of the generate stage, or null without {@code --detect-galvo}.
	 *
	 * @param fromTiles the {@code --from-tiles} folder, or null when the ids came from elsewhere
	 * @param listener  hears a warning about galvo options given without {@code --detect-galvo}
	 */
	GenerateSliceConfigStage.Galvo stage(final Path fromTiles, final Listener listener) {
		if (!detect) {
			if (tilesDir != null || step.nExtra != null) listener.warning("--tiles-dir/--n-extra given without --detect-galvo: ignored");
			return null;
		}
		final Path dir = tilesDir != null ? tilesDir : fromTiles;
		if (dir == null) throw new BadInputException("--detect-galvo needs --tiles-dir DIR (or --from-tiles DIR)");
		if (step.nExtra == null) throw new BadInputException("--detect-galvo needs --n-extra N (galvo-return rows)");
		return new GenerateSliceConfigStage.Galvo(dir,
				new GalvoSettings(step.nExtra, step.threshold, nSamples, minIntensity),
				threads.count());
	}
}
