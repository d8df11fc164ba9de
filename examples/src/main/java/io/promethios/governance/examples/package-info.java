/**
 * Runnable examples. {@link io.promethios.governance.examples.cli.PromethiosCli} is the
 * {@code promethios.jar} command line (the demo, audit verification); the quick start of the
 * README is {@link io.promethios.governance.examples.quickstart.QuickStart}.
 */
package io.promethios.governance.examples;
