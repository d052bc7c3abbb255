/**
 * The vendor-neutral network model: devices, links with members, demands, snapshots and
 * change requests as validated records. Imports nothing from the engines or from Spark.
 */
package io.netimpact.model;
