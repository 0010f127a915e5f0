package com.workplace.calendar.benchmarks;

import com.microsoft.graph.models.Calendar;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A tenant with N room addresses to connect: most are rooms, a few are denied to the app by an
 * application access policy (403) and a few have no mailbox at all (404), spread evenly.
 */
final class ConnectScenario {
  final FakeTenant tenant;
  final TenantId tenantId;
  final List<String> emails = new ArrayList<>();
  final int denied;
  final int missing;

  ConnectScenario(FakeMicrosoft365 m365, FakeApp app, String domain, int n, int denied, int missing) {
    // the administrator's consent, so that the official SDK's app token can be issued up front
    this.tenant = m365.tenant(domain).grantAdminConsent(app.clientId());
    this.tenantId = TenantId.parse(domain);
    this.denied = denied;
    this.missing = missing;
    boolean[] isMissing = spread(n, missing, new boolean[n], 1);
    boolean[] isDenied = spread(n, denied, isMissing.clone(), 3);
    List<String> deniedEmails = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String email = String.format(Locale.ROOT, "room%05d@%s", i, domain);
      emails.add(email);
      if (isMissing[i]) {
        continue;
      }
      tenant.addRoom(email, "Room " + i);
      if (isDenied[i] && !isMissing[i]) {
        deniedEmails.add(email);
      }
    }
    tenant.denyByAccessPolicy(app.clientId(), deniedEmails.toArray(String[]::new));
    if (deniedEmails.size() != denied) {
      throw new IllegalStateException("placed " + deniedEmails.size() + " denied mailboxes");
    }
  }

  int reachable() {
    return emails.size() - denied - missing;
  }

  /** Marks {@code count} indices evenly over {@code n}, skipping ones already taken. */
  private static boolean[] spread(int n, int count, boolean[] taken, int offset) {
    boolean[] marked = taken;
    for (int k = 0; k < count; k++) {
      int i = (int) (((long) k * n) / count + offset) % n;
      while (marked[i]) {
        i = (i + 1) % n;
      }
      marked[i] = true;
    }
    return marked;
  }

  /** What the official SDK's probes came back with. */
  static final class OfficialOutcome {
    final LongAdder connected = new LongAdder();
    final LongAdder denied = new LongAdder();
    final LongAdder missing = new LongAdder();
    final Map<String, LongAdder> other = new ConcurrentHashMap<>();
    final List<Calendar> calendars = java.util.Collections.synchronizedList(new ArrayList<>());

    /** One probe as Microsoft's documentation shows it: {@code GET users/{id}/calendar}. */
    void probe(GraphServiceClient graph, String email) {
      try {
        Calendar calendar =
            graph
                .users()
                .byUserId(email)
                .calendar()
                .get(rc -> rc.queryParameters.select = new String[] {"id"});
        calendars.add(calendar);
        connected.increment();
      } catch (ODataError e) {
        String code = e.getError() == null ? "" : e.getError().getCode();
        if (e.getResponseStatusCode() == 403 && "ErrorAccessDenied".equals(code)) {
          denied.increment();
        } else if (e.getResponseStatusCode() == 404) {
          missing.increment();
        } else {
          other.computeIfAbsent("HTTP " + e.getResponseStatusCode() + " " + code,
              k -> new LongAdder()).increment();
        }
      } catch (RuntimeException e) {
        other.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
      }
    }

    long otherErrors() {
      return other.values().stream().mapToLong(LongAdder::sum).sum();
    }
  }
}
