package com.workplace.calendar.testkit;

import com.workplace.calendar.testkit.internal.AppState;
import com.workplace.calendar.testkit.internal.FakeEngine;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An app registration (multi-tenant) in the fake identity platform. Create one with {@link
 * FakeMicrosoft365#registerApp()} or {@link FakeMicrosoft365#newApp()}.
 *
 * <p>{@link #toString()} never shows the secret.
 *
 * @since 0.1.0
 */
public final class FakeApp {

  /** The application permissions an app requests unless told otherwise. */
  public static final List<String> DEFAULT_PERMISSIONS =
      List.of("Calendars.ReadWrite", "Place.Read.All");

  private final FakeEngine engine;
  private final AppState state;

  FakeApp(FakeEngine engine, AppState state) {
    this.engine = engine;
    this.state = state;
  }

  /**
   * The application (client) id, a GUID.
   *
   * @return the client id
   */
  public String clientId() {
    return state.clientId();
  }

  /**
   * The current client secret value.
   *
   * @return the secret
   */
  public String clientSecret() {
    return state.secret();
  }

  /**
   * The display name.
   *
   * @return the name
   */
  public String displayName() {
    return state.displayName();
  }

  /**
   * The registered redirect URIs (exact match is required).
   *
   * @return a copy of the URIs
   */
  public Set<String> redirectUris() {
    return Set.copyOf(state.redirectUris());
  }

  /**
   * The application permissions the app requests (what admin consent grants).
   *
   * @return the permissions
   */
  public List<String> permissions() {
    return state.permissions();
  }

  /**
   * Registers another redirect URI.
   *
   * @param uri the URI
   * @return this
   */
  public FakeApp addRedirectUri(String uri) {
    state.redirectUris().add(Objects.requireNonNull(uri, "uri"));
    return this;
  }

  /**
   * Changes the requested permissions (tenants keep what they consented to until consent is
   * granted again).
   *
   * @param permissions the permissions
   * @return this
   */
  public FakeApp permissions(String... permissions) {
    state.permissions(List.of(permissions));
    return this;
  }

  /**
   * Registers a certificate (as uploading it under "Certificates &amp; secrets" does); an app may
   * have several, e.g. during a rotation. Client assertions name the certificate they are signed
   * with by its thumbprint ({@code x5t#S256} or {@code x5t} header) and must verify with its
   * public key.
   *
   * @param certificate the certificate
   * @return this
   */
  public FakeApp registerCertificate(X509Certificate certificate) {
    state.addKey(AppState.KeyCredential.of(Objects.requireNonNull(certificate, "certificate")));
    return this;
  }

  /**
   * Removes a registered certificate: assertions signed with it fail with {@code AADSTS700027}.
   *
   * @param certificate the certificate
   * @return whether it was registered
   * @since 0.2.0
   */
  public boolean removeCertificate(X509Certificate certificate) {
    return state.removeKey(AppState.KeyCredential.of(certificate).x5tS256());
  }

  /**
   * Registers a bare public key for client assertions (RS256 or PS256) that name no thumbprint.
   * The identity platform knows certificates only; prefer {@link #registerCertificate}.
   *
   * @param key an RSA public key
   * @return this
   */
  public FakeApp registerPublicKey(PublicKey key) {
    state.addKey(AppState.KeyCredential.of(Objects.requireNonNull(key, "key")));
    return this;
  }

  /**
   * Adds a federated identity credential with the audience {@link
   * FakeFederatedIssuer#TOKEN_EXCHANGE_AUDIENCE}: tokens of {@code issuer} about {@code subject}
   * then authenticate the app as {@code client_assertion}. The fake verifies them with the key of a
   * {@link FakeMicrosoft365#federatedIssuer(String) federated issuer} of that URL.
   *
   * @param issuer the issuer URL, compared exactly
   * @param subject the subject, compared exactly (case-sensitively)
   * @return this
   * @since 0.2.0
   */
  public FakeApp addFederatedCredential(String issuer, String subject) {
    return addFederatedCredential(issuer, subject, FakeFederatedIssuer.TOKEN_EXCHANGE_AUDIENCE);
  }

  /**
   * Adds a federated identity credential accepting the given audiences.
   *
   * @param issuer the issuer URL, compared exactly
   * @param subject the subject, compared exactly
   * @param audiences the accepted {@code aud} values
   * @return this
   * @throws IllegalArgumentException when a value is blank or no audience is given
   * @since 0.2.0
   */
  public FakeApp addFederatedCredential(String issuer, String subject, String... audiences) {
    if (issuer == null || issuer.isBlank() || subject == null || subject.isBlank()
        || audiences.length == 0) {
      throw new IllegalArgumentException(
          "a federated credential needs an issuer, a subject and at least one audience");
    }
    state.addFederatedCredential(new AppState.FederatedCredential(
        "credential-" + (state.federatedCredentials().size() + 1), issuer, subject,
        List.of(audiences)));
    return this;
  }

  /**
   * Marks the current secret expired: token requests with it fail with {@code AADSTS7000222}.
   *
   * @return this
   */
  public FakeApp expireSecret() {
    state.expireSecret();
    return this;
  }

  /**
   * Replaces the secret with a new, valid one; the old one stops working.
   *
   * @return the new secret
   */
  public String renewSecret() {
    String secret = engine.ids().secret();
    state.secret(secret);
    return secret;
  }

  @Override
  public String toString() {
    return "FakeApp{clientId=" + clientId() + ", name=" + displayName() + "}";
  }

  /** Builds an app registration; {@link #register()} adds it to the fake. */
  public static final class Builder {
    private final FakeEngine engine;
    private String clientId;
    private String displayName = "Workplace booking";
    private final Set<String> redirectUris = new LinkedHashSet<>();
    private List<String> permissions = DEFAULT_PERMISSIONS;
    private final List<AppState.KeyCredential> keys = new ArrayList<>();
    private String secret;

    Builder(FakeEngine engine) {
      this.engine = engine;
    }

    /**
     * Uses a fixed client id instead of a generated GUID.
     *
     * @param value the client id
     * @return this
     */
    public Builder clientId(String value) {
      this.clientId = value.trim().toLowerCase(Locale.ROOT);
      return this;
    }

    /**
     * Sets the display name.
     *
     * @param value the name
     * @return this
     */
    public Builder displayName(String value) {
      this.displayName = Objects.requireNonNull(value, "displayName");
      return this;
    }

    /**
     * Adds redirect URIs.
     *
     * @param uris the URIs
     * @return this
     */
    public Builder redirectUris(String... uris) {
      redirectUris.addAll(List.of(uris));
      return this;
    }

    /**
     * Sets the requested application permissions (default {@link #DEFAULT_PERMISSIONS}).
     *
     * @param values the permissions
     * @return this
     */
    public Builder permissions(String... values) {
      this.permissions = new ArrayList<>(List.of(values));
      return this;
    }

    /**
     * Registers a certificate for client assertions.
     *
     * @param certificate the certificate
     * @return this
     */
    public Builder certificate(X509Certificate certificate) {
      keys.add(AppState.KeyCredential.of(certificate));
      return this;
    }

    /**
     * Registers a public key for client assertions.
     *
     * @param key the RSA public key
     * @return this
     */
    public Builder publicKey(PublicKey key) {
      keys.add(AppState.KeyCredential.of(key));
      return this;
    }

    /**
     * Uses a fixed secret instead of a generated one.
     *
     * @param value the secret
     * @return this
     */
    public Builder clientSecret(String value) {
      this.secret = Objects.requireNonNull(value, "secret");
      return this;
    }

    /**
     * Registers the app.
     *
     * @return the app
     * @throws IllegalArgumentException when the client id is already registered
     */
    public FakeApp register() {
      String id = clientId != null ? clientId : engine.ids().guid();
      AppState state = new AppState(id, displayName,
          secret != null ? secret : engine.ids().secret(), permissions);
      state.redirectUris().addAll(redirectUris);
      keys.forEach(state::addKey);
      engine.directory().registerApp(state);
      return new FakeApp(engine, state);
    }
  }
}
