package com.workplace.calendar.graph.internal;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * whose token cache is reused (rebuilding it per call defeats the cache and gets throttled). msal4j
 * fixes a client's credential, so when the {@link MsalCredential} hands out a new one (a rotated
 * secret, a reloaded certificate) the tenant's client is built again, once.
 */
final class MsalTokenIssuer implements TokenIssuer {
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

  private record Client(ConfidentialClientApplication app, IClientCredential credential) {}

  private final String clientId;
  private final MsalCredential credential;
  private final URI authorityHost;
  private final String scope;
  private final SSLSocketFactory sslSocketFactory;
  private final ExecutorService executor;
  private final Clock clock;
  private final ConcurrentMap<String, Client> clients = new ConcurrentHashMap<>();

  /**
   * Creates the issuer.
   *
   * @param clientId the application (client) ID
   * @param credential the application's credential
   * @param authorityHost the identity platform root, e.g. {@code https://login.microsoftonline.com/}
   * @param graphResource the Graph resource, e.g. {@code https://graph.microsoft.com}
   * @param sslSocketFactory trust for the identity platform, or {@code null} for the JVM default
   * @param executor the executor msal4j runs on
   * @param clock the service's clock, on which token expiry is kept
   */
  MsalTokenIssuer(
      String clientId,
      MsalCredential credential,
      URI authorityHost,
      String graphResource,
      SSLSocketFactory sslSocketFactory,
      ExecutorService executor,
      Clock clock) {
    this.clientId = clientId;
    this.credential = credential;
    this.authorityHost = authorityHost;
    this.scope = graphResource + "/.default";
    this.sslSocketFactory = sslSocketFactory;
    this.executor = executor;
    this.clock = clock;
  }

  @Override
  public BearerToken issue(TenantId tenant, boolean fresh) {
    IClientCredential current;
    try {
      current = credential.current(tenant);
    } catch (CredentialUnavailableException e) {
      throw unavailable(tenant, e);
    }
    // msal4j's own cache misses when the authority names the tenant by domain (it files tokens
    // under the tenant GUID): TokenSource keeps the current token per tenant
    Client client =
        clients.compute(
            tenant.value(),
            (key, existing) ->
                existing != null && existing.credential() == current
                    ? existing
                    : new Client(newApp(key, current), current));
    ClientCredentialParameters parameters =
        ClientCredentialParameters.builder(Set.of(scope)).skipCache(fresh).build();
    try {
      IAuthenticationResult result =
          client.app().acquireToken(parameters).get(TOKEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      // msal4j reckons expiry on the system clock; the service keeps it on its own
      Duration left = Duration.between(Instant.now(), result.expiresOnDate().toInstant());
      return BearerToken.parse(result.accessToken(), clock.instant().plus(left), "the identity platform");
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
      throw translate(tenant, e.getCause());
    } catch (MsalException e) {
      throw translate(tenant, e);
    }
  }

  private ConfidentialClientApplication newApp(String tenant, IClientCredential current) {
    String authority = authorityHost.resolve(tenant + "/").toString();
    boolean microsoftHost =
        MICROSOFT_AUTHORITY_HOSTS.contains(authorityHost.getHost().toLowerCase(Locale.ROOT));
    try {
      ConfidentialClientApplication.Builder builder =
          ConfidentialClientApplication.builder(clientId, current)
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

  private static TokenException unavailable(TenantId tenant, CredentialUnavailableException e) {
    return new TokenException(
        "no credential for tenant " + tenant + ": " + e.getMessage(),
        0,
        null,
        TenantFailureReason.CREDENTIAL_UNAVAILABLE,
        true,
        null);
  }

  private TokenException translate(TenantId tenant, Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof CredentialUnavailableException unavailable) {
        return unavailable(tenant, unavailable);
      }
    }
    if (cause instanceof MsalServiceException service) {
      String code = aadsts(service.getMessage());
      TenantFailureReason reason = reasonFor(code, service.errorCode(), credential.refusedReason());
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
    boolean network =
        cause instanceof IOException || (cause != null && cause.getCause() instanceof IOException);
    return new TokenException(
        "could not get a token for tenant " + tenant + " (" + kind
            + (network ? ", no answer from the identity platform" : "") + ")",
        0,
        null,
        TenantFailureReason.SERVICE_UNAVAILABLE,
        true,
        null);
  }

  /**
   * Maps an identity platform error to what an administrator must do.
   *
   * @param aadsts the AADSTS number, or {@code null}
   * @param oauthError the OAuth {@code error}, or {@code null}
   * @param refused what a refused credential means for the configured credential
   * @return the reason
   */
  static TenantFailureReason reasonFor(String aadsts, String oauthError, TenantFailureReason refused) {
    if (aadsts != null) {
      switch (aadsts) {
        case "7000215", "7000218", "7000216" -> {
          return TenantFailureReason.INVALID_CLIENT_SECRET;
        }
        case "7000222" -> {
          return TenantFailureReason.CLIENT_SECRET_EXPIRED;
        }
        case "700027" -> {
          return refused;
        }
        case "700021", "700023", "50027", "50013", "50048", "5002727" -> {
          return TenantFailureReason.CLIENT_ASSERTION_INVALID;
        }
        case "700024" -> {
          return TenantFailureReason.CLIENT_ASSERTION_EXPIRED;
        }
        case "70021", "700211", "700212", "700213", "7002121", "7002138" -> {
          return TenantFailureReason.FEDERATED_CREDENTIAL_MISMATCH;
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
      return refused;
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
}
