package com.workplace.calendar.graph.internal;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantId;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocketFactory;

/**
 * Application tokens from the identity platform through msal4j: one confidential client per tenant,
 * whose token cache is reused (rebuilding it per call defeats the cache and gets throttled).
 */
public final class MsalTokenSource {
  private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");
  private static final Set<String> MICROSOFT_AUTHORITY_HOSTS =
      Set.of(
          "login.microsoftonline.com",
          "login.microsoft.com",
          "login.windows.net",
          "sts.windows.net",
          "login.microsoftonline.us",
          "login.chinacloudapi.cn",
          "login.partner.microsoftonline.cn");
  private static final Duration TOKEN_TIMEOUT = Duration.ofSeconds(30);

  private final String clientId;
  private final IClientCredential credential;
  private final URI authorityHost;
  private final String scope;
  private final SSLSocketFactory sslSocketFactory;
  private final ExecutorService executor;
  private final ConcurrentMap<String, ConfidentialClientApplication> clients =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<String, AccessToken> tokens = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

  /** Tokens this close to expiry are renewed before use. */
  static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

  /**
   * Creates the source.
   *
   * @param clientId the application (client) ID
   * @param credential the secret or certificate credential
   * @param authorityHost the identity platform root, e.g. {@code https://login.microsoftonline.com/}
   * @param graphResource the Graph resource, e.g. {@code https://graph.microsoft.com}
   * @param sslSocketFactory trust for the identity platform, or {@code null} for the JVM default
   * @param executor the executor msal4j runs on
   */
  public MsalTokenSource(
      String clientId,
      IClientCredential credential,
      URI authorityHost,
      String graphResource,
      SSLSocketFactory sslSocketFactory,
      ExecutorService executor) {
    this.clientId = clientId;
    this.credential = credential;
    this.authorityHost = authorityHost;
    this.scope = graphResource + "/.default";
    this.sslSocketFactory = sslSocketFactory;
    this.executor = executor;
  }

  /** Creates a secret credential. */
  public static IClientCredential secret(String secret) {
    return ClientCredentialFactory.createFromSecret(secret);
  }

  /** Creates a certificate credential. */
  public static IClientCredential certificate(
      java.security.PrivateKey key, java.util.List<java.security.cert.X509Certificate> chain) {
    return ClientCredentialFactory.createFromCertificateChain(key, chain);
  }

  /**
   * Returns a valid application token for the tenant, from the cache when it has one.
   *
   * @param tenant the tenant
   * @param forceRefresh whether to skip the cache (after the service rejected a cached token)
   * @return the token
   * @throws TokenException when the identity platform refuses
   */
  public AccessToken token(TenantId tenant, boolean forceRefresh) {
    // msal4j's own cache misses when the authority names the tenant by domain (it files tokens
    // under the tenant GUID), so the source keeps the current token per tenant itself; one thread
    // per tenant asks the identity platform at a time.
    AccessToken current = tokens.get(tenant.value());
    if (!forceRefresh && fresh(current)) {
      return current;
    }
    synchronized (locks.computeIfAbsent(tenant.value(), k -> new Object())) {
      current = tokens.get(tenant.value());
      if (!forceRefresh && fresh(current)) {
        return current;
      }
      AccessToken issued = acquire(tenant, forceRefresh);
      tokens.put(tenant.value(), issued);
      return issued;
    }
  }

  private static boolean fresh(AccessToken token) {
    return token != null && token.expiresAt().minus(RENEW_BEFORE_EXPIRY).isAfter(Instant.now());
  }

