package com.daeworkbench.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepTest {

    @Test
    void aGridGivesEveryCombinationTheFirstKnobVaryingSlowest() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("lr", List.of("1e-3", "3e-3"));
        values.put("width", List.of("16", "32", "64"));
        List<Map<String, String>> configs = Sweep.grid(values);
        assertThat(configs).hasSize(6);
        assertThat(configs.get(0)).containsExactly(Map.entry("lr", "1e-3"), Map.entry("width", "16"));
        assertThat(configs.get(1)).containsEntry("lr", "1e-3").containsEntry("width", "32");
        assertThat(configs.get(3)).containsEntry("lr", "3e-3").containsEntry("width", "16");
        assertThat(Sweep.grid(Map.of())).isEmpty();
    }

    @Test
    void randomDrawsStayInTheirRangeAreSeededAndSpreadOnALogScale() {
        List<Sweep.Range> ranges = List.of(new Sweep.Range("lr", 1e-4, 1e-2, true, false),
                new Sweep.Range("width", 8, 64, false, true));
        List<Map<String, String>> a = Sweep.random(ranges, Map.of("activation", List.of("relu", "tanh")), 200, 5);
        assertThat(Sweep.random(ranges, Map.of("activation", List.of("relu", "tanh")), 200, 5)).isEqualTo(a);
        long belowGeometricMean = a.stream().filter(c -> Double.parseDouble(c.get("lr")) < 1e-3).count();
        assertThat(belowGeometricMean).as("log-uniform: half below 1e-3").isBetween(70L, 130L);
        for (Map<String, String> c : a) {
            assertThat(Double.parseDouble(c.get("lr"))).isBetween(1e-4, 1e-2);
            assertThat(Integer.parseInt(c.get("width"))).isBetween(8, 64);
            assertThat(c.get("activation")).isIn("relu", "tanh");
        }
        assertThat(a).extracting(c -> c.get("lr")).as("written as typed, not 7.74E-4").noneMatch(v -> v.contains("E"));
        assertThatThrownBy(() -> new Sweep.Range("lr", 0, 1, true, false)).hasMessageContaining("low > 0");
        assertThatThrownBy(() -> new Sweep.Range("lr", 1, 1, false, false)).hasMessageContaining("low < high");
    }

    @Test
    void aWindowRangeIsLogForRatesByDefaultAndSaysWhatIsWrong() {
        Sweep.Range lr = Sweep.Range.parse(Knob.LR, "1e-4:1e-2");
        assertThat(lr.log()).isTrue();
        assertThat(lr.low()).isEqualTo(1e-4);
        assertThat(Sweep.Range.parse(Knob.WEIGHT_DECAY, "1e-6:1e-3").log()).isTrue();
        Sweep.Range width = Sweep.Range.parse(Knob.WIDTH, "8:64");
        assertThat(width.log()).isFalse();
        assertThat(width.integer()).isTrue();
        assertThat(Sweep.Range.parse(Knob.WIDTH, "8:64:log").log()).isTrue();
        assertThat(Sweep.Range.parse(Knob.LR, "1e-4:1e-2:linear").log()).isFalse();
        assertThatThrownBy(() -> Sweep.Range.parse(Knob.ACTIVATION, "1:2")).hasMessageContaining("takes no range");
        assertThatThrownBy(() -> Sweep.Range.parse(Knob.LR, "1e-4")).hasMessageContaining("LOW:HIGH");
        assertThatThrownBy(() -> Sweep.Range.parse(Knob.WEIGHT_DECAY, "0:1e-3")).hasMessageContaining("low > 0");
    }

    @Test
    void knobEffectsSayWhichKnobMovedTheScoreAndWhichWay() {
        // lr alone sets the score (+2 dB); width does nothing
        List<KnobEffects.Outcome> outcomes = List.of(
                new KnobEffects.Outcome(Map.of("lr", "1e-3", "width", "16"), 14),
                new KnobEffects.Outcome(Map.of("lr", "1e-3", "width", "32"), 14),
                new KnobEffects.Outcome(Map.of("lr", "3e-3", "width", "16"), 16),
                new KnobEffects.Outcome(Map.of("lr", "3e-3", "width", "32"), 16),
                new KnobEffects.Outcome(Map.of("lr", "1e-2", "width", "32"), Double.NaN));
        List<KnobEffects.Effect> effects = KnobEffects.of(outcomes);
        assertThat(effects).extracting(KnobEffects.Effect::knob).containsExactly("lr", "width");
        assertThat(effects.get(0).varianceExplained()).isCloseTo(1.0, within(1e-9));
        assertThat(effects.get(0).bestValue()).isEqualTo("3e-3");
        assertThat(effects.get(0).meanByValue()).containsEntry("1e-3", 14.0).containsEntry("3e-3", 16.0).doesNotContainKey("1e-2");
        assertThat(effects.get(1).varianceExplained()).isCloseTo(0.0, within(1e-9));
    }
}
