package com.workplace.calendar.graph.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.graph.SecretsInLogsExtension;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The log scan the integration tests rely on: it fails a class whose output carries a token, a
 * bearer header or a watched secret, passes a clean one, and refuses to pass when nothing was
 * logged. The console is a sink here, so the planted leaks go nowhere.
 */
class SecretsInLogsExtensionTest {
  /** A token in JWT shape, made up for this test: header, claims and signature are not real. */
  private static final String FAKE_JWT =
      "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJsb2ctc2Nhbi10ZXN0IiwidGlkIjoiZmFrZSJ9.bm90LWEtcmVhbC1zaWduYXR1cmU";

  private final ExtensionContext context =
      (ExtensionContext)
          Proxy.newProxyInstance(
              ExtensionContext.class.getClassLoader(),
              new Class<?>[] {ExtensionContext.class},
              (proxy, method, args) -> {
                if (method.getName().equals("getDisplayName")) {
                  return "PlantedLeakIT";
                }
                throw new UnsupportedOperationException(method.getName());
              });
  private PrintStream out;
  private PrintStream err;

  @BeforeEach
  void silenceTheConsole() {
    out = System.out;
    err = System.err;
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true);
    System.setOut(sink);
    System.setErr(sink);
  }

  @AfterEach
  void restoreTheConsole() {
    System.setOut(out);
    System.setErr(err);
  }

  private static SecretsInLogsExtension scanning(SecretsInLogsExtension extension, ExtensionContext context, Runnable logging) {
    extension.beforeAll(context);
    logging.run();
    return extension;
  }

  @Test
  void aLeakedTokenFailsTheClassWithoutRepeatingIt() {
    SecretsInLogsExtension extension =
        scanning(new SecretsInLogsExtension(), context, () -> {
          System.out.println("[main] INFO com.example.Startup - ready");
          System.err.println("[worker-3] DEBUG com.example.Client - token " + FAKE_JWT + " sent");
        });

    assertThatThrownBy(() -> extension.afterAll(context))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("1 log line(s) of PlantedLeakIT carry a secret")
        .hasMessageNotContaining(FAKE_JWT.substring(0, 40));
  }

  @Test
  void aBearerHeaderFailsTheClass() {
    SecretsInLogsExtension extension =
        scanning(new SecretsInLogsExtension(), context, () -> System.out.println("> Authorization: Bearer abcdefghijklmnopqrstuvwxyz.0123"));

    assertThatThrownBy(() -> extension.afterAll(context)).isInstanceOf(AssertionError.class);
  }

  @Test
  void aWatchedSecretFailsTheClass() {
    String secret = "planted~client~secret~7Q2vX";
    SecretsInLogsExtension.watch(secret);
    SecretsInLogsExtension extension =
        scanning(new SecretsInLogsExtension(), context, () -> System.err.println("token request failed for secret " + secret));

    assertThatThrownBy(() -> extension.afterAll(context)).isInstanceOf(AssertionError.class).hasMessageContaining("carry a secret");
  }

  @Test
  void aWatchedConsentStateFailsTheClassAnywhereInALine() {
    String state = "Zm9yZ2VkLXN0YXRlLXZhbHVlLTEyMzQ1Njc4";
    SecretsInLogsExtension.watch(state);
    SecretsInLogsExtension extension =
        scanning(new SecretsInLogsExtension(), context, () -> System.out.print("redirect to https://example.com/cb?state=" + state + "&x=1\n"));

    assertThatThrownBy(() -> extension.afterAll(context)).isInstanceOf(AssertionError.class);
  }

  @Test
  void cleanLogsPassAndTheConsoleIsGivenBack() {
    PrintStream before = System.out;
    SecretsInLogsExtension extension =
        scanning(new SecretsInLogsExtension(), context, () -> System.out.println("GET /v1.0/users/room@contoso.com/calendar -> 200"));

    assertThatCode(() -> extension.afterAll(context)).doesNotThrowAnyException();
    assertThat(System.out).isSameAs(before);
  }

  @Test
  void aClassThatLoggedNothingDoesNotPass() {
    SecretsInLogsExtension extension = scanning(new SecretsInLogsExtension(), context, () -> {});

    assertThatThrownBy(() -> extension.afterAll(context)).isInstanceOf(AssertionError.class).hasMessageContaining("nothing was logged");
  }
}
