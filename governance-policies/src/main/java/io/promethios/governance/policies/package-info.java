/** Placeholder. */
package io.promethios.governance.policies;
