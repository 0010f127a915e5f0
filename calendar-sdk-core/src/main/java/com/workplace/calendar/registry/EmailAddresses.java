package com.workplace.calendar.registry;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validates and normalizes the e-mail addresses of room mailboxes.
 *
 * <p>Addresses are trimmed and lower-cased. The accepted syntax is the practical subset Exchange
 * Online uses for SMTP addresses: a dot-atom local part and a domain of at least two labels.
 *
 * @since 0.1.0
 */
public final class EmailAddresses {
  /** The longest address accepted (RFC 5321 path limit). */
  public static final int MAX_LENGTH = 254;

  private static final Pattern LOCAL =
      Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private EmailAddresses() {}

  /**
   * Normalizes an address: trims it and lower-cases it.
   *
   * @param text the address as given
   * @return the normalized address
   * @throws IllegalArgumentException if it is not a valid mailbox address, saying why
   */
  public static String normalize(String text) {
    if (text == null) {
      throw new IllegalArgumentException("e-mail address is missing");
    }
    String email = text.strip().toLowerCase(Locale.ROOT);
    String problem = problemWith(email);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return email;
  }

  /**
   * Tells whether a text is a valid mailbox address once trimmed and lower-cased.
   *
   * @param text the address
   * @return {@code true} if {@link #normalize(String)} accepts it
   */
  public static boolean isValid(String text) {
    return text != null && problemWith(text.strip().toLowerCase(Locale.ROOT)) == null;
  }

  private static String problemWith(String email) {
    if (email.isEmpty()) {
      return "e-mail address is empty";
    }
    if (email.length() > MAX_LENGTH) {
      return "e-mail address is longer than " + MAX_LENGTH + " characters";
    }
    int at = email.lastIndexOf('@');
    if (at < 0) {
      return "'" + printable(email) + "' is not an e-mail address: it has no '@'";
    }
    String local = email.substring(0, at);
    String domain = email.substring(at + 1);
    if (local.isEmpty() || local.length() > 64 || !LOCAL.matcher(local).matches()) {
      return "'" + printable(email) + "' is not an e-mail address: the part before '@' is invalid";
    }
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      return "'" + printable(email) + "' is not an e-mail address: the domain needs a dot";
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return "'" + printable(email) + "' is not an e-mail address: the domain is invalid";
      }
    }
    return null;
  }

  private static String printable(String value) {
    String shortened = value.length() > 80 ? value.substring(0, 80) + "..." : value;
    return shortened.replaceAll("\\p{Cntrl}", "?");
  }
}
