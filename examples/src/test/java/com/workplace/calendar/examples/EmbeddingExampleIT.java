package com.workplace.calendar.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's embedding sample runs, against the fake. */
class EmbeddingExampleIT {
  @Test
  void theSampleAuthorizesBooksAndSeesAnOutlookBooking() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      EmbeddingExample.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("Consent: Account Verified")
        .contains("Booked: Team meeting in orchard@contoso.onmicrosoft.com")
        .contains("CREATED in orchard@contoso.onmicrosoft.com: Booked in Outlook");
  }
}
