package com.workplace.calendar.examples.admin;

import java.io.PrintWriter;

/**
 * Progress of long work on standard error: a bar redrawn in place on a terminal, a few plain lines
 * otherwise (so logs and CI output stay readable). Thread-safe.
 */
final class Progress implements AutoCloseable {
  private static final int BAR = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private final String label;
  private final long total;
  private long done;
  private int printedStage = -1;
  private boolean closed;

  Progress(PrintWriter err, boolean terminal, String label, long total) {
    this.err = err;
    this.terminal = terminal;
    this.label = label;
    this.total = Math.max(0, total);
    draw();
  }

  synchronized void advance(long steps) {
    if (closed) {
      return;
    }
    done = Math.min(total, done + steps);
    draw();
  }

  private void draw() {
    if (terminal) {
      int filled = total == 0 ? BAR : (int) (BAR * done / total);
      err.print("\r  " + label + " [" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] "
          + done + "/" + total);
      err.flush();
      return;
    }
    // plain lines: at the start, half-way and at the end
    int stage = done >= total ? 2 : 2 * done >= total ? 1 : 0;
    if (stage > printedStage) {
      err.println("  " + label + ": " + done + "/" + total);
      err.flush();
      printedStage = stage;
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (terminal) {
      err.print("\r" + " ".repeat(label.length() + BAR + 24) + "\r");
      err.flush();
    }
  }
}
