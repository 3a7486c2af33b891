package io.github.triage.cavg;

/**
 * One row of a class table.
 *
 * @param classNumber 1-based class number (the image's position in the stack)
 * @param population  particles assigned to the class (a count; rounded to the nearest integer by the criterion)
 * @param resolution  estimated resolution in Å
 */
public record ClassStats(int classNumber, double population, double resolution) {
}
