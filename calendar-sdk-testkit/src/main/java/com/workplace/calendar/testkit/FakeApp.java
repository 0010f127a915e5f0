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
   * Registers a certificate; client assertions must then be signed with its private key.
   *
   * @param certificate the certificate
   * @return this
   */
  public FakeApp registerCertificate(X509Certificate certificate) {
    state.publicKey(certificate.getPublicKey());
    return this;
  }

  /**
   * Registers a public key for client assertions (RS256 or PS256).
   *
   * @param key an RSA public key
   * @return this
   */
  public FakeApp registerPublicKey(PublicKey key) {
    state.publicKey(Objects.requireNonNull(key, "key"));
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
    private PublicKey publicKey;
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
      this.publicKey = certificate.getPublicKey();
      return this;
    }

    /**
     * Registers a public key for client assertions.
     *
     * @param key the RSA public key
     * @return this
     */
    public Builder publicKey(PublicKey key) {
      this.publicKey = key;
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
      state.publicKey(publicKey);
      engine.directory().registerApp(state);
      return new FakeApp(engine, state);
    }
  }
}
