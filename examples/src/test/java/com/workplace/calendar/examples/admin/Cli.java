package com.workplace.calendar.examples.admin;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs calendar-admin in this process with captured output, a data directory and an environment. */
final class Cli {
  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  private final Path dataDir;
  private final Map<String, String> environment = new HashMap<>();

  Cli(Path dataDir) {
    this.dataDir = dataDir;
  }

  Cli env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  Result run(String... args) {
    return runWithInput("", args);
  }

  Result runWithInput(String input, String... args) {
    List<String> all = new ArrayList<>();
    if (dataDir != null) {
      all.add("--data-dir");
      all.add(dataDir.toString());
    }
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    InputStream in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
    int code =
        CalendarAdmin.execute(
            all.toArray(String[]::new), environment, new PrintWriter(out), new PrintWriter(err), in);
    return new Result(code, out.toString(), err.toString());
  }
}
