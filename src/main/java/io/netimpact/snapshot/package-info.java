/**
 * Writing the input formats: snapshots, change requests and traffic series as {@code generate},
 * {@code import} and other tools make them, in the columns {@code input} reads back.
 */
package io.netimpact.snapshot;
