package io.promethios.governance.trust.calibration;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TrustCalibrationTest {

    @Test
    void perfectlyCalibratedScoresHaveMatchingReliabilityAndKnownBrier() {
        // given trust t drawn uniformly and a turn good with probability exactly t
        Random r = new Random(1);
        TrustCalibration cal = TrustCalibration.create();
        for (int i = 0; i < 200_000; i++) {
            double t = r.nextDouble();
            cal.add(t, r.nextDouble() >= t);
        }
        CalibrationReport rep = cal.report(10);
        // E[(t - Bernoulli(t))^2] = E[t(1-t)] = 1/6 for uniform t
        assertThat(rep.brierScore()).isCloseTo(1.0 / 6, within(0.003));
        for (ReliabilityBin b : rep.reliability()) {
            assertThat(b.observedFrequency()).isCloseTo(b.meanPredicted(), within(0.02));
        }
        assertThat(rep.mapping().apply(0.25)).isCloseTo(0.25, within(0.05));
        assertThat(rep.calibratedBrier()).isLessThanOrEqualTo(rep.brierScore() + 1e-9);
    }

    @Test
    void overconfidentScoresAreFixedByTheMapping() {
        // given trust that says 0.9 where only half the turns are good, and 0.1 where all are bad
        TrustCalibration cal = TrustCalibration.create();
        for (int i = 0; i < 1000; i++) {
            cal.add(0.9, i % 2 == 0);
            cal.add(0.1, true);
        }
        CalibrationReport rep = cal.report(10);
        assertThat(rep.reliability().get(9).meanPredicted()).isCloseTo(0.9, within(1e-12));
        assertThat(rep.reliability().get(9).observedFrequency()).isCloseTo(0.5, within(1e-12));
        assertThat(rep.reliability().get(5).count()).isZero();
        // Brier: half (0.9-0)^2 + half... over 2000: (500*0.01 + 500*0.81 + 1000*0.01)/2000
        assertThat(rep.brierScore()).isCloseTo((500 * 0.01 + 500 * 0.81 + 1000 * 0.01) / 2000, within(1e-12));
        assertThat(rep.mapping().apply(0.9)).isCloseTo(0.5, within(1e-12));
        assertThat(rep.mapping().apply(0.1)).isCloseTo(0.0, within(1e-12));
        assertThat(rep.calibratedBrier()).isCloseTo(0.125, within(1e-12)); // 0.25 on the 0.9 half, 0 elsewhere
        // good turns (all at 0.9) beat 1000 of 1500 bad turns and tie with 500: (1000 + 250) / 1500
        assertThat(rep.rocAuc()).isCloseTo(1250.0 / 1500, within(1e-12));
        assertThat(rep.describe()).contains("brier=");
    }

    @Test
    void isotonicRegressionPoolsViolators() {
        IsotonicMapping m = IsotonicMapping.fit(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4});
        assertThat(m.knotsY()).containsExactly(1, 2.5, 4);
        assertThat(m.knotsX()).containsExactly(1, 2.5, 4);
        assertThat(m.apply(0)).isEqualTo(1);
        assertThat(m.apply(3.25)).isCloseTo(3.25, within(1e-12));
        assertThat(m.apply(10)).isEqualTo(4);
        // monotone whatever the data
        Random r = new Random(7);
        double[] x = new double[500];
        double[] y = new double[500];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
            y[i] = r.nextDouble();
        }
        double[] ky = IsotonicMapping.fit(x, y).knotsY();
        for (int i = 1; i < ky.length; i++) {
            assertThat(ky[i]).isGreaterThanOrEqualTo(ky[i - 1]);
        }
    }

    @Test
    void rocAucByMannWhitneyWithTiesCountedHalf() {
        assertThat(RocAuc.of(new double[] {0.9, 0.8}, new double[] {0.1, 0.2})).isEqualTo(1.0);
        assertThat(RocAuc.of(new double[] {0.1}, new double[] {0.9})).isEqualTo(0.0);
        assertThat(RocAuc.of(new double[] {0.5, 0.5}, new double[] {0.5})).isEqualTo(0.5);
        // pairs: (0.6>0.4)=1, (0.6=0.6)=0.5, (0.3<0.4)=0, (0.3<0.6)=0 -> 1.5/4
        assertThat(RocAuc.of(new double[] {0.6, 0.3}, new double[] {0.4, 0.6})).isEqualTo(0.375);
        assertThatThrownBy(() -> RocAuc.of(new double[0], new double[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RocAuc.of(new double[] {Double.NaN}, new double[] {1})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> TrustCalibration.create().add(Double.NaN, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustCalibration.create().add(1.5, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustCalibration.create().report()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TrustCalibration.create().add(0.5, true).report(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
