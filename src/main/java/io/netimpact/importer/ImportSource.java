package io.netimpact.importer;

/** The public data formats {@link Importers} reads. */
public enum ImportSource { SNDLIB, REPETITA, TOPOLOGYZOO }
