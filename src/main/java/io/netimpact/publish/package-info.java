/**
 * Runs on shared storage, above the Spark layer: a review's and a sweep's report tables made
 * from the evaluator's reports and published for a run ({@link io.netimpact.publish.Reports},
 * {@link io.netimpact.publish.SweepReports}), a published run's tables queried
 * ({@link io.netimpact.publish.ReportQuery}), the review service's files and snapshot prefixes,
 * deduce's files, and the storage failures a user can fix. Writing tables atomically and reading
 * a run's marker are the Spark layer's ({@link io.netimpact.spark.ReportWriter},
 * {@link io.netimpact.spark.PublishedRun}), below.
 */
package io.netimpact.publish;
