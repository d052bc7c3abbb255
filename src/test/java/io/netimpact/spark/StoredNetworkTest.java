package io.netimpact.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netimpact.input.BadInputException;
import io.netimpact.store.BaselineFiles;
import io.netimpact.store.BaselineManifest;
import io.netimpact.input.SnapshotDigest;
import io.netimpact.input.SnapshotReader;
import io.netimpact.routing.ContentHash;
import io.netimpact.routing.Network;
import io.netimpact.routing.NetworkCompiler;
import io.netimpact.testing.SparkTestSession;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiled network kept in a stored baseline ({@code network.kryo.lz4}) and the snapshot file
 * digest it is keyed by, through real files and the job's Kryo serializer.
 */
class StoredNetworkTest {
  static final String SAMPLE = "src/main/resources/samples/backbone";

  @TempDir
  Path tmp;

  private static Cluster cluster() {
    return SparkTestSession.cluster();
  }

  private static Network compiled(String dir) {
    return NetworkCompiler.compile(new SnapshotReader(new Configuration())
        .read(dir, SnapshotReader.OnBadRecord.FAIL).snapshot());
  }

  private static BaselineStore.Opened store(Network base, Path dir, Optional<String> digest) {
    SparkEvaluator.storeBaseline(cluster(), base, new BaselineStore.Target(dir.toString(),
        "snap", ContentHash.of(base, BaselineManifest.VERSION), "test", digest), lap -> { });
    return BaselineStore.open(cluster(), dir.toString());
  }

  @Test
  void network_survivesTheStore_everySerializedFieldAndEveryLookup() throws Exception {
    Network base = compiled(SAMPLE);
    String digest = cluster().snapshotDigest(SAMPLE).orElseThrow().sha256();
    Path dir = tmp.resolve("store");
    BaselineStore.Opened store = store(base, dir, Optional.of(digest));
    BaselineManifest.Compiled c = store.manifest().compiled().orElseThrow();
    assertEquals(digest, c.snapshotDigest());
    assertEquals(Files.size(dir.resolve(BaselineFiles.NETWORK)), c.networkBytes());

    Network back = BaselineStore.network(cluster(), store).orElseThrow();
    assertEquals(ContentHash.of(base, BaselineManifest.VERSION),
        ContentHash.of(back, BaselineManifest.VERSION));
    // Every field Kryo writes comes back equal (the transient ones are rebuilt on use).
    int compared = sameFields(base, back);
    assertTrue(compared > 30, "fields compared: " + compared);
    // What the lazily built indexes answer.
    assertEquals(base.nodeCount(), back.nodeCount());
    assertEquals(base.linkCount(), back.linkCount());
    assertEquals(base.demandCount(), back.demandCount());
    assertEquals(base.totalDemandGbps(), back.totalDemandGbps(), "the demand total");
    assertArrayEquals(base.destinations(), back.destinations());
    for (int v = 0; v < base.nodeCount(); v++) {
      assertEquals(Optional.of(v), back.node(base.nodeId(v)));
      assertEquals(base.site(v), back.site(v));
      assertArrayEquals(base.demandsFrom(v), back.demandsFrom(v), "demands from " + v);
    }
    for (int l = 0; l < base.linkCount(); l++) {
      assertEquals(Optional.of(l), back.link(base.linkId(l)));
      assertEquals(base.linkCapacity(l), back.linkCapacity(l));
      assertArrayEquals(base.linkSrlgs(l), back.linkSrlgs(l));
    }
    for (int s = 0; s < base.srlgCount(); s++) {
      assertEquals(Optional.of(s), back.srlg(base.srlgName(s)));
    }
    for (int s = 0; s < base.siteCount(); s++) {
      assertEquals(Optional.of(s), back.site(base.siteName(s)));
    }
    assertEquals(Optional.empty(), back.node("ghost"));
    assertEquals(Optional.empty(), cluster().snapshotDigest(tmp.resolve("nowhere").toString()),
        "no directory, no digest: the reader says what is missing");
  }

