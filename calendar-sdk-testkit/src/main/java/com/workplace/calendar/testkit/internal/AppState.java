package com.workplace.calendar.testkit.internal;

import java.security.PublicKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An app registration: client id, secret, redirect URIs, requested permissions, key. */
public final class AppState {

  private final String clientId;
  private final String displayName;
  private final Set<String> redirectUris = ConcurrentHashMap.newKeySet();
  private volatile List<String> permissions;
  private volatile String secret;
  private volatile boolean secretExpired;
  private volatile PublicKey publicKey;

  public AppState(String clientId, String displayName, String secret, List<String> permissions) {
    this.clientId = clientId;
    this.displayName = displayName;
    this.secret = secret;
    this.permissions = List.copyOf(permissions);
  }

  public String clientId() {
    return clientId;
  }

  public String displayName() {
    return displayName;
  }

  public Set<String> redirectUris() {
    return redirectUris;
  }

  public List<String> permissions() {
    return permissions;
  }

  public void permissions(List<String> permissions) {
    this.permissions = List.copyOf(permissions);
  }

  public String secret() {
    return secret;
  }

  /** Replaces the secret; the new one is not expired. */
  public void secret(String secret) {
    this.secret = secret;
    this.secretExpired = false;
  }

  public boolean secretExpired() {
    return secretExpired;
  }

  public void expireSecret() {
    this.secretExpired = true;
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public void publicKey(PublicKey key) {
    this.publicKey = key;
  }
}
