package io.github.triage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.galvo.GalvoSettings;
import io.github.triage.ops.ImageOps;
import io.github.triage.slice.SliceConfig;
import io.github.triage.stage.galvo.StampStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Galvo options of {@code triage slice-config generate}: {@code --detect-galvo --tiles-dir DIR --galvo-threshold T}
 * (plus {@code --n-extra N}) stamp galvo_confidence and galvo_fix into the new config and write per-slice JSON
 * diagnostics next to it, as {@code triage galvo stamp} does ({@link StampStage#stampInto}).
 */
@Command // a picocli mixin: options added here appear on 'slice-config generate'
public class GenerateGalvoOptions {
	@Option(names = "--detect-galvo", description = "Detect the galvo-return shift of each slice from its raw tiles and stamp galvo_confidence, galvo_fix.")
	boolean detect;
	@Option(names = "--tiles-dir", paramLabel = "DIR",
			description = "Folder of slice_zNN raw tile folders for --detect-galvo (default: the --from-tiles folder).")
	Path tilesDir;
	@Option(names = "--galvo-threshold", paramLabel = "T", description = "Galvo confidence at or above which galvo_fix is true.")
	double threshold = StampStage.Options.DEFAULT_THRESHOLD;
	@Option(names = "--n-extra", paramLabel = "N", description = "Galvo-return rows of the acquisition (needed by --detect-galvo).")
	Integer nExtra;
	@Option(names = "--galvo-n-samples", paramLabel = "K", description = "Tiles sampled per slice.")
	int nSamples = StampStage.Options.DEFAULT_N_SAMPLES;
	@Option(names = "--galvo-min-intensity", paramLabel = "I", description = "Tiles with a mean below I are skipped as background.")
	double minIntensity = StampStage.Options.DEFAULT_MIN_INTENSITY;
	@Mixin
	GpuOption gpu;

	/**
	 * The galvo detection these options ask for, or null without {@code --detect-galvo} (a generate stage's
	 * options take it; {@link StampStage#stampInto} runs it).
	 *
	 * @param fromTiles the {@code --from-tiles} folder, or null when the ids came from elsewhere
	 * @param listener  hears that tile options given without --detect-galvo are ignored
	 * @throws BadInputException when --detect-galvo lacks its tiles folder or --n-extra
	 */
	public StampStage.Detect request(final Path fromTiles, final Listener listener) {
		if (!detect) {
			if (tilesDir != null || nExtra != null)
				Listener.orNone(listener).warning("--tiles-dir/--n-extra given without --detect-galvo: ignored");
			return null;
		}
		final Path dir = tilesDir != null ? tilesDir : fromTiles;
		if (dir == null) throw new BadInputException("--detect-galvo needs --tiles-dir DIR (or --from-tiles DIR)");
		if (nExtra == null) throw new BadInputException("--detect-galvo needs --n-extra N (galvo-return rows)");
		return new StampStage.Detect(dir, new GalvoSettings(nExtra, threshold, nSamples, minIntensity));
	}

	/** The kernels for the tiles' AIPs ({@code --use-gpu}). */
	public ImageOps openOps(final Listener listener) {
		return gpu.open(Listener.orNone(listener)::info);
	}

	/**
	 * Stamps the galvo columns into the new config before the file is written (nothing without --detect-galvo).
	 *
	 * @param output the slice_config.csv that will be written (diagnostics go next to it)
	 */
	public void stamp(final SliceConfig config, final Path fromTiles, final Path output, final Listener listener)
			throws IOException {
		final StampStage.Detect request = request(fromTiles, listener);
		if (request == null) return;
		try (ImageOps ops = openOps(listener)) {
			StampStage.stampInto(config, request, output, ops, listener);
		}
	}

	/** Today's call from SliceConfigCli (warnings collected for it to print); the Listener form is the one to use. */
	void stamp(final SliceConfig config, final Path fromTiles, final Path output, final List<String> warnings)
			throws IOException {
		final CliListener stderr = new CliListener(new PrintWriter(System.err, true), true);
		stamp(config, fromTiles, output, new Listener() {
			@Override
			public void info(final String message) {
				stderr.info(message);
			}

			@Override
			public void warning(final String message) {
				warnings.add(message);
			}
		});
	}
}
