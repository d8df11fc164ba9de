/** Placeholder. */
package io.promethios.governance.examples;
