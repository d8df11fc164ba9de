/**
 * Sessions: {@link io.promethios.governance.core.session.ChatSession} with its governed
 * {@link io.promethios.governance.core.session.Message} history, and the
 * {@link io.promethios.governance.core.session.SessionStore} SPI with its default
 * {@link io.promethios.governance.core.session.InMemorySessionStore}. Applications create and
 * read sessions through {@code GovernancePipeline.sessions()}.
 */
package io.promethios.governance.core.session;
