/**
 * The {@code eval} subcommand: start with {@link io.promethios.governance.examples.eval.EvalCommand#run}.
 */
package io.promethios.governance.examples.eval;
