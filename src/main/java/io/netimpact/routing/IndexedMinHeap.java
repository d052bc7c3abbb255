package io.netimpact.routing;

import java.util.Arrays;

/**
 * Binary min-heap of node indices keyed by {@code long}, with decrease-key. Ties are broken by
 * node index so the pop order is deterministic. O(log n) push, pop and decrease-key.
 */
final class IndexedMinHeap {
  private final int[] heap;
  private final int[] pos;
  private final long[] key;
  private int size;

  IndexedMinHeap(int capacity) {
    heap = new int[capacity];
    pos = new int[capacity];
    key = new long[capacity];
    Arrays.fill(pos, -1);
  }

  /** Empties the heap. O(size). */
  void clear() {
    for (int i = 0; i < size; i++) {
      pos[heap[i]] = -1;
    }
    size = 0;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Inserts {@code v} or lowers its key. */
  void pushOrDecrease(int v, long k) {
    int p = pos[v];
    if (p < 0) {
      p = size++;
      heap[p] = v;
      pos[v] = p;
    }
    key[v] = k;
    up(p);
  }

  int pop() {
    int top = heap[0];
    pos[top] = -1;
    size--;
    if (size > 0) {
      int last = heap[size];
      heap[0] = last;
      pos[last] = 0;
      down(0);
    }
    return top;
  }

  private boolean less(int a, int b) {
    return key[a] < key[b] || (key[a] == key[b] && a < b);
  }

  private void up(int p) {
    int v = heap[p];
    while (p > 0) {
      int parent = (p - 1) >>> 1;
      int u = heap[parent];
      if (!less(v, u)) {
        break;
      }
      heap[p] = u;
      pos[u] = p;
      p = parent;
    }
    heap[p] = v;
    pos[v] = p;
  }

  private void down(int p) {
    int v = heap[p];
    while (true) {
      int c = 2 * p + 1;
      if (c >= size) {
        break;
      }
      if (c + 1 < size && less(heap[c + 1], heap[c])) {
        c++;
      }
      if (!less(heap[c], v)) {
        break;
      }
      heap[p] = heap[c];
      pos[heap[p]] = p;
      p = c;
    }
    heap[p] = v;
    pos[v] = p;
  }
}
