/** Placeholder. */
package io.promethios.governance.adapters;
