/**
 * Format adapters at the boundary: snapshot tables (JSON lines or Parquet, local or S3A),
 * change requests and sweep files (Jackson), report tables (Spark writers). Every problem in
 * input data is reported with its file, line or record, and field.
 */
package io.netimpact.io;
