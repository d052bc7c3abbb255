package io.netimpact.routes;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Primitive arrays written as their length and their elements, on any {@link DataOutput}: the
 * one flat form of the values that cross processes (a scenario's mask, a scenario's state, the
 * paths after a change), whether Java serialization or Kryo carries the bytes. Each call is
 * O(length).
 */
public final class Flat {
  private Flat() {}

  public static void writeInts(int[] a, DataOutput out) throws IOException {
    out.writeInt(a.length);
    for (int x : a) {
      out.writeInt(x);
    }
  }

  public static int[] readInts(DataInput in) throws IOException {
    int[] a = new int[length(in)];
    for (int i = 0; i < a.length; i++) {
      a[i] = in.readInt();
    }
    return a;
  }

  public static void writeDoubles(double[] a, DataOutput out) throws IOException {
    out.writeInt(a.length);
    for (double x : a) {
      out.writeDouble(x);
    }
  }

  public static double[] readDoubles(DataInput in) throws IOException {
    double[] a = new double[length(in)];
    for (int i = 0; i < a.length; i++) {
      a[i] = in.readDouble();
    }
    return a;
  }

  public static void writeBooleans(boolean[] a, DataOutput out) throws IOException {
    out.writeInt(a.length);
    for (boolean x : a) {
      out.writeBoolean(x);
    }
  }

  public static boolean[] readBooleans(DataInput in) throws IOException {
    boolean[] a = new boolean[length(in)];
    for (int i = 0; i < a.length; i++) {
      a[i] = in.readBoolean();
    }
    return a;
  }

  public static void writeStrings(String[] a, DataOutput out) throws IOException {
    out.writeInt(a.length);
    for (String x : a) {
      out.writeUTF(x);
    }
  }

  public static String[] readStrings(DataInput in) throws IOException {
    String[] a = new String[length(in)];
    for (int i = 0; i < a.length; i++) {
      a[i] = in.readUTF();
    }
    return a;
  }

  /** A length read back, refused when negative (bytes of something else, or cut short). */
  static int length(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new java.io.StreamCorruptedException("negative array length " + n);
    }
    return n;
  }
}
