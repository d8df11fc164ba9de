/**
 * The observer: reviews each completed turn and raises graded
 * {@link io.promethios.governance.core.observer.Intervention}s. Start with
 * {@link io.promethios.governance.core.observer.RuleObserver}, the default.
 */
package io.promethios.governance.core.observer;
