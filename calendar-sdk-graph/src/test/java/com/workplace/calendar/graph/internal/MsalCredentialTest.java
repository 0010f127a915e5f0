package com.workplace.calendar.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.aad.msal4j.IClientAssertion;
import com.microsoft.aad.msal4j.IClientCredential;
import com.workplace.calendar.graph.ClientAssertionRequest;
import com.workplace.calendar.tenant.TenantId;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How each credential reaches msal4j, and what happens when this host cannot produce it. */
class MsalCredentialTest {
  private static final TenantId TENANT = TenantId.parse("contoso.onmicrosoft.com");

  @Test
  void aSecretKeepsItsMsalCredentialUntilTheSuppliedValueChanges() {
    AtomicReference<String> secret = new AtomicReference<>("first-secret-value");
    MsalCredential.Secret credential = new MsalCredential.Secret(secret::get);

    IClientCredential first = credential.current(TENANT);
    assertThat(credential.current(TENANT)).isSameAs(first);
    secret.set("second-secret-value");
    assertThat(credential.current(TENANT)).isNotSameAs(first);
  }

  @Test
  void aSecretSupplierThatFailsOrGivesNothingMakesTheCredentialUnavailable() {
    MsalCredential.Secret failing = new MsalCredential.Secret(() -> {
      throw new IllegalStateException("vault: secret=hunter2-secret");
    });
    assertThatThrownBy(() -> failing.current(TENANT))
        .isInstanceOf(CredentialUnavailableException.class)
        .hasMessageContaining("IllegalStateException")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> new MsalCredential.Secret(() -> " ").current(TENANT))
        .isInstanceOf(CredentialUnavailableException.class)
        .hasMessageContaining("returned nothing");
  }

  @Test
  void theTokenFileIsReadAfreshEveryTime(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("token");
    Files.writeString(file, "eyJ.first.token\n");
    java.util.function.Supplier<String> token = MsalCredential.tokenFile(file);
    IClientAssertion credential = (IClientAssertion) new MsalCredential.Assertion(
        request -> token.get(), "the federated token file", "client",
        URI.create("https://login.example.com/")).current(TENANT);

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

  @Test
  void eachTenantsAssertionIsMadeForItsTokenEndpoint() {
    java.util.List<ClientAssertionRequest> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    MsalCredential.Assertion credential = new MsalCredential.Assertion(request -> {
      asked.add(request);
      return "eyJ.signed.assertion";
    }, "the client assertion function", "client-id", URI.create("https://login.example.com/"));
    TenantId fabrikam = TenantId.parse("fabrikam.onmicrosoft.com");

    assertThat(((IClientAssertion) credential.current(TENANT)).assertion()).isEqualTo("eyJ.signed.assertion");
    assertThat(((IClientAssertion) credential.current(fabrikam)).assertion()).isEqualTo("eyJ.signed.assertion");
    assertThat(credential.current(TENANT)).isSameAs(credential.current(TENANT));
    assertThat(asked).extracting(ClientAssertionRequest::tokenEndpoint).containsExactly(
        URI.create("https://login.example.com/contoso.onmicrosoft.com/oauth2/v2.0/token"),
        URI.create("https://login.example.com/fabrikam.onmicrosoft.com/oauth2/v2.0/token"));
    assertThat(asked).extracting(ClientAssertionRequest::clientId).containsOnly("client-id");
  }
}
