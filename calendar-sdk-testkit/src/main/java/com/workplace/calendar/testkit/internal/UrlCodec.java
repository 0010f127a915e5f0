package com.workplace.calendar.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percent-decoding and encoding for paths, query strings and form bodies. */
public final class UrlCodec {

  private UrlCodec() {}

  /**
   * Decodes {@code %XX} escapes (UTF-8). A malformed escape is kept literally.
   *
   * @param s the encoded text
   * @param plusAsSpace whether {@code +} means a space (form encoding)
   * @return the decoded text
   */
  public static String decode(String s, boolean plusAsSpace) {
    if (s.indexOf('%') < 0 && (!plusAsSpace || s.indexOf('+') < 0)) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()
          && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 2;
      } else if (c == '+' && plusAsSpace) {
        out.write(' ');
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** Form-encodes a value ({@code application/x-www-form-urlencoded}, space as {@code +}). */
  public static String formEncode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Percent-encodes a query parameter value (space as {@code %20}). */
  public static String queryEncode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Parses a query string or form body into ordered name to values.
   *
   * @param query the raw text without the leading {@code ?}; may be null
   * @param plusAsSpace whether {@code +} means a space
   * @return the parameters (names and values decoded)
   */
  public static Map<String, List<String>> parseParameters(String query, boolean plusAsSpace) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), plusAsSpace);
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), plusAsSpace);
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  /**
   * Builds a query string from name/value pairs (values percent-encoded, names kept).
   *
   * @param params ordered parameters
   * @return the query string without {@code ?}, empty when there are none
   */
  public static String buildQuery(Map<String, String> params) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(e.getKey()).append('=').append(queryEncode(e.getValue()));
    }
    return sb.toString();
  }
}
