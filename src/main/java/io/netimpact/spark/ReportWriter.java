package io.netimpact.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netimpact.input.Json;
import io.netimpact.report.RunIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import io.netimpact.report.DriverTables;

/**
 * Writes a run's report tables under an output prefix as
 * {@code OUT/TABLE/run_id=RUN/<publish>-part-*}, every file keeping the {@code run_id} column.
 *
 * <p>Publishing is atomic for readers that follow the run marker, and idempotent:
 * <ol>
 *   <li>the publish lock {@code OUT/_runs/RUN/_PUBLISHING} is taken (see below); staging
 *       directories of dead publishes of any run are removed;</li>
 *   <li>every table is written in full under {@code OUT/_staging/RUN-<publish>/TABLE}, with an
 *       {@code _owner} file naming the process;</li>
 *   <li>its files are moved into {@code OUT/TABLE/run_id=RUN/}, each name prefixed with the
 *       publish id, next to the files of the run's previous version (if any); attached files
 *       (the run's {@code summary.html}) likewise to {@code OUT/_runs/RUN/<publish>-NAME};</li>
 *   <li>the marker {@code OUT/_runs/RUN/_SUCCESS} is replaced in one atomic step (rename with
 *       overwrite; a single PUT on S3). It is JSON listing the publish id, per table the files
 *       of this version, and per attachment its file: the switch from the old version to the
 *       new one, for the page as for the tables;</li>
 *   <li>files of the run not listed in the marker (the previous version, leftovers of a
 *       publish that died) are deleted, as are tables the new version does not have.</li>
 * </ol>
 * A driver that dies before step 4 leaves the old marker, so a reader following it sees the
 * old run, page included; after step 4 it sees the new one. A reader that lists the directories
 * instead sees a clean run after step 5 completes, and may see both versions only while a
 * publish runs or after one died, until the next publish of that run id cleans up. Other runs
 * are never touched, and nothing is ever written outside {@code OUT}: the run id is checked
 * here too ({@link RunIds}) and every target path is checked to lie under {@code OUT}.
 *
 * <p><b>Concurrent writers of one run id</b>: the publish lock is created exclusively
 * (a hard link on local disks, an exclusive create on HDFS; on S3 a check then a PUT, so two
 * publishes starting within the same instant can both pass). A publish that finds the lock
 * held by a live process is refused with {@link PublishConflictException} before it writes
 * anything, and the holder's publish completes untouched. A lock whose holder is provably dead
 * (same host, pid gone) or older than {@link ProcessOwner#STALE_AFTER} is taken over, and said
 * on stderr. Publishes that do not overlap replace each other in order: the last one wins.
 */
public final class ReportWriter {
  /** Output format of the report tables. */
  public enum Format { PARQUET, JSON }

  /** Name of the run marker under {@code OUT/_runs/RUN/}. */
  public static final String MARKER = "_SUCCESS";
  /** Name of the publish lock under {@code OUT/_runs/RUN/}. */
  public static final String LOCK = "_PUBLISHING";
  private static final String OWNER = "_owner";

  /** The storage configuration the driver writes and publishes with. */
  private final Configuration hadoop;
  private final String out;
  private final Format format;
  /** Each table: a Dataset written by Spark, or rows on the driver (a {@link Rows}). */
  private final Map<String, Object> tables = new LinkedHashMap<>();

  /** A table whose rows are on the driver, written by {@link DriverTables}. */
  public record Rows(StructType schema, List<Row> rows) {
    public Rows {
      // Not copied: a large table's rows may be made as they are written.
      rows = java.util.Collections.unmodifiableList(rows);
    }
  }
  private final Map<String, byte[]> attachments = new LinkedHashMap<>();
  /** Counts the marker carries beside its tables (pairs of failures by verdict). */
  private final Map<String, Map<String, Number>> counts = new LinkedHashMap<>();

