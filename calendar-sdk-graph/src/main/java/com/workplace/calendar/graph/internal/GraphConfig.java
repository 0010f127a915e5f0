package com.workplace.calendar.graph.internal;

import com.workplace.calendar.graph.GraphEventListener;
import com.workplace.calendar.graph.GraphLimits;
import com.workplace.calendar.graph.GraphRetryOptions;
import com.workplace.calendar.store.MailboxCoordination;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * The Microsoft 365 settings of a service, checked together by {@link GraphServiceAssembly} and
 * handed down as they are: the assembly and the provider read them from here. It holds where the
 * credential comes from, never its value.
 *
 * @param clientId the app registration's application ID
 * @param credential how the application proves its identity
 * @param credentialExpiryWarning how long before its expiry a certificate is reported
 * @param redirectUri where admin consent returns
 * @param authorityHost the identity platform's root
 * @param graphEndpoint Graph's versioned root
 * @param graphResource the resource tokens are requested for
 * @param sslContext trust material, or {@code null} for the JVM's
 * @param trustManager the trust manager of {@code sslContext}, or {@code null}
 * @param limits the mailbox limits
 * @param retry the retry options
 * @param eventListener the metrics hooks
 * @param requiredPermissions the permissions verification insists on
 * @param executor the executor for {@code $batch} requests, or {@code null} for one of the service's
 * @param coordination how instances share mailbox limits
 * @param clock the clock
 */
public record GraphConfig(
    String clientId,
    GraphCredential credential,
    Duration credentialExpiryWarning,
    URI redirectUri,
    URI authorityHost,
    URI graphEndpoint,
    String graphResource,
    SSLContext sslContext,
    X509TrustManager trustManager,
    GraphLimits limits,
    GraphRetryOptions retry,
    GraphEventListener eventListener,
    Set<String> requiredPermissions,
    ExecutorService executor,
    MailboxCoordination coordination,
    Clock clock) {

  @Override
  public String toString() {
    return "GraphConfig[clientId=" + clientId + ", graph=" + graphEndpoint + ", authority="
        + authorityHost + "]";
  }
}
