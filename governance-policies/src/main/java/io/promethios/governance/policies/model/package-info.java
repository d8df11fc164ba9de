/**
 * Small learned text classifiers: {@link io.promethios.governance.policies.model.LinearTextModel}
 * (logistic regression on hashed word unigrams and bigrams), its deterministic
 * {@link io.promethios.governance.policies.model.ModelTrainer}, and
 * {@link io.promethios.governance.policies.model.TrainingData}, the recipe of the built-in
 * injection and harmful models, which ship as resources of this package and are reproduced
 * bit for bit by {@code java -jar examples/target/promethios.jar train-models}.
 */
package io.promethios.governance.policies.model;
