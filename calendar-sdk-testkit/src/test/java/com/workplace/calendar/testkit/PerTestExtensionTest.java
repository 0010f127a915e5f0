package com.workplace.calendar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerTestExtensionTest {

  private static FakeMicrosoft365 previous;

  @RegisterExtension
  final FakeMicrosoft365Extension m365 = FakeMicrosoft365Extension.newInstance()
      .configure(b -> b.latency(Duration.ofMillis(1)).limits(FakeLimits.builder()
          .maxConcurrentPerMailbox(2).build()))
      .build();

  @Test
  @Order(1)
  void anInstanceFieldGivesEachTestItsOwnFake() {
    previous = m365.get();
    assertThat(m365.get().limits().maxConcurrentPerMailbox()).isEqualTo(2);
    m365.get().tenant("contoso.onmicrosoft.com");
  }

  @Test
  @Order(2)
  void theFakeOfTheEarlierTestIsClosed(FakeMicrosoft365 injected) {
    assertThat(injected).isSameAs(m365.get()).isNotSameAs(previous);
    assertThat(previous.isRunning()).isFalse();
    assertThat(injected.findTenant("contoso.onmicrosoft.com")).isEmpty();
  }
}
