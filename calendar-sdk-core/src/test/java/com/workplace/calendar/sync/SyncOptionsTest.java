package com.workplace.calendar.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyncOptionsTest {
  private static final URI NOTIFY = URI.create("https://host.example/notify");
  private static final URI LIFECYCLE = URI.create("https://host.example/lifecycle");

  @Test
  void defaultsMatchTheDocumentedValues() {
    SyncOptions defaults = SyncOptions.defaults();

    assertThat(defaults.windowDaysBack()).isEqualTo(1);
    assertThat(defaults.windowDaysAhead()).isEqualTo(90);
    assertThat(defaults.syncInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(defaults.connectInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(defaults.startDelay()).isZero();
    assertThat(defaults.leaseTtl()).isEqualTo(Duration.ofMinutes(2));
    assertThat(defaults.busyRetryDelay()).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.workerThreads()).isEqualTo(2);
    assertThat(defaults.maxPagesPerRound()).isEqualTo(10_000);
    assertThat(defaults.seriesCacheSize()).isEqualTo(5_000);
    assertThat(defaults.subscriptionsEnabled()).isFalse();
    assertThat(defaults.notificationUri()).isEmpty();
    assertThat(defaults.subscriptionLifetime()).isEqualTo(Duration.ofMinutes(10_080));
    assertThat(defaults.fallbackSubscriptionLifetime()).isEqualTo(Duration.ofMinutes(4_230));
    assertThat(defaults.ownerId()).isEmpty();
  }

  @Test
  void toBuilderKeepsEverySettingAndMakesVariants() {
    SyncOptions custom =
        SyncOptions.builder()
            .window(0, 30)
            .syncInterval(Duration.ofMinutes(2))
            .connectInterval(Duration.ofSeconds(30))
            .startDelay(Duration.ofSeconds(5))
            .leaseTtl(Duration.ofMinutes(3))
            .busyRetryDelay(Duration.ofSeconds(2))
            .workerThreads(4)
            .maxPagesPerRound(500)
            .seriesCacheSize(0)
            .notifications(NOTIFY, LIFECYCLE)
            .subscriptionLifetime(Duration.ofDays(2), Duration.ofDays(1))
            .ownerId("node-1")
            .build();

    SyncOptions copy = custom.toBuilder().build();
    assertThat(copy).usingRecursiveComparison().isEqualTo(custom);
    assertThat(copy.notificationUri()).contains(NOTIFY);
    assertThat(copy.lifecycleUri()).contains(LIFECYCLE);
    assertThat(copy.seriesCacheSize()).isZero();

    SyncOptions polling = custom.toBuilder().noNotifications().build();
    assertThat(polling.subscriptionsEnabled()).isFalse();
    assertThat(polling.workerThreads()).isEqualTo(4);
    assertThat(custom.subscriptionsEnabled()).isTrue();
  }

  @Test
  void settersRefuseInvalidValues() {
    SyncOptions.Builder b = SyncOptions.builder();
    assertThatThrownBy(() -> b.window(-1, 90)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.window(1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.syncInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.startDelay(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.leaseTtl(Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.workerThreads(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxPagesPerRound(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.seriesCacheSize(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.seriesCacheSize(1_000_001))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.notifications(URI.create("/relative"), LIFECYCLE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.notifications(NOTIFY, URI.create("ftp://host.example/x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.subscriptionLifetime(Duration.ofMinutes(30), Duration.ofMinutes(45)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.subscriptionLifetime(Duration.ofDays(2), Duration.ofMinutes(10)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.ownerId(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(b.build()).usingRecursiveComparison().isEqualTo(SyncOptions.defaults());
  }

  @Test
  void buildRefusesAFallbackLongerThanTheLifetime() {
    SyncOptions.Builder b =
        SyncOptions.builder().subscriptionLifetime(Duration.ofHours(1), Duration.ofHours(2));

    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fallback");
  }
}
