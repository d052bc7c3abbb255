package io.netimpact.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netimpact.input.Json;
import io.netimpact.report.DriverTables;
import io.netimpact.service.Claim;
import io.netimpact.service.Outcome;
import io.netimpact.spark.Cluster;
import io.netimpact.spark.ReportWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The review service's files, on any Hadoop file system (local, HDFS, {@code s3a://}):
 * <ul>
 *   <li>the request directory: pending requests are its files named {@code *.json} (others,
 *       and names starting with {@code .} or {@code _}, are not requests); an answered one moves
 *       to {@code DIR/_done/}, so the listing holds only what is pending;</li>
 *   <li>under {@code OUT/_serve/}: {@code ready.json}; {@code ids/ID.json}, the {@link Claim}
 *       of a change id; {@code outcomes/REQUEST}, the {@link Outcome} of a request, written
 *       once its run is published or its rejection written: the record that it is
 *       answered;</li>
 *   <li>{@code OUT/_rejected/REQUEST}: a rejection ({@code request}, {@code error},
 *       {@code rejected_at});</li>
 *   <li>{@code OUT/serve_log/}: one file per batch ({@code BATCH-part-*}), moved in whole.</li>
 * </ul>
 * Every file is written whole in one step (a rename on local disks and HDFS, one PUT on S3), so
 * a process killed at any point leaves each file absent or complete.
 */
public final class ServeStore {
  public static final String SERVE_LOG = "serve_log";
  public static final String DONE = "_done";
  public static final String REJECTED = "_rejected";
  public static final String STATE = "_serve";
  public static final String READY = "ready.json";

  /** The columns of {@code serve_log}, in their one place. */
  public static final StructType SERVE_LOG_SCHEMA = new StructType()
      .add("request", DataTypes.StringType, false)
      .add("run_id", DataTypes.StringType, true)
      .add("snapshot_id", DataTypes.StringType, false)
      .add("status", DataTypes.StringType, false)
      .add("verdict", DataTypes.StringType, true)
      .add("received_at", DataTypes.StringType, false)
      .add("published_at", DataTypes.StringType, false)
      .add("latency_ms", DataTypes.LongType, false);

  private final Configuration hadoop;
  private final Path requests;
  private final Path out;
  private final FileSystem reqFs;
  private final FileSystem outFs;