  /**
   * Adds {@code "name": {key: count, ...}} to the run's marker (for example the pairs of
   * failures of a sweep by verdict), in the order given.
   */
  public ReportWriter counts(String name, Map<String, ? extends Number> byKey) {
    checkName(name);
    counts.put(name, new LinkedHashMap<>(byKey));
    return this;
  }

  /** A writer publishing with the session's storage configuration. */
  public ReportWriter(SparkSession spark, String out, Format format) {
    this(spark.sparkContext().hadoopConfiguration(), out, format);
  }

  /**
   * A writer publishing with {@code hadoop}: needs no session until a {@link Dataset} table is
   * written (with its own session), so a review whose every row is on the driver writes none.
   */
  public ReportWriter(Configuration hadoop, String out, Format format) {
    this.hadoop = hadoop;
    this.out = out;
    this.format = format;
  }

  /** Adds a table to the run; nothing is written until {@link #publish}. */
  public ReportWriter add(String table, Dataset<Row> rows) {
    checkName(table);
    tables.put(table, rows);
    return this;
  }

  /**
   * Adds a table whose rows are on the driver: written by the driver as one file, without a
   * Spark job (see {@link DriverTables}); nothing is written until {@link #publish}.
   */
  public ReportWriter add(String table, StructType schema, List<Row> rows) {
    checkName(table);
    tables.put(table, new Rows(schema, rows));
    return this;
  }

  private static void checkName(String table) {
    if (!table.matches("_?[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("table name must be lower_snake_case, not \"" + table
          + "\"");
    }
  }

