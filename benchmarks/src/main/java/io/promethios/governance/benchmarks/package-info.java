/** Placeholder. */
package io.promethios.governance.benchmarks;
