package io.github.triage.cli;

import java.nio.file.Path;
import java.util.List;

import io.github.triage.slice.SliceConfig;
import picocli.CommandLine.Command;

/**
 * Extension point of {@code triage slice-config generate} for detectors that stamp columns while the config is
 * generated. The galvo detector (issue 3) adds its options here ({@code --detect-galvo --tiles-dir DIR
 * --galvo-threshold T}) and fills {@link #stamp} (galvo_confidence, galvo_fix); until then it does nothing.
 */
@Command // a picocli mixin: options added here appear on 'slice-config generate'
public class GenerateGalvoOptions {
	/**
	 * Called after the rows are generated and before the file is written.
	 *
	 * @param config    the new config (stamp into it)
	 * @param fromTiles the {@code --from-tiles} folder, or null when the ids came from elsewhere
	 * @param warnings  lines printed on stderr
	 */
	void stamp(final SliceConfig config, final Path fromTiles, final List<String> warnings) throws Exception {
		// No generation-time detector yet.
	}
}
