package io.netimpact.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback that can fail: while down it cuts every open connection and refuses
 * new ones (closes them at once), as a restarting or unreachable S3 endpoint would.
 */
public final class FaultyProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int backendPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger cut = new AtomicInteger();
  private volatile boolean down;
  private volatile boolean closed;

  public FaultyProxy(int backendPort) throws IOException {
    this.backendPort = backendPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "faulty-proxy");
    t.setDaemon(true);
    t.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Connections cut or refused so far. */
  public int faults() {
    return cut.get();
  }

  /** Goes down (cutting open connections) or back up. */
  public void setDown(boolean value) {
    down = value;
    if (value) {
      for (Socket s : open) {
        closeQuietly(s);
        cut.incrementAndGet();
      }
      open.clear();
    }
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = server.accept();
        if (down) {
          cut.incrementAndGet();
          closeQuietly(client);
          continue;
        }
        Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
        open.add(client);
        open.add(backend);
        pump(client, backend);
        pump(backend, client);
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[64 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException ignored) {
        // The other side went away, or the proxy cut the connection on purpose.
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        open.remove(from);
        open.remove(to);
      }
    }, "faulty-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    setDown(true);
    server.close();
  }
}
