package com.workplace.calendar.testkit;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which Graph requests a {@link FakeMicrosoft365#onNextRequest(RequestMatcher, Runnable) hook}
 * waits for: one of some operations, optionally to one mailbox (the {@code {id}} of {@code
 * /users/{id}/...}, matched by address, any case, or by the mailbox's object id).
 *
 * <pre>{@code
 * RequestMatcher.of(GraphOperation.CREATE_EVENT).mailbox("orchard@contoso.onmicrosoft.com")
 * RequestMatcher.anyOperation().mailbox("orchard@contoso.onmicrosoft.com")
 * }</pre>
 *
 * @param operations the operations that match
 * @param mailbox the mailbox address that matches; empty means any mailbox, and also requests
 *     that address none (places, subscriptions)
 * @since 0.1.0
 */
public record RequestMatcher(Set<GraphOperation> operations, Optional<String> mailbox) {

  /**
   * Validates and copies the values.
   *
   * @throws IllegalArgumentException when no operation is given or the mailbox is blank
   * @throws NullPointerException when a value is null
   */
  public RequestMatcher {
    if (Objects.requireNonNull(operations, "operations").isEmpty()) {
      throw new IllegalArgumentException("a matcher needs at least one operation");
    }
    operations = Set.copyOf(operations);
    mailbox = Objects.requireNonNull(mailbox, "mailbox")
        .map(m -> m.trim().toLowerCase(Locale.ROOT));
    if (mailbox.isPresent() && mailbox.get().isEmpty()) {
      throw new IllegalArgumentException("mailbox must not be blank");
    }
  }

  /**
   * Matches any of the given operations, to any mailbox.
   *
   * @param operation an operation
   * @param more more operations
   * @return the matcher
   */
  public static RequestMatcher of(GraphOperation operation, GraphOperation... more) {
    return new RequestMatcher(EnumSet.of(operation, more), Optional.empty());
  }

  /**
   * Matches every Graph request.
   *
   * @return the matcher
   */
  public static RequestMatcher anyOperation() {
    return new RequestMatcher(EnumSet.allOf(GraphOperation.class), Optional.empty());
  }

  /**
   * A copy that matches only requests to one mailbox.
   *
   * @param address the mailbox's address (or object id)
   * @return the copy
   */
  public RequestMatcher mailbox(String address) {
    return new RequestMatcher(operations, Optional.of(address));
  }

  /**
   * Whether a request matches.
   *
   * @param operation the request's operation
   * @param mailboxAddress the address of the mailbox it addresses, or null
   * @param mailboxObjectId the object id of that mailbox, or null
   * @return whether it matches
   */
  public boolean matches(GraphOperation operation, String mailboxAddress, String mailboxObjectId) {
    if (!operations.contains(operation)) {
      return false;
    }
    if (mailbox.isEmpty()) {
      return true;
    }
    String wanted = mailbox.get();
    return (mailboxAddress != null && wanted.equals(mailboxAddress.trim().toLowerCase(Locale.ROOT)))
        || (mailboxObjectId != null && wanted.equals(mailboxObjectId.toLowerCase(Locale.ROOT)));
  }
}
