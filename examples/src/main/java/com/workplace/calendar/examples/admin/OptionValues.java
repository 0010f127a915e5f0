package com.workplace.calendar.examples.admin;

import com.workplace.calendar.tenant.TenantId;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Checks option values as they are read, so a wrong one is a usage error before anything runs. */
final class OptionValues {
  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private OptionValues() {}

  /** {@code --client-id}: the app registration's application (client) ID, a GUID. */
  static final class ClientId implements CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String text = value.strip();
      if (!GUID.matcher(text).matches()) {
        throw new CommandLine.TypeConversionException(
            "the value is not an application (client) ID (not repeated here, in case it is a"
                + " secret given in the wrong place): that is a GUID such as"
                + " 3f1c9a52-7d4e-4b8a-9c61-2e5f0b7a8d14, shown as \"Application (client) ID\" on the"
                + " app registration's overview page (given with --client-id or CALENDAR_ADMIN_CLIENT_ID)");
      }
      return text.toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** {@code --tenant} and TENANT parameters: a directory GUID or a verified domain. */
  static final class Tenant implements CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return TenantId.parse(value).value();
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
