package com.workplace.calendar.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchLatencyTest {

  @Test
  void unorderedItemsRunFourAtATime() {
    assertThat(BatchHandler.latencyRounds(1, false)).isEqualTo(1);
    assertThat(BatchHandler.latencyRounds(4, false)).isEqualTo(1);
    assertThat(BatchHandler.latencyRounds(5, false)).isEqualTo(2);
    assertThat(BatchHandler.latencyRounds(20, false)).isEqualTo(5);
  }

  @Test
  void itemsSequencedByDependsOnRunOneAfterAnother() {
    assertThat(BatchHandler.latencyRounds(3, true)).isEqualTo(3);
    assertThat(BatchHandler.latencyRounds(20, true)).isEqualTo(20);
  }

  @Test
  void aBatchWhoseItemsWereAllRefusedStillTakesItsOwnLatency() {
    assertThat(BatchHandler.latencyRounds(0, false)).isEqualTo(1);
    assertThat(BatchHandler.latencyRounds(0, true)).isEqualTo(1);
  }
}
