/**
 * Spark plumbing and the command line: sessions, broadcasts, partitioning of destinations,
 * merging of partial results, and the {@code netimpact} subcommands.
 */
package io.netimpact.job;
