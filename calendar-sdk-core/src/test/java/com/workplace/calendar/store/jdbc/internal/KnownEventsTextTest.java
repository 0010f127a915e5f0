package com.workplace.calendar.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.store.KnownInstance;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KnownEventsTextTest {

  @Test
  void idsAndInstancesSurviveWhateverCharactersTheyHold() {
    Set<String> ids =
        Set.of("plain", "", "back\\slash", "line\nbreak", "cr\rx", "\\Slooks-like-a-series",
            "\\I0:abc", "occ-1", "occ-2", "occ-3");
    Map<String, KnownInstance> instances =
        Map.of(
            "occ-1", new KnownInstance("series\\S\n1", "AAAAAAAAAAAA"),
            "occ-2", new KnownInstance("series\\S\n1", "BBBBBBBBBBBB"),
            "\\I0:abc", new KnownInstance("series-2", "C-_9"));

    KnownEventsText.Known known = KnownEventsText.decode(KnownEventsText.encode(ids, instances));

    assertThat(known.ids()).isEqualTo(ids);
    assertThat(known.instances()).isEqualTo(instances);
  }

  @Test
  void aSeriesIsStoredOnceAndEachInstanceInAShortLine() {
    String text =
        KnownEventsText.encode(
            Set.of("a", "b", "c"),
            Map.of("a", new KnownInstance("S1", "fa"), "c", new KnownInstance("S1", "fc")));

    assertThat(text).isEqualTo("a\nb\nc\n\\SS1\n\\I0:fa\n\\I2:fc\n");
  }

  @Test
  void textWrittenBefore02ReadsAsItDid() {
    KnownEventsText.Known known = KnownEventsText.decode("a\\\\b\nline\\nbreak\n\n");

    assertThat(known.ids()).containsExactlyInAnyOrder("a\\b", "line\nbreak", "");
    assertThat(known.instances()).isEmpty();
    assertThat(KnownEventsText.decode(null).ids()).isEmpty();
    assertThat(KnownEventsText.decode("").ids()).isEmpty();
  }

  @Test
  void anInstanceThatIsNotAKnownEventIsRefused() {
    assertThatThrownBy(
            () -> KnownEventsText.encode(Set.of("a"), Map.of("b", new KnownInstance("S", "f"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void damagedTextFailsLoudly() {
    for (String damaged :
        new String[] {
          "a\nb", "a\n\\I0:f\n", "a\n\\SS\n\\I1:f\n", "a\n\\SS\n\\Ix:f\n", "a\n\\SS\n\\I0\n",
          "a\n\\SS\n\\I0:bad fingerprint\n", "a\n\\SS\nb\n"
        }) {
      assertThatThrownBy(() -> KnownEventsText.decode(damaged))
          .as(damaged)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("stored event ids");
    }
  }

  @Test
  void encodingIsTheSameForTheSameContent() {
    Map<String, KnownInstance> instances = new HashMap<>();
    instances.put("y", new KnownInstance("S2", "f2"));
    instances.put("x", new KnownInstance("S1", "f1"));
    assertThat(KnownEventsText.encode(Set.of("y", "x", "z"), instances))
        .isEqualTo(KnownEventsText.encode(Set.of("z", "x", "y"), Map.copyOf(instances)));
  }
}
