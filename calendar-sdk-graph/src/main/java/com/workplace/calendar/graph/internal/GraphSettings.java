package com.workplace.calendar.graph.internal;

import com.workplace.calendar.graph.GraphEventListener;
import com.workplace.calendar.graph.GraphLimits;
import com.workplace.calendar.graph.GraphRetryOptions;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Everything a {@link GraphCalendarProvider} is wired from. */
public record GraphSettings(
    OkHttpClient http,
    HttpUrl graphBase,
    MsalTokenSource tokens,
    GraphLimits limits,
    GraphRetryOptions retry,
    GraphEventListener listener,
    ExecutorService batchExecutor,
    String clientId,
    URI redirectUri,
    URI authorityHost,
    String graphResource,
    Set<String> requiredPermissions,
    Runnable onClose) {

  @Override
  public String toString() {
    return "GraphSettings[graph=" + graphBase + ", authority=" + authorityHost + "]";
  }
}