  /** Every serialized field of {@code a} and {@code b} deeply equal; returns how many. */
  private static int sameFields(Network a, Network b) throws Exception {
    int compared = 0;
    for (Field f : Network.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())) {
        continue;
      }
      f.setAccessible(true);
      assertTrue(Objects.deepEquals(f.get(a), f.get(b)), "field " + f.getName());
      compared++;
    }
    return compared;
  }

  /** {@code net} through the job's Kryo serializer (as a broadcast ships it): its bytes. */
  private static byte[] kryo(Network net) {
    var ser = NetworkFile.Encoding.of(cluster().conf()).kryo().newInstance();
    java.nio.ByteBuffer buf = ser.serialize(net, scala.reflect.ClassTag$.MODULE$.apply(
        Network.class));
    byte[] out = new byte[buf.remaining()];
    buf.get(out);
    return out;
  }

  private static Network unkryo(byte[] bytes) {
    return NetworkFile.Encoding.of(cluster().conf()).kryo().newInstance().deserialize(
        java.nio.ByteBuffer.wrap(bytes), scala.reflect.ClassTag$.MODULE$.apply(Network.class));
  }

  @Test
  void networkReadFromTheStore_isShippedAsItsStoredBytes_andArrivesTheSame() throws Exception {
    Network base = compiled(SAMPLE);
    String digest = cluster().snapshotDigest(SAMPLE).orElseThrow().sha256();
    Path dir = tmp.resolve("store");
    BaselineStore.Opened store = store(base, dir, Optional.of(digest));
    Network read = BaselineStore.network(cluster(), store).orElseThrow();
    long fileBytes = Files.size(dir.resolve(BaselineFiles.NETWORK));
    byte[] shipped = kryo(read);
    // A flag, the length and the file's bytes: not the fields encoded again.
    assertTrue(shipped.length >= fileBytes && shipped.length <= fileBytes + 16,
        shipped.length + " bytes shipped for a file of " + fileBytes);
    byte[] asFields = kryo(base);
    assertNotEquals(shipped.length, asFields.length, "a compiled network ships its fields");
    assertTrue(sameFields(base, unkryo(shipped)) > 30);
    assertTrue(sameFields(base, unkryo(asFields)) > 30);
  }

  @Test
  void storeFromARunWithoutADigest_holdsNoNetwork() {
    Network base = compiled(SAMPLE);
    Path dir = tmp.resolve("store");
    BaselineStore.Opened store = store(base, dir, Optional.empty());
    assertEquals(Optional.empty(), store.manifest().compiled());
    assertFalse(Files.exists(dir.resolve(BaselineFiles.NETWORK)));
    assertEquals(Optional.empty(), BaselineStore.network(cluster(), store));
  }

  @Test
  void networkFileCutShort_isRefusedAsIncomplete() throws IOException {
    Network base = compiled(SAMPLE);
    Path dir = tmp.resolve("store");
    BaselineStore.Opened store = store(base, dir, Optional.of("0".repeat(64)));
    Path file = dir.resolve(BaselineFiles.NETWORK);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    BadInputException e = assertThrows(BadInputException.class,
        () -> BaselineStore.network(cluster(), store));
    assertTrue(e.getMessage().contains(BaselineFiles.NETWORK)
        && e.getMessage().contains("incomplete"), e.getMessage());
  }

  @Test
  void snapshotDigest_isOfTheFilesBytesAndRelativePaths_notOfWhereTheyAre() throws IOException {
    Path a = tmp.resolve("a");
    copy(Path.of(SAMPLE), a);
    Path b = tmp.resolve("elsewhere").resolve("b");
    copy(Path.of(SAMPLE), b);
    SnapshotDigest da = digest(a);
    assertEquals(da, digest(b), "a copy elsewhere");
    assertEquals(4, da.files());
    // Hidden files and directories (checksums, markers) are not read by the reader: not counted.
    Files.writeString(b.resolve("_SUCCESS"), "");
    Files.createDirectories(b.resolve(".hidden"));
    Files.writeString(b.resolve(".hidden").resolve("x"), "x");
    assertEquals(da, digest(b));
    // One byte of one file, a file renamed, a file added in a subdirectory: another digest.
    String demands = Files.readString(b.resolve("demands.jsonl"));
    Files.writeString(b.resolve("demands.jsonl"), demands.replaceFirst("\"gbps\":\\s*(\\d)",
        "\"gbps\": 9$1"));
    assertNotEquals(da, digest(b));
    Files.writeString(b.resolve("demands.jsonl"), demands);
    assertEquals(da, digest(b));
    Files.createDirectories(b.resolve("changes"));
    Files.writeString(b.resolve("changes").resolve("cr.json"), "{}");
    assertNotEquals(da, digest(b));
  }

  private static SnapshotDigest digest(Path dir) {
    return cluster().snapshotDigest(dir.toString()).orElseThrow();
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }
}
