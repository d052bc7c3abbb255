package io.netimpact.store;

import io.netimpact.input.BadInputException;
import io.netimpact.input.FieldException;
import io.netimpact.input.Fields;
import io.netimpact.input.InputProblem;
import io.netimpact.input.Json;
import io.netimpact.input.Locations;
import io.netimpact.input.SnapshotDigest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code manifest.json} of a stored baseline (the store {@code netimpact baseline} writes and
 * {@code review --baseline} reads): which snapshot it is of, the content hash of the compiled
 * network it was routed on ({@link io.netimpact.routing.ContentHash}), the sizes the tables
 * must have, the base traffic without a path, and how the destinations are bucketed; and,
 * when the store holds the compiled network, the snapshot file digest it was compiled from
 * ({@link Compiled}). Written last, so a store whose manifest reads is complete.
 *
 * <p>The compiled network is an addition to format version 1, not a new version: a store
 * without it (written from a snapshot read with rejected records, or by a build that does not
 * keep it) is read too, and its reviews read and compile the snapshot; builds that do not know
 * the network ignore its fields and file, and the content hash does not depend on them.
 *
 * @param version        store format version ({@link #VERSION})
 * @param snapshotId     the snapshot's id (its manifest's {@code snapshot_id})
 * @param contentHash    SHA-256 (hex) of the compiled network's routing content
 * @param nodes          devices of the compiled network
 * @param arcs           arcs (two per link): the rows of {@code arc_load}
 * @param demands        aggregated demand pairs
 * @param destinations   destinations with demand: the rows of {@code destinations}
 * @param unroutableGbps base traffic without a path, Gbps
 * @param buckets        bucket count: the destination of rank r (destinations in index order)
 *                       is in bucket {@code r mod buckets} ({@link #bucket})
 * @param createdAt      when the store was written (ISO-8601 UTC)
 * @param writtenBy      what wrote it ({@code baseline}, or {@code sweep SWEEP-ID})
 * @param compiled       the stored compiled network and what it was compiled from, if the store
 *                       holds one
 */
public record BaselineManifest(int version, String snapshotId, String contentHash, int nodes,
    int arcs, int demands, int destinations, double unroutableGbps, int buckets,
    String createdAt, String writtenBy, Optional<Compiled> compiled) {
  /** The store format this build writes and reads. */
  public static final int VERSION = 1;
  static final String FORMAT = "netimpact-baseline";
  public static final String FILE = "manifest.json";

  /**
   * The compiled network kept in the store ({@code network.kryo.lz4}).
   *
   * @param snapshotDigest the {@link SnapshotDigest} of the snapshot directory's files, taken
   *                       before they were read: a review of files with this digest may take
   *                       the network instead of reading and compiling them
   * @param networkBytes   the size of the network file
   * @param networkLayout  the fingerprint of the serialized network's layout (the serializer and
   *                       the network's fields): a build of another layout does not read it
   */
  public record Compiled(String snapshotDigest, long networkBytes, String networkLayout) {
    public Compiled {
      if (!snapshotDigest.matches("[0-9a-f]{64}") || networkBytes < 1
          || networkLayout.isEmpty()) {
        throw new IllegalArgumentException("a stored network needs a 64-hex-digit snapshot "
            + "digest, a size >= 1 and a layout, got " + snapshotDigest + ", " + networkBytes
            + ", \"" + networkLayout + "\"");
      }
    }
  }

  public BaselineManifest {
    if (snapshotId.isEmpty() || contentHash.isEmpty()) {
      throw new IllegalArgumentException("a baseline manifest needs a snapshot id and a hash");
    }
    if (nodes < 0 || arcs < 0 || demands < 0 || destinations < 0 || buckets < 1) {
      throw new IllegalArgumentException("counts must be >= 0 and buckets >= 1, got nodes "
          + nodes + ", arcs " + arcs + ", demands " + demands + ", destinations "
          + destinations + ", buckets " + buckets);
    }
    if (!(unroutableGbps >= 0) || Double.isInfinite(unroutableGbps)) {
      throw new IllegalArgumentException("unroutable Gbps must be finite and >= 0, got "
          + unroutableGbps);
    }
  }

  /**
   * The bucket of the destination of rank {@code rank} (its position among the network's
   * destinations in index order) in a store of {@code buckets} buckets: by rank, not by device
   * index, so that buckets are even however the destinations' indices are spread.
   */
  public static int bucket(int rank, int buckets) {
    return rank % buckets;
  }

  /** Writes this manifest as {@code dir/manifest.json}. */
  public void write(FileSystem fs, Path dir) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("format", FORMAT);
    n.put("version", version);
    n.put("snapshot_id", snapshotId);
    n.put("content_hash", contentHash);
    n.put("nodes", nodes);
    n.put("arcs", arcs);
    n.put("demands", demands);
    n.put("destinations", destinations);
    n.put("unroutable_gbps", unroutableGbps);
    n.put("buckets", buckets);
    n.put("created_at", createdAt);
    n.put("written_by", writtenBy);
    compiled.ifPresent(c -> {
      n.put("snapshot_digest", c.snapshotDigest());
      n.put("network_bytes", c.networkBytes());
      n.put("network_layout", c.networkLayout());
    });
    Path file = new Path(dir, FILE);
    try (OutputStream out = fs.create(file, true)) {
      Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, n);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * The manifest of the store at {@code dir}, or a {@link BadInputException} naming the file
   * and the field: missing (not a store), malformed, another format or version.
   */
  public static BaselineManifest read(Configuration hadoop, Path dir) {
    Path p = new Path(dir, FILE);
    String file = Locations.qualified(hadoop, p);
    JsonNode node = Json.readSmall(hadoop, p, file, () -> new InputProblem(file, "", "",
        "missing: " + Locations.qualified(hadoop, dir) + " is not a baseline store (write one "
            + "with netimpact baseline --snapshot S --out " + dir + ")"));
    try {
      Fields f = Fields.of(node, "the manifest");
      String format = f.requiredString("format");
      if (!format.equals(FORMAT)) {
        throw new FieldException("format", "must be \"" + FORMAT + "\", got \"" + format + "\"");
      }
      int version = f.positiveInt("version");
      if (version != VERSION) {
        throw new FieldException("version", "this job reads baseline stores of version "
            + VERSION + ", got " + version + " (write the store again with this build)");
      }
      return new BaselineManifest(version, f.requiredString("snapshot_id"),
          f.requiredString("content_hash"), count(f, "nodes"), count(f, "arcs"),
          count(f, "demands"), count(f, "destinations"),
          f.requiredNumber("unroutable_gbps", false), f.positiveInt("buckets"),
          f.optionalString("created_at"), f.optionalString("written_by"), compiled(f));
    } catch (FieldException e) {
      throw new BadInputException(new InputProblem(file, "", e.field(), e.getMessage()));
    }
  }

  /** The stored network's fields: all three or none (a store without the network). */
  private static Optional<Compiled> compiled(Fields f) {
    if (!f.has("snapshot_digest") && !f.has("network_bytes") && !f.has("network_layout")) {
      return Optional.empty();
    }
    String digest = f.requiredString("snapshot_digest");
    if (!digest.matches("[0-9a-f]{64}")) {
      throw new FieldException("snapshot_digest", "must be 64 hex digits, got \"" + digest
          + "\"");
    }
    double bytes = f.requiredNumber("network_bytes", true);
    if (bytes != Math.rint(bytes) || bytes > (double) (1L << 53)) {
      throw new FieldException("network_bytes", "must be a whole number, got " + bytes);
    }
    return Optional.of(new Compiled(digest, (long) bytes, f.requiredString("network_layout")));
  }

  private static int count(Fields f, String field) {
    double d = f.requiredNumber(field, false);
    if (d != Math.rint(d) || d > Integer.MAX_VALUE) {
      throw new FieldException(field, "must be a whole number of at most "
          + Integer.MAX_VALUE + ", got " + d);
    }
    return (int) d;
  }

  /**
   * Fails unless this store was written for the snapshot {@code snapshotId} whose compiled
   * network hashes to {@code contentHash}: a stale store is refused, naming the store and both
   * ids and hashes.
   */
  public void requireSameSnapshot(String store, String snapshotDir, String snapshotId,
      String contentHash) {
    if (!this.snapshotId.equals(snapshotId) || !this.contentHash.equals(contentHash)) {
      throw new BadInputException(new InputProblem(store, "", "", "stale baseline store: it "
          + "was written for snapshot " + this.snapshotId + " (content hash "
          + this.contentHash + "), but " + snapshotDir + " is snapshot " + snapshotId
          + " (content hash " + contentHash + ")" + (this.snapshotId.equals(snapshotId)
          ? "; the snapshot changed since the store was written" : "")
          + "; write it again with netimpact baseline --snapshot " + snapshotDir + " --out "
          + store + " (into an empty --out)"));
    }
  }
}