  /**
   * Adds a file published with the run as {@code OUT/_runs/RUN/<publish>-NAME}, listed in the
   * marker; readers find it with {@link #publishedAttachment}.
   */
  public ReportWriter attach(String name, byte[] content) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException("attachment name must be a plain file name, not \""
          + name + "\"");
    }
    attachments.put(name, content.clone());
    return this;
  }

  public String out() {
    return out;
  }

  /**
   * Checks, before any computation, that reports can be written under {@code out}: it must not
   * be an existing file, and on a local disk its nearest existing directory must take a new
   * file (a probe file, deleted at once). Creates nothing that stays.
   *
   * @throws IllegalArgumentException naming {@code --out} and what is wrong
   * @throws java.io.UncheckedIOException when the store cannot be asked
   */
  public static void checkOutput(Configuration hadoop, String out) {
    checkOutput(hadoop, out, "--out");
  }

  /**
   * As {@link #checkOutput(Configuration, String)}, for a directory the messages call {@code
   * what} ({@code --out}, {@code the baseline store}). The path is followed through symbolic
   * links: a link whose target is missing (or a loop) is refused here, before any
   * computation, not when the first file is written.
   */
  static void checkOutput(Configuration hadoop, String out, String what) {
    Path root = new Path(out);
    try {
      FileSystem fs = root.getFileSystem(hadoop);
      if (fs.exists(root) && !fs.getFileStatus(root).isDirectory()) {
        throw new IllegalArgumentException(what + " " + out + " is an existing file; give a "
            + "directory (created if missing)");
      }
      if (!(fs instanceof LocalFileSystem local)) {
        return;
      }
      java.nio.file.Path dir = local.pathToFile(root).toPath().toAbsolutePath();
      while (!Files.exists(dir)) {
        if (Files.isSymbolicLink(dir)) {
          String target;
          try {
            target = String.valueOf(Files.readSymbolicLink(dir));
          } catch (IOException e) {
            target = "unreadable";
          }
          throw new IllegalArgumentException(what + " " + out + ": " + dir + " is a symbolic "
              + "link that cannot be followed (to " + target + ": missing, or a loop); create "
              + "its target directory or give another path");
        }
        dir = dir.getParent();
      }
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException(what + " " + out + ": " + dir + " is a file, not a "
            + "directory");
      }
      try {
        Files.delete(Files.createTempFile(dir, ".netimpact-probe-", ""));
      } catch (IOException e) {
        throw new IllegalArgumentException(what + " " + out + ": cannot write in " + dir + " ("
            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
            + e.getMessage()) + "); give a writable directory");
      }
    } catch (IOException e) {
      // Not the user's mistake but the store's (unreachable, refused): an environment failure.
      throw new java.io.UncheckedIOException("cannot check " + what + " " + out + ": " + e, e);
    }
  }

  /**
   * Writes every added table and publishes them as run {@code runId}.
   *
   * @throws IllegalArgumentException for a run id that cannot be a directory name
   * @throws PublishConflictException when another live process is publishing this run id
   */
  public void publish(String runId) {
    RunIds.require(runId, "run id");
    Path root = new Path(out);
    String publishId = Instant.now().toString().replaceAll("[^0-9]", "").substring(0, 14) + "-"
        + UUID.randomUUID().toString().substring(0, 8);
    FileSystem fs;
    try {
      fs = root.getFileSystem(hadoop);
      root = fs.makeQualified(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot open output " + out + ": " + e.getMessage(), e);
    }
    Path runs = inside(root, "_runs/" + runId);
    Path lock = inside(root, "_runs/" + runId + "/" + LOCK);
    Path staging = inside(root, "_staging/" + runId + "-" + publishId);
    ProcessOwner me;
    try {
      me = lock(fs, lock, runId);
    } catch (IOException e) {
      throw new IllegalStateException("cannot take the publish lock " + lock + ": " + e, e);
    }
    try {
      removeDeadStaging(fs, root);
      makeStaging(fs, staging);
      write(fs, new Path(staging, OWNER), Json.MAPPER.writeValueAsBytes(me.json()));
      writeDriverTables(fs, staging);
      for (Map.Entry<String, Object> e : tables.entrySet()) {
        if (e.getValue() instanceof Rows) {
          continue;
        }
        @SuppressWarnings("unchecked")
        Dataset<Row> ds = (Dataset<Row>) e.getValue();
        var w = ds.write().mode(SaveMode.ErrorIfExists);
        if (format == Format.JSON) {
          w.option("ignoreNullFields", "false").json(new Path(staging, e.getKey()).toString());
        } else {
          w.parquet(new Path(staging, e.getKey()).toString());
        }
      }
      for (Map.Entry<String, byte[]> f : attachments.entrySet()) {
        write(fs, new Path(staging, "_files/" + f.getKey()), f.getValue());
      }
      ObjectNode marker = Json.MAPPER.createObjectNode();
      marker.put("run_id", runId);
      marker.put("publish_id", publishId);
      marker.put("published_at", Instant.now().toString());
      marker.put("format", format.name().toLowerCase());
      counts.forEach((name, byKey) -> {
        ObjectNode c = marker.putObject(name);
        byKey.forEach((k, v) -> {
          // Counts stay integers; figures such as a probability are written as they are.
          if (v instanceof Double || v instanceof Float) {
            c.put(k, v.doubleValue());
          } else {
            c.put(k, v.longValue());
          }
        });
      });
      ObjectNode listed = marker.putObject("tables");
      for (String table : tables.keySet()) {
        Path target = inside(root, table + "/run_id=" + runId);
        fs.mkdirs(target);
        ArrayNode files = listed.putArray(table);
        for (FileStatus f : fs.listStatus(new Path(staging, table))) {
          String name = f.getPath().getName();
          if (name.equals(MARKER)) {
            // The committer's own summary (which committer, which files): kept for operators
            // as the table's _SUCCESS, which Spark readers skip like every _ file.
            Path committed = new Path(target, MARKER);
            fs.delete(committed, false);
            fs.rename(f.getPath(), committed);
            continue;
          }
          if (name.startsWith("_") || name.startsWith(".")) {
            continue;
          }
          String published = publishId + "-" + name;
          if (!fs.rename(f.getPath(), new Path(target, published))) {
            throw new IOException("cannot move " + f.getPath() + " into " + target);
          }
          files.add(published);
          Failpoints.hit("publish.after-moves");
        }
      }
      ObjectNode attached = marker.putObject("files");
      for (String name : attachments.keySet()) {
        String published = publishId + "-" + name;
        fs.mkdirs(runs);
        if (!fs.rename(new Path(staging, "_files/" + name), new Path(runs, published))) {
          throw new IOException("cannot move attachment " + name + " into " + runs);
        }
        attached.put(name, published);
        Failpoints.hit("publish.after-moves");
      }
      Failpoints.hit("publish.before-marker");
      switchMarker(fs, new Path(runs, MARKER),
          Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(marker));
      // Only while the marker is still ours: where the lock is not exclusive (S3), a writer
      // that slipped past it may have switched since, and its files must not go.
      if (marker(fs, root, runId).map(m -> m.path("publish_id").asText(""))
          .filter(publishId::equals).isPresent()) {
        cleanUp(fs, root, runId, tables.keySet(), publishId);
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing the report to " + out + " failed: " + e, e);
    } finally {
      try {
        fs.delete(staging, true);
        removeIfEmpty(fs, staging.getParent());
      } catch (IOException ignored) {
        // A leftover staging directory is never read; a later publish removes it.
      }
      unlock(fs, lock, me);
      try {
        // A first publish that failed leaves no empty run directory behind.
        if (fs.exists(runs) && fs.listStatus(runs).length == 0) {
          fs.delete(runs, false);
        }
      } catch (IOException ignored) {
        // Harmless: an empty _runs/RUN/ has no marker, so readers see no run.
      }
    }
  }

  /**
   * The tables whose rows are on the driver, written into {@code staging}: those of one part
   * ({@link DriverTables#ROWS_PER_PART} rows or fewer) at once, one thread per table up to the
   * cores (a medium review's {@code link_baseline} beside the others), then the larger ones one
   * after the other, each written in parts at once on the cores. Every write
   * ends before the first failure is thrown. O(rows x columns) over the threads.
   */
  private void writeDriverTables(FileSystem fs, Path staging) {
    List<Map.Entry<String, Rows>> driver = new java.util.ArrayList<>();
    List<Map.Entry<String, Rows>> large = new java.util.ArrayList<>();
    tables.forEach((name, t) -> {
      if (t instanceof Rows d) {
        (d.rows().size() > DriverTables.ROWS_PER_PART ? large : driver).add(Map.entry(name, d));
      }
    });
    java.util.function.Consumer<Map.Entry<String, Rows>> write = e -> DriverTables.write(fs,
        hadoop, new Path(staging, e.getKey()), format == Format.PARQUET, e.getValue().schema(),
        e.getValue().rows());
    large.forEach(write);
    List<java.util.concurrent.Callable<Void>> writes = new java.util.ArrayList<>();
    for (Map.Entry<String, Rows> e : driver) {
      writes.add(() -> {
        write.accept(e);
        return null;
      });
    }
    LocalTasks.run(Runtime.getRuntime().availableProcessors(), writes);
  }

  /**
   * {@code root/rel}, refused unless it lies strictly under {@code root}: the last guard
   * against a path built from an id escaping {@code --out}, whatever checked the id before.
   */
  static Path inside(Path root, String rel) {
    for (String segment : rel.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
          || segment.contains(":") || segment.contains("\\")) {
        throw new IllegalArgumentException("refusing to write " + rel + " under " + root
            + ": it would not be a directory of its own under --out");
      }
    }
    Path p = new Path(root, rel);
    String base = root.toUri().normalize().getPath().replaceAll("/+$", "");
    String path = p.toUri().normalize().getPath();
    if (!path.startsWith(base + "/")
        || !java.util.Objects.equals(root.toUri().getAuthority(), p.toUri().getAuthority())) {
      throw new IllegalArgumentException("refusing to write " + p + ": outside --out " + root);
    }
    return p;
  }

  private static void write(FileSystem fs, Path p, byte[] content) throws IOException {
    try (OutputStream o = fs.create(p, false)) {
      o.write(content);
    }
  }

  /**
   * Takes the run's publish lock, taking over one whose holder is gone.
   *
   * @throws PublishConflictException while a live process holds it
   */
  private static ProcessOwner lock(FileSystem fs, Path lock, String runId) throws IOException {
    ProcessOwner me = ProcessOwner.current();
    byte[] content = Json.MAPPER.writeValueAsBytes(me.json());
    for (int attempt = 0; attempt < 3; attempt++) {
      if (createExclusive(fs, lock, content)) {
        return me;
      }
      Optional<ProcessOwner> holder = readOwner(fs, lock);
      Instant now = Instant.now();
      Optional<String> gone;
      String who;
      if (holder.isPresent()) {
        gone = holder.get().gone(now);
        who = holder.get().toString();
      } else {
        // Unreadable: being written right now, or left half-written; only age can tell.
        long modified = modificationTime(fs, lock);
        gone = modified > 0 && Instant.ofEpochMilli(modified)
            .plus(ProcessOwner.STALE_AFTER).isBefore(now)
            ? Optional.of("it is unreadable and older than " + ProcessOwner.STALE_AFTER.toHours()
                + " h") : Optional.empty();
        who = "an unknown process";
      }
      if (gone.isEmpty()) {
        throw new PublishConflictException(runId, who, lock.toString());
      }
      System.err.println("netimpact: run " + runId + ": took over the publish lock of " + who
          + " (" + gone.get() + ")");
      fs.delete(lock, false);
    }
    throw new PublishConflictException(runId, "another process", lock.toString());
  }

  /** Creates {@code p} with {@code content} unless it exists, in one step where the FS can. */
  private static boolean createExclusive(FileSystem fs, Path p, byte[] content)
      throws IOException {
    fs.mkdirs(p.getParent());
    if (fs instanceof LocalFileSystem local) {
      java.nio.file.Path target = local.pathToFile(p).toPath();
      java.nio.file.Path tmp = Files.createTempFile(target.getParent(), "." + LOCK + "-", "");
      try {
        Files.write(tmp, content);
        // link(2) fails if the target exists: an atomic create with the content in place.
        Files.createLink(target, tmp);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    try (OutputStream o = fs.create(p, false)) {
      o.write(content);
      return true;
    } catch (FileAlreadyExistsException | org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    }
  }

  private static Optional<ProcessOwner> readOwner(FileSystem fs, Path p) {
    return ProcessOwner.read(fs, p);
  }

  private static long modificationTime(FileSystem fs, Path p) {
    try {
      return fs.getFileStatus(p).getModificationTime();
    } catch (IOException e) {
      return 0;
    }
  }

  /** Releases the lock if it is still ours (it is not if a later run took it over). */
  private static void unlock(FileSystem fs, Path lock, ProcessOwner me) {
    if (readOwner(fs, lock).filter(me::equals).isPresent()) {
      try {
        fs.delete(lock, false);
      } catch (IOException e) {
        System.err.println("netimpact: could not remove the publish lock " + lock + ": " + e
            + "; the next publish of this run will take it over");
      }
    }
  }

  /**
   * Creates {@code staging}. A publish ending at the same moment removes {@code _staging} when
   * it looks empty, which can fall between the two steps of a local {@code mkdirs} (parent, then
   * child): the child is then missing, so it is made again. Once it exists, {@code _staging} is
   * not empty and no longer removed (a directory is removed only empty, in one step).
   */
  /**
   * Removes {@code dir} when it is empty, atomically: another publish may be creating its own
   * staging directory inside at that instant. Hadoop's local non-recursive delete checks for
   * emptiness and then deletes recursively, which can take that directory with it, so a local
   * directory is removed by one rmdir (which fails when anything is inside); on other stores
   * the store's own non-recursive delete is the check.
   */
  private static void removeIfEmpty(FileSystem fs, Path dir) throws IOException {
    if (!fs.exists(dir) || fs.listStatus(dir).length != 0) {
      return;
    }
    if ("file".equals(fs.getUri().getScheme())) {
      try {
        Files.delete(java.nio.file.Paths.get(fs.makeQualified(dir).toUri()));
      } catch (java.nio.file.DirectoryNotEmptyException
          | java.nio.file.NoSuchFileException busy) {
        // another publish is using it, or removed it first
      }
    } else {
      fs.delete(dir, false);
    }
  }

  private static void makeStaging(FileSystem fs, Path staging) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        if (fs.mkdirs(staging) && fs.getFileStatus(staging).isDirectory()) {
          return;
        }
      } catch (IOException vanished) {
        // the parent went away between the steps (the local store's mkdir then chmod): try
        // again, and give up after the last attempt with the cause
        if (attempt == 5) {
          throw vanished;
        }
        continue;
      }
      if (attempt == 5) {
        throw new IOException("cannot create the staging directory " + staging);
      }
    }
  }

  /**
   * Removes {@code OUT/_staging/*} directories whose owner is gone (see {@link
   * ProcessOwner#gone}; without a readable owner, when older than {@link
   * ProcessOwner#STALE_AFTER}), and says so. Live publishes of other runs are left alone.
   */
  private static void removeDeadStaging(FileSystem fs, Path root) throws IOException {
    Path dir = new Path(root, "_staging");
    try {
      if (!fs.getFileStatus(dir).isDirectory()) {
        return;
      }
    } catch (java.io.FileNotFoundException none) {
      return;
    }
    Instant now = Instant.now();
    FileStatus[] inside = null;
    for (int attempt = 1; inside == null; attempt++) {
      try {
        inside = fs.listStatus(dir);
      } catch (IOException e) {
        // A publish of another run ending at this moment removed it empty (removeIfEmpty),
        // and another may have made it again. Hadoop's local file system reports a directory
        // gone under its listing as not found, not readable or "invalid", depending on the
        // moment: list again while it exists, and fail only when it stays unlistable.
        if (!fs.exists(dir)) {
          return;
        }
        if (attempt == 3) {
          throw e;
        }
      }
    }
    for (FileStatus s : inside) {
      if (!s.isDirectory()) {
        continue;
      }
      Optional<String> gone = ProcessOwner.deadStaging(fs, s, OWNER, now);
      if (gone.isPresent() && fs.delete(s.getPath(), true)) {
        System.err.println("netimpact: removed the staging directory " + s.getPath()
            + " of a publish that died (" + gone.get() + ")");
      }
    }
  }

  static Path runDir(Path root, String table, String runId) {
    return inside(root, table + "/run_id=" + runId);
  }

  /** Replaces the marker in one step (see {@link #replaceWhole}). */
  private void switchMarker(FileSystem fs, Path marker, String content) throws IOException {
    replaceWhole(fs, marker, content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Replaces file {@code p} with {@code bytes} so that a reader sees the old file or the new one,
   * never none and never a part: one PUT on object stores; elsewhere a hidden file renamed over
   * it. On the local file system the rename is {@code rename(2)} on the raw file system (Hadoop's
   * overwriting rename deletes the target first, which leaves a moment without the file), and a
   * checksum file of an older version is removed first so that it can never mismatch.
   */
  public static void replaceWhole(FileSystem fs, Path p, byte[] bytes) throws IOException {
    String scheme = fs.getUri().getScheme();
    if ("s3a".equals(scheme) || "s3".equals(scheme)) {
      try (OutputStream o = fs.create(p, true)) {
        o.write(bytes);
      }
      return;
    }
    Path tmp = new Path(p.getParent(), "." + p.getName() + "-" + UUID.randomUUID());
    if (fs instanceof LocalFileSystem local) {
      FileSystem raw = local.getRawFileSystem();
      Path crc = local.getChecksumFile(p);
      if (raw.exists(crc)) {
        raw.delete(crc, false);
      }
      try (OutputStream o = raw.create(tmp, true)) {
        o.write(bytes);
      }
      if (!raw.rename(tmp, p)) {
        raw.delete(tmp, false);
        throw new IOException("cannot rename " + tmp + " to " + p);
      }
      return;
    }
    try (OutputStream o = fs.create(tmp, true)) {
      o.write(bytes);
    }
    FileContext.getFileContext(fs.getUri(), fs.getConf()).rename(tmp, p,
        Options.Rename.OVERWRITE);
  }

  /** Deletes this run's files that the new marker does not list. Other runs are untouched. */
  private void cleanUp(FileSystem fs, Path root, String runId, Set<String> current,
      String publishId) throws IOException {
    for (FileStatus t : fs.listStatus(root)) {
      String name = t.getPath().getName();
      // Tables may start with _ (_rejects, which Spark readers of OUT skip); the writer's own
      // directories are not tables.
      if (!t.isDirectory() || name.equals("_runs") || name.equals("_staging")
          || name.startsWith(".") || !name.matches("_?[a-z][a-z0-9_]*")) {
        continue;
      }
      Path dir = runDir(root, name, runId);
      if (!fs.exists(dir)) {
        continue;
      }
      if (!current.contains(name)) {
        fs.delete(dir, true);
        continue;
      }
      for (FileStatus f : fs.listStatus(dir)) {
        String file = f.getPath().getName();
        if (!file.startsWith(publishId + "-") && !file.equals(MARKER)) {
          fs.delete(f.getPath(), true);
        }
      }
    }
    // Attachments of earlier versions (and, from before they were versioned, a bare
    // summary.html) and marker temporaries of dead publishes; checksums go with their files.
    for (FileStatus f : fs.listStatus(inside(root, "_runs/" + runId))) {
      String file = f.getPath().getName();
      boolean keep = file.equals(MARKER) || file.equals(LOCK) || file.startsWith(publishId + "-")
          || (file.startsWith(".") && !file.startsWith("." + MARKER + "-")
              && !file.startsWith("." + LOCK + "-"));
      if (!keep) {
        fs.delete(f.getPath(), true);
      }
    }
  }

  /**
   * The files of a run's current version, per table, as its marker lists them; empty when the
   * run has no marker (never published, or its first publish died before the switch).
   */
  public static Map<String, List<Path>> publishedFiles(FileSystem fs, String out, String runId)
      throws IOException {
    Path root = new Path(out);
    Map<String, List<Path>> result = new LinkedHashMap<>();
    Optional<JsonNode> node = marker(fs, root, runId);
    if (node.isEmpty()) {
      return result;
    }
    var it = node.get().get("tables").fields();
    while (it.hasNext()) {
      var e = it.next();
      List<Path> files = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (var f : e.getValue()) {
        if (seen.add(f.asText())) {
          files.add(inside(root, e.getKey() + "/run_id=" + runId + "/" + f.asText()));
        }
      }
      result.put(e.getKey(), files);
    }
    return result;
  }

  /**
   * The current version of a file attached to a run ({@code summary.html}), as its marker
   * names it: the one stable way to find it. Empty when the run has no marker or no such file.
   */
  public static Optional<Path> publishedAttachment(FileSystem fs, String out, String runId,
      String name) throws IOException {
    Path root = new Path(out);
    Optional<JsonNode> node = marker(fs, root, runId);
    JsonNode file = node.map(n -> n.path("files").path(name)).orElse(null);
    if (file == null || !file.isTextual()) {
      return Optional.empty();
    }
    return Optional.of(inside(root, "_runs/" + runId + "/" + file.asText()));
  }

  private static Optional<JsonNode> marker(FileSystem fs, Path root, String runId)
      throws IOException {
    Path marker = inside(root, "_runs/" + RunIds.require(runId, "run id") + "/" + MARKER);
    if (!fs.exists(marker)) {
      return Optional.empty();
    }
    try (InputStream in = fs.open(marker)) {
      return Optional.of(Json.MAPPER.readTree(in));
    }
  }
}
