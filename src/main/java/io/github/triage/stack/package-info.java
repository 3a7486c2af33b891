/**
 * Putting serial sections into one common space and one volume, as pure geometry: where each slice goes in XY
 * from the cumulative shifts ({@link io.github.triage.stack.CommonSpace}), the resampling of one plane onto the
 * canvas with ITK's linear-interpolation rules ({@link io.github.triage.stack.ItkLinear}), linumpy's optional
 * fill value ({@link io.github.triage.stack.PositivePercentile}), the reference pipeline's local-median shift
 * replacement, kept for reproduction only ({@link io.github.triage.stack.LocalMedianShifts}), and the Z placement
 * of aligned slices by slice id with an optional cosine blend ({@link io.github.triage.stack.ZLayout}). No files:
 * the stages in {@code stage.stack} read and write.
 */
package io.github.triage.stack;
