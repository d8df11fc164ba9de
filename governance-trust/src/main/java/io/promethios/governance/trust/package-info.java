/** Placeholder. */
package io.promethios.governance.trust;
