package com.workplace.calendar.csv.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes strict UTF-8 and hands out every character that comes before an invalid byte before it
 * reports that byte. {@link java.io.InputStreamReader} drops the characters it decoded in the same
 * call as the invalid byte, so a reader counting lines would stop short of the byte's line; here
 * the reader has seen exactly the text before the byte when the {@link CharacterCodingException}
 * arrives.
 */
final class Utf8Reader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
  private boolean endOfInput;
  private boolean flushed;
  private CharacterCodingException pending;

  Utf8Reader(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(char[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (pending != null) {
      throw pending;
    }
    CharBuffer out = CharBuffer.wrap(target, offset, length);
    while (out.position() == offset) {
      if (flushed) {
        return -1;
      }
      CoderResult result = decoder.decode(bytes, out, endOfInput);
      if (result.isError()) {
        CharacterCodingException error = codingError(result);
        if (out.position() > offset) {
          // hand out the text before the invalid byte first; report the byte on the next call
          pending = error;
          break;
        }
        throw error;
      }
      if (result.isOverflow()) {
        break;
      }
      if (endOfInput) {
        result = decoder.flush(out);
        if (result.isOverflow()) {
          break;
        }
        flushed = true;
      } else if (out.position() == offset) {
        fill();
      }
    }
    return out.position() - offset;
  }

  private void fill() throws IOException {
    bytes.compact();
    int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (read < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + read);
    }
    bytes.flip();
  }

  private static CharacterCodingException codingError(CoderResult result) {
    try {
      result.throwException();
    } catch (CharacterCodingException e) {
      return e;
    }
    throw new IllegalStateException("a decoding error that is neither malformed nor unmappable");
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
