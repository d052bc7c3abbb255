package io.netimpact.impact;

import io.netimpact.model.Demand;
import io.netimpact.model.ServiceClasses;
import io.netimpact.routing.DemandClasses;
import io.netimpact.routing.Network;
import java.util.List;

/**
 * The classes of service of an evaluation: the snapshot's classes and how each of the
 * network's demands divides among them.
 */
public record ClassInput(ServiceClasses classes, DemandClasses shares)
    implements java.io.Serializable {
  public ClassInput {
    if (!classes.present() || shares.count() != classes.count()) {
      throw new IllegalArgumentException("classes present with one share per class expected, got "
          + classes.count() + " classes and " + shares.count() + " shares");
    }
  }

  /** The classes of {@code net}, compiled from the snapshot demand {@code rows}. O(rows). */
  public static ClassInput of(ServiceClasses classes, Network net, List<Demand> rows) {
    return new ClassInput(classes, DemandClasses.of(net, rows, classes::indexOf,
        classes.count()));
  }
}
