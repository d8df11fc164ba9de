/** Placeholder package; see the module README for what is coming. */
package io.promethios.governance.trust;
