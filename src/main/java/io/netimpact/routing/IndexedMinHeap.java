package io.netimpact.routing;

import java.util.Arrays;

/**
 * 4-ary min-heap of node indices keyed by {@code long}, with decrease-key. Ties are broken by
 * node index so the pop order is deterministic. Keys are kept in heap order beside the nodes,
 * so sifting reads contiguous memory; four children per node halve the depth of a binary heap
 * (Dijkstra pops more often than it decreases, and a pop sifts down the whole depth).
 * O(log n) push, decrease-key and pop.
 */
public final class IndexedMinHeap {
  private static final int ARITY = 4;
  private final int[] heap;
  private final long[] hkey;
  private final int[] pos;
  private int size;

  public IndexedMinHeap(int capacity) {
    heap = new int[capacity];
    hkey = new long[capacity];
    pos = new int[capacity];
    Arrays.fill(pos, -1);
  }

  /** Empties the heap. O(size). */
  public void clear() {
    for (int i = 0; i < size; i++) {
      pos[heap[i]] = -1;
    }
    size = 0;
  }

  int size() {
    return size;
  }

  /** The node at heap position {@code i}, {@code 0 <= i < size()} (in no particular order). */
  int node(int i) {
    return heap[i];
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Inserts {@code v} or lowers its key. */
  public void pushOrDecrease(int v, long k) {
    int p = pos[v];
    if (p < 0) {
      p = size++;
    }
    up(p, v, k);
  }

  public int pop() {
    int top = heap[0];
    pos[top] = -1;
    size--;
    if (size > 0) {
      down(heap[size], hkey[size]);
    }
    return top;
  }

  private static boolean less(long ka, int a, long kb, int b) {
    return ka < kb || (ka == kb && a < b);
  }

  /** Places node v with key k at or above position p. */
  private void up(int p, int v, long k) {
    while (p > 0) {
      int parent = (p - 1) / ARITY;
      int u = heap[parent];
      long ku = hkey[parent];
      if (!less(k, v, ku, u)) {
        break;
      }
      heap[p] = u;
      hkey[p] = ku;
      pos[u] = p;
      p = parent;
    }
    heap[p] = v;
    hkey[p] = k;
    pos[v] = p;
  }

  /** Places node v with key k from the root down. */
  private void down(int v, long k) {
    int p = 0;
    while (true) {
      int first = ARITY * p + 1;
      if (first >= size) {
        break;
      }
      int best = first;
      int end = Math.min(first + ARITY, size);
      for (int c = first + 1; c < end; c++) {
        if (less(hkey[c], heap[c], hkey[best], heap[best])) {
          best = c;
        }
      }
      if (!less(hkey[best], heap[best], k, v)) {
        break;
      }
      heap[p] = heap[best];
      hkey[p] = hkey[best];
      pos[heap[p]] = p;
      p = best;
    }
    heap[p] = v;
    hkey[p] = k;
    pos[v] = p;
  }
}