  private ServeStore(Configuration hadoop, String requests, String out) {
    this.hadoop = hadoop;
    try {
      Path r = new Path(requests);
      Path o = new Path(out);
      this.reqFs = r.getFileSystem(hadoop);
      this.outFs = o.getFileSystem(hadoop);
      this.requests = reqFs.makeQualified(r);
      this.out = outFs.makeQualified(o);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + requests + " or " + out + ": " + e, e);
    }
  }

  /** The service's store, with the cluster's storage configuration. */
  public static ServeStore of(Cluster cluster, String requests, String out) {
    return new ServeStore(cluster.hadoop(), requests, out);
  }

  /**
   * A client's store ({@code submit}), with no Spark session: the storage configuration Spark
   * derives from {@code conf} ({@code spark.hadoop.*} keys and the S3A defaults).
   */
  public static ServeStore client(Map<String, String> conf, String requests, String out) {
    SparkConf sc = new SparkConf(false);
    conf.forEach(sc::set);
    return new ServeStore(org.apache.spark.deploy.SparkHadoopUtil.get().newConfiguration(sc),
        requests, out);
  }

  /** Where request {@code name} is while pending, fully qualified. */
  public String requestPath(String name) {
    return new Path(requests, name).toString();
  }

  /** The request directory, fully qualified. */
  public String requestDir() {
    return requests.toString();
  }

  /**
   * The pending requests' file names, by name: files directly in the request directory whose
   * name ends in {@code .json} and starts with neither {@code .} nor {@code _}. One listing.
   */
  public List<String> pending() {
    List<String> names = new ArrayList<>();
    try {
      if (!reqFs.exists(requests)) {
        return names;
      }
      for (FileStatus f : reqFs.listStatus(requests)) {
        String n = f.getPath().getName();
        if (f.isFile() && n.endsWith(".json") && !n.startsWith(".") && !n.startsWith("_")) {
          names.add(n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the requests in " + requests + ": " + e, e);
    }
    names.sort(null);
    return names;
  }

  /** The bytes of pending request {@code name}; empty when it has gone meanwhile. */
  public Optional<byte[]> read(String name) {
    try (InputStream in = reqFs.open(new Path(requests, name))) {
      return Optional.of(in.readAllBytes());
    } catch (java.io.FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read request " + name + ": " + e, e);
    }
  }

  /** Moves an answered request out of the listing, to {@code DIR/_done/} (a later one of the
   *  same name goes beside it, suffixed). */
  public void done(String name) {
    Path from = new Path(requests, name);
    Path dir = new Path(requests, DONE);
    try {
      reqFs.mkdirs(dir);
      Path to = new Path(dir, name);
      if (reqFs.exists(to)) {
        to = new Path(dir, name + "." + System.currentTimeMillis());
      }
      if (!reqFs.rename(from, to) && reqFs.exists(from)) {
        throw new IOException("rename to " + to + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move request " + name + " to " + dir + ": " + e, e);
    }
  }

  /** Places a request: written under a name that is no request, then renamed in one step. */
  public void place(String name, byte[] content) {
    Path tmp = new Path(requests, "." + name + "." + UUID.randomUUID() + ".tmp");
    Path to = new Path(requests, name);
    try {
      reqFs.mkdirs(requests);
      try (OutputStream o = reqFs.create(tmp, false)) {
        o.write(content);
      }
      if (!reqFs.rename(tmp, to)) {
        reqFs.delete(tmp, false);
        throw new IOException("cannot rename " + tmp + " to " + to + " (is " + name
            + " there already?)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot place request " + name + " in " + requests + ": "
          + e, e);
    }
  }

  /** Hex SHA-256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The claim of change id {@code id} (a valid run id), if any request holds it. */
  public Optional<Claim> claim(String id) {
    return readJson(state("ids/" + id + ".json")).map(n -> new Claim(id,
        n.path("request").asText(), n.path("sha256").asText(),
        Instant.parse(n.path("received_at").asText())));
  }

  /** Records {@code c}; the caller decided that nobody else holds its id. */
  public void hold(Claim c) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("change_id", c.changeId());
    n.put("request", c.request());
    n.put("sha256", c.sha256());
    n.put("received_at", c.receivedAt().toString());
    writeWhole(outFs, state("ids/" + c.changeId() + ".json"), n);
  }

  /** Whether run {@code runId} is published under the output (its marker exists). */
  public boolean published(String runId) {
    try {
      return outFs.exists(new Path(out, "_runs/" + runId + "/" + ReportWriter.MARKER));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The recorded outcome of request {@code name}, if it was answered. */
  public Optional<Outcome> outcome(String name) {
    return readJson(state("outcomes/" + name)).map(ServeStore::outcomeOf);
  }

  /** Records {@code o}: from now on its request is answered. */
  public void record(Outcome o) {
    writeWhole(outFs, state("outcomes/" + o.request()), json(o));
  }

  /**
   * Writes the rejection file of request {@code name}: {@code OUT/_rejected/NAME}, or when a
   * rejection of another request of that name is there already, beside it suffixed by the
   * time, so that none is overwritten.
   */
  public void reject(String name, String requestPath, String error, Instant at, String sha) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("request", name);
    n.put("error", error);
    n.put("rejected_at", at.toString());
    Path p = new Path(out, REJECTED + "/" + name);
    try {
      if (outFs.exists(p) && !outcome(name).map(o -> o.sha256().equals(sha)).orElse(true)) {
        p = new Path(out, REJECTED + "/" + name + "." + at.toEpochMilli());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    writeWhole(outFs, p, n);
  }

  /** The rejection file of request {@code name}, if one was written. */
  public Optional<JsonNode> rejection(String name) {
    return readJson(new Path(out, REJECTED + "/" + name));
  }

  /** Whether the {@code serve_log} file of batch {@code batch} is in place. */
  public boolean logged(String batch) {
    try {
      Path dir = new Path(out, SERVE_LOG);
      return outFs.exists(dir) && outFs.globStatus(new Path(dir, batch + "-*")).length > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Appends {@code rows} to {@code serve_log} as the file of batch {@code batch}: written in
   * full under {@code _serve/staging}, then moved in. Nothing when {@code rows} is empty.
   */
  public void log(String batch, List<Outcome> rows, boolean parquet) {
    if (rows.isEmpty()) {
      return;
    }
    Path staging = state("staging/" + batch);
    Path dir = new Path(out, SERVE_LOG);
    try {
      outFs.delete(staging, true);
      DriverTables.write(outFs, hadoop, staging, parquet, SERVE_LOG_SCHEMA,
          rows.stream().map(ServeStore::row).toList());
      outFs.mkdirs(dir);
      for (FileStatus f : outFs.listStatus(staging)) {
        String n = f.getPath().getName();
        if (n.startsWith(".") || n.startsWith("_")) {
          continue;
        }
        if (!outFs.rename(f.getPath(), new Path(dir, batch + "-" + n))) {
          throw new IOException("cannot move " + f.getPath() + " into " + dir);
        }
      }
      outFs.delete(staging, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + dir + ": " + e, e);
    }
  }

  /** {@code OUT/_serve/ready.json}: the service answers requests on {@code snapshotId}. */
  public void ready(String snapshotId, Instant at) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("snapshot_id", snapshotId);
    n.put("ready_at", at.toString());
    writeWhole(outFs, state(READY), n);
  }

  static Row row(Outcome o) {
    return RowFactory.create(o.request(), o.runId().orElse(null), o.snapshotId(),
        o.status().name(), o.verdict().orElse(null), Instants.ms(o.receivedAt()),
        Instants.ms(o.publishedAt()), o.latencyMs());
  }

  /** ISO-8601 with milliseconds, UTC. */
  static final class Instants {
    private static final java.time.format.DateTimeFormatter MS = java.time.format
        .DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
        .withZone(java.time.ZoneOffset.UTC);

    static String ms(Instant t) {
      return MS.format(t);
    }
  }

  private static ObjectNode json(Outcome o) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("request", o.request());
    n.put("sha256", o.sha256());
    o.runId().ifPresent(r -> n.put("run_id", r));
    n.put("snapshot_id", o.snapshotId());
    n.put("status", o.status().name());
    o.verdict().ifPresent(v -> n.put("verdict", v));
    o.error().ifPresent(e -> n.put("error", e));
    n.put("received_at", o.receivedAt().toString());
    n.put("published_at", o.publishedAt().toString());
    n.put("latency_ms", o.latencyMs());
    n.put("batch", o.batch());
    return n;
  }

  private static Outcome outcomeOf(JsonNode n) {
    Optional<String> run = text(n, "run_id");
    return new Outcome(n.path("request").asText(), n.path("sha256").asText(), run,
        n.path("snapshot_id").asText(), Outcome.Status.valueOf(n.path("status").asText()),
        text(n, "verdict"), text(n, "error"), Instant.parse(n.path("received_at").asText()),
        Instant.parse(n.path("published_at").asText()), n.path("batch").asText());
  }

  private static Optional<String> text(JsonNode n, String field) {
    return n.hasNonNull(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
  }

  private Path state(String rel) {
    return new Path(out, STATE + "/" + rel);
  }

  private Optional<JsonNode> readJson(Path p) {
    try (InputStream in = outFs.open(p)) {
      return Optional.of(Json.MAPPER.readTree(in));
    } catch (java.io.FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p + ": " + e, e);
    }
  }

  /** Writes {@code n} to {@code p} in one step: a temporary renamed over it, or one PUT on S3. */
  private static void writeWhole(FileSystem fs, Path p, JsonNode n) {
    try {
      byte[] bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n)
          .getBytes(StandardCharsets.UTF_8);
      fs.mkdirs(p.getParent());
      ReportWriter.replaceWhole(fs, p, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + p + ": " + e, e);
    }
  }

  /** The {@code summary.txt} of published run {@code runId}, as its marker names it. */
  public Optional<String> summary(String runId) {
    try {
      Optional<Path> p = ReportWriter.publishedAttachment(outFs, out.toString(), runId,
          io.netimpact.report.SummaryText.FILE);
      if (p.isEmpty()) {
        return Optional.empty();
      }
      try (InputStream in = outFs.open(p.get())) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the summary of run " + runId + ": " + e, e);
    }
  }
}
