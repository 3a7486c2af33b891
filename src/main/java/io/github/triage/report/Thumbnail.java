package io.github.triage.report;

/**
 * One slice's picture in the report, with its decision.
 *
 * @param image  the slice (same contrast as every other slice), or null when it could not be read
 * @param note   why it is excluded, or what could not be read
 */
public record Thumbnail(String sliceId, Gray8 image, boolean used, String setBy, String note) {
}
