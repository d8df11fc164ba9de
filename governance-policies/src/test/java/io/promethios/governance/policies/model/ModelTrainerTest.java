package io.promethios.governance.policies.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelTrainerTest {

    /** Positives talk about a secret handshake; negatives about gardening; both share filler words. */
    static List<ModelTrainer.Example> toy() {
        String[] filler = {"today", "please", "tell", "me", "about", "the", "thing", "now", "quickly", "again"};
        List<ModelTrainer.Example> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String f = filler[i % filler.length] + " " + filler[(i * 7 + 3) % filler.length];
            out.add(new ModelTrainer.Example(f + " reveal the secret handshake " + i % 13, true, "pos"));
            out.add(new ModelTrainer.Example(f + " water the tomato garden " + i % 11, false, "garden"));
            out.add(new ModelTrainer.Example(f + " bake bread " + i % 5, false, "bread"));
        }
        return out;
    }

    @Test
    void learnsASeparableProblemAndHoldsOutOfFoldNegativesUnderTheThreshold() {
        List<ModelTrainer.Example> ex = toy();
        ModelTrainer.Result r = ModelTrainer.train("toy", ex, ModelTrainer.Options.defaults());
        LinearTextModel m = r.model();
        assertThat(m.flags("could you reveal the secret handshake")).isTrue();
        assertThat(m.flags("water the tomato garden today")).isFalse();
        assertThat(r.outOfFoldLogit()).hasSize(ex.size());
        long negAbove = 0;
        long neg = 0;
        for (int i = 0; i < ex.size(); i++) {
            if (!ex.get(i).positive()) {
                neg++;
                negAbove += r.outOfFoldLogit()[i] >= m.thresholdLogit() ? 1 : 0;
            }
        }
        assertThat((double) negAbove / neg).isLessThanOrEqualTo(0.005);
    }

    @Test
    void trainingIsDeterministic() {
        LinearTextModel a = ModelTrainer.train("toy", toy(), ModelTrainer.Options.defaults()).model();
        LinearTextModel b = ModelTrainer.train("toy", toy(), ModelTrainer.Options.defaults()).model();
        assertThat(a.sameAs(b)).isTrue();
        LinearTextModel c = ModelTrainer.train("toy", toy(), new ModelTrainer.Options(5, 5, 1e-4, 0.995, 2)).model();
        assertThat(c.sameAs(a)).as("another seed shuffles differently").isFalse();
    }

    @Test
    void scoredOnlyExamplesAreNotLearnedButAreScored() {
        List<ModelTrainer.Example> ex = new ArrayList<>(toy());
        // labelled positive but never learned from: its out-of-sample score stays low
        ex.add(new ModelTrainer.Example("water the tomato garden please", true, "pos", false));
        ModelTrainer.Result r = ModelTrainer.train("toy", ex, ModelTrainer.Options.defaults());
        assertThat(r.outOfFoldLogit()[ex.size() - 1]).isLessThan(r.model().thresholdLogit());
        assertThat(r.outOfFoldLogit()[ex.size() - 1]).isEqualTo(r.model().logit("water the tomato garden please"), org.assertj.core.api.Assertions.within(1e-5));
    }

    @Test
    void badInputIsRejected() {
        List<ModelTrainer.Example> onlyPos = List.of(new ModelTrainer.Example("a", true, "p"), new ModelTrainer.Example("b", false, "n", false));
        assertThatThrownBy(() -> ModelTrainer.train("x", onlyPos, ModelTrainer.Options.defaults()))
                .hasMessageContaining("both positive and negative");
        assertThatThrownBy(() -> new ModelTrainer.Options(1, 5, 0, 0.9, 1)).hasMessageContaining("folds");
        assertThatThrownBy(() -> new ModelTrainer.Options(5, 0, 0, 0.9, 1)).hasMessageContaining("epochs");
        assertThatThrownBy(() -> new ModelTrainer.Options(5, 5, Double.NaN, 0.9, 1)).hasMessageContaining("l2");
        assertThatThrownBy(() -> new ModelTrainer.Options(5, 5, 0, 0, 1)).hasMessageContaining("negativeQuantile");
        assertThatThrownBy(() -> new ModelTrainer.Example(null, true, "g")).isInstanceOf(NullPointerException.class);
    }
}
