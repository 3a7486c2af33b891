package io.github.triage.io.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import io.github.triage.BadInputException;

/**
 * The one rule that reads a slice id from a file or folder name, used by every folder scan (mosaics, tile folders,
 * tiles, per-slice fragments). A name is cut into words at {@code _ - .} and spaces after its image extension is
 * removed; the word {@code z<digits>} is the slice id. It accepts what linumpy's pipelines write
 * ({@code mosaic_grid_3d_z05.ome.zarr}, {@code mosaic_grid_z05_resampled.ome.zarr}, {@code slice_z05_normalize.ome.zarr},
 * {@code slice_z05_stitch_3d.ome.zarr}, folders {@code slice_z05}, tiles {@code tile_x00_y01_z05}); a name with two
 * different z-words is refused rather than guessed (linumpy takes the last one). Ids of 100 and more work.
 */
public final class SliceNames {
	private static final Pattern WORD_SPLIT = Pattern.compile("[_\\-.\\s]+");
	private static final Pattern Z_WORD = Pattern.compile("[zZ](\\d+)");
	/** Longest first: {@code .ome.zarr} before {@code .zarr}, {@code .nii.gz} before {@code .gz}. */
	private static final List<String> EXTENSIONS = List.of(".ome.zarr", ".ome.tiff", ".ome.tif", ".nii.gz", ".zarr",
			".tiff", ".tif", ".nii", ".nrrd", ".h5", ".mhd", ".csv", ".json");

	private SliceNames() {
	}

	/**
	 * The slice id in a file or folder name, or empty when the name has none.
	 *
	 * @param name a file name (no folders); used in the error message
	 * @throws BadInputException when the name holds two different slice ids, or one too large for an int
	 */
	public static OptionalInt idOf(final String name) {
		final String stem = stripExtension(name);
		Integer found = null;
		String foundWord = null;
		for (final String word : WORD_SPLIT.split(stem)) {
			final var m = Z_WORD.matcher(word);
			if (!m.matches()) continue;
			final int id;
			try {
				id = Integer.parseInt(m.group(1));
			}
			catch (final NumberFormatException e) {
				throw new BadInputException(name + ": slice id '" + m.group(1) + "' is too large");
			}
			if (found != null && found != id)
				throw new BadInputException(name + ": ambiguous slice id (both " + foundWord + " and " + word
						+ "); rename the file so that it has one z<NN> word");
			found = id;
			foundWord = word;
		}
		return found == null ? OptionalInt.empty() : OptionalInt.of(found);
	}

	/** The id as slice_config writes it: two digits at least ({@code 3 → "03"}, {@code 100 → "100"}). */
	public static String format(final int id) {
		return String.format(Locale.ROOT, "%02d", id);
	}

	/** The name without a known image or table extension ({@code a_z05.ome.zarr → a_z05}). */
	public static String stripExtension(final String name) {
		final String lower = name.toLowerCase(Locale.ROOT);
		for (final String ext : EXTENSIONS)
			if (lower.endsWith(ext) && lower.length() > ext.length()) return name.substring(0, name.length() - ext.length());
		return name;
	}

	/** Every name in {@code names} that has a slice id, as (id, name) pairs in the given order. */
	public static List<Named> withIds(final List<String> names) {
		final List<Named> out = new ArrayList<>();
		for (final String n : names) {
			final OptionalInt id = idOf(n);
			if (id.isPresent()) out.add(new Named(id.getAsInt(), n));
		}
		return out;
	}

	/** A name and its slice id. */
	public record Named(int id, String name) {
		public String sliceId() {
			return format(id);
		}
	}
}
