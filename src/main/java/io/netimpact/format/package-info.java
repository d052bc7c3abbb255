/**
 * Formats at the boundary: snapshot tables (JSON lines or Parquet, local or S3A; their column
 * names in {@link io.netimpact.format.SnapshotColumns}), change requests, sweep files and traffic
 * series (Jackson), the report tables' schemas and rows, {@code summary.txt} and
 * {@code summary.html}. Every problem in input data is reported with its file, line or record,
 * and field.
 */
package io.netimpact.format;
