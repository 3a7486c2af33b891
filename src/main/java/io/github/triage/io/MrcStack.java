package io.github.triage.io;

import java.util.Arrays;

/**
 * A stack of 2D images as read from or written to an MRC file: one flat float array per section (X fastest),
 * all {@code width × height}. {@code pixelSize} is in Å per pixel, NaN when the header does not give one.
 */
public record MrcStack(float[][] sections, int width, int height, double pixelSize) {

	public MrcStack {
		if (width <= 0 || height <= 0)
			throw new IllegalArgumentException("Image size must be positive, got " + width + " × " + height);
		for (int k = 0; k < sections.length; k++)
			if (sections[k].length != width * height)
				throw new IllegalArgumentException("Section " + (k + 1) + " has " + sections[k].length
						+ " pixels, expected " + width + " × " + height);
	}

	/** Number of sections (images). */
	public int size() {
		return sections.length;
	}

	/** The sections at the given 0-based indices, in that order, sharing the pixel arrays. */
	public MrcStack subset(final int[] indices) {
		final float[][] out = new float[indices.length][];
		for (int i = 0; i < indices.length; i++)
			out[i] = sections[indices[i]];
		return new MrcStack(out, width, height, pixelSize);
	}

	@Override
	public String toString() {
		return "MrcStack[" + width + " × " + height + " × " + sections.length + ", " + pixelSize + " Å/px]";
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof MrcStack m && m.width == width && m.height == height
				&& Double.compare(m.pixelSize, pixelSize) == 0 && Arrays.deepEquals(m.sections, sections);
	}

	@Override
	public int hashCode() {
		return Arrays.deepHashCode(sections) * 31 + width * 7 + height;
	}
}
