package com.workplace.calendar.graph.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON tree on Jackson's streaming core (no data binding, which would double the module's
 * footprint). Reading mirrors the few {@code JsonNode} calls the module needs: a missing field is a
 * {@linkplain #isMissing() missing} value, never {@code null} from {@link #path}. Objects and arrays
 * made with {@link #object()} and {@link #array()} are mutable, for request bodies.
 */
final class JsonValue implements Iterable<JsonValue> {
  private enum Kind {
    OBJECT,
    ARRAY,
    STRING,
    NUMBER,
    BOOLEAN,
    NULL,
    MISSING
  }

  static final JsonValue MISSING = new JsonValue(Kind.MISSING, null);
  static final JsonValue NULL = new JsonValue(Kind.NULL, null);
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(4_000_000).build())
          .build();

  private final Kind kind;
  private final Object value;

  private JsonValue(Kind kind, Object value) {
    this.kind = kind;
    this.value = value;
  }

  /** A new, empty, mutable object. */
  static JsonValue object() {
    return new JsonValue(Kind.OBJECT, new LinkedHashMap<String, JsonValue>());
  }

  /** A new, empty, mutable array. */
  static JsonValue array() {
    return new JsonValue(Kind.ARRAY, new ArrayList<JsonValue>());
  }

  static JsonValue text(String text) {
    return text == null ? NULL : new JsonValue(Kind.STRING, text);
  }

  /** Parses a document. */
  static JsonValue parse(byte[] json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IOException("empty JSON document");
      }
      JsonValue root = read(parser, first);
      if (parser.nextToken() != null) {
        throw new IOException("trailing content after the JSON document");
      }
      return root;
    }
  }

  static JsonValue parse(String json) throws IOException {
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonValue read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        JsonValue object = object();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          object.fields().put(name, read(parser, parser.nextToken()));
        }
        return object;
      }
      case START_ARRAY -> {
        JsonValue array = array();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.elements().add(read(parser, t));
        }
        return array;
      }
      case VALUE_STRING -> {
        return new JsonValue(Kind.STRING, parser.getText());
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new JsonValue(Kind.NUMBER, parser.getText());
      }
      case VALUE_TRUE -> {
        return new JsonValue(Kind.BOOLEAN, Boolean.TRUE);
      }
      case VALUE_FALSE -> {
        return new JsonValue(Kind.BOOLEAN, Boolean.FALSE);
      }
      case VALUE_NULL -> {
        return NULL;
      }
      default -> throw new IOException("unexpected JSON token " + token);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, JsonValue> fields() {
    return (Map<String, JsonValue>) value;
  }

  @SuppressWarnings("unchecked")
  private List<JsonValue> elements() {
    return (List<JsonValue>) value;
  }

  // ---- reading

  boolean isObject() {
    return kind == Kind.OBJECT;
  }

  boolean isArray() {
    return kind == Kind.ARRAY;
  }

  boolean isTextual() {
    return kind == Kind.STRING;
  }

  boolean isNull() {
    return kind == Kind.NULL;
  }

  boolean isMissing() {
    return kind == Kind.MISSING;
  }

  /** A string, number or boolean. */
  boolean isValueNode() {
    return kind == Kind.STRING || kind == Kind.NUMBER || kind == Kind.BOOLEAN;
  }

  /** The field's value; {@link #MISSING} when absent or when this is not an object. */
  JsonValue path(String field) {
    JsonValue found = get(field);
    return found == null ? MISSING : found;
  }

  /** The field's value, or {@code null} when absent or when this is not an object. */
  JsonValue get(String field) {
    return kind == Kind.OBJECT ? fields().get(field) : null;
  }

  boolean has(String field) {
    return get(field) != null;
  }

  /** The field names of an object, in document order; none for other values. */
  Iterable<String> fieldNames() {
    return kind == Kind.OBJECT ? Collections.unmodifiableSet(fields().keySet()) : List.of();
  }

  /** The fields of an object, in document order; none for other values. */
  Iterable<Map.Entry<String, JsonValue>> entries() {
    return kind == Kind.OBJECT ? Collections.unmodifiableMap(fields()).entrySet() : List.of();
  }

  /** The elements of an array; none for other values. */
  @Override
  public Iterator<JsonValue> iterator() {
    return kind == Kind.ARRAY ? Collections.unmodifiableList(elements()).iterator() : Collections.emptyIterator();
  }

  int size() {
    return switch (kind) {
      case ARRAY -> elements().size();
      case OBJECT -> fields().size();
      default -> 0;
    };
  }

  /** The text of a string, number or boolean; {@code ""} otherwise. */
  String asText() {
    return asText("");
  }

  String asText(String fallback) {
    return isValueNode() ? value.toString() : fallback;
  }

  int asInt(int fallback) {
    if (kind == Kind.NUMBER || kind == Kind.STRING) {
      try {
        return (int) Math.round(Double.parseDouble(value.toString()));
      } catch (NumberFormatException e) {
        return fallback;
      }
    }
    return fallback;
  }

  boolean asBoolean(boolean fallback) {
    if (kind == Kind.BOOLEAN) {
      return (Boolean) value;
    }
    if (kind == Kind.STRING) {
      return Boolean.parseBoolean(value.toString());
    }
    return fallback;
  }

  // ---- building

  JsonValue put(String field, String text) {
    fields().put(field, text(text));
    return this;
  }

  JsonValue put(String field, int number) {
    fields().put(field, new JsonValue(Kind.NUMBER, Integer.toString(number)));
    return this;
  }

  JsonValue put(String field, boolean flag) {
    fields().put(field, new JsonValue(Kind.BOOLEAN, flag));
    return this;
  }

  JsonValue set(String field, JsonValue child) {
    fields().put(field, child);
    return this;
  }

  /** Adds an object field and returns the new child object. */
  JsonValue putObject(String field) {
    JsonValue child = object();
    fields().put(field, child);
    return child;
  }

  /** Adds an array field and returns the new child array. */
  JsonValue putArray(String field) {
    JsonValue child = array();
    fields().put(field, child);
    return child;
  }

  JsonValue add(String text) {
    elements().add(text(text));
    return this;
  }

  /** Adds an object element and returns it. */
  JsonValue addObject() {
    JsonValue child = object();
    elements().add(child);
    return child;
  }

  // ---- writing

  byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      write(generator);
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to memory failed", e);
    }
    return out.toByteArray();
  }

  private void write(JsonGenerator g) throws IOException {
    switch (kind) {
      case OBJECT -> {
        g.writeStartObject();
        for (Map.Entry<String, JsonValue> e : fields().entrySet()) {
          g.writeFieldName(e.getKey());
          e.getValue().write(g);
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (JsonValue element : elements()) {
          element.write(g);
        }
        g.writeEndArray();
      }
      case STRING -> g.writeString((String) value);
      case NUMBER -> g.writeNumber((String) value);
      case BOOLEAN -> g.writeBoolean((Boolean) value);
      case NULL, MISSING -> g.writeNull();
    }
  }

  @Override
  public String toString() {
    return new String(toBytes(), StandardCharsets.UTF_8);
  }
}