  private AccessToken acquire(TenantId tenant, boolean forceRefresh) {
    ConfidentialClientApplication client = clients.computeIfAbsent(tenant.value(), this::newClient);
    ClientCredentialParameters parameters =
        ClientCredentialParameters.builder(Set.of(scope)).skipCache(forceRefresh).build();
    try {
      IAuthenticationResult result =
          client.acquireToken(parameters).get(TOKEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return parse(result.accessToken(), result.expiresOnDate().toInstant());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenException(
          "interrupted while getting a token for tenant " + tenant,
          0,
          null,
          TenantFailureReason.SERVICE_UNAVAILABLE,
          true,
          null);
    } catch (TimeoutException e) {
      throw new TokenException(
          "the identity platform did not answer within " + TOKEN_TIMEOUT.toSeconds() + " s",
          0,
          null,
          TenantFailureReason.SERVICE_UNAVAILABLE,
          true,
          null);
    } catch (ExecutionException e) {
      tokens.remove(tenant.value());
      throw translate(tenant, e.getCause());
    } catch (MsalException e) {
      tokens.remove(tenant.value());
      throw translate(tenant, e);
    }
  }

  private ConfidentialClientApplication newClient(String tenant) {
    String authority = authorityHost.resolve(tenant + "/").toString();
    boolean microsoftHost =
        MICROSOFT_AUTHORITY_HOSTS.contains(authorityHost.getHost().toLowerCase(Locale.ROOT));
    try {
      ConfidentialClientApplication.Builder builder =
          ConfidentialClientApplication.builder(clientId, credential)
              .authority(authority)
              .executorService(executor);
      if (!microsoftHost) {
        builder.instanceDiscovery(false).validateAuthority(false);
      }
      if (sslSocketFactory != null) {
        builder.sslSocketFactory(sslSocketFactory);
      }
      return builder.build();
    } catch (MalformedURLException e) {
      throw new IllegalStateException("the authority host does not form a valid authority URL", e);
    }
  }

  private TokenException translate(TenantId tenant, Throwable cause) {
    if (cause instanceof MsalServiceException service) {
      String code = aadsts(service.getMessage());
      TenantFailureReason reason = reasonFor(code, service.errorCode());
      boolean retryable =
          "7000229".equals(code)
              || reason == TenantFailureReason.SERVICE_UNAVAILABLE
              || (service.statusCode() != null && service.statusCode() >= 500);
      String detail =
          (code == null ? "" : "AADSTS" + code + " ")
              + "("
              + (service.errorCode() == null ? "error" : service.errorCode())
              + ")";
      return new TokenException(
          "the identity platform refused a token for tenant " + tenant + ": " + detail.strip(),
          service.statusCode() == null ? 0 : service.statusCode(),
          code == null ? service.errorCode() : "AADSTS" + code,
          reason,
          retryable,
          null);
    }
    String kind = cause == null ? "unknown error" : cause.getClass().getSimpleName();
    boolean network = cause instanceof IOException || (cause != null && cause.getCause() instanceof IOException);
    return new TokenException(
        "could not get a token for tenant " + tenant + " (" + kind + ")",
        0,
        null,
        network ? TenantFailureReason.SERVICE_UNAVAILABLE : TenantFailureReason.SERVICE_UNAVAILABLE,
        true,
        null);
  }

  static TenantFailureReason reasonFor(String aadsts, String oauthError) {
    if (aadsts != null) {
      switch (aadsts) {
        case "7000215", "7000218", "700027", "700023", "7000216" -> {
          return TenantFailureReason.INVALID_CLIENT_SECRET;
        }
        case "7000222" -> {
          return TenantFailureReason.CLIENT_SECRET_EXPIRED;
        }
        case "700016", "7000229", "65001", "500011", "650056", "650057", "90094" -> {
          return TenantFailureReason.APP_NOT_CONSENTED;
        }
        case "90002", "90072", "50020" -> {
          return TenantFailureReason.TENANT_NOT_FOUND;
        }
        case "65004" -> {
          return TenantFailureReason.CONSENT_DECLINED;
        }
        default -> {
          // fall through to the OAuth error
        }
      }
    }
    if ("invalid_client".equals(oauthError)) {
      return TenantFailureReason.INVALID_CLIENT_SECRET;
    }
    if ("unauthorized_client".equals(oauthError)) {
      return TenantFailureReason.APP_NOT_CONSENTED;
    }
    return TenantFailureReason.SERVICE_UNAVAILABLE;
  }

  private static String aadsts(String message) {
    if (message == null) {
      return null;
    }
    Matcher matcher = AADSTS.matcher(message);
    return matcher.find() ? matcher.group(1) : null;
  }

  private AccessToken parse(String token, Instant expiresAt) {
    String[] parts = token.split("\\.");
    if (parts.length < 2) {
      throw new TokenException(
          "the identity platform returned a token that is not a JWT",
          0,
          null,
          TenantFailureReason.SERVICE_UNAVAILABLE,
          false,
          null);
    }
    try {
      JsonValue claims =
          JsonValue.parse(
              new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      Set<String> roles = new HashSet<>();
      claims.path("roles").forEach(r -> roles.add(r.asText()));
      return new AccessToken(token, claims.path("tid").asText(""), Set.copyOf(roles), expiresAt);
    } catch (IOException | IllegalArgumentException e) {
      throw new TokenException(
          "the identity platform returned a token whose claims cannot be read",
          0,
          null,
          TenantFailureReason.SERVICE_UNAVAILABLE,
          false,
          null);
    }
  }
}
