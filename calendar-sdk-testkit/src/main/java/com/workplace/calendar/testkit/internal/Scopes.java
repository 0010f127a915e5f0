package com.workplace.calendar.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A parsed OAuth {@code scope} parameter: the resource (audience), the permission names, and the
 * OpenID Connect extras.
 *
 * @param audience the resource, e.g. {@code https://graph.microsoft.com}, or null when only
 *     OpenID scopes were asked for
 * @param permissions permission names without the resource prefix ({@code .default} included)
 * @param openid whether {@code openid} was asked for
 * @param offlineAccess whether {@code offline_access} was asked for
 * @param multipleResources whether scopes of more than one resource were mixed
 */
public record Scopes(
    String audience,
    List<String> permissions,
    boolean openid,
    boolean offlineAccess,
    boolean multipleResources) {

  private static final String GRAPH_ID = "00000003-0000-0000-c000-000000000000";
  private static final List<String> OIDC = List.of("openid", "profile", "email", "offline_access");

  public Scopes {
    permissions = List.copyOf(permissions);
  }

  /**
   * Parses a space-separated scope list.
   *
   * @param scope the parameter value, may be null
   * @return the parsed scopes
   */
  public static Scopes parse(String scope) {
    String audience = null;
    boolean multiple = false;
    boolean openid = false;
    boolean offline = false;
    Set<String> permissions = new LinkedHashSet<>();
    if (scope != null) {
      for (String s : scope.trim().split("\\s+")) {
        if (s.isEmpty()) {
          continue;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (OIDC.contains(lower)) {
          openid |= lower.equals("openid");
          offline |= lower.equals("offline_access");
          continue;
        }
        int slash = s.lastIndexOf('/');
        String resource = slash < 0 ? TokenService.GRAPH : normalize(s.substring(0, slash));
        String permission = slash < 0 ? s : s.substring(slash + 1);
        if (audience == null) {
          audience = resource;
        } else if (!audience.equals(resource)) {
          multiple = true;
        }
        permissions.add(permission);
      }
    }
    return new Scopes(audience, new ArrayList<>(permissions), openid, offline, multiple);
  }

  private static String normalize(String resource) {
    String r = resource.toLowerCase(Locale.ROOT);
    if (r.equals(GRAPH_ID) || r.equals("https://graph.microsoft.com")) {
      return TokenService.GRAPH;
    }
    return r.endsWith("/") ? r.substring(0, r.length() - 1) : r;
  }

  /** Whether exactly {@code <graph>/.default} was asked for (client credentials). */
  public boolean isGraphDefault() {
    return TokenService.GRAPH.equals(audience) && !multipleResources
        && permissions.size() == 1 && permissions.get(0).equals(".default");
  }

  /** The permissions, with {@code .default} expanded to the app's configured ones. */
  public List<String> expand(List<String> appPermissions) {
    Set<String> out = new LinkedHashSet<>();
    for (String p : permissions) {
      if (p.equals(".default")) {
        out.addAll(appPermissions);
      } else {
        out.add(p);
      }
    }
    return new ArrayList<>(out);
  }
}
