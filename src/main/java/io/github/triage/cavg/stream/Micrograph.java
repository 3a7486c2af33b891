package io.github.triage.cavg.stream;

/**
 * One imported particle STAR (one micrograph), as the import ledger holds it.
 *
 * @param name       the file, as the ledger names it
 * @param particles  its particle count
 * @param importedAt when it was imported (ms since the epoch; drives the last-import timeout only)
 */
public record Micrograph(String name, int particles, long importedAt) {
}
