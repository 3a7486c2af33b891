package io.github.triage.io;

import java.io.IOException;
import java.nio.file.Path;

import ij.io.FileInfo;
import ij.io.TiffDecoder;
import ij.plugin.FileInfoVirtualStack;
import ij.process.ImageProcessor;
import io.github.triage.BadInputException;
import io.github.triage.Listener;
import io.github.triage.quality.SliceSource;

/**
 * Opens the mosaics listed by {@link MosaicFolder} as {@link SliceSource}s that read planes on demand: OME-Zarr
 * through {@link OmeZarrReader} (chosen pyramid level), TIFF stacks through ImageJ's virtual stack (uncompressed
 * and compressed strips; one page per Z plane). Opening reads metadata only.
 */
public final class SliceVolumes {
	private SliceVolumes() {
	}

	/** Opens one mosaic (metadata only); the listener hears warnings such as missing chunks, naming the slice. */
	public static SliceSource open(final MosaicFolder.Entry e, final int pyramidLevel, final Listener listener) {
		final String label = e.toString();
		final Listener l = Listener.orNone(listener);
		if (e.zarr) return new ZarrSlice(e.sliceId(), label, OmeZarrReader.open(e.path, pyramidLevel, label, l::warning));
		if (pyramidLevel != 0)
			throw new BadInputException(label + ": pyramid level " + pyramidLevel
					+ " requested, but a TIFF stack has only level 0");
		return TiffSlice.open(e.sliceId(), label, e.path);
	}

	/** Id, label and size (fixed when opened), common to both kinds of slice. */
	private abstract static class NamedSlice implements SliceSource {
		private final Shape shape;

		NamedSlice(final String id, final String label, final int depth, final int height, final int width) {
			this.shape = new Shape(id, label, depth, height, width);
		}

		@Override
		public Shape shape() {
			return shape;
		}
	}

	/** An OME-Zarr slice. */
	public static final class ZarrSlice extends NamedSlice {
		private final OmeZarrReader reader;

		ZarrSlice(final String id, final String label, final OmeZarrReader reader) {
			super(id, label, reader.depth(), reader.height(), reader.width());
			this.reader = reader;
		}

		@Override
		public float[] plane(final int z) {
			return reader.readPlane(z);
		}

		@Override
		public float[][] planes(final int[] zs) {
			return reader.readPlanes(zs);
		}

		@Override
		public void release() {
			reader.release();
		}

		public OmeZarrReader reader() {
			return reader;
		}
	}

	/** A TIFF stack read page by page. */
	static final class TiffSlice extends NamedSlice {
		private final FileInfoVirtualStack stack;

		private TiffSlice(final String id, final String label, final FileInfoVirtualStack stack) {
			super(id, label, stack.getSize(), stack.getHeight(), stack.getWidth());
			this.stack = stack;
		}

		static TiffSlice open(final String id, final String label, final Path file) {
			TiffStacks.header(file, label); // colour, truncated, oversized: refused before any plane is measured
			final FileInfo[] info;
			try {
				final Path abs = file.toAbsolutePath();
				info = new TiffDecoder(abs.getParent().toString() + "/", abs.getFileName().toString()).getTiffInfo();
			}
			catch (final IOException | RuntimeException ex) {
				throw new BadInputException(label + ": cannot read TIFF header: " + ex.getMessage(), ex);
			}
			if (info == null || info.length == 0) throw new BadInputException(label + ": not a readable TIFF");
			final FileInfoVirtualStack st;
			try {
				st = info.length == 1 ? new FileInfoVirtualStack(info[0], false) : new FileInfoVirtualStack(info);
			}
			catch (final RuntimeException ex) {
				throw new BadInputException(label + ": cannot open TIFF stack: " + ex.getMessage(), ex);
			}
			if (st.getSize() < 1) throw new BadInputException(label + ": TIFF has no planes");
			return new TiffSlice(id, label, st);
		}


		@Override
		public float[] plane(final int z) {
			final ImageProcessor ip;
			try {
				ip = stack.getProcessor(z + 1);
			}
			catch (final RuntimeException ex) {
				throw new BadInputException(label() + ": cannot read plane " + z + ": " + ex.getMessage(), ex);
			}
			if (ip == null || ip.getWidth() != width() || ip.getHeight() != height())
				throw new BadInputException(label() + ": cannot read plane " + z + " (truncated TIFF?)");
			return (float[]) ip.convertToFloatProcessor().getPixels();
		}
	}
}
