/**
 * Importers of public network data (SNDlib, REPETITA, Internet Topology Zoo) into the
 * contract's snapshot model, plus synthetic gravity demands and demand scaling. Plain Java:
 * no Spark. Every decision an importer makes (units, capacity rules, folding, defaults) is
 * recorded in {@link io.netimpact.importer.Imported#notes()} and ends up in the manifest.
 */
package io.netimpact.importer;
