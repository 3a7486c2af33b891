package io.github.triage.cli;

/** The slice_config a subcommand reads (positional IN) and the one it writes ({@code -o, --output}; may be IN). */
final class ConfigInOut extends ConfigInOutFields {
}
