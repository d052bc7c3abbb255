package io.netimpact.input;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import org.apache.hadoop.fs.Path;

/** Why an input file the user named cannot be opened, in words the user can act on. */
final class InputFiles {
  private InputFiles() {}

  /**
   * "missing: no such file", unless {@code p} is a local symbolic link that cannot be followed:
   * a loop, or a link whose target is gone, is not a missing file (it is there, and broken).
   */
  static String notFound(org.apache.hadoop.conf.Configuration conf, Path p) {
    String why = notFound(p);
    return why.startsWith("missing") ? why + " " + Locations.qualified(conf, p) : why;
  }

  static String notFound(Path p) {
    String scheme = p.toUri().getScheme();
    if (scheme == null || scheme.equals("file")) {
      java.nio.file.Path f = java.nio.file.Path.of(p.toUri().getPath());
      if (Files.isSymbolicLink(f) && !Files.exists(f)) {
        try {
          f.toRealPath();
        } catch (FileSystemException e) {
          if (String.valueOf(e.getReason()).toLowerCase().contains("levels of symbolic links")) {
            return "a symbolic link loop: " + f + " cannot be followed to a file";
          }
        } catch (IOException e) {
          // fall through to the dangling-link wording
        }
        try {
          return "a symbolic link to a missing file (" + Files.readSymbolicLink(f) + ")";
        } catch (IOException e) {
          return "a symbolic link that cannot be followed";
        }
      }
    }
    return "missing: no such file";
  }
}
