package com.workplace.calendar.graph.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A local listener that stands for "somewhere else": it accepts every connection, remembers it and
 * what arrived on it, and never answers. {@link #connectionsSoFar()} tells, without sleeping, how
 * many connections reached it before the call.
 */
final class Trap implements AutoCloseable {
  private final ServerSocket server;
  private final List<Integer> remotePorts = new CopyOnWriteArrayList<>();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final Thread acceptor;
  private volatile CountDownLatch marker = new CountDownLatch(0);
  private volatile int markerPort = -1;

  Trap() throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    acceptor = new Thread(this::acceptLoop, "trap-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        return;
      }
      int port = socket.getPort();
      if (port == markerPort) {
        closeQuietly(socket);
        marker.countDown();
        continue;
      }
      remotePorts.add(port);
      Thread reader = new Thread(() -> record(socket), "trap-reader");
      reader.setDaemon(true);
      reader.start();
    }
  }

  private void record(Socket socket) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (socket; InputStream in = socket.getInputStream()) {
      socket.setSoTimeout(2000);
      byte[] buffer = new byte[8192];
      int n;
      while (bytes.size() < 65_536 && (n = in.read(buffer)) > 0) {
        bytes.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      // the client waits for an answer that never comes: what arrived so far is enough
    } catch (IOException e) {
      // the client gave up
    }
    received.add(bytes.toString(StandardCharsets.ISO_8859_1));
  }

  /**
   * Counts the connections that reached the trap before this call returned. Opens a marker
   * connection and waits until the trap accepted it: connections queue in arrival order, so every
   * earlier one has been counted by then.
   *
   * @return the number of connections other than the marker
   */
  int connectionsSoFar() throws IOException, InterruptedException {
    CountDownLatch accepted = new CountDownLatch(1);
    try (Socket probe = new Socket()) {
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      markerPort = probe.getLocalPort();
      marker = accepted;
      probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 5000);
      if (!accepted.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("the trap did not accept its marker connection");
      }
    }
    return remotePorts.size();
  }

  /** {@return everything that arrived on the trap's connections, as Latin-1 text} */
  String received() {
    return String.join("\n", received);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing to do
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
