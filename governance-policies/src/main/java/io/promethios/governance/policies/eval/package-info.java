/**
 * Measuring detectors on labelled data. Start with
 * {@link io.promethios.governance.policies.eval.StandardEvaluation#run(java.nio.file.Path)} for the
 * shared datasets, or {@link io.promethios.governance.policies.eval.Evaluator#rows} with
 * {@link io.promethios.governance.policies.eval.DatasetReader} for any JSON-lines or CSV file.
 * Every dataset is split into a tuning half and a reporting half by
 * {@link io.promethios.governance.policies.eval.Split} (SHA-256 of the text, first byte parity).
 */
package io.promethios.governance.policies.eval;
