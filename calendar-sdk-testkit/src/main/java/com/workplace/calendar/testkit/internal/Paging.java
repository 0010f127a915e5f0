package com.workplace.calendar.testkit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code $top}/{@code $skip} paging with absolute {@code @odata.nextLink}s. */
final class Paging {

  private Paging() {}

  /**
   * Builds a page of a collection.
   *
   * @param call the call (for the next link)
   * @param context the {@code @odata.context} value
   * @param all every item
   * @param pageSize the page size
   * @return the response body with {@code value} and, unless last, {@code @odata.nextLink}
   */
  static Map<String, Object> page(
      GraphCall call, String context, List<Map<String, Object>> all, int pageSize) {
    int skip = call.skip();
    int from = Math.min(skip, all.size());
    int to = Math.min(all.size(), from + pageSize);
    Map<String, Object> body = Json.object("@odata.context", context);
    if ("true".equalsIgnoreCase(call.request().query("$count"))) {
      body.put("@odata.count", all.size());
    }
    body.put("value", all.subList(from, to));
    if (to < all.size()) {
      body.put("@odata.nextLink", nextLink(call, pageSize, to));
    }
    return body;
  }

  /** The same request with {@code $top} and {@code $skip} replaced. */
  static String nextLink(GraphCall call, int top, int nextSkip) {
    FakeRequest req = call.request();
    Map<String, String> params = new LinkedHashMap<>();
    UrlCodec.parseParameters(req.rawQuery(), false).forEach((name, values) -> {
      if (!name.equalsIgnoreCase("$skip") && !name.equalsIgnoreCase("$skiptoken")
          && !name.equalsIgnoreCase("$top") && !values.isEmpty()) {
        params.put(name, values.get(0));
      }
    });
    params.put("$top", Integer.toString(top));
    params.put("$skip", Integer.toString(nextSkip));
    return req.baseUrl() + req.rawPath() + "?" + UrlCodec.buildQuery(params);
  }
}
