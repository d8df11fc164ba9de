/** Placeholder. */
package io.promethios.governance.spring;
