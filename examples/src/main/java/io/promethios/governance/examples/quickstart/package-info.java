/** The README quick start, compiled so it cannot drift from the API. */
package io.promethios.governance.examples.quickstart;
