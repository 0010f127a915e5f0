package com.workplace.calendar.examples.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

  @Test
  void saysWhatItWaitsForAndThenHowLongItHasWaited() {
    StringWriter err = new StringWriter();
    try (Heartbeat heartbeat = new Heartbeat(new PrintWriter(err), false, "verifying contoso", "up to 2 minutes")) {
      heartbeat.beat();
      heartbeat.beat();
    }
    assertThat(err.toString().lines())
        .containsExactly(
            "  verifying contoso (up to 2 minutes) ...",
            "  still verifying contoso: 5 s",
            "  still verifying contoso: 10 s");
  }

  @Test
  void onATerminalItRedrawsOneLineAndEndsIt() {
    StringWriter err = new StringWriter();
    try (Heartbeat heartbeat = new Heartbeat(new PrintWriter(err), true, "verifying contoso", "one attempt")) {
      heartbeat.beat();
      heartbeat.beat();
    }
    assertThat(err.toString())
        .isEqualTo("  verifying contoso (one attempt) ..." + System.lineSeparator()
            + "\r  still verifying contoso: 5 s\r  still verifying contoso: 10 s" + System.lineSeparator());
  }

  @Test
  void isSilentOnceClosed() {
    StringWriter err = new StringWriter();
    Heartbeat heartbeat = new Heartbeat(new PrintWriter(err), false, "verifying contoso", "one attempt");
    heartbeat.close();
    heartbeat.beat();
    assertThat(err.toString().lines()).containsExactly("  verifying contoso (one attempt) ...");
  }
}
