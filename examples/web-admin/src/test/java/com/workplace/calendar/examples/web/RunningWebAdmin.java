package com.workplace.calendar.examples.web;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.examples.admin.DemoOrganisation;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The web admin as {@code ./web-admin} runs it (same initializers, embedded fake with the demo
 * organisation, H2 in a file under a data folder), on a free port with a data folder of its own.
 */
final class RunningWebAdmin implements AutoCloseable {
  private final ConfigurableApplicationContext context;
  private final int port;
  private final Path dataDir;

  private RunningWebAdmin(ConfigurableApplicationContext context, int port, Path dataDir) {
    this.context = context;
    this.port = port;
    this.dataDir = dataDir;
  }

  static RunningWebAdmin start(String... extraArgs) {
    try {
      return start(freePort(), Files.createTempDirectory("web-admin-data-"), extraArgs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts on a given port and data folder, e.g. again on the folder of an earlier run. */
  static RunningWebAdmin start(int port, Path dataDir, String... extraArgs) {
    {
      List<String> args = new ArrayList<>();
      args.add("--server.port=" + port);
      args.add("--workplace.example.data-dir=" + dataDir);
      args.add("--workplace.example.time-zone=UTC");
      args.addAll(List.of(extraArgs));
      ConfigurableApplicationContext context = WebAdminApplication.application().run(args.toArray(String[]::new));
      return new RunningWebAdmin(context, port, dataDir);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  int port() {
    return port;
  }

  Path dataDir() {
    return dataDir;
  }

  CalendarService calendars() {
    return context.getBean(CalendarService.class);
  }

  FakeMicrosoft365 m365() {
    return context.getBean(FakeMicrosoft365.class);
  }

  DemoOrganisation demo() {
    return context.getBean(DemoOrganisation.class);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
