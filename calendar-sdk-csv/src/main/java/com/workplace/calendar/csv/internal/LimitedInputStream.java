package com.workplace.calendar.csv.internal;

import com.workplace.calendar.csv.CsvLimitExceededException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Passes bytes through and fails as soon as more than the allowed number have been read. Closing it
 * leaves the underlying stream open: the caller owns that.
 */
final class LimitedInputStream extends FilterInputStream {
  private final long maxBytes;
  private long count;

  LimitedInputStream(InputStream in, long maxBytes) {
    super(in);
    this.maxBytes = maxBytes;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    // never ask for more than one byte past the limit, so the check is exact
    long allowed = maxBytes - count + 1;
    int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, allowed)));
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    counted(skipped);
    return skipped;
  }

  @Override
  public void close() {
    // the caller's stream stays open
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void counted(long n) {
    count += n;
    if (count > maxBytes) {
      throw tooLarge(maxBytes);
    }
  }

  static FileProblem tooLarge(long maxBytes) {
    return FileProblem.limit(
        CsvLimitExceededException.Limit.FILE_SIZE,
        maxBytes,
        String.format(
            Locale.ROOT,
            "the file is larger than %s (%d bytes), the most this import accepts; split it into"
                + " smaller files or raise maxFileBytes",
            humanBytes(maxBytes),
            maxBytes),
        0);
  }

  private static String humanBytes(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MiB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KiB";
    }
    return bytes + " bytes";
  }
}
