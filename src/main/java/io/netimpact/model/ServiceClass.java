package io.netimpact.model;

/**
 * One class of service of {@code classes.json} (docs/classes.md): demands whose {@code class}
 * is {@code name} are served on every arc before the classes of higher {@code priority}
 * numbers (strict priority).
 *
 * @param name      the demands' class label, non-empty
 * @param priority  0 is served first; &gt;= 0, unique within a snapshot
 * @param protect   whether a new drop of this class blocks a change (default false)
 */
public record ServiceClass(String name, int priority, boolean protect)
    implements java.io.Serializable {
  public ServiceClass {
    Checks.id(name, "class");
    if (priority < 0) {
      throw new IllegalArgumentException("priority must be >= 0, got " + priority);
    }
  }
}
