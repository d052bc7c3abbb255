package io.netimpact.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Entry point of the importers: reads the input files of one source, then applies the
 * demand options (gravity matrix, scaling to a target utilisation).
 *
 * <p>A snapshot needs at least one demand to be reviewable, so an input without demands
 * (Topology Zoo, a REPETITA graph without its demands file) is refused unless gravity
 * demands are asked for: synthetic traffic is never added silently.
 */
public final class Importers {
  private Importers() {}

  public static Imported read(ImportSource source, List<Path> in, ImportOptions options) {
    if (in.isEmpty()) {
      throw new IllegalArgumentException("no input file given");
    }
    Imported imported = switch (source) {
      case SNDLIB -> {
        requireOne(in, "SNDlib takes one network file (.txt native or .xml)");
        yield SndlibImporter.read(in.get(0), options);
      }
      case REPETITA -> repetita(in, options);
      case TOPOLOGYZOO -> {
        requireOne(in, "Topology Zoo takes one .gml file");
        yield TopologyZooImporter.read(in.get(0), options);
      }
    };
    if (options.gravityDemands()) {
      imported = imported.withDemands(GravityDemands.of(imported.devices(), imported.links()),
          "demands: SYNTHETIC gravity matrix replacing any in the file: demand(s,t) proportional "
              + "to w(s) x w(t), w = total capacity of a device's links, every ordered pair");
      double util = options.scaleToUtil().orElse(ImportOptions.GRAVITY_DEFAULT_UTIL);
      return DemandScaling.scaleToUtil(imported, util);
    }
    if (imported.demands().isEmpty()) {
      throw new IllegalArgumentException("the input has no demands and a snapshot needs at "
          + "least one to be reviewed: pass --gravity-demands for a synthetic gravity matrix"
          + (source == ImportSource.REPETITA ? ", or give the .demands file" : ""));
    }
    if (options.scaleToUtil().isPresent()) {
      return DemandScaling.scaleToUtil(imported, options.scaleToUtil().getAsDouble());
    }
    return imported;
  }

  private static Imported repetita(List<Path> in, ImportOptions options) {
    Optional<Path> graph = Optional.empty();
    Optional<Path> demands = Optional.empty();
    for (Path p : in) {
      String name = p.getFileName().toString();
      if (name.endsWith(".graph") && graph.isEmpty()) {
        graph = Optional.of(p);
      } else if (name.endsWith(".demands") && demands.isEmpty()) {
        demands = Optional.of(p);
      } else {
        throw new IllegalArgumentException("REPETITA takes one .graph file and at most one "
            + ".demands file, got " + in);
      }
    }
    return RepetitaImporter.read(graph.orElseThrow(() -> new IllegalArgumentException(
        "REPETITA needs a .graph file, got " + in)), demands, options);
  }

  private static void requireOne(List<Path> in, String what) {
    if (in.size() != 1) {
      throw new IllegalArgumentException(what + ", got " + in.size() + ": " + in);
    }
  }
}
