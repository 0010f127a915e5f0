package com.workplace.calendar.testkit.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact JSON reader and writer.
 *
 * <p>Objects are read into insertion-ordered {@code Map<String, Object>}, arrays into {@code
 * List<Object>}, numbers into {@link Long} when integral and {@link BigDecimal} otherwise, and
 * JSON {@code null} into Java {@code null}. The writer accepts the same types plus any {@link
 * Number}, {@link Boolean}, {@link CharSequence}, {@link Map} and {@link Collection}.
 */
public final class Json {

  private Json() {}

  /** Thrown for malformed JSON input. */
  public static final class JsonException extends RuntimeException {
    public JsonException(String message) {
      super(message);
    }
  }

  /**
   * Parses one JSON value that must make up the whole input (surrounding whitespace allowed).
   *
   * @param text the JSON text
   * @return the parsed value
   * @throws JsonException when the text is not valid JSON
   */
  public static Object parse(String text) {
    return new JsonParser(text).parseDocument();
  }

  /**
   * Parses a JSON object.
   *
   * @param text the JSON text
   * @return the object's members
   * @throws JsonException when the text is not a JSON object
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String text) {
    Object value = parse(text);
    if (!(value instanceof Map)) {
      throw new JsonException("expected a JSON object");
    }
    return (Map<String, Object>) value;
  }

  /**
   * Writes a value as compact JSON.
   *
   * @param value the value
   * @return its JSON text
   */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder(256);
    writeValue(out, value);
    return out.toString();
  }

  /** Returns a mutable, insertion-ordered map builder helper. */
  public static Map<String, Object> object() {
    return new LinkedHashMap<>();
  }

  /**
   * Builds an insertion-ordered map from alternating keys and values.
   *
   * @param keyValues key, value, key, value, ...
   * @return the map
   */
  public static Map<String, Object> object(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  /** Returns the member as a map, or null when absent or not an object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> objectMember(Map<String, Object> map, String key) {
    Object value = map.get(key);
    return value instanceof Map ? (Map<String, Object>) value : null;
  }

  // ---------------------------------------------------------------- writing

  private static void writeValue(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof CharSequence) {
      writeString(out, value.toString());
    } else if (value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        out.append("null");
      } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        out.append((long) d);
      } else {
        out.append(d);
      }
    } else if (value instanceof BigDecimal) {
      out.append(((BigDecimal) value).toPlainString());
    } else if (value instanceof Number) {
      out.append(value);
    } else if (value instanceof Map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(out, String.valueOf(e.getKey()));
        out.append(':');
        writeValue(out, e.getValue());
      }
      out.append('}');
    } else if (value instanceof Collection) {
      out.append('[');
      boolean first = true;
      for (Object item : (Collection<?>) value) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeValue(out, item);
      }
      out.append(']');
    } else {
      writeString(out, value.toString());
    }
  }

  private static void writeString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        default:
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}
