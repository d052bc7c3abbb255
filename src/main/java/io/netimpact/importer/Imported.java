package io.netimpact.importer;

import io.netimpact.model.Demand;
import io.netimpact.model.Device;
import io.netimpact.model.Link;
import io.netimpact.model.Snapshot;
import io.netimpact.model.SnapshotInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * What an importer read, converted to the contract's units, before it becomes a snapshot.
 *
 * @param devices devices in file order
 * @param links   links in file order (folded and with capacities in Gbps)
 * @param demands demands in Gbps; may be empty for sources without demands
 * @param source  one line naming the source format and files
 * @param notes   every decision the importer made (units, capacity rules, folding, defaults)
 */
public record Imported(List<Device> devices, List<Link> links, List<Demand> demands,
    String source, List<String> notes) {
  public Imported {
    devices = List.copyOf(devices);
    links = List.copyOf(links);
    demands = List.copyOf(demands);
    if (source.isEmpty()) {
      throw new IllegalArgumentException("source must not be empty");
    }
    notes = List.copyOf(notes);
  }

  public Imported withDemands(List<Demand> value, String note) {
    return new Imported(devices, links, value, source, plus(note));
  }

  public Imported withNote(String note) {
    return new Imported(devices, links, demands, source, plus(note));
  }

  private List<String> plus(String note) {
    List<String> n = new ArrayList<>(notes);
    n.add(note);
    return n;
  }

  /** The snapshot, with the notes joined into the manifest's {@code notes}. */
  public Snapshot toSnapshot(String snapshotId, String takenAt) {
    return new Snapshot(new SnapshotInfo(snapshotId, takenAt, source, String.join("\n", notes)),
        devices, links, demands);
  }
}
