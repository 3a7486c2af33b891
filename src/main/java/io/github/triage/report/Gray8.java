package io.github.triage.report;

/** An 8-bit grey image for the report (thumbnails, orthogonal views): X fastest, 0 black, 255 white. */
public record Gray8(int width, int height, byte[] pixels) {
	public Gray8 {
		if (width < 1 || height < 1 || pixels.length != width * height)
			throw new IllegalArgumentException("image of " + width + " x " + height + " needs " + width * height
					+ " pixels, got " + pixels.length);
	}
}
