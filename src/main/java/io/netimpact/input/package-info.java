/**
 * Reading the inputs at the boundary: snapshot tables (JSON lines or Parquet, local or S3A;
 * their column names in {@link io.netimpact.input.SnapshotColumns}), change requests, sweep
 * files and traffic series (Jackson). Every problem in input data is reported with its file,
 * line or record, and field ({@link io.netimpact.input.BadInputException}).
 */
package io.netimpact.input;
