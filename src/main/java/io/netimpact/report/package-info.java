/**
 * The report tables' schemas and rows, the driver-side table writer and reader, run ids, and
 * the human summaries of a run: {@code summary.txt} and {@code summary.html}.
 */
package io.netimpact.report;
