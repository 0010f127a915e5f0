package com.workplace.calendar.examples.admin;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks where a command will write a file before the command does any work. */
final class OutputFiles {
  private OutputFiles() {}

  /**
   * Checks that a file can be written: its folder exists and is writable, and it is not a folder.
   *
   * @param file the file as given
   * @param what the option or parameter that named it, for the message
   * @throws AdminException (usage) naming the folder when it cannot be written
   */
  static void requireWritable(Path file, String what) {
    Path absolute = file.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      throw AdminException.usage(
          "cannot write " + what + " " + file + ": " + absolute + " is a folder",
          "name a file, e.g. " + absolute.resolve("calendars.csv"));
    }
    Path folder = absolute.getParent();
    if (folder == null || !Files.exists(folder)) {
      throw AdminException.usage(
          "cannot write " + what + " " + file + ": the folder " + folder + " does not exist",
          "create the folder first, or name a file in a folder that exists");
    }
    if (!Files.isDirectory(folder)) {
      throw AdminException.usage(
          "cannot write " + what + " " + file + ": " + folder + " is a file, not a folder",
          "name a file in a folder that exists");
    }
    if (!Files.isWritable(folder) || (Files.exists(absolute) && !Files.isWritable(absolute))) {
      throw AdminException.usage(
          "cannot write " + what + " " + file + ": " + (Files.exists(absolute) ? "the file" : "the folder " + folder)
              + " is not writable",
          "choose a file in a folder you can write to");
    }
  }
}
