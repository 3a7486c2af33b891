package io.github.triage.io.zarr;

import java.nio.ByteBuffer;
import java.util.Locale;

import io.github.triage.BadInputException;

/**
 * The Zarr numeric data types, with their v2 ({@code "<u2"}) and v3 ({@code "uint16"}) names. Values are read as
 * doubles from raw chunk bytes with their true meaning (uint16 65535 stays 65535; Java has no unsigned types, so
 * the unsigned ones are widened by masking).
 */
public enum ZarrDataType {
	BOOL("bool", 'b', 1), INT8("int8", 'i', 1), INT16("int16", 'i', 2), INT32("int32", 'i', 4), INT64("int64", 'i', 8),
	UINT8("uint8", 'u', 1), UINT16("uint16", 'u', 2), UINT32("uint32", 'u', 4), UINT64("uint64", 'u', 8),
	FLOAT32("float32", 'f', 4), FLOAT64("float64", 'f', 8);

	/** The v3 name. */
	public final String v3Name;
	/** The numpy kind letter of the v2 name. */
	final char kind;
	/** Bytes per element. */
	public final int size;

	ZarrDataType(final String v3Name, final char kind, final int size) {
		this.v3Name = v3Name;
		this.kind = kind;
		this.size = size;
	}

	/** The v2 type string, e.g. {@code "<u2"} ({@code "|u1"} for one-byte types, which have no byte order). */
	public String v2Name() {
		return (size == 1 ? "|" : "<") + kind + size;
	}

	public boolean isInteger() {
		return kind == 'i' || kind == 'u';
	}

	/** By v3 name ({@code "uint16"}); null when unknown. */
	public static ZarrDataType ofV3(final String name) {
		for (final ZarrDataType t : values())
			if (t.v3Name.equals(name)) return t;
		return null;
	}

	/**
	 * By v2 type string; the byte order goes to {@code bigEndian[0]}. Null when unknown (complex, strings,
	 * datetimes, structured types).
	 */
	public static ZarrDataType ofV2(final String name, final boolean[] bigEndian) {
		if (name == null || name.length() < 3) return null;
		final char order = name.charAt(0);
		if (order != '<' && order != '>' && order != '|' && order != '=') return null;
		bigEndian[0] = order == '>';
		final char kind = name.charAt(1);
		final int size;
		try {
			size = Integer.parseInt(name.substring(2));
		}
		catch (final NumberFormatException e) {
			return null;
		}
		for (final ZarrDataType t : values())
			if (t.kind == kind && t.size == size) return t;
		return null;
	}

	/** Element {@code i} of {@code buf} (in the buffer's byte order) as a double. */
	public double get(final ByteBuffer buf, final int i) {
		switch (this) {
		case BOOL:
			return buf.get(i) != 0 ? 1 : 0;
		case INT8:
			return buf.get(i);
		case UINT8:
			return buf.get(i) & 0xFF;
		case INT16:
			return buf.getShort(2 * i);
		case UINT16:
			return buf.getShort(2 * i) & 0xFFFF;
		case INT32:
			return buf.getInt(4 * i);
		case UINT32:
			return buf.getInt(4 * i) & 0xFFFFFFFFL;
		case INT64:
			return buf.getLong(8 * i);
		case UINT64: {
			final long v = buf.getLong(8 * i);
			return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
		}
		case FLOAT32:
			return buf.getFloat(4 * i);
		default:
			return buf.getDouble(8 * i);
		}
	}

	/** Stores {@code v} as element {@code i}: integers are rounded to nearest and clamped to the type's range. */
	public void put(final ByteBuffer buf, final int i, final double v) {
		switch (this) {
		case BOOL:
			buf.put(i, (byte) (v != 0 ? 1 : 0));
			break;
		case INT8:
			buf.put(i, (byte) clamp(v, Byte.MIN_VALUE, Byte.MAX_VALUE));
			break;
		case UINT8:
			buf.put(i, (byte) clamp(v, 0, 255));
			break;
		case INT16:
			buf.putShort(2 * i, (short) clamp(v, Short.MIN_VALUE, Short.MAX_VALUE));
			break;
		case UINT16:
			buf.putShort(2 * i, (short) clamp(v, 0, 65535));
			break;
		case INT32:
			buf.putInt(4 * i, (int) clamp(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
			break;
		case UINT32:
			buf.putInt(4 * i, (int) clamp(v, 0, 4294967295L));
			break;
		case INT64:
			buf.putLong(8 * i, Double.isNaN(v) ? 0 : Math.round(v));
			break;
		case UINT64: {
			final double r = Double.isNaN(v) || v <= 0 ? 0 : Math.rint(v);
			// doubles of 2^63 and above do not fit a long: store them through the upper half
			buf.putLong(8 * i, r >= 0x1p63 ? (long) (r - 0x1p63) ^ Long.MIN_VALUE : (long) r);
			break;
		}
		case FLOAT32:
			buf.putFloat(4 * i, (float) v);
			break;
		default:
			buf.putDouble(8 * i, v);
		}
	}

	private static long clamp(final double v, final long lo, final long hi) {
		if (Double.isNaN(v)) return 0;
		return (long) Math.max(lo, Math.min(hi, Math.rint(v)));
	}

	/** Parses a fill value (number, boolean, "NaN", "Infinity", "-Infinity", v3 hex "0x…"); null means 0. */
	public static double fillValue(final Object v, final ZarrDataType type, final String where) {
		if (v == null) return 0;
		if (v instanceof Number) return ((Number) v).doubleValue();
		if (v instanceof Boolean) return (Boolean) v ? 1 : 0;
		final String s = String.valueOf(v);
		switch (s) {
		case "NaN":
			return Double.NaN;
		case "Infinity":
			return Double.POSITIVE_INFINITY;
		case "-Infinity":
			return Double.NEGATIVE_INFINITY;
		default:
		}
		if (s.toLowerCase(Locale.ROOT).startsWith("0x")) {
			final long bits = Long.parseUnsignedLong(s.substring(2), 16);
			if (type == FLOAT32) return Float.intBitsToFloat((int) bits);
			if (type == FLOAT64) return Double.longBitsToDouble(bits);
			return bits;
		}
		throw new BadInputException(where + ": fill_value '" + s + "' is not a number");
	}
}
