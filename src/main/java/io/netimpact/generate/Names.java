package io.netimpact.generate;

/** Device ids of the generated fabric, in one place so topology, demands and changes agree. */
final class Names {
  private Names() {}

  static String tor(String dc, int pod, int tor) {
    return dc + "-pod" + pad(pod + 1, 2) + "-tor" + pad(tor + 1, 3);
  }

  static String leaf(String dc, int pod, int plane) {
    return dc + "-pod" + pad(pod + 1, 2) + "-leaf" + (plane + 1);
  }

  static String spine(String dc, int plane, int index) {
    return dc + "-spine" + (plane + 1) + "-" + pad(index + 1, 2);
  }

  static String border(String dc, int index) {
    return dc + "-border" + (index + 1);
  }

  private static String pad(int v, int width) {
    String s = Integer.toString(v);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }
}
