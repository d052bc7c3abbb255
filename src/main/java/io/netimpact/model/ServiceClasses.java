package io.netimpact.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The classes of service of a snapshot, served first to last in priority order, and the
 * trailing class of demands whose class is absent or not listed (not protected, served last).
 * {@link #NONE} (no {@code classes.json}) means classes are not modelled at all: reports are
 * exactly as without classes.
 *
 * <p>Index {@code i < listed().size()} is the i-th listed class by priority; index {@link
 * #unlisted()} is the trailing class. {@link #count()} is their number.
 */
public record ServiceClasses(boolean present, List<ServiceClass> listed)
    implements java.io.Serializable {
  /** The name the trailing class carries in reports. */
  public static final String UNLISTED = "(unlisted)";

  /** No {@code classes.json}: no classes. */
  public static final ServiceClasses NONE = new ServiceClasses(false, List.of());

  public ServiceClasses {
    listed = new ArrayList<>(listed);
    listed.sort(Comparator.comparingInt(ServiceClass::priority));
    listed = List.copyOf(listed);
    if (!present && !listed.isEmpty()) {
      throw new IllegalArgumentException("classes listed but not present");
    }
    HashSet<String> names = new HashSet<>();
    for (int i = 0; i < listed.size(); i++) {
      ServiceClass c = listed.get(i);
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("class \"" + c.name() + "\" is listed twice");
      }
      if (i > 0 && listed.get(i - 1).priority() == c.priority()) {
        throw new IllegalArgumentException("classes \"" + listed.get(i - 1).name() + "\" and \""
            + c.name() + "\" share priority " + c.priority());
      }
    }
  }

  /** Classes read from a file (possibly an empty list). */
  public static ServiceClasses of(List<ServiceClass> listed) {
    return new ServiceClasses(true, listed);
  }

  /** The listed classes plus the trailing one. */
  public int count() {
    return listed.size() + 1;
  }

  /** Index of the trailing class. */
  public int unlisted() {
    return listed.size();
  }

  /** The report name of class index {@code i}. */
  public String name(int i) {
    return i == unlisted() ? UNLISTED : listed.get(i).name();
  }

  /** Whether class index {@code i} is protected (the trailing class never is). */
  public boolean isProtected(int i) {
    return i < unlisted() && listed.get(i).protect();
  }

  /** The class index of a demand's label: a listed one, or the trailing class. O(classes). */
  public int indexOf(String label) {
    for (int i = 0; i < listed.size(); i++) {
      if (listed.get(i).name().equals(label)) {
        return i;
      }
    }
    return unlisted();
  }

  /** A listed class by name. O(classes). */
  public Optional<ServiceClass> find(String name) {
    int i = indexOf(name);
    return i == unlisted() ? Optional.empty() : Optional.of(listed.get(i));
  }
}
