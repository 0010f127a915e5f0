package com.workplace.calendar.graph.internal;

import com.workplace.calendar.graph.GraphEventListener;
import com.workplace.calendar.graph.GraphLimits;
import com.workplace.calendar.graph.GraphRetryOptions;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.MailboxCoordination;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * The Microsoft 365 settings a {@code GraphCalendarServiceBuilder} holds when it builds: each one
 * checked on its own as it was set, none yet against the others. {@link GraphServiceAssembly}
 * checks them together and makes a {@link GraphConfig} of them. It holds where the credential comes
 * from, never its value.
 *
 * @param clientId the app registration's application ID, or {@code null} when not set
 * @param credentials the credentials set, of which exactly one must remain
 * @param credentialExpiryWarning how long before its expiry a certificate is reported
 * @param redirectUri where admin consent returns, or {@code null} when not set
 * @param store the store set, or {@code null} for a new in-memory one
 * @param coordination the mailbox coordination set, or {@code null} for the store's own
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
 * @param clock the clock
 */
public record GraphServiceSettings(
    String clientId,
    CredentialChoice credentials,
    Duration credentialExpiryWarning,
    URI redirectUri,
    CalendarStore store,
    MailboxCoordination coordination,
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
    Clock clock) {

  @Override
  public String toString() {
    return "GraphServiceSettings[clientId=" + clientId + ", graph=" + graphEndpoint + ", authority="
        + authorityHost + "]";
  }
}
