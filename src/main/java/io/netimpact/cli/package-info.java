/**
 * The command line: the {@code netimpact} subcommands (picocli), their options, and the console
 * output. A command builds its cluster, runs one pipeline, and prints the outcome the pipeline
 * returns. Plain Java: it reaches Spark only through netimpact's {@code spark} classes.
 */
package io.netimpact.cli;
