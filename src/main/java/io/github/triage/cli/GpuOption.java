package io.github.triage.cli;

import io.github.triage.Listener;
import io.github.triage.ops.GpuMode;
import io.github.triage.ops.ImageOps;
import io.github.triage.ops.ImageOpsFactory;
import picocli.CommandLine.Option;

/**
 * {@code --use-gpu auto|on|off}, the same on every command that runs image kernels ({@code @Mixin GpuOption gpu}).
 */
public final class GpuOption {
	@Option(names = "--use-gpu", paramLabel = "auto|on|off", converter = GpuModeConverter.class,
			description = "Image kernels: auto = CLIJ2 when an OpenCL GPU exists, else the CPU; on = CLIJ2 on any "
					+ "OpenCL device; off = the CPU.")
	public GpuMode mode = GpuMode.AUTO;

	/** The kernels for this run; {@code listener} hears which were chosen. */
	public ImageOps open(final Listener listener) {
		return ImageOpsFactory.create(mode, Listener.orNone(listener));
	}

	/** A stage's run with the kernels of this option, closed after it. */
	public <R> R run(final Listener listener, final WithOps<R> work) throws Exception {
		try (ImageOps ops = open(listener)) {
			return work.run(ops);
		}
	}

	/** Work that needs the kernels. */
	@FunctionalInterface
	public interface WithOps<R> {
		R run(ImageOps ops) throws Exception;
	}

	/** {@code auto|on|off}, any case. */
	public static final class GpuModeConverter implements picocli.CommandLine.ITypeConverter<GpuMode> {
		@Override
		public GpuMode convert(final String value) {
			try {
				return GpuMode.parse(value);
			}
			catch (final IllegalArgumentException e) {
				throw new picocli.CommandLine.TypeConversionException("must be auto, on or off, not '" + value + "'");
			}
		}
	}
}
