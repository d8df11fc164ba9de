/** The {@code promethios.jar} command line: start at {@link io.promethios.governance.examples.cli.PromethiosCli}. */
package io.promethios.governance.examples.cli;
