package com.workplace.calendar.graph;

import com.workplace.calendar.tenant.TenantId;
import java.net.URI;
import java.util.Objects;

/**
 * What a client assertion is for, handed to the host's assertion function ({@link
 * GraphCalendarServiceBuilder#clientAssertion(java.util.function.Function)}) for every token
 * request. An assertion signed by the application's certificate names {@link #clientId()} as
 * {@code iss} and {@code sub} and {@link #tokenEndpoint()} as {@code aud}, which differs per tenant.
 *
 * @param tenant the tenant a token is requested for
 * @param clientId the application (client) ID
 * @param tokenEndpoint the tenant's token endpoint, the assertion's audience
 * @since 0.2.0
 */
public record ClientAssertionRequest(TenantId tenant, String clientId, URI tokenEndpoint) {
  /** Validates the record. */
  public ClientAssertionRequest {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
  }
}
