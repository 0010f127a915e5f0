package com.workplace.calendar.graph.internal;

import com.workplace.calendar.graph.GraphLimits;
import com.workplace.calendar.tenant.TenantId;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The gates of all mailboxes of one service instance, created on first use. */
final class MailboxGates {
  private final GraphLimits limits;
  private final ConcurrentMap<String, MailboxGate> gates = new ConcurrentHashMap<>();

  MailboxGates(GraphLimits limits) {
    this.limits = limits;
  }

  MailboxGate of(TenantId tenant, String mailbox) {
    String key = tenant.value() + "/" + mailbox.toLowerCase(Locale.ROOT);
    return gates.computeIfAbsent(
        key,
        k ->
            new MailboxGate(
                k,
                limits.maxConcurrentPerMailbox(),
                limits.requestsPerWindow(),
                limits.window()));
  }
}
