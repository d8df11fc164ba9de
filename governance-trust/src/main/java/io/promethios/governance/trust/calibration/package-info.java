/**
 * Measuring trust: start with {@link io.promethios.governance.trust.calibration.TrustCalibration}
 * (Brier score, reliability table and an isotonic calibration mapping from labeled outcomes) and
 * {@link io.promethios.governance.trust.calibration.RocAuc} (Mann-Whitney AUC, ties counted half).
 */
package io.promethios.governance.trust.calibration;
