package io.netimpact.input;

/**
 * The snapshot's table and column names (docs/inputs.md#topology-snapshot), the one place they are
 * spelled:
 * the reader, the writer, the generator's Parquet schema and the error messages use these.
 */
public final class SnapshotColumns {
  public static final String DEVICES = "devices";
  public static final String LINKS = "links";
  public static final String DEMANDS = "demands";

  /** Devices, links and members: the record's id. */
  public static final String ID = "id";
  public static final String SITE = "site";
  public static final String REGION = "region";
  public static final String ROLE = "role";
  public static final String DRAINED = "drained";

  public static final String A = "a";
  public static final String B = "b";
  public static final String METRIC = "metric";
  public static final String METRIC_BA = "metric_ba";
  public static final String MEMBERS = "members";
  /** A member's capacity, or a single-circuit link's. */
  public static final String CAPACITY_GBPS = "capacity_gbps";
  /** A link's or a member's admin state. */
  public static final String UP = "up";
  public static final String MIN_LINKS = "min_links";
  public static final String LATENCY_MS = "latency_ms";
  public static final String SRLGS = "srlgs";

  public static final String SRC = "src";
  public static final String DST = "dst";
  public static final String GBPS = "gbps";
  public static final String CLASS = "class";

  /** The optional traffic-engineering tables (docs/inputs.md#sr-te-policy,
   * docs/semantics.md#traffic-engineering). */
  public static final String SR_POLICIES = "sr_policies";
  public static final String LSPS = "lsps";
  public static final String HEAD = "head";
  public static final String ENDPOINT = "endpoint";
  public static final String TAIL = "tail";
  public static final String CLASSES = "classes";
  public static final String CANDIDATE_PATHS = "candidate_paths";
  /** A segment naming a device (prefix SID) or a link (adjacency SID). */
  public static final String NODE = "node";
  public static final String ADJ = "adj";
  public static final String BANDWIDTH_GBPS = "bandwidth_gbps";
  public static final String SETUP_PRIORITY = "setup_priority";

  private SnapshotColumns() {}
}
