package com.workplace.calendar.internal;

import com.workplace.calendar.spi.IncomingNotification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The notification body format of {@link InMemoryCalendarBackend}: core has no JSON parser, so the
 * test backend uses one line per notification, {@code subscriptionId;clientState;tenantId;event},
 * with {@code -} for an absent value.
 */
public final class FakeNotifications {
  private FakeNotifications() {}

  /** {@return a body holding these notifications} */
  public static byte[] body(IncomingNotification... notifications) {
    StringBuilder text = new StringBuilder();
    for (IncomingNotification n : notifications) {
      text.append(n.subscriptionId())
          .append(';')
          .append(n.clientState().orElse("-"))
          .append(';')
          .append(n.tenantId().orElse("-"))
          .append(';')
          .append(n.lifecycleEvent().orElse("-"))
          .append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  static List<IncomingNotification> parse(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    List<IncomingNotification> result = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] parts = line.split(";", -1);
      if (parts.length != 4 || parts[0].isEmpty()) {
        throw new IllegalArgumentException("not a notification payload");
      }
      result.add(new IncomingNotification(parts[0], opt(parts[1]), opt(parts[2]), opt(parts[3])));
    }
    return result;
  }

  private static Optional<String> opt(String part) {
    return part.isEmpty() || part.equals("-") ? Optional.empty() : Optional.of(part);
  }
}
