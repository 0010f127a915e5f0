package com.workplace.calendar.testkit;

import static com.workplace.calendar.testkit.Fixture.ROOM;
import static com.workplace.calendar.testkit.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fake writes no secret, token or client state to the console or its logs. */
class SecretsNotLoggedTest {

  @Test
  void aScenarioFullOfSecretsLeavesNoTraceInTheOutput() throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    String secret;
    String token;
    try (FakeMicrosoft365 m365 = FakeMicrosoft365.builder().start();
        WebhookReceiver receiver = new WebhookReceiver()) {
      Fixture f = new Fixture(m365);
      secret = f.app.clientSecret();
      token = f.token;
      f.http.form(m365.authorityUri() + f.tenant.id() + "/oauth2/v2.0/token", Map.of(
          "grant_type", "client_credentials", "client_id", f.app.clientId(),
          "client_secret", secret + "x", "scope", "https://graph.microsoft.com/.default"));
      f.http.get(user(ROOM) + "/calendar", token);
      f.http.get(user("ghost@contoso.onmicrosoft.com") + "/calendar", token);
      f.http.post(user(ROOM) + "/events", token, "{broken");
      f.m365.faults().resetConnectionNext(1);
      try {
        f.http.get(user(ROOM) + "/calendar", token);
      } catch (RuntimeException expected) {
        // the reset itself
      }
      f.http.post("subscriptions", token, "{\"changeType\":\"created\",\"notificationUrl\":\""
          + receiver.url("/n") + "\",\"resource\":\"users/" + ROOM + "/events\","
          + "\"expirationDateTime\":\"" + java.time.Instant.now().plusSeconds(3600) + "\","
          + "\"clientState\":\"topSecretState\"}");
      assertThat(f.app.toString()).doesNotContain(secret);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    assertThat(output).doesNotContain(secret).doesNotContain(token)
        .doesNotContain("topSecretState");
  }
}
