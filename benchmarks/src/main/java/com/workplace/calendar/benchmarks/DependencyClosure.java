package com.workplace.calendar.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runtime jar closure of one library, computed from the verbose dependency tree Maven writes at
 * package time ({@code target/dependency-tree.txt}) and the program's class path ({@code
 * target/classpath.txt}).
 *
 * <p>The verbose tree keeps every edge, also those Maven did not follow because the artifact was
 * already reached on a shorter path ("omitted for duplicate"); an artifact's dependencies are read
 * where the tree expands it. So the closure of a library is what a project depending only on that
 * library would get, resolved with this project's version pins. Test and provided edges are left
 * out: they do not travel to a consumer.
 */
final class DependencyClosure {
  /** One jar of a closure. */
  record Jar(String artifact, String version, Path file, long bytes) {}

  /** A library's closure. */
  record Closure(String root, List<Jar> jars, List<String> notOnClassPath) {
    long bytes() {
      return jars.stream().mapToLong(Jar::bytes).sum();
    }
  }

  private final Map<String, Set<String>> children = new HashMap<>();
  private final Map<String, String> versions = new HashMap<>();
  private final Map<String, String> fileNames = new HashMap<>();
  private final Map<String, Path> classPath = new LinkedHashMap<>();

  private DependencyClosure() {}

  /** Reads the two files Maven wrote into {@code target}. */
  static DependencyClosure read(Path tree, Path classPathFile) throws IOException {
    DependencyClosure c = new DependencyClosure();
    c.parseTree(Files.readAllLines(tree));
    for (String entry : Files.readString(classPathFile).trim().split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) {
        Path p = Path.of(entry);
        c.classPath.put(p.getFileName().toString(), p);
      }
    }
    return c;
  }

  /**
   * The closure of an artifact.
   *
   * @param groupAndArtifact e.g. {@code com.microsoft.graph:microsoft-graph}
   */
  Closure of(String groupAndArtifact) throws IOException {
    if (!versions.containsKey(groupAndArtifact)) {
      throw new IllegalArgumentException(groupAndArtifact + " is not in the dependency tree");
    }
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(groupAndArtifact);
    while (!todo.isEmpty()) {
      String key = todo.poll();
      if (seen.add(key)) {
        todo.addAll(children.getOrDefault(key, Set.of()));
      }
    }
    List<Jar> jars = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    for (String key : seen) {
      Path file = classPath.get(fileNames.get(key));
      if (file == null || !Files.isRegularFile(file)) {
        absent.add(key + ":" + versions.get(key));
      } else {
        jars.add(new Jar(key, versions.get(key), file, Files.size(file)));
      }
    }
    jars.sort(Comparator.comparingLong(Jar::bytes).reversed());
    return new Closure(groupAndArtifact, jars, absent);
  }

  private void parseTree(List<String> lines) {
    // the first line is the benchmarks project itself
    List<String> stack = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      int i = 0;
      while (i < line.length() && " |+-\\".indexOf(line.charAt(i)) >= 0) {
        i++;
      }
      int depth = i / 3;
      String text = line.substring(i);
      boolean omitted = text.startsWith("(");
      String coordinates;
      if (omitted) {
        int end = text.indexOf(" - ");
        coordinates = text.substring(1, end > 0 ? end : text.indexOf(')'));
      } else {
        int space = text.indexOf(' ');
        coordinates = space > 0 ? text.substring(0, space) : text;
      }
      String[] p = coordinates.split(":");
      if (p.length < 5) {
        throw new IllegalStateException("unreadable dependency tree line: " + line);
      }
      String classifier = p.length >= 6 ? p[3] : "";
      String version = p[p.length - 2];
      String scope = p[p.length - 1];
      String key = p[0] + ":" + p[1] + (classifier.isEmpty() ? "" : ":" + classifier);
      while (stack.size() >= depth) {
        stack.remove(stack.size() - 1);
      }
      boolean travels = !scope.equals("test") && !scope.equals("provided");
      if (depth > 1 && travels) {
        children.computeIfAbsent(stack.get(depth - 2), k -> new LinkedHashSet<>()).add(key);
      }
      if (!omitted) {
        versions.putIfAbsent(key, version);
        fileNames.putIfAbsent(
            key, p[1] + "-" + version + (classifier.isEmpty() ? "" : "-" + classifier) + ".jar");
      }
      stack.add(key);
    }
  }
}
