/**
 * slice_config.csv, the per-slice audit trail of serial-section OCT, and what is computed from it: the schema
 * ({@link io.github.triage.slice.SliceColumns}), reading, writing, stamping and merging
 * ({@link io.github.triage.slice.SliceConfig}), cumulative shifts by slice id
 * ({@link io.github.triage.slice.ShiftsTable}, {@link io.github.triage.slice.CumulativeShifts}), slice ids of a
 * dataset ({@code io.layout.SliceFolders}), and the stamping stages
 * ({@link io.github.triage.slice.Rehoming}, {@link io.github.triage.slice.AutoExclusion}). Pure Java, no images.
 * Bad input raises {@link io.github.triage.BadInputException} naming the file, line and column; every file is
 * written through {@link io.github.triage.io.AtomicFiles}.
 */
package io.github.triage.slice;
