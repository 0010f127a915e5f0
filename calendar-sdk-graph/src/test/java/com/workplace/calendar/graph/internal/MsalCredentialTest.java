package com.workplace.calendar.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.aad.msal4j.IClientAssertion;
import com.microsoft.aad.msal4j.IClientCredential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How each credential reaches msal4j, and what happens when this host cannot produce it. */
class MsalCredentialTest {

  @Test
  void aSecretKeepsItsMsalCredentialUntilTheSuppliedValueChanges() {
    AtomicReference<String> secret = new AtomicReference<>("first-secret-value");
    MsalCredential.Secret credential = new MsalCredential.Secret(secret::get);

    IClientCredential first = credential.current();
    assertThat(credential.current()).isSameAs(first);
    secret.set("second-secret-value");
    assertThat(credential.current()).isNotSameAs(first);
  }

  @Test
  void aSecretSupplierThatFailsOrGivesNothingMakesTheCredentialUnavailable() {
    MsalCredential.Secret failing = new MsalCredential.Secret(() -> {
      throw new IllegalStateException("vault: secret=hunter2-secret");
    });
    assertThatThrownBy(failing::current)
        .isInstanceOf(CredentialUnavailableException.class)
        .hasMessageContaining("IllegalStateException")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(new MsalCredential.Secret(() -> " ")::current)
        .isInstanceOf(CredentialUnavailableException.class)
        .hasMessageContaining("returned nothing");
  }

  @Test
  void theTokenFileIsReadAfreshEveryTime(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("token");
    Files.writeString(file, "eyJ.first.token\n");
    IClientAssertion credential = (IClientAssertion)
        new MsalCredential.Assertion(MsalCredential.tokenFile(file), "the federated token file").current();

    assertThat(credential.assertion()).isEqualTo("eyJ.first.token");
    Files.writeString(file, "eyJ.second.token");
    assertThat(credential.assertion()).isEqualTo("eyJ.second.token");
    Files.delete(file);
    assertThatThrownBy(credential::assertion)
        .hasRootCauseInstanceOf(CredentialUnavailableException.class)
        .rootCause().hasMessageContaining("cannot be read");
    Files.writeString(file, "  ");
    assertThatThrownBy(credential::assertion).rootCause().hasMessageContaining("is empty");
  }
}
