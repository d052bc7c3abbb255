/**
 * Writing the input formats: snapshots, change requests and traffic series as {@code generate},
 * {@code import} and other tools make them, in the columns {@code input} reads back; and the
 * local file system they and the reports are written through.
 */
package io.netimpact.snapshot;
