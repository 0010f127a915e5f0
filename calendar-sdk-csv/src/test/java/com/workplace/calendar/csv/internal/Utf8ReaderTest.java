package com.workplace.calendar.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Utf8ReaderTest {

  @Test
  void everyCharacterBeforeAnInvalidByteComesFirstThenTheError() throws IOException {
    byte[] good = "email,roomID\nräume@contoso.com,1\n".getBytes(StandardCharsets.UTF_8);
    byte[] file = Arrays.copyOf(good, good.length + 2);
    file[good.length] = (byte) 0xC4;
    file[good.length + 1] = 'q';
    Reader reader = new Utf8Reader(new ByteArrayInputStream(file));

    char[] buffer = new char[1000];
    int n = reader.read(buffer, 0, buffer.length);

    assertThat(new String(buffer, 0, n)).isEqualTo("email,roomID\nräume@contoso.com,1\n");
    assertThatThrownBy(() -> reader.read(buffer, 0, buffer.length))
        .isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> reader.read(buffer, 0, buffer.length))
        .as("the error stays")
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void charactersSplitAcrossReadsAreDecodedWhole() throws IOException {
    // 8,191 ASCII bytes put the 3-byte euro sign across the reader's 8,192-byte buffer
    String text = "a".repeat(8191) + "€ und 😀 am Ende";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Reader reader =
        new Utf8Reader(
            new ByteArrayInputStream(bytes) {
              @Override
              public synchronized int read(byte[] b, int off, int len) {
                // a stream that hands out few bytes at a time
                return super.read(b, off, Math.min(len, 4099));
              }
            });

    StringBuilder decoded = new StringBuilder();
    char[] buffer = new char[7];
    int n;
    while ((n = reader.read(buffer, 0, buffer.length)) >= 0) {
      decoded.append(buffer, 0, n);
    }

    assertThat(decoded.toString()).isEqualTo(text);
  }

  @Test
  void aTruncatedSequenceAtTheEndIsAnError() {
    byte[] bytes = {'o', 'k', (byte) 0xE2, (byte) 0x82};
    Reader reader = new Utf8Reader(new ByteArrayInputStream(bytes));
    char[] buffer = new char[10];

    assertThatThrownBy(
            () -> {
              while (reader.read(buffer, 0, buffer.length) >= 0) {
                // read to the end
              }
            })
        .isInstanceOf(MalformedInputException.class);
  }
}
