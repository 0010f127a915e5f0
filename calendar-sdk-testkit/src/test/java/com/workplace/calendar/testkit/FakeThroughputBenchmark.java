package com.workplace.calendar.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Measures how many simple Graph requests per second the fake serves: N client threads, each
 * sending {@code GET /users/{its room}/calendar?$select=id} back to back over keep-alive
 * connections (authentication, routing, limits and JSON included). Not a test; run it with
 * {@code main}.
 *
 * <p>Arguments: {@code [clients=32] [seconds=15] [https|http]}.
 */
public final class FakeThroughputBenchmark {

  private FakeThroughputBenchmark() {}

  /**
   * Runs the measurement and prints the figures.
   *
   * @param args clients, seconds, scheme
   * @throws Exception when the run fails
   */
  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 32;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    boolean https = args.length <= 2 || !"http".equalsIgnoreCase(args[2]);
    try (FakeMicrosoft365 m365 = FakeMicrosoft365.builder().start()) {
      FakeApp app = m365.registerApp();
      FakeTenant tenant = m365.tenant("bench.onmicrosoft.com").grantAdminConsent(app.clientId());
      List<String> urls = new ArrayList<>();
      String graph = (https ? m365.graphUri() : m365.httpGraphUri()).toString();
      for (int i = 0; i < clients; i++) {
        String room = "room" + i + "@bench.onmicrosoft.com";
        tenant.addRoom(room, "Room " + i);
        urls.add(graph + "users/" + room.replace("@", "%40") + "/calendar?$select=id");
      }
      String token = m365.issueAppToken(tenant.id(), app.clientId());
      OkHttpClient client = new OkHttpClient.Builder()
          .sslSocketFactory(m365.sslContext().getSocketFactory(), m365.trustManager())
          .connectionPool(new ConnectionPool(clients * 2, 5, TimeUnit.MINUTES))
          .build();

      run(client, urls, token, Duration.ofSeconds(3));
      m365.resetStats();
      Result result = run(client, urls, token, Duration.ofSeconds(seconds));

      FakeStats stats = m365.stats();
      System.out.printf("clients=%d duration=%ds scheme=%s cores=%d%n", clients, seconds,
          https ? "https" : "http", Runtime.getRuntime().availableProcessors());
      System.out.printf("requests=%d non-200=%d throughput=%.0f req/s%n", result.ok + result.other,
          result.other, (result.ok + result.other) / result.elapsedSeconds);
      System.out.printf("latency p50=%.2f ms p99=%.2f ms max=%.2f ms%n", result.p50, result.p99,
          result.max);
      System.out.printf("fake: total=%d limitViolations=%d throttled=%d%n",
          stats.totalRequests(), stats.limitViolations(), stats.throttledResponses());
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private static final class Result {
    long ok;
    long other;
    double elapsedSeconds;
    double p50;
    double p99;
    double max;
  }

  private static Result run(OkHttpClient client, List<String> urls, String token,
      Duration duration) throws InterruptedException {
    LongAdder ok = new LongAdder();
    LongAdder other = new LongAdder();
    List<long[]> latencies = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(urls.size());
    long[] window = new long[2];
    List<Thread> threads = new ArrayList<>();
    for (String url : urls) {
      long[] samples = new long[200_000];
      latencies.add(samples);
      Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + token)
          .build();
      Thread t = new Thread(() -> {
        int n = 0;
        try {
          start.await();
          long deadline = window[1];
          while (System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            try (Response response = client.newCall(request).execute()) {
              response.body().bytes();
              if (response.code() == 200) {
                ok.increment();
              } else {
                other.increment();
              }
            } catch (java.io.IOException e) {
              other.increment();
            }
            if (n < samples.length) {
              samples[n++] = System.nanoTime() - t0;
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          samples[samples.length - 1] = n;
          done.countDown();
        }
      });
      t.start();
      threads.add(t);
    }
    window[0] = System.nanoTime();
    window[1] = window[0] + duration.toNanos();
    start.countDown();
    done.await();
    long end = System.nanoTime();
    Result r = new Result();
    r.ok = ok.sum();
    r.other = other.sum();
    r.elapsedSeconds = (end - window[0]) / 1e9;
    int total = 0;
    for (long[] s : latencies) {
      total += (int) s[s.length - 1];
    }
    long[] all = new long[total];
    int i = 0;
    for (long[] s : latencies) {
      int n = (int) s[s.length - 1];
      System.arraycopy(s, 0, all, i, n);
      i += n;
    }
    Arrays.sort(all);
    if (all.length > 0) {
      r.p50 = all[all.length / 2] / 1e6;
      r.p99 = all[(int) (all.length * 0.99)] / 1e6;
      r.max = all[all.length - 1] / 1e6;
    }
    return r;
  }
}
