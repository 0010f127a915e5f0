package com.workplace.calendar.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the results table: what was measured, the best the fake allows, and the traffic the
 * fake counted. Every figure also goes into {@link #metrics()} for the JSON file.
 */
final class Row {
  final String benchmark;
  final String variant;
  String measured = "";
  String best = "";
  String requests = "";
  String throttled = "";
  String violations = "";
  String errors = "";
  final Map<String, Object> metrics = new LinkedHashMap<>();

  Row(String benchmark, String variant) {
    this.benchmark = benchmark;
    this.variant = variant;
  }

  Row measured(String text) {
    this.measured = text;
    return this;
  }

  Row best(String text, String formula) {
    this.best = text;
    metrics.put("theoreticalBest", text);
    metrics.put("theoreticalBestFormula", formula);
    return this;
  }

  Row traffic(long requests, long throttled, long violations) {
    this.requests = Format.count(requests);
    this.throttled = Format.count(throttled);
    this.violations = Format.count(violations);
    metrics.put("httpRequests", requests);
    metrics.put("throttled429", throttled);
    metrics.put("limitViolations", violations);
    return this;
  }

  Row errors(String text) {
    this.errors = text;
    return this;
  }

  Row metric(String name, Object value) {
    metrics.put(name, value);
    return this;
  }

  Map<String, Object> metrics() {
    return metrics;
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("benchmark", benchmark);
    json.put("variant", variant);
    json.put("measured", measured);
    json.putAll(metrics);
    if (!errors.isEmpty()) {
      json.put("errors", errors);
    }
    return json;
  }
}
